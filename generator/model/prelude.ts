// The Smithy prelude (smithy.api) as the generator needs it: the simple shapes every model
// may target, and what the generator knows of each trait: which shapes it may be applied to and
// the form of its value. Facts from the Smithy 2.0 specification (prelude and trait pages).

import type { ShapeType } from "./model.js";

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
  | "any" | "string" | "boolean" | "number" | "integer" | "shapeId" | "annotation"
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
  readonly selector?: TraitSelector;
}

const NUMBERS: ShapeType[] = ["byte", "short", "integer", "long", "float", "double", "bigInteger", "bigDecimal"];
const SIMPLE: ShapeType[] = [...NUMBERS, "blob", "boolean", "string", "timestamp", "document", "enum", "intEnum"];
const DATA: ShapeType[] = [...SIMPLE, "list", "map", "structure", "union"];
const ANY: ShapeType[] = [...DATA, "service", "operation", "resource"];
const anyShape: TraitSelector = { shapes: ANY, members: ["*"] };
const structureMember: TraitSelector = { members: ["*"], memberOf: ["structure"] };
const httpBindable = (...types: ShapeType[]): TraitSelector => ({ members: types, memberOf: ["structure"] });
const strings: ValueSchema = { list: "string" };
const shapeIds: ValueSchema = { list: "shapeId" };
const HTTP_VALUE_TYPES: ShapeType[] = [...SIMPLE.filter((t) => t !== "document"), "list"];

const TIMESTAMP_FORMATS = ["date-time", "epoch-seconds", "http-date"];

const example: ValueSchema = {
  struct: {
    title: "string", documentation: "string", input: "any", output: "any", allowConstraintErrors: "boolean",
    error: { struct: { shapeId: "shapeId", content: "any" } },
  },
  required: ["title"],
};

