// models.ts: a type for every named shape in the service closure (structures, unions, enums,
// intEnums, strings with @enum), and the Input/Output alias of each operation.

import { CodegenError } from "../diagnostics.js";
import type { Member, Shape } from "../model/model.js";
import { isIdentifier } from "../model/shape-id.js";
import { emitsNamedType } from "../symbols/symbol-provider.js";
import { compareNames } from "../index/shape-index.js";
import { FileImports } from "../codegen/file-imports.js";
import { header, type EmitContext, type EmittedFile, type Optionality } from "./context.js";
import { docComment, memberDocComment } from "./docs.js";
import { render } from "../render/templates.js";

export type MemberOptionality = "required" | "requiredMayBeUndefined" | "optional";

/**
 * Smithy 2.0 optionality for clients: a @required member of an @input structure, or one with
 * @clientOptional, must be written but may be undefined (so adding a default later is not a
 * breaking change); other @required members and members with a @default are always present;
 * the rest are optional. "authoritative" (servers) trusts @required everywhere.
 */
export function memberOptionality(structure: Shape, member: Member, optionality: Optionality): MemberOptionality {
  const required = member.traits.has("smithy.api#required");
  const hasDefault = member.traits.has("smithy.api#default") && member.traits.get("smithy.api#default") !== null;
  const isInput = structure.traits.has("smithy.api#input");
  if (optionality === "authoritative") return required || hasDefault ? "required" : "optional";
  const clientOptional = member.traits.has("smithy.api#clientOptional");
  if (required && (isInput || clientOptional)) return "requiredMayBeUndefined";
  if (required) return "required";
  // A @default makes the member present unless it is @clientOptional or in an @input structure.
  if (hasDefault && !isInput && !clientOptional) return "required";
  return "optional";
}

/** `Name: T`, `Name: T | undefined` or `Name?: T | undefined` for a member of a structure. */
export function propertySignature(name: string, type: string, optionality: MemberOptionality): string {
  const key = isIdentifier(name) ? name : JSON.stringify(name);
  switch (optionality) {
    case "required": return `${key}: ${type}`;
    case "requiredMayBeUndefined": return `${key}: ${type} | undefined`;
    case "optional": return `${key}?: ${type} | undefined`;
  }
}

export function emitModels(ctx: EmitContext): EmittedFile {
  const { symbols, closure, options } = ctx;
  const file = new FileImports(symbols, "models");
  const named = [...closure.shapes.values()].filter(emitsNamedType).filter((s) => !s.traits.has("smithy.api#error"));
  named.sort((a, b) => compareNames(a.id, b.id));
  const declarations = named.map((shape) => {
    const doc = docComment(shape.traits);
    const name = symbols.name(shape);
    switch (shape.type) {
      case "structure":
        return {
          structure: true, name, doc,
          members: shape.members.map((m) => ({
            doc: memberDocComment(m, ctx.index.target(m)),
            signature: propertySignature(m.name, file.memberType(m), memberOptionality(shape, m, options.optionality)),
          })),
        };
      case "union":
        return {
          union: true, name, doc,
          members: shape.members.map((m) => ({
            doc: memberDocComment(m, ctx.index.target(m)),
            key: m.name,
            isSet: isSetTest(m.name),
            // Names on Object.prototype are typed `unknown` in the other variants, so narrow by hand.
            read: m.name in Object.prototype ? `(value as ${name}.${variantName(m)}).${m.name}` : `value.${m.name}!`,
            variant: variantName(m),
            type: file.memberType(m),
            others: shape.members.filter((o) => o !== m).map((o) => absentMember(o.name)),
          })),
          absentAll: shape.members.map((m) => absentMember(m.name)),
        };
      default:
        return {
          enum: true, name, doc,
          values: enumValues(shape).map(({ key, value, traits }) => ({ doc: docComment(traits), key: enumKey(key), value: JSON.stringify(value) })),
        };
    }
  });
  const aliases = closure.operations.flatMap((op) => {
    const names = symbols.operationAliases(op);
    const opName = symbols.name(op);
    return [
      alias(names.input, op.input!, ctx, `What a ${opName} request carries: the operation's input`),
      alias(names.output, op.output!, ctx, `What a successful ${opName} response carries: the operation's output`),
    ].filter((a) => a !== undefined);
  });
  const content = render("models.ts", {
    header: header(ctx),
    imports: [file.localImportLines(), file.importLines()].filter(Boolean).join("\n"),
    declarations,
    aliases,
  }, closure.service.id);
  return { path: "src/models.ts", content };
}

const variantName = (member: Member) => `${member.name}Member`;

/**
 * How a union variant declares the members it does not set: `Name?: never`. Every object
 * literal already has Object.prototype's members (`constructor`, `toString`), so those are
 * `unknown` instead, or no literal could be assigned to the variant.
 */
function absentMember(name: string): string {
  return name in Object.prototype ? `${name}?: unknown` : `${name}?: never`;
}

/** A test that a union member is set; names on Object.prototype must be own properties. */
function isSetTest(name: string): string {
  return name in Object.prototype ? `Object.hasOwn(value, ${JSON.stringify(name)})` : `value.${name} !== undefined`;
}

function alias(aliasName: string | undefined, target: string, ctx: EmitContext, doc: string): { name: string; type: string; doc: string } | undefined {
  if (aliasName === undefined) return undefined;
  const unit = target === "smithy.api#Unit";
  const type = unit ? "Record<string, never>" : ctx.symbols.name(target);
  return { name: aliasName, type, doc: `${doc}${unit ? ", which is empty" : ` (${type})`}.` };
}

/** Enum entries: enum/intEnum members, or the definitions of a string's @enum trait. */
export function enumValues(shape: Shape): Array<{ key: string; value: string | number; traits: ReadonlyMap<string, unknown> }> {
  const definitions = shape.traits.get("smithy.api#enum") as EnumDefinition[] | undefined;
  if (shape.type === "string" && definitions !== undefined) {
    const keys = new Map<string, string>();
    for (const d of definitions) {
      const key = d.name ?? enumNameOf(d.value);
      const other = keys.get(key);
      if (other !== undefined) {
        throw new CodegenError([{ ...shape.source, shape: shape.id, message: `@enum values "${other}" and "${d.value}" both become the key ${key}; give them distinct names` }]);
      }
      keys.set(key, d.value);
    }
    return definitions.map((d) => ({
      key: d.name ?? enumNameOf(d.value),
      value: d.value,
      traits: new Map<string, unknown>([
        ...(d.documentation !== undefined ? [["smithy.api#documentation", d.documentation] as const] : []),
        ...(d.deprecated === true ? [["smithy.api#deprecated", {}] as const] : []),
      ]),
    }));
  }
  return shape.members.map((m) => {
    const value = m.traits.has("smithy.api#enumValue") ? (m.traits.get("smithy.api#enumValue") as string | number) : m.name;
    return { key: m.name, value, traits: m.traits };
  });
}

interface EnumDefinition {
  readonly value: string;
  readonly name?: string;
  readonly documentation?: string;
  readonly deprecated?: boolean;
}

/** A key for an unnamed @enum value: `us-east-1` → `US_EAST_1`. */
function enumNameOf(value: string): string {
  const name = value.replace(/[^A-Za-z0-9]+/g, "_").replace(/^_+|_+$/g, "").toUpperCase();
  return /^[A-Z]/.test(name) ? name : `_${name}`;
}

/** An object-literal key; `__proto__` must be computed, or it would set the prototype. */
function enumKey(name: string): string {
  if (name === "__proto__") return '["__proto__"]';
  return isIdentifier(name) ? name : JSON.stringify(name);
}
