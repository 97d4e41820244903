// How generated checks record a failure. A check function gets its path as a prefix `p` and a
// last segment `k`; a failure site passes both and the rest of the path, which are joined only
// then (at the root, where both are empty, not at all). Each distinct rule (constraint and
// message tail) and each constant site (path suffix and rule) is one module constant, so a site
// is one short call and no message text repeats.

import type { RuntimeImports } from "../../codegen/runtime-imports.js";
import { tail } from "./rules.js";

export type PathPart = { readonly c: string } | { readonly e: string };
export type Path = readonly PathPart[];

/** The path of a check function's own value: `p + k`. */
export const FUNCTION_ROOT: Path = [{ e: "p" }, { e: "k" }];

/** The JS expression of a path, constant parts merged; `join` names the function that joins `p + k + suffix`. */
export function pathJs(path: Path, join?: () => string): string {
  const merged: PathPart[] = [];
  for (const part of path) {
    const last = merged[merged.length - 1];
    if ("c" in part && last !== undefined && "c" in last) merged[merged.length - 1] = { c: last.c + part.c };
    else merged.push(part);
  }
  const [p, k, c] = merged;
  if (join !== undefined && isVar(p, "p") && isVar(k, "k") && c !== undefined && "c" in c) {
    merged.splice(0, 3, { e: `${join()}(p, k, ${JSON.stringify(c.c)})` });
  }
  const pieces = merged.map((part) => ("c" in part ? JSON.stringify(part.c) : part.e));
  return pieces.length === 0 ? '""' : pieces.join(" + ");
}

function isVar(part: PathPart | undefined, name: string): boolean {
  return part !== undefined && "e" in part && part.e === name;
}

export class FailureSites {
  /** `const $rN: FailureRule = …;` and `const $sN = failureSite(…);` declarations, in order of first use. */
  readonly constants: string[] = [];
  private readonly ruleIds = new Map<string, string>();
  private readonly siteIds = new Map<string, string>();

  constructor(private readonly runtime: RuntimeImports) {}

  /** The module constant of a rule: its constraint and the message tail. */
  rule(constraint: string, rule: string): string {
    const text = tail(rule);
    const key = `${constraint}\u0000${text}`;
    let name = this.ruleIds.get(key);
    if (name === undefined) {
      name = `$r${this.ruleIds.size}`;
      this.ruleIds.set(key, name);
      this.constants.push(`const ${name}: ${this.runtime.use("FailureRule")} = { constraint: "${constraint}", tail: ${JSON.stringify(text)} };`);
    }
    return name;
  }

  /** A statement recording the failure `"Value at '<path>…"`. */
  fail(path: Path, constraint: string, rule: string): string {
    const ruleId = this.rule(constraint, rule);
    const suffix = constantSuffix(path);
    if (suffix === undefined) return `f = ${this.runtime.use("addFailure")}(f, p, k, ${suffixJs(path)}, ${ruleId});`;
    // A constant suffix is a shared site, which keeps the whole message it has at the root.
    const key = `${suffix}\u0000${ruleId}`;
    let site = this.siteIds.get(key);
    if (site === undefined) {
      site = `$s${this.siteIds.size}`;
      this.siteIds.set(key, site);
      this.constants.push(`const ${site} = ${this.runtime.use("failureSite")}(${JSON.stringify(suffix)}, ${ruleId});`);
    }
    return `f = ${this.runtime.use("addFailureAt")}(f, p, k, ${site});`;
  }

  /** A statement recording the failure `"Value with length <n> at '<path>…"`. */
  failLength(path: Path, length: string, rule: string): string {
    return `f = ${this.runtime.use("addFailure")}(f, p, k, ${suffixJs(path)}, ${this.rule("length", rule)}, ${length});`;
  }
}

/** For a path `p + k + "<constant>"` (or `p + k`), the constant; otherwise undefined. */
function constantSuffix(path: Path): string | undefined {
  const rest = path.slice(2);
  return rest.every((part) => "c" in part) ? rest.map((part) => ("c" in part ? part.c : "")).join("") : undefined;
}

/** The JS expression of what follows `p + k` in a path inside a check function. */
function suffixJs(path: Path): string {
  if (!isVar(path[0], "p") || !isVar(path[1], "k")) throw new Error(`internal: a failure path outside a check function: ${pathJs(path)}`);
  return pathJs(path.slice(2));
}
