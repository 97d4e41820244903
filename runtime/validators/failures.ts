// How a generated check records a failure: its path (a JSON pointer over member names) is
// joined from the check function's prefix `p`, last segment `k` and a suffix only when a failure
// is recorded, and the failure list is created on the first one, so a valid value allocates
// nothing.

import { MAX_VALIDATION_FAILURES } from "./limits.js";

/** One constraint a value failed: where (a JSON pointer over member names), which constraint, and the Smithy server SDK's message. */
export interface ConstraintFailure {
  path: string;
  constraint: "required" | "type" | "length" | "pattern" | "range" | "enum" | "uniqueItems";
  message: string;
}

/** A failure rule: the constraint and the constant end of the message ("' failed to satisfy constraint: Member …"). */
export interface FailureRule {
  readonly constraint: ConstraintFailure["constraint"];
  readonly tail: string;
}

/**
 * Adds the failure at `p + k + suffix`: "Value at '<path>" (or "Value with length <n> at '<path>"
 * when `length` is given) and the rule's tail. The list is created on the first failure and
 * holds at most MAX_VALIDATION_FAILURES.
 */
export function addFailure(
  f: ConstraintFailure[] | undefined,
  p: string,
  k: string | number,
  suffix: string,
  rule: FailureRule,
  length = -1,
): ConstraintFailure[] {
  if (f !== undefined && f.length >= MAX_VALIDATION_FAILURES) return f;
  const path = p === "" && k === "" ? suffix : p + k + suffix;
  const head = length < 0 ? "Value at '" : "Value with length " + length + " at '";
  const failure: ConstraintFailure = { path, constraint: rule.constraint, message: head + path + rule.tail };
  if (f === undefined) return [failure];
  f.push(failure);
  return f;
}

/** A failure site with a constant path suffix; `root` keeps its message at the root once built. */
export interface FailureSite {
  readonly suffix: string;
  readonly rule: FailureRule;
  root: string | undefined;
}

export function failureSite(suffix: string, rule: FailureRule): FailureSite {
  return { suffix, rule, root: undefined };
}

/** Adds the failure at `p + k + site.suffix` (up to the cap, as addFailure). */
export function addFailureAt(f: ConstraintFailure[] | undefined, p: string, k: string | number, site: FailureSite): ConstraintFailure[] {
  if (f !== undefined && f.length >= MAX_VALIDATION_FAILURES) return f;
  const rule = site.rule;
  const failure: ConstraintFailure =
    p === "" && k === ""
      ? { path: site.suffix, constraint: rule.constraint, message: (site.root ??= "Value at '" + site.suffix + rule.tail) }
      : { path: p + k + site.suffix, constraint: rule.constraint, message: "Value at '" + p + k + site.suffix + rule.tail };
  if (f === undefined) return [failure];
  f.push(failure);
  return f;
}

/** `p + k + suffix`, without building anything at the root. */
export function joinPath(p: string, k: string | number, suffix: string): string {
  return p === "" && k === "" ? suffix : p + k + suffix;
}

/** The state of one validation call through recursive shapes. */
export interface ValidationWalk {
  /** The objects on the current path: meeting one again is a reference cycle. */
  readonly path: Set<unknown>;
  /** Per recursive shape (by number), values found valid as that shape: a shared object is checked once. */
  readonly valid: Array<Set<unknown> | undefined>;
  /** How many recursive values the call has entered so far. */
  entries: number;
}
