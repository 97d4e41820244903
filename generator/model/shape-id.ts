// Smithy shape ids: `namespace#Name` and `namespace#Name$member`.

const SHAPE_ID = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*#[A-Za-z_][A-Za-z0-9_]*(\$[A-Za-z_][A-Za-z0-9_]*)?$/;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function isAbsoluteShapeId(id: string): boolean {
  return SHAPE_ID.test(id) && !id.includes("$");
}

export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}

export function namespaceOf(id: string): string {
  return id.slice(0, id.indexOf("#"));
}

/** The shape name without namespace or member: `ns#Foo$bar` → `Foo`. */
export function nameOf(id: string): string {
  const hash = id.indexOf("#");
  const dollar = id.indexOf("$", hash);
  return id.slice(hash + 1, dollar === -1 ? undefined : dollar);
}

export const PRELUDE_NAMESPACE = "smithy.api";
export const prelude = (name: string): string => `${PRELUDE_NAMESPACE}#${name}`;
