// The form of a trait's value, derived from the shape that defines the trait: how the loader
// checks traits a model defines itself, and how the test of the trait table compares the
// generator's knowledge with Smithy's definition files.

import type { Member, Model, Shape } from "./model.js";
import type { ValueSchema } from "./prelude.js";

/** The value schema of a trait defined by `shape` (its members' targets, recursively). */
export function traitValueSchema(model: Model, shape: Shape): ValueSchema {
  return schemaOf(model, shape, undefined, new Set());
}

/** `path` holds the shapes being expanded: a recursive reference is `any` (not expanded again). */
function schemaOf(model: Model, shape: Shape, member: Member | undefined, path: Set<string>): ValueSchema {
  // @idRef on the member or its target: a shape id, resolved when failWhenMissing is set.
  const idRef = (member?.traits.get("smithy.api#idRef") ?? shape.traits.get("smithy.api#idRef")) as { failWhenMissing?: boolean } | undefined;
  if (idRef !== undefined && shape.type === "string") return idRef.failWhenMissing === true ? "shapeRef" : "shapeId";
  if (path.has(shape.id)) return "any";
  path.add(shape.id);
  try {
    const target = (m: Member | undefined): ValueSchema => {
      const s = m === undefined ? undefined : model.shapes.get(m.target);
      return s === undefined ? "any" : schemaOf(model, s, m, path);
    };
    switch (shape.type) {
      case "structure": {
        if (shape.members.length === 0) return "annotation";
        const struct = Object.fromEntries(shape.members.map((m) => [m.name, target(m)]));
        const required = shape.members.filter((m) => m.traits.has("smithy.api#required")).map((m) => m.name);
        return required.length === 0 ? { struct } : { struct, required };
      }
      case "list": return { list: target(shape.members[0]) };
      case "map": return { map: target(shape.members[1]) };
      case "string": {
        const values = shape.traits.get("smithy.api#enum") as Array<{ value: string }> | undefined;
        return values === undefined ? "string" : { enum: values.map((v) => v.value) };
      }
      case "enum": return { enum: shape.members.map((m) => String(m.traits.get("smithy.api#enumValue") ?? m.name)) };
      case "boolean": return "boolean";
      case "byte": case "short": case "integer": case "long": case "intEnum": return "integer";
      case "float": case "double": case "bigInteger": case "bigDecimal": return "number";
      default: return "any";
    }
  } finally {
    path.delete(shape.id);
  }
}
