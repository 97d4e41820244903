// Names of the public (non-@private) shapes of the `smithy.api` prelude. Relative shape IDs
// that are neither imported nor defined in the current namespace resolve against this set.

const PRELUDE_SIMPLE_SHAPES = [
  "String", "Blob", "BigInteger", "BigDecimal", "Timestamp", "Document", "Boolean", "Byte",
  "Short", "Integer", "Long", "Float", "Double", "PrimitiveBoolean", "PrimitiveByte",
  "PrimitiveShort", "PrimitiveInteger", "PrimitiveLong", "PrimitiveFloat", "PrimitiveDouble",
  "Unit",
];

/** Prelude traits whose shape is a list: an omitted value means `[]`. */
export const PRELUDE_LIST_TRAITS: ReadonlySet<string> = new Set([
  "auth", "enum", "examples", "references", "suppress", "tags",
]);

/**
 * Prelude traits whose shape is neither a structure, map nor list: an omitted value means
 * `null` (the IDL spec's rule for "all other shapes").
 */
export const PRELUDE_SCALAR_TRAITS: ReadonlySet<string> = new Set([
  "default", "documentation", "enumValue", "error", "httpError", "httpHeader",
  "httpPrefixHeaders", "httpQuery", "jsonName", "mediaType", "pattern", "resourceIdentifier",
  "since", "timestampFormat", "title", "xmlName",
]);

// Prelude traits whose shape is a structure or map (omitted value means `{}`).
const PRELUDE_OBJECT_TRAITS = [
  "addedDefault", "authDefinition", "box", "clientOptional", "cors", "deprecated", "endpoint",
  "eventHeader", "eventPayload", "externalDocumentation", "hostLabel", "http", "httpApiKeyAuth",
  "httpBasicAuth", "httpBearerAuth", "httpChecksumRequired", "httpDigestAuth", "httpLabel",
  "httpPayload", "httpQueryParams", "httpResponseCode", "idRef", "idempotencyToken",
  "idempotent", "input", "internal", "length", "longPoll", "metadata", "mixin",
  "nestedProperties", "noReplace", "notProperty", "optionalAuth", "output", "paginated",
  "private", "property", "protocolDefinition", "range", "readonly", "recommended",
  "requestCompression", "required", "requiresLength", "retryable", "sensitive", "sparse",
  "streaming", "trait", "traitValidators", "uniqueItems", "unitType", "unstable",
  "xmlAttribute", "xmlFlattened", "xmlNamespace",
];

export const PRELUDE_NAMES: ReadonlySet<string> = new Set([
  ...PRELUDE_SIMPLE_SHAPES,
  ...PRELUDE_LIST_TRAITS,
  ...PRELUDE_SCALAR_TRAITS,
  ...PRELUDE_OBJECT_TRAITS,
]);
