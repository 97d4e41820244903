// The in-memory model every step after loading works on. It mirrors the Smithy JSON AST with
// ids resolved and mixins flattened, so the JSON AST and IDL loaders can both produce it.

export type SimpleType =
  | "blob" | "boolean" | "string" | "byte" | "short" | "integer" | "long" | "float" | "double"
  | "bigInteger" | "bigDecimal" | "timestamp" | "document";
export type AggregateType = "list" | "map" | "structure" | "union" | "enum" | "intEnum";
export type ServiceType = "service" | "operation" | "resource";
export type ShapeType = SimpleType | AggregateType | ServiceType;

export const SIMPLE_TYPES: ReadonlySet<string> = new Set<SimpleType>([
  "blob", "boolean", "string", "byte", "short", "integer", "long", "float", "double",
  "bigInteger", "bigDecimal", "timestamp", "document",
]);
export const SHAPE_TYPES: ReadonlySet<string> = new Set<string>([
  ...SIMPLE_TYPES, "list", "map", "structure", "union", "enum", "intEnum", "service", "operation", "resource",
]);

export type Traits = ReadonlyMap<string, unknown>;

/** Where a shape or member was written, for error messages. */
export interface SourceRef {
  readonly file: string;
  readonly line?: number | undefined;
  readonly column?: number | undefined;
  readonly sourceLine?: string | undefined;
}

export interface Member {
  /** `ns#Shape$member` */
  readonly id: string;
  readonly name: string;
  readonly target: string;
  readonly traits: Traits;
  readonly source: SourceRef;
}

export interface Shape {
  readonly id: string;
  readonly type: ShapeType;
  readonly traits: Traits;
  /** Structure, union, enum and intEnum members in model order; `member` of a list; `key`/`value` of a map. */
  readonly members: readonly Member[];
  readonly mixins: readonly string[];
  readonly source: SourceRef;
  /** Declared as an IDL 1.0 `set` (read as a list with @uniqueItems). */
  readonly setSyntax?: boolean | undefined;
  // service
  readonly version?: string | undefined;
  readonly rename?: ReadonlyMap<string, string> | undefined;
  // service, resource
  readonly operations?: readonly string[] | undefined;
  readonly resources?: readonly string[] | undefined;
  // service, operation
  readonly errors?: readonly string[] | undefined;
  // operation
  readonly input?: string | undefined;
  readonly output?: string | undefined;
  // resource
  readonly identifiers?: ReadonlyMap<string, string> | undefined;
  readonly properties?: ReadonlyMap<string, string> | undefined;
  readonly lifecycle?: ReadonlyMap<string, string> | undefined;
  readonly collectionOperations?: readonly string[] | undefined;
}

export interface Model {
  /** Every shape with mixins flattened: what the generator works on. */
  readonly shapes: ReadonlyMap<string, Shape>;
  /** The shapes as declared (mixins not flattened, `apply` merged), for printing the model back. */
  readonly declared: ReadonlyMap<string, Shape>;
  /** `apply` statements on members a shape inherits from mixins (not part of any declared shape). */
  readonly declaredApplies: ReadonlyArray<{ readonly target: string; readonly traits: Traits }>;
  readonly metadata: ReadonlyMap<string, unknown>;
  /** "1.0" when every file was IDL 1.0 (the declared view keeps 1.0 semantics), else "2.0". */
  readonly version: "1.0" | "2.0";
}

/** Shape references of a shape other than its members' targets, named as in the JSON AST. */
export function shapeReferences(shape: Shape): Array<{ property: string; target: string }> {
  const refs: Array<{ property: string; target: string }> = [];
  const add = (property: string, ids: Iterable<string> | undefined) => {
    for (const target of ids ?? []) refs.push({ property, target });
  };
  add("mixins", shape.mixins);
  add("operations", shape.operations);
  add("resources", shape.resources);
  add("errors", shape.errors);
  add("input", shape.input === undefined ? undefined : [shape.input]);
  add("output", shape.output === undefined ? undefined : [shape.output]);
  add("identifiers", shape.identifiers?.values());
  add("properties", shape.properties?.values());
  for (const [property, target] of shape.lifecycle ?? []) add(property, [target]);
  add("collectionOperations", shape.collectionOperations);
  return refs;
}

/** An event stream: a @streaming union (streaming.rst), whose values are events that arrive over time. */
export const isEventStream = (shape: Shape): boolean => shape.type === "union" && shape.traits.has("smithy.api#streaming");
