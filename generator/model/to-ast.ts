// The model back as Smithy JSON AST (json-ast.rst): shapes as declared (mixins kept), sorted by
// id, traits sorted by id, without the prelude. What `codegen ast` prints.

import type { Member, Model, Shape } from "./model.js";
import { PRELUDE_NAMESPACE, namespaceOf } from "./shape-id.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function modelToAst(model: Model): { smithy: "1.0" | "2.0"; metadata?: Record<string, Json>; shapes: Record<string, Json> } {
  const shapes: Record<string, Json> = {};
  for (const id of [...model.declared.keys()].sort()) {
    const shape = model.declared.get(id)!;
    if (namespaceOf(id) === PRELUDE_NAMESPACE && shape.source.file === "<prelude>") continue;
    shapes[id] = shapeToAst(shape);
  }
  for (const apply of model.declaredApplies) shapes[apply.target] = { type: "apply", traits: traitsToAst(apply.traits) };
  const metadata = Object.fromEntries([...model.metadata].sort(([a], [b]) => (a < b ? -1 : 1))) as Record<string, Json>;
  return { smithy: model.version, ...(model.metadata.size > 0 && { metadata }), shapes };
}

function shapeToAst(shape: Shape): Json {
  const out: Record<string, Json> = { type: shape.setSyntax === true ? "set" : shape.type };
  const refs = (ids: readonly string[] | undefined) => (ids ?? []).map((target) => ({ target }));
  const refMap = (map: ReadonlyMap<string, string> | undefined) =>
    Object.fromEntries([...(map ?? [])].map(([k, target]) => [k, { target }]));
  if (shape.mixins.length > 0) out["mixins"] = refs(shape.mixins);
  switch (shape.type) {
    case "list":
    case "map":
      for (const m of shape.members) out[m.name] = memberToAst(m);
      break;
    case "structure":
    case "union":
    case "enum":
    case "intEnum":
      // A mixin with no members of its own has none in the JSON AST, as Smithy writes it.
      if (shape.members.length > 0 || !shape.traits.has("smithy.api#mixin")) {
        out["members"] = Object.fromEntries(shape.members.map((m) => [m.name, memberToAst(m)]));
      }
      break;
    case "service":
      if (shape.version !== undefined) out["version"] = shape.version;
      if (shape.operations?.length) out["operations"] = refs(shape.operations);
      if (shape.resources?.length) out["resources"] = refs(shape.resources);
      if (shape.errors?.length) out["errors"] = refs(shape.errors);
      if (shape.rename?.size) out["rename"] = Object.fromEntries(shape.rename);
      break;
    case "operation":
      out["input"] = { target: shape.input! };
      out["output"] = { target: shape.output! };
      if (shape.errors?.length) out["errors"] = refs(shape.errors);
      break;
    case "resource":
      if (shape.identifiers?.size) out["identifiers"] = refMap(shape.identifiers);
      if (shape.properties?.size) out["properties"] = refMap(shape.properties);
      for (const [k, target] of shape.lifecycle ?? []) out[k] = { target };
      if (shape.operations?.length) out["operations"] = refs(shape.operations);
      if (shape.collectionOperations?.length) out["collectionOperations"] = refs(shape.collectionOperations);
      if (shape.resources?.length) out["resources"] = refs(shape.resources);
      break;
    default:
      break;
  }
  const traits = new Map(shape.traits);
  if (shape.setSyntax === true) traits.delete("smithy.api#uniqueItems");
  if (traits.size > 0) out["traits"] = traitsToAst(traits);
  return out;
}

function memberToAst(member: Member): Json {
  return member.traits.size > 0 ? { target: member.target, traits: traitsToAst(member.traits) } : { target: member.target };
}

function traitsToAst(traits: ReadonlyMap<string, unknown>): Json {
  return Object.fromEntries([...traits].sort(([a], [b]) => (a < b ? -1 : 1))) as Json;
}
