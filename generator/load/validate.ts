// Checks a merged model: every reference resolves to a shape of the right kind, every trait is
// known, sits on a shape it may be applied to and has a value of the right form, and the
// rules of enums, operations and services hold. Problems name the file, line and shape id.

import type { Diagnostic } from "../diagnostics.js";
import { shapeReferences, type Member, type Model, type Shape, type ShapeType, type SourceRef } from "../model/model.js";
import { KNOWN_TRAITS, LIBRARY_SHAPES, type TraitDefinition, type TraitSelector, type ValueSchema } from "../model/prelude.js";
import { isAbsoluteShapeId, isIdentifier, nameOf } from "../model/shape-id.js";
import { traitValueSchema } from "../model/trait-schema.js";

const MEMBER_TARGET_FORBIDDEN = new Set<ShapeType>(["service", "operation", "resource"]);

/** With `unknownTraits`, a trait neither defined in the model nor known is a warning put there, not a problem. */
export function validateModel(model: Model, problems: Diagnostic[], unknownTraits?: Diagnostic[]): void {
  const report = (message: string, source: SourceRef, shape: string) => problems.push({ ...source, message, shape });
  const reportUnknown = (traitId: string, source: SourceRef, shape: string) => {
    if (unknownTraits === undefined) report(`unknown trait ${traitId}: it is not defined in the model nor known to the generator`, source, shape);
    else unknownTraits.push({ ...source, shape, message: `warning: unknown trait ${traitId} is ignored (allowUnknownTraits): it is not defined in the model nor known to the generator` });
  };
  const { shapes } = model;
  checkCollectionRecursion(model, report);

  for (const shape of shapes.values()) {
    if (shape.source.file === "<prelude>") continue;
    for (const member of shape.members) {
      const target = shapes.get(member.target);
      if (target === undefined) report(`member ${member.name} targets ${member.target}, which is not defined`, member.source, member.id);
      else if (MEMBER_TARGET_FORBIDDEN.has(target.type)) {
        report(`member ${member.name} targets ${article(target.type)} ${member.target}; members must target data shapes`, member.source, member.id);
      } else if (target.traits.has("smithy.api#mixin")) {
        report(`member ${member.name} targets the mixin ${member.target}; a mixin can only be used in "mixins"`, member.source, member.id);
      } else if (target.id === "smithy.api#Unit" && !UNIT_MEMBER_OWNERS.has(shape.type)) {
        report(`member ${member.name} targets smithy.api#Unit, which only union members and operation input/output may do`, member.source, member.id);
      }
      checkTraits(model, member.traits, member, shape, report, reportUnknown);
    }
    for (const { property, target } of shapeReferences(shape)) {
      if (property === "mixins") continue;
      const ref = shapes.get(target);
      const expected = EXPECTED_REFERENCE[property];
      if (ref === undefined) report(`${property} references ${target}, which is not defined`, shape.source, shape.id);
      else if (ref.traits.has("smithy.api#mixin")) {
        report(`${property} references the mixin ${target}; a mixin can only be used in "mixins"`, shape.source, shape.id);
      } else if (expected !== undefined && ref.type !== expected) {
        report(`${property} must reference ${article(expected)}, but ${target} is ${article(ref.type)}`, shape.source, shape.id);
      } else if (property === "errors" && !ref.traits.has("smithy.api#error")) {
        report(`${target} is listed as an error but has no @error trait`, shape.source, shape.id);
      }
    }
    checkTraits(model, shape.traits, undefined, shape, report, reportUnknown);
    const expectedMembers = shape.type === "list" ? "member" : shape.type === "map" ? "key,value" : undefined;
    if (expectedMembers !== undefined && shape.members.map((m) => m.name).join(",") !== expectedMembers) {
      report(`a ${shape.type} must have exactly the members ${expectedMembers}`, shape.source, shape.id);
    }
    if (shape.type === "enum" || shape.type === "intEnum") checkEnum(shape, report);
    if (shape.type === "resource" && shape.traits.has("smithy.api#mixin") && (shape.properties?.size ?? 0) > 0) {
      report("a resource with the @mixin trait may not define properties (mixins.rst, \"Resource mixins\")", shape.source, shape.id);
    }
    if (shape.type === "service") checkService(model, shape, report);
    if (shape.type === "string" && shape.traits.has("smithy.api#enum")) checkEnumTrait(shape, report);
  }
}

/** Enum members target Unit by definition; union members may, to carry no value. */
const UNIT_MEMBER_OWNERS = new Set<ShapeType>(["union", "enum", "intEnum"]);

