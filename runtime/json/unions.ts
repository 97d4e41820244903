// Unions read from and written to JSON.

/** A union member this client does not know: `$unknown` holds its name and value (`__type` is ignored). */
export function unknownMember(v: any): any {
  const keys = Object.keys(v).filter((k) => k !== "__type");
  return keys.length === 1 ? { $unknown: [keys[0], v[keys[0]!]] } : {};
}

/**
 * Whether a union value has exactly one key: then, if that member crosses the wire unchanged, the
 * value is its own JSON and no copy of it is made.
 */
export function hasOneKey(v: object): boolean {
  let keys = 0;
  for (const _ in v) if (++keys > 1) return false;
  return keys === 1;
}
