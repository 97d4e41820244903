// The bounds every generated validator works within (the generator writes the same numbers into
// its checks; a test keeps them equal).

/** How deep values may nest before validation stops descending (the JS stack is finite). */
export const MAX_VALUE_DEPTH = 1000;

/**
 * The most failures one validate call collects. A value graph that shares a failing object
 * reports it at every path it has, which can be exponentially many: the cap bounds the work.
 */
export const MAX_VALIDATION_FAILURES = 10_000;
