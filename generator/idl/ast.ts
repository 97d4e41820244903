// Plain JSON types of the Smithy JSON AST (json-ast.rst). Every value is JSON-serializable.

export type NodeValue = null | boolean | number | string | NodeValue[] | NodeObject;
export interface NodeObject {
  [key: string]: NodeValue;
}

/** Trait values keyed by absolute trait shape ID. */
export type Traits = Record<string, NodeValue>;

export interface ShapeReference {
  target: string;
}

export interface MemberShape {
  target: string;
  traits?: Traits;
}

export type SimpleShapeType =
  | "blob" | "boolean" | "document" | "string" | "byte" | "short" | "integer" | "long"
  | "float" | "double" | "bigInteger" | "bigDecimal" | "timestamp";

interface ShapeBase {
  traits?: Traits;
  mixins?: ShapeReference[];
}

export interface SimpleShape extends ShapeBase {
  type: SimpleShapeType;
}

export interface ListShape extends ShapeBase {
  type: "list" | "set";
  /** Absent only when inherited from a mixin. */
  member?: MemberShape;
}

export interface MapShape extends ShapeBase {
  type: "map";
  key?: MemberShape;
  value?: MemberShape;
}

export interface StructureShape extends ShapeBase {
  type: "structure" | "union";
  members?: Record<string, MemberShape>;
}

export interface EnumShape extends ShapeBase {
  type: "enum" | "intEnum";
  members?: Record<string, MemberShape>;
}

export interface ServiceShape extends ShapeBase {
  type: "service";
  version?: string;
  operations?: ShapeReference[];
  resources?: ShapeReference[];
  errors?: ShapeReference[];
  rename?: Record<string, string>;
}

export interface ResourceShape extends ShapeBase {
  type: "resource";
  identifiers?: Record<string, ShapeReference>;
  properties?: Record<string, ShapeReference>;
  create?: ShapeReference;
  put?: ShapeReference;
  read?: ShapeReference;
  update?: ShapeReference;
  delete?: ShapeReference;
  list?: ShapeReference;
  operations?: ShapeReference[];
  collectionOperations?: ShapeReference[];
  resources?: ShapeReference[];
}

export interface OperationShape extends ShapeBase {
  type: "operation";
  input?: ShapeReference;
  output?: ShapeReference;
  errors?: ShapeReference[];
}

/** Traits applied to a shape (or member) defined elsewhere. */
export interface ApplyShape {
  type: "apply";
  traits: Traits;
}

export type Shape =
  | SimpleShape
  | ListShape
  | MapShape
  | StructureShape
  | EnumShape
  | ServiceShape
  | ResourceShape
  | OperationShape
  | ApplyShape;

export type ShapeType = Shape["type"];

export interface JsonAstModel {
  smithy: string;
  metadata?: Record<string, NodeValue>;
  shapes: Record<string, Shape>;
}
