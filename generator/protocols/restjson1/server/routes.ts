// The server's route table (http-bindings.rst): each operation's method, path segments (literal
// text, a label, or the greedy label) and literal query parameters, and the order routes are
// tried in — most specific first, by the spec's specificity routing: a literal segment before a
// label, a label before a greedy label, more segments first, then more query literals.

import { CodegenError } from "../../../diagnostics.js";
import type { Shape } from "../../../model/model.js";
import type { RequestBindings } from "../../transport/http-bindings/bindings.js";

/** One path segment of a pattern: literal text, or a label (greedy: it takes one or more segments). */
export type RouteSegment =
  | { readonly kind: "literal"; readonly text: string }
  | { readonly kind: "label"; readonly greedy: boolean };

export interface Route {
  readonly method: string;
  readonly segments: readonly RouteSegment[];
  readonly query: RequestBindings["queryLiterals"];
}

/** The route of an operation from its @http uri; a label must span a whole segment. */
export function routeOf(op: Shape, bindings: RequestBindings): Route {
  const uri = (op.traits.get("smithy.api#http") as { uri: string }).uri;
  const path = uri.split("?")[0]!.split("/").filter((s, i, all) => !(s === "" && (i === 0 || i === all.length - 1)));
  const segments = path.map((segment): RouteSegment => {
    const label = /^\{[A-Za-z_][A-Za-z0-9_]*(\+)?\}$/.exec(segment);
    if (label !== null) return { kind: "label", greedy: label[1] === "+" };
    if (segment.includes("{") || segment.includes("}")) {
      throw new CodegenError([{ ...op.source, shape: op.id, message: `the URI ${uri} has a label that does not span a whole path segment (${segment}); a server cannot route it` }]);
    }
    return { kind: "literal", text: segment };
  });
  return { method: bindings.method, segments, query: bindings.queryLiterals };
}

/** Route indexes, most specific first; equally specific routes keep their order. */
export function routePriority(routes: readonly Route[]): number[] {
  return routes.map((_, i) => i).sort((a, b) => compareSpecificity(routes[a]!, routes[b]!) || a - b);
}

const rank = (s: RouteSegment) => (s.kind === "literal" ? 0 : s.greedy ? 2 : 1);

/** Negative when `a` is more specific than `b` (http-bindings.rst, "Specificity Routing"). */
export function compareSpecificity(a: Route, b: Route): number {
  const n = Math.min(a.segments.length, b.segments.length);
  for (let x = 0; x < n; x++) {
    const difference = rank(a.segments[x]!) - rank(b.segments[x]!);
    if (difference !== 0) return difference;
  }
  return b.segments.length - a.segments.length || b.query.length - a.query.length;
}

/** The route as a TypeScript literal for the generated table: labels are 0, the greedy label 1. */
export function routeLiteral(route: Route): string {
  const path = route.segments.map((s) => (s.kind === "literal" ? JSON.stringify(s.text) : s.greedy ? "1" : "0"));
  const query = route.query.map(([k, v]) => `[${JSON.stringify(k)}, ${JSON.stringify(v)}]`);
  return `{ method: ${JSON.stringify(route.method)}, path: [${path.join(", ")}], query: [${query.join(", ")}] }`;
}
