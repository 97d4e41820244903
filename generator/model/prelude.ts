// The Smithy prelude (smithy.api) as the generator needs it: the simple shapes every model
// may target, and what the generator knows of each trait of the Smithy distribution (the table
// in trait-library.ts): the form of its value and which shapes it may be applied to. Facts
// from the Smithy 2.0 specification (prelude and trait pages) and its trait definition files.

import type { ShapeType } from "./model.js";
import { TRAIT_LIBRARY } from "./trait-library.js";

/** The prelude's shapes: name → [type, default value for the Primitive* shapes]. */
export const PRELUDE_SHAPES: ReadonlyArray<readonly [string, ShapeType, unknown?]> = [
  ["String", "string"], ["Blob", "blob"], ["BigInteger", "bigInteger"], ["BigDecimal", "bigDecimal"],
  ["Timestamp", "timestamp"], ["Document", "document"], ["Boolean", "boolean"], ["Byte", "byte"],
  ["Short", "short"], ["Integer", "integer"], ["Long", "long"], ["Float", "float"], ["Double", "double"],
  ["PrimitiveBoolean", "boolean", false], ["PrimitiveByte", "byte", 0], ["PrimitiveShort", "short", 0],
  ["PrimitiveInteger", "integer", 0], ["PrimitiveLong", "long", 0], ["PrimitiveFloat", "float", 0],
  ["PrimitiveDouble", "double", 0], ["Unit", "structure"],
];

/** The form a trait value must have. Unknown object keys are accepted, as Smithy only warns. */
export type ValueSchema =
  | "any" | "string" | "boolean" | "number" | "integer" | "annotation"
  // An absolute shape id (`@idRef`); a `shapeRef` must also resolve (`failWhenMissing`).
  | "shapeId" | "shapeRef"
  | { readonly list: ValueSchema }
  | { readonly map: ValueSchema }
  | { readonly enum: readonly string[] }
  | { readonly struct: Readonly<Record<string, ValueSchema>>; readonly required?: readonly string[] };

/**
 * Where a trait may be applied: shape types, and members by the type of their target
 * (`"*"` = any) and optionally by the type of the shape that contains them.
 */
export interface TraitSelector {
  readonly shapes?: readonly ShapeType[];
  readonly members?: readonly (ShapeType | "*")[];
  readonly memberOf?: readonly ShapeType[];
}

export interface TraitDefinition {
  readonly value: ValueSchema;
  /** Where the loader accepts the trait; undefined: anywhere (see `coarseSelector`). */
  readonly selector?: TraitSelector | undefined;
}

const NUMBERS: ShapeType[] = ["byte", "short", "integer", "long", "float", "double", "bigInteger", "bigDecimal"];
const SIMPLE: ShapeType[] = [...NUMBERS, "blob", "boolean", "string", "timestamp", "document", "enum", "intEnum"];
const DATA: ShapeType[] = [...SIMPLE, "list", "map", "structure", "union"];
const ANY: ShapeType[] = [...DATA, "service", "operation", "resource"];
const anyShape: TraitSelector = { shapes: ANY, members: ["*"] };
const structureMember: TraitSelector = { members: ["*"], memberOf: ["structure"] };
const httpBindable = (...types: ShapeType[]): TraitSelector => ({ members: types, memberOf: ["structure"] });
const HTTP_VALUE_TYPES: ShapeType[] = [...SIMPLE.filter((t) => t !== "document"), "list"];

/**
 * Where each smithy.api trait may be applied, written out from its selector: precise for the
 * traits the generator reads. The value forms come from the table.
 */
