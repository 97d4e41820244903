// Names a generated top-level symbol must not take: JavaScript/TypeScript reserved words, the
// built-in type names, and globals the generated code or its users rely on.

export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else",
  "enum", "export", "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof",
  "new", "null", "return", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void",
  "while", "with", "as", "implements", "interface", "let", "package", "private", "protected", "public",
  "static", "yield", "await", "async", "of", "type", "declare", "namespace", "module", "abstract",
  "any", "unknown", "never", "object", "string", "number", "boolean", "symbol", "bigint", "undefined",
  "keyof", "readonly", "infer", "is", "asserts", "satisfies", "accessor", "global", "require", "constructor",
  "arguments", "eval",
]);

export const GLOBALS: ReadonlySet<string> = new Set([
  "Array", "ArrayBuffer", "AsyncIterable", "AsyncIterator", "Awaited", "BigInt", "Blob", "Boolean", "Buffer",
  "DataView", "Date", "Error", "EvalError", "Exclude", "Extract", "File", "Function", "Generator",
  "Headers", "Infinity", "InstanceType", "Intl", "Iterable", "Iterator", "JSON", "Map", "Math", "NaN",
  "NonNullable", "Number", "Object", "Omit", "Parameters", "Partial", "Pick", "Promise", "PromiseLike",
  "Proxy", "RangeError", "Readonly", "ReadonlyArray", "Record", "Reflect", "RegExp", "Request", "Required",
  "Response", "ReturnType", "Set", "String", "Symbol", "SyntaxError", "TextDecoder", "TextEncoder",
  "TypeError", "URIError", "URL", "URLSearchParams", "Uint8Array", "WeakMap", "WeakRef", "WeakSet",
  "console", "globalThis", "process", "queueMicrotask", "setTimeout", "structuredClone",
]);

/** Properties every generated error instance has; an error member cannot take these names. */
export const ERROR_INSTANCE_PROPERTIES: ReadonlySet<string> = new Set([
  "constructor", "name", "stack", "cause", "$fault", "$metadata", "$retryable", "$response", "toString",
]);
