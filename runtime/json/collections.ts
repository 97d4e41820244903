// Lists and maps: nulls dropped unless the collection is sparse, each item converted.

import { put } from "../properties.js";

/** A list without null items (only sparse lists keep them). */
export function dense<T>(list: readonly (T | null | undefined)[]): T[] {
  if (!Array.isArray(list) || !(list.includes(null) || list.includes(undefined))) return list as T[];
  return list.filter((x): x is T => x != null);
}

/** A map without null values (only sparse maps keep them); the map itself when it has none. */
export function denseMap<T>(map: Record<string, T | null>): Record<string, T> {
  if (typeof map === "object" && map !== null) for (const k in map) if (map[k] === null) return mapOf(map, (x) => x);
  return map as Record<string, T>;
}

/** A list with each item converted by `convert`; nulls dropped, or kept when sparse. Not a list: as is. */
export function listOf(v: any, convert: (x: any) => unknown, sparse?: boolean): any {
  if (!Array.isArray(v)) return v;
  const o: unknown[] = [];
  for (const x of v) if (x != null) o.push(convert(x));
  else if (sparse) o.push(null);
  return o;
}

/** A map with each value converted by `convert`; nulls dropped, or kept when sparse. Not an object: as is. */
export function mapOf(v: any, convert: (x: any) => unknown, sparse?: boolean): any {
  if (typeof v !== "object" || v === null) return v;
  const o: Record<string, unknown> = {};
  for (const k of Object.keys(v)) {
    const x = v[k];
    if (x != null) put(o, k, convert(x));
    else if (sparse) put(o, k, null);
  }
  return o;
}