const EXPECTED_REFERENCE: Record<string, ShapeType> = {
  operations: "operation", collectionOperations: "operation", resources: "resource", errors: "structure",
  input: "structure", output: "structure", create: "operation", put: "operation", read: "operation",
  update: "operation", delete: "operation", list: "operation",
};

function checkEnum(shape: Shape, report: (m: string, s: SourceRef, id: string) => void): void {
  // Members may all come from mixins; a mixin itself may have none of its own.
  if (shape.members.length === 0 && !shape.traits.has("smithy.api#mixin")) report(`an ${shape.type} must have at least one member`, shape.source, shape.id);
  const seen = new Map<unknown, string>();
  for (const member of shape.members) {
    if (member.target !== "smithy.api#Unit") report(`enum member ${member.name} must target smithy.api#Unit`, member.source, member.id);
    const value = member.traits.has("smithy.api#enumValue") ? member.traits.get("smithy.api#enumValue") : member.name;
    if (shape.type === "enum" && (typeof value !== "string" || value === "")) {
      report(`enum member ${member.name} must have a non-empty string @enumValue`, member.source, member.id);
    }
    if (shape.type === "intEnum" && !(typeof value === "number" && Number.isInteger(value) && member.traits.has("smithy.api#enumValue"))) {
      report(`intEnum member ${member.name} must have an integer @enumValue`, member.source, member.id);
    } else if (shape.type === "intEnum" && (value as number) !== ((value as number) | 0)) {
      report(`intEnum member ${member.name} has @enumValue ${String(value)}, outside the 32-bit integer range an intEnum holds`, member.source, member.id);
    }
    const other = seen.get(value);
    if (other !== undefined) report(`enum members ${other} and ${member.name} have the same value ${JSON.stringify(value)}`, member.source, member.id);
    seen.set(value, member.name);
  }
}

/** The `rename` rules of service-types.rst that do not need the closure. */
function checkService(model: Model, shape: Shape, report: (m: string, s: SourceRef, id: string) => void): void {
  for (const [id, name] of shape.rename ?? []) {
    if (!isAbsoluteShapeId(id)) {
      report(`rename key ${id} must be an absolute shape id (members cannot be renamed)`, shape.source, shape.id);
      continue;
    }
    if (!isIdentifier(name)) report(`rename of ${id} to "${name}" is not a valid identifier`, shape.source, shape.id);
    if (name === nameOf(id)) report(`rename of ${id} to "${name}" does not change its name`, shape.source, shape.id);
    const target = model.shapes.get(id);
    if (target === undefined) report(`rename of ${id}: no such shape in the model`, shape.source, shape.id);
    else if (MEMBER_TARGET_FORBIDDEN.has(target.type)) report(`rename of ${id}: ${article(target.type)} cannot be renamed`, shape.source, shape.id);
  }
}

/** The definitions of a string's @enum trait need distinct values and distinct names. */
function checkEnumTrait(shape: Shape, report: (m: string, s: SourceRef, id: string) => void): void {
  const definitions = shape.traits.get("smithy.api#enum");
  if (!Array.isArray(definitions)) return;
  const values = new Set<unknown>();
  const names = new Set<unknown>();
  for (const d of definitions as Array<{ value?: unknown; name?: unknown }>) {
    if (values.has(d.value)) report(`@enum lists the value ${JSON.stringify(d.value)} twice`, shape.source, shape.id);
    if (d.name !== undefined && names.has(d.name)) report(`@enum lists the name ${JSON.stringify(d.name)} twice`, shape.source, shape.id);
    values.add(d.value);
    names.add(d.name);
  }
}

function checkTraits(
  model: Model,
  traits: ReadonlyMap<string, unknown>,
  member: Member | undefined,
  shape: Shape,
  report: (m: string, s: SourceRef, id: string) => void,
  reportUnknown: (traitId: string, s: SourceRef, id: string) => void,
): void {
  const source = member?.source ?? shape.source;
  const where = member?.id ?? shape.id;
  for (const [traitId, value] of traits) {
    const definition = traitDefinition(model, traitId);
    if (definition === undefined) {
      reportUnknown(traitId, source, where);
      continue;
    }
    const selector = definition.selector;
    if (selector !== undefined && !selects(model, selector, shape, member)) {
      const kind = member === undefined ? article(shape.type) : `a member targeting ${article(model.shapes.get(member.target)?.type ?? "missing shape")}`;
      report(`trait ${traitId} cannot be applied to ${kind}`, source, where);
      continue;
    }
    const problem = checkValue(definition.value, value, model);
    if (problem !== undefined) report(`trait ${traitId} has an invalid value: ${problem}`, source, where);
  }
}

