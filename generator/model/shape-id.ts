// Smithy shape ids: `namespace#Name` and `namespace#Name$member`.

// Identifier (model.rst): leading underscores must be followed by a letter or digit, so `_` alone is not one.
const ID = "(?:_+[A-Za-z0-9]|[A-Za-z])[A-Za-z0-9_]*";
const SHAPE_ID = new RegExp(`^${ID}(?:\\.${ID})*#${ID}(?:\\$${ID})?$`);
const IDENTIFIER = new RegExp(`^${ID}$`);

export function isAbsoluteShapeId(id: string): boolean {
  return SHAPE_ID.test(id) && !id.includes("$");
}

/** `namespace#Name$member`: what a JSON AST "apply" entry may name besides a shape. */
export function isMemberId(id: string): boolean {
  return SHAPE_ID.test(id) && id.includes("$");
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

/** The prelude's unit shape: an operation input or output of no value. */
export const UNIT = "smithy.api#Unit";