/** Traits of the smithy.api namespace. */
const SMITHY_API: Record<string, TraitDefinition> = {
  trait: { value: "any", selector: { shapes: DATA } },
  documentation: { value: "string", selector: anyShape },
  externalDocumentation: { value: { map: "string" }, selector: anyShape },
  deprecated: { value: { struct: { message: "string", since: "string" } }, selector: anyShape },
  since: { value: "string", selector: anyShape },
  title: { value: "string", selector: { shapes: ANY } },
  unstable: { value: "annotation", selector: anyShape },
  internal: { value: "annotation", selector: anyShape },
  tags: { value: strings, selector: anyShape },
  recommended: { value: { struct: { reason: "string" } }, selector: structureMember },
  sensitive: { value: "annotation", selector: { shapes: DATA, members: DATA } },
  private: { value: "annotation", selector: anyShape },
  suppress: { value: strings, selector: anyShape },
  examples: { value: { list: example }, selector: { shapes: ["operation"] } },
  box: { value: "annotation", selector: { shapes: [...NUMBERS, "boolean"], members: [...NUMBERS, "boolean"] } },
  mixin: { value: { struct: { localTraits: shapeIds } }, selector: { shapes: ANY } },
  input: { value: "annotation", selector: { shapes: ["structure"] } },
  output: { value: "annotation", selector: { shapes: ["structure"] } },
  unitType: { value: "annotation", selector: { shapes: ["structure"] } },
  protocolDefinition: { value: { struct: { traits: shapeIds, noInlineDocumentSupport: "boolean" } }, selector: { shapes: ["structure"] } },
  authDefinition: { value: { struct: { traits: shapeIds } }, selector: { shapes: ["structure"] } },
  traitValidators: { value: { map: "any" }, selector: { shapes: DATA } },
  // Type refinement
  default: { value: "any", selector: { shapes: DATA, members: ["*"] } },
  addedDefault: { value: "annotation", selector: { members: ["*"] } },
  required: { value: "annotation", selector: structureMember },
  clientOptional: { value: "annotation", selector: structureMember },
  enumValue: { value: "any", selector: { members: ["*"], memberOf: ["enum", "intEnum"] } },
  error: { value: { enum: ["client", "server"] }, selector: { shapes: ["structure"] } },
  sparse: { value: "annotation", selector: { shapes: ["list", "map"] } },
  // Constraints
  enum: {
    value: { list: { struct: { value: "string", name: "string", documentation: "string", tags: strings, deprecated: "boolean" }, required: ["value"] } },
    selector: { shapes: ["string"] },
  },
  idRef: { value: { struct: { selector: "string", failWhenMissing: "boolean", errorMessage: "string" } }, selector: { shapes: ["string"], members: ["string"] } },
  length: { value: { struct: { min: "number", max: "number" } }, selector: { shapes: ["list", "map", "string", "blob"], members: ["list", "map", "string", "blob"] } },
  pattern: { value: "string", selector: { shapes: ["string"], members: ["string"] } },
  range: { value: { struct: { min: "number", max: "number" } }, selector: { shapes: NUMBERS, members: NUMBERS } },
  uniqueItems: { value: "annotation", selector: { shapes: ["list"], members: ["list"] } },
  // Behaviour
  idempotencyToken: { value: "annotation", selector: { members: ["string"], memberOf: ["structure"] } },
  idempotent: { value: "annotation", selector: { shapes: ["operation"] } },
  readonly: { value: "annotation", selector: { shapes: ["operation"] } },
  retryable: { value: { struct: { throttling: "boolean" } }, selector: { shapes: ["structure"] } },
  paginated: { value: { struct: { inputToken: "string", outputToken: "string", items: "string", pageSize: "string" } }, selector: { shapes: ["operation", "service"] } },
  requestCompression: { value: { struct: { encodings: strings }, required: ["encodings"] }, selector: { shapes: ["operation"] } },
  // Resources
  references: {
    value: { list: { struct: { resource: "shapeId", ids: { map: "string" }, service: "shapeId", rel: "string" }, required: ["resource"] } },
    selector: { shapes: ["structure", "string"], members: ["structure", "string"] },
  },
  resourceIdentifier: { value: "string", selector: structureMember },
  noReplace: { value: "annotation", selector: { shapes: ["resource"] } },
  property: { value: { struct: { name: "string" } }, selector: structureMember },
  // The prelude also marks trait definitions with it, so any shape is accepted.
  notProperty: { value: "annotation", selector: anyShape },
  nestedProperties: { value: "annotation", selector: structureMember },
  // Auth and protocols
  auth: { value: shapeIds, selector: { shapes: ["service", "operation"] } },
  optionalAuth: { value: "annotation", selector: { shapes: ["operation"] } },
  httpBasicAuth: { value: "annotation", selector: { shapes: ["service"] } },
  httpDigestAuth: { value: "annotation", selector: { shapes: ["service"] } },
  httpBearerAuth: { value: "annotation", selector: { shapes: ["service"] } },
  httpApiKeyAuth: { value: { struct: { name: "string", in: { enum: ["header", "query"] }, scheme: "string" }, required: ["name", "in"] }, selector: { shapes: ["service"] } },
  // HTTP bindings
  http: { value: { struct: { method: "string", uri: "string", code: "integer" }, required: ["method", "uri"] }, selector: { shapes: ["operation"] } },
  httpError: { value: "integer", selector: { shapes: ["structure"] } },
  httpHeader: { value: "string", selector: httpBindable(...HTTP_VALUE_TYPES) },
  httpLabel: { value: "annotation", selector: httpBindable(...HTTP_VALUE_TYPES.filter((t) => t !== "list")) },
  httpPayload: { value: "annotation", selector: httpBindable("string", "blob", "structure", "union", "document", "list", "map", "enum") },
  httpPrefixHeaders: { value: "string", selector: httpBindable("map") },
  httpQuery: { value: "string", selector: httpBindable(...HTTP_VALUE_TYPES) },
  httpQueryParams: { value: "annotation", selector: httpBindable("map") },
  httpResponseCode: { value: "annotation", selector: httpBindable("integer") },
  httpChecksumRequired: { value: "annotation", selector: { shapes: ["operation"] } },
  cors: {
    value: { struct: { origin: "string", maxAge: "integer", additionalAllowedHeaders: strings, additionalExposedHeaders: strings } },
    selector: { shapes: ["service"] },
  },
  endpoint: { value: { struct: { hostPrefix: "string" }, required: ["hostPrefix"] }, selector: { shapes: ["operation"] } },
  hostLabel: { value: "annotation", selector: { members: ["string"], memberOf: ["structure"] } },
  // Serialization
  jsonName: { value: "string", selector: { members: ["*"], memberOf: ["structure", "union"] } },
  mediaType: { value: "string", selector: { shapes: ["blob", "string"], members: ["blob", "string"] } },
  timestampFormat: { value: { enum: TIMESTAMP_FORMATS }, selector: { shapes: ["timestamp"], members: ["timestamp"] } },
  xmlAttribute: { value: "annotation", selector: structureMember },
  xmlFlattened: { value: "annotation", selector: { members: ["list", "map"] } },
  xmlName: { value: "string", selector: { shapes: DATA, members: ["*"] } },
  xmlNamespace: { value: { struct: { uri: "string", prefix: "string" }, required: ["uri"] }, selector: anyShape },
  // Streaming
  streaming: { value: "annotation", selector: { shapes: ["blob", "union"] } },
  requiresLength: { value: "annotation", selector: { shapes: ["blob"] } },
  eventHeader: { value: "annotation", selector: { members: [...SIMPLE.filter((t) => t !== "document")], memberOf: ["structure"] } },
  eventPayload: { value: "annotation", selector: { members: ["blob", "string", "structure", "union"], memberOf: ["structure"] } },
};

