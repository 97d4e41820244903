// An HTTP-bindings server's router (http-bindings.rst): routes are tried most specific first;
// a request that fits only another method's route is 405, one that fits none 404.

import { percentDecode } from "./request-error.js";

/** A route: method, path segments (text; 0 a label; 1 the greedy label) and query literals (null: any value). */
export interface Route {
  readonly method: string;
  readonly path: readonly (string | 0 | 1)[];
  readonly query: readonly (readonly [string, string | null])[];
}

/** The path's segments, without the leading slash and a trailing one ("/a/b/" → ["a", "b"]). */
export function pathSegments(path: string): string[] {
  const start = path.startsWith("/") ? 1 : 0;
  const end = path.length > start && path.endsWith("/") ? path.length - 1 : path.length;
  return end <= start ? [] : path.slice(start, end).split("/");
}

/** The label texts (still percent-encoded) when the request fits the route, else undefined. */
export function matchRoute(route: Route, segments: readonly string[], q: Record<string, string[]>): string[] | undefined {
  const pattern = route.path;
  const labels: string[] = [];
  let i = 0;
  for (let p = 0; p < pattern.length; p++) {
    const s = pattern[p]!;
    if (s === 1) {
      // The greedy label takes one or more segments: all that the rest of the pattern leaves.
      const end = segments.length - (pattern.length - p - 1);
      if (end <= i) return undefined;
      labels.push(segments.slice(i, end).join("/"));
      i = end;
      continue;
    }
    const segment = segments[i++];
    if (segment === undefined) return undefined;
    if (s === 0) {
      if (segment === "") return undefined;
      labels.push(segment);
    } else if (segment !== s && (!segment.includes("%") || percentDecode(segment) !== s)) {
      return undefined;
    }
  }
  if (i !== segments.length) return undefined;
  for (const [key, value] of route.query) {
    const values = q[key];
    if (values === undefined || (value !== null && !values.includes(value))) return undefined;
  }
  return labels;
}

/**
 * The operation (its index in `routes`) and label texts of a request, trying routes in
 * `priority` order; 404 when no route fits, 405 when only other methods' do.
 */
export function findRoute(
  routes: readonly Route[],
  priority: readonly number[],
  method: string,
  path: string,
  q: Record<string, string[]>,
): { op: number; labels: string[] } | 404 | 405 {
  const segments = pathSegments(path);
  let status: 404 | 405 = 404;
  for (const op of priority) {
    const route = routes[op]!;
    const labels = matchRoute(route, segments, q);
    if (labels === undefined) continue;
    if (route.method === method) return { op, labels };
    status = 405;
  }
  return status;
}
