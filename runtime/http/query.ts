// Values bound to the query string (`@httpQuery`, `@httpQueryParams`).

import type { QueryParameterBag } from "@smithy/types";
import { put } from "../properties.js";
import { scalarText } from "./scalar-text.js";

/** A list bound to the query: the key repeats, once per value. */
export function queryList(list: unknown, convert?: (x: any) => string): string[] {
  const out: string[] = [];
  for (const x of Array.isArray(list) ? list : [list]) if (x != null) out.push(convert === undefined ? scalarText(x, "a query value") : convert(x));
  return out;
}

/** `@httpQueryParams`: every key that no named query member has already set (`__proto__` too). */
export function queryParams(query: QueryParameterBag, map: Record<string, unknown>): void {
  for (const k of Object.keys(map)) {
    const v = map[k];
    if (v != null && !Object.hasOwn(query, k)) put(query, k, Array.isArray(v) ? queryList(v) : scalarText(v, "a query value"));
  }
}