/**
 * Traits of other namespaces that AWS models and the protocol test suites use. Only the value
 * form is checked loosely (`any`) where the generator does not read the trait.
 */
const OTHER_TRAITS: Record<string, TraitDefinition> = {
  "aws.api#service": {
    value: {
      struct: { sdkId: "string", arnNamespace: "string", cloudFormationName: "string", cloudTrailEventSource: "string", endpointPrefix: "string", docId: "string" },
      required: ["sdkId"],
    },
    selector: { shapes: ["service"] },
  },
  "aws.auth#sigv4": { value: { struct: { name: "string" }, required: ["name"] }, selector: { shapes: ["service"] } },
  "aws.auth#sigv4a": { value: { struct: { name: "string" }, required: ["name"] }, selector: { shapes: ["service"] } },
  "aws.auth#unsignedPayload": { value: "annotation", selector: { shapes: ["operation"] } },
  "aws.auth#cognitoUserPools": { value: "any", selector: { shapes: ["service"] } },
  "aws.protocols#restJson1": { value: { struct: { http: strings, eventStreamHttp: strings } }, selector: { shapes: ["service"] } },
  "aws.protocols#awsJson1_0": { value: { struct: { http: strings, eventStreamHttp: strings } }, selector: { shapes: ["service"] } },
  "aws.protocols#awsJson1_1": { value: { struct: { http: strings, eventStreamHttp: strings } }, selector: { shapes: ["service"] } },
  "aws.protocols#restXml": { value: { struct: { http: strings, eventStreamHttp: strings, noErrorWrapping: "boolean" } }, selector: { shapes: ["service"] } },
  "aws.protocols#awsQuery": { value: "annotation", selector: { shapes: ["service"] } },
  "aws.protocols#ec2Query": { value: "annotation", selector: { shapes: ["service"] } },
  "smithy.protocols#rpcv2Cbor": { value: { struct: { http: strings, eventStreamHttp: strings } }, selector: { shapes: ["service"] } },
};

const LOOSE_TRAITS = [
  "aws.api#arn", "aws.api#arnReference", "aws.api#clientDiscoveredEndpoint", "aws.api#clientEndpointDiscovery",
  "aws.api#clientEndpointDiscoveryId", "aws.api#controlPlane", "aws.api#data", "aws.api#dataPlane",
  "aws.api#tagEnabled", "aws.api#taggable", "aws.protocols#awsQueryError", "aws.protocols#awsQueryCompatible",
  "aws.protocols#ec2QueryName", "aws.protocols#httpChecksum", "aws.customizations#s3UnwrappedXmlOutput",
  "smithy.rules#endpointRuleSet", "smithy.rules#endpointTests", "smithy.rules#clientContextParams",
  "smithy.rules#contextParam", "smithy.rules#staticContextParams", "smithy.rules#operationContextParams",
  "smithy.rules#endpointBdd", "smithy.test#smokeTests", "smithy.test#httpRequestTests", "smithy.test#httpResponseTests",
  "smithy.test#httpMalformedRequestTests", "smithy.waiters#waitable", "aws.endpoints#standardRegionalEndpoints",
  "aws.endpoints#standardPartitionalEndpoints", "aws.endpoints#dualStackOnlyEndpoints", "aws.endpoints#rulesBasedEndpoints",
];

export const KNOWN_TRAITS: ReadonlyMap<string, TraitDefinition> = new Map<string, TraitDefinition>([
  ...Object.entries(SMITHY_API).map(([name, def]) => [`smithy.api#${name}`, def] as const),
  ...Object.entries(OTHER_TRAITS),
  ...LOOSE_TRAITS.map((id) => [id, { value: "any" }] as const),
]);
