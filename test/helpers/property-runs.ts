// How many cases a fast-check property runs. CI runs each property with one fixed seed (set for
// every test file in test/setup/fast-check.ts) and the count its file gives, so a red run is
// reproducible. `npm run test:explore` sets FC_EXPLORE (a factor, 10 there) to draw a new seed
// for every property and multiply the counts; fast-check prints the seed and path of a failure.

/** The factor of an exploration run, 0 in a normal run. */
export const EXPLORE = Math.max(0, Number(process.env["FC_EXPLORE"] ?? 0) || 0);

/** The seed of every property in a normal run. */
export const FIXED_SEED = 20_240_601;

/** `n` cases in a normal run, `n × FC_EXPLORE` in an exploration run. */
export function runs(n: number): number {
  return EXPLORE > 0 ? Math.round(n * EXPLORE) : n;
}