const SMITHY_API: Record<string, TraitSelector> = {
  trait: { shapes: DATA },
  documentation: anyShape,
  externalDocumentation: anyShape,
  deprecated: anyShape,
  since: anyShape,
  title: { shapes: ANY },
  unstable: anyShape,
  internal: anyShape,
  tags: anyShape,
  recommended: structureMember,
  sensitive: { shapes: DATA, members: DATA },
  private: anyShape,
  suppress: anyShape,
  examples: { shapes: ["operation"] },
  box: { shapes: [...NUMBERS, "boolean"], members: [...NUMBERS, "boolean"] },
  mixin: { shapes: ANY },
  input: { shapes: ["structure"] },
  output: { shapes: ["structure"] },
  unitType: { shapes: ["structure"] },
  protocolDefinition: { shapes: ["structure"] },
  authDefinition: { shapes: ["structure"] },
  traitValidators: { shapes: DATA },
  // Type refinement
  default: { shapes: DATA, members: ["*"] },
  addedDefault: { members: ["*"] },
  required: structureMember,
  clientOptional: structureMember,
  enumValue: { members: ["*"], memberOf: ["enum", "intEnum"] },
  error: { shapes: ["structure"] },
  sparse: { shapes: ["list", "map"] },
  // Constraints
  enum: { shapes: ["string"] },
  idRef: { shapes: ["string"], members: ["string"] },
  length: { shapes: ["list", "map", "string", "blob"], members: ["list", "map", "string", "blob"] },
  pattern: { shapes: ["string"], members: ["string"] },
  range: { shapes: NUMBERS, members: NUMBERS },
  uniqueItems: { shapes: ["list"], members: ["list"] },
  // Behaviour
  idempotencyToken: { members: ["string"], memberOf: ["structure"] },
  idempotent: { shapes: ["operation"] },
  readonly: { shapes: ["operation"] },
  retryable: { shapes: ["structure"] },
  paginated: { shapes: ["operation", "service"] },
  requestCompression: { shapes: ["operation"] },
  // Resources
  references: { shapes: ["structure", "string"], members: ["structure", "string"] },
  resourceIdentifier: structureMember,
  noReplace: { shapes: ["resource"] },
  property: structureMember,
  // The prelude also marks trait definitions with it, so any shape is accepted.
  notProperty: anyShape,
  nestedProperties: structureMember,
  // Auth and protocols
  auth: { shapes: ["service", "operation"] },
  optionalAuth: { shapes: ["operation"] },
  httpBasicAuth: { shapes: ["service"] },
  httpDigestAuth: { shapes: ["service"] },
  httpBearerAuth: { shapes: ["service"] },
  httpApiKeyAuth: { shapes: ["service"] },
  // HTTP bindings
  http: { shapes: ["operation"] },
  httpError: { shapes: ["structure"] },
  httpHeader: httpBindable(...HTTP_VALUE_TYPES),
  httpLabel: httpBindable(...HTTP_VALUE_TYPES.filter((t) => t !== "list")),
  httpPayload: httpBindable("string", "blob", "structure", "union", "document", "list", "map", "enum"),
  httpPrefixHeaders: httpBindable("map"),
  httpQuery: httpBindable(...HTTP_VALUE_TYPES),
  httpQueryParams: httpBindable("map"),
  httpResponseCode: httpBindable("integer"),
  httpChecksumRequired: { shapes: ["operation"] },
  cors: { shapes: ["service"] },
  endpoint: { shapes: ["operation"] },
  hostLabel: { members: ["string"], memberOf: ["structure"] },
  // Serialization
  jsonName: { members: ["*"], memberOf: ["structure", "union"] },
  mediaType: { shapes: ["blob", "string"], members: ["blob", "string"] },
  timestampFormat: { shapes: ["timestamp"], members: ["timestamp"] },
  xmlAttribute: structureMember,
  xmlFlattened: { members: ["list", "map"] },
  xmlName: { shapes: DATA, members: ["*"] },
  xmlNamespace: anyShape,
  // Streaming
  streaming: { shapes: ["blob", "union"] },
  requiresLength: { shapes: ["blob"] },
  eventHeader: { members: [...SIMPLE.filter((t) => t !== "document")], memberOf: ["structure"] },
  eventPayload: { members: ["blob", "string", "structure", "union"], memberOf: ["structure"] },
};

/**
 * The enforced form of a library trait's selector, for the selector forms that name shape
 * types: `service`, `structure > member`, `:test(service, operation)`, `member > string`,
 * `blob[trait|streaming]` (attributes dropped: accepted more widely, never refused wrongly).
 * Selectors that follow relationships (`operation -[input]-> structure > member`) or negate
 * (`:not(…)`) are not enforced: the generator does not read those traits.
 */
export function coarseSelector(selector: string): TraitSelector | undefined {
  const alternatives = /^:(?:test|is)\((.*)\)$/.exec(selector)?.[1] ?? selector;
  const shapes: ShapeType[] = [];
  const members: (ShapeType | "*")[] = [];
  const memberOf: ShapeType[] = [];
  for (const part of splitTopLevel(alternatives)) {
    const [, owner, target] = /^(?:(\w+) > )?(\w+)(?:\[[^\]]*\])?$/.exec(part) ?? [];
    if (target === undefined) return undefined;
    if (owner === "member") {
      const types = typesNamed(target);
      if (types === undefined) return undefined;
      members.push(...types);
    } else if (target === "member") {
      members.push("*");
      if (owner !== undefined) {
        const types = typesNamed(owner);
        if (types === undefined) return undefined;
        memberOf.push(...types);
      }
    } else {
      const types = owner === undefined ? typesNamed(target) : undefined;
      if (types === undefined) return undefined;
      shapes.push(...types);
    }
  }
  return { shapes, ...(members.length > 0 ? { members } : {}), ...(memberOf.length > 0 ? { memberOf } : {}) };
}

/** Smithy's shape type names and the selector's groups of them. */
function typesNamed(name: string): readonly ShapeType[] | undefined {
  if (name === "*") return undefined;
  if (name === "simpleType") return SIMPLE;
  if (name === "number") return NUMBERS;
  return (ANY as string[]).includes(name) ? [name as ShapeType] : undefined;
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "(" || c === "[") depth++;
    else if (c === ")" || c === "]") depth--;
    else if (c === "," && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts;
}

/**
 * Shapes of the trait libraries that trait values name by id (`smithy.test#smokeTests`'
 * `vendorParamsShape`): a reference to one resolves without the library's file.
 */
export const LIBRARY_SHAPES: ReadonlySet<string> = new Set(["aws.test#AwsVendorParams", "aws.test#S3VendorParams"]);

export const KNOWN_TRAITS: ReadonlyMap<string, TraitDefinition> = new Map<string, TraitDefinition>(
  TRAIT_LIBRARY.map(([id, selector, value]) => {
    const [namespace, name] = id.split("#") as [string, string];
    return [id, { value, selector: namespace === "smithy.api" ? SMITHY_API[name] ?? coarseSelector(selector) : coarseSelector(selector) }];
  }),
);