/** Trait definitions: the generator's knowledge first, then shapes in the model marked @trait. */
function traitDefinition(model: Model, traitId: string): TraitDefinition | undefined {
  const known = KNOWN_TRAITS.get(traitId);
  if (known !== undefined) return known;
  const shape = model.shapes.get(traitId);
  if (shape === undefined || !shape.traits.has("smithy.api#trait")) return undefined;
  return { value: traitValueSchema(model, shape) };
}

function selects(model: Model, selector: TraitSelector, shape: Shape, member: Member | undefined): boolean {
  if (member === undefined) return matchesType(selector.shapes, shape.type);
  if (selector.members === undefined) return false;
  if (selector.memberOf !== undefined && !selector.memberOf.includes(shape.type)) return false;
  if (selector.members.includes("*")) return true;
  const target = model.shapes.get(member.target);
  return target === undefined || matchesType(selector.members, target.type);
}

/** As in Smithy selectors, an enum is also a string and an intEnum also an integer. */
function matchesType(types: readonly (ShapeType | "*")[] | undefined, type: ShapeType): boolean {
  if (types === undefined) return false;
  return types.includes(type) || (type === "enum" && types.includes("string")) || (type === "intEnum" && types.includes("integer"));
}

function checkValue(schema: ValueSchema, value: unknown, model: Model): string | undefined {
  const describe = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "a list" : typeof v === "object" ? "an object" : JSON.stringify(v));
  switch (schema) {
    case "any": return undefined;
    case "string": return typeof value === "string" ? undefined : `expected a string, found ${describe(value)}`;
    case "boolean": return typeof value === "boolean" ? undefined : `expected a boolean, found ${describe(value)}`;
    case "number": return typeof value === "number" ? undefined : `expected a number, found ${describe(value)}`;
    case "integer": return Number.isInteger(value) ? undefined : `expected an integer, found ${describe(value)}`;
    case "shapeId":
    case "shapeRef":
      if (typeof value !== "string" || !isAbsoluteShapeId(value)) return `expected an absolute shape id, found ${describe(value)}`;
      if (schema === "shapeId") return undefined;
      return model.shapes.has(value) || KNOWN_TRAITS.has(value) || LIBRARY_SHAPES.has(value) ? undefined : `shape ${value} is not defined`;
    case "annotation":
      return isPlainObject(value) && Object.keys(value).length === 0 ? undefined : `expected {} (an annotation trait), found ${describe(value)}`;
  }
  if ("list" in schema) {
    if (!Array.isArray(value)) return `expected a list, found ${describe(value)}`;
    for (const [i, item] of value.entries()) {
      const p = checkValue(schema.list, item, model);
      if (p !== undefined) return `[${i}]: ${p}`;
    }
    return undefined;
  }
  if ("map" in schema) {
    if (!isPlainObject(value)) return `expected an object, found ${describe(value)}`;
    for (const [k, item] of Object.entries(value)) {
      const p = checkValue(schema.map, item, model);
      if (p !== undefined) return `${k}: ${p}`;
    }
    return undefined;
  }
  if ("enum" in schema) {
    return typeof value === "string" && schema.enum.includes(value) ? undefined : `expected one of ${schema.enum.join(", ")}, found ${describe(value)}`;
  }
  if (!isPlainObject(value)) return `expected an object, found ${describe(value)}`;
  for (const name of schema.required ?? []) if (!(name in value)) return `missing required property "${name}"`;
  for (const [name, sub] of Object.entries(schema.struct)) {
    if (!(name in value)) continue;
    const p = checkValue(sub, value[name], model);
    if (p !== undefined) return `${name}: ${p}`;
  }
  return undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}


/** `a structure`, `an operation`. */
function article(word: string): string {
  return `${/^[aeiou]/i.test(word) ? "an" : "a"} ${word}`;
}

/**
 * Smithy: a recursive reference path must pass through a structure or union. A list or map
 * that reaches itself through lists and maps alone could only hold infinitely nested values.
 */
function checkCollectionRecursion(model: Model, report: (m: string, s: SourceRef, id: string) => void): void {
  const state = new Map<string, "visiting" | "done">();
  const visit = (shape: Shape, path: string[]): void => {
    if (state.get(shape.id) === "done") return;
    if (state.get(shape.id) === "visiting") {
      const cycle = [...path.slice(path.indexOf(shape.id)), shape.id];
      report(`lists and maps form a cycle without a structure or union: ${cycle.join(" -> ")}`, shape.source, shape.id);
      return;
    }
    state.set(shape.id, "visiting");
    for (const member of shape.members) {
      const target = model.shapes.get(member.target);
      if (target !== undefined && (target.type === "list" || target.type === "map")) visit(target, [...path, shape.id]);
    }
    state.set(shape.id, "done");
  };
  for (const shape of model.shapes.values()) if (shape.type === "list" || shape.type === "map") visit(shape, []);
}
