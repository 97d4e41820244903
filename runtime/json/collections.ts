// Lists and maps of values that cross JSON as they are: nulls dropped unless the collection is
// sparse. (Collections whose items are converted get a loop in the generated code.)

import { put } from "../properties.js";

/** A list without null items (only sparse lists keep them). */
export function dense<T>(list: readonly (T | null | undefined)[]): T[] {
  if (!Array.isArray(list)) return list as T[];
  // One pass to find a null; most lists have none and are returned as they are.
  for (let i = 0; i < list.length; i++) if (list[i] == null) return list.filter((x): x is T => x != null);
  return list as T[];
}

/** A map without null values (only sparse maps keep them); the map itself when it has none. */
export function denseMap<T>(map: Record<string, T | null>): Record<string, T> {
  if (typeof map === "object" && map !== null) for (const k in map) if (map[k] === null) return withoutNulls(map);
  return map as Record<string, T>;
}

function withoutNulls<T>(map: Record<string, T | null>): Record<string, T> {
  const o: Record<string, T> = {};
  for (const k of Object.keys(map)) if (map[k] !== null) put(o, k, map[k]);
  return o;
}
