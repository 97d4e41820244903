// Unions read from JSON.

/** A union member this client does not know: `$unknown` holds its name and value (`__type` is ignored). */
export function unknownMember(v: any): any {
  const keys = Object.keys(v).filter((k) => k !== "__type");
  return keys.length === 1 ? { $unknown: [keys[0], v[keys[0]!]] } : {};
}
