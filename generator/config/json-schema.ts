// A small JSON Schema (draft-07 subset) validator for the configuration files: the keywords
// codegen.config.schema.json uses, with messages that name the JSON path of the bad value and
// suggest the intended key for a misspelt one. No dependency; the schema file stays the one
// description of the format, read by editors and by this code alike.

export interface Schema {
  readonly $ref?: string;
  readonly type?: JsonType | readonly JsonType[];
  readonly enum?: readonly unknown[];
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | Schema;
  readonly items?: Schema;
  readonly minItems?: number;
  readonly uniqueItems?: boolean;
  readonly minLength?: number;
  readonly pattern?: string;
  readonly definitions?: Readonly<Record<string, Schema>>;
  readonly description?: string;
}

type JsonType = "object" | "array" | "string" | "number" | "integer" | "boolean" | "null";

export type JsonPath = ReadonlyArray<string | number>;

export interface SchemaIssue {
  /** From the document root to the offending value (for an unknown key: to that key). */
  readonly path: JsonPath;
  readonly message: string;
}

/** Every way `value` breaks `schema` (resolved against `root` for `$ref`s). */
export function validateAgainstSchema(value: unknown, schema: Schema, root: Schema = schema): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  check(value, schema, root, [], issues);
  return issues;
}

function check(value: unknown, schema: Schema, root: Schema, path: JsonPath, issues: SchemaIssue[]): void {
  if (schema.$ref !== undefined) {
    check(value, resolveRef(schema.$ref, root), root, path, issues);
    return;
  }
  if (schema.type !== undefined) {
    const allowed = typeof schema.type === "string" ? [schema.type] : schema.type;
    if (!allowed.some((t) => hasType(value, t))) {
      issues.push({ path, message: `must be ${allowed.map(article).join(" or ")}, not ${describe(value)}` });
      return;
    }
  }
  if (schema.enum !== undefined && !schema.enum.some((v) => v === value)) {
    issues.push({ path, message: `must be one of ${schema.enum.map((v) => JSON.stringify(v)).join(", ")}, not ${describe(value)}` });
    return;
  }
  if (typeof value === "string") checkString(value, schema, path, issues);
  else if (Array.isArray(value)) checkArray(value, schema, root, path, issues);
  else if (isObject(value)) checkObject(value, schema, root, path, issues);
}

function checkString(value: string, schema: Schema, path: JsonPath, issues: SchemaIssue[]): void {
  if (schema.minLength !== undefined && [...value].length < schema.minLength) {
    issues.push({ path, message: schema.minLength === 1 ? "must not be empty" : `must have at least ${schema.minLength} characters` });
  } else if (schema.pattern !== undefined && !new RegExp(schema.pattern, "u").test(value)) {
    issues.push({ path, message: `${JSON.stringify(value)} does not match the pattern ${schema.pattern}` });
  }
}

function checkArray(value: readonly unknown[], schema: Schema, root: Schema, path: JsonPath, issues: SchemaIssue[]): void {
  if (schema.minItems !== undefined && value.length < schema.minItems) {
    issues.push({ path, message: `must have at least ${schema.minItems} item${schema.minItems === 1 ? "" : "s"}` });
  }
  if (schema.items !== undefined) value.forEach((item, i) => check(item, schema.items!, root, [...path, i], issues));
  if (schema.uniqueItems === true) {
    const seen = new Map<string, number>();
    value.forEach((item, i) => {
      const key = JSON.stringify(item);
      const first = seen.get(key);
      if (first !== undefined) issues.push({ path: [...path, i], message: `repeats item ${first} (${key})` });
      else seen.set(key, i);
    });
  }
}

function checkObject(value: Readonly<Record<string, unknown>>, schema: Schema, root: Schema, path: JsonPath, issues: SchemaIssue[]): void {
  const properties = schema.properties ?? {};
  for (const key of schema.required ?? []) {
    if (!Object.hasOwn(value, key)) issues.push({ path, message: `is missing the required key "${key}"` });
  }
  for (const [key, item] of Object.entries(value)) {
    const known = Object.hasOwn(properties, key) ? properties[key] : undefined;
    if (known !== undefined) {
      check(item, known, root, [...path, key], issues);
    } else if (schema.additionalProperties === false) {
      const hint = closest(key, Object.keys(properties));
      issues.push({ path: [...path, key], message: `unknown key "${key}"${hint === undefined ? "" : `; did you mean "${hint}"?`} (known keys: ${Object.keys(properties).join(", ")})` });
    } else if (typeof schema.additionalProperties === "object") {
      check(item, schema.additionalProperties, root, [...path, key], issues);
    }
  }
}

function resolveRef(ref: string, root: Schema): Schema {
  const match = /^#\/definitions\/([^/]+)$/.exec(ref);
  const target = match === null ? undefined : root.definitions?.[match[1]!];
  if (target === undefined) throw new Error(`internal: the configuration schema has no ${ref}`);
  return target;
}

function hasType(value: unknown, type: JsonType): boolean {
  switch (type) {
    case "object": return isObject(value);
    case "array": return Array.isArray(value);
    case "integer": return Number.isInteger(value);
    case "null": return value === null;
    default: return typeof value === type;
  }
}

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const article = (t: JsonType) => (t === "array" || t === "object" || t === "integer" ? `an ${t}` : t === "null" ? "null" : `a ${t}`);

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** `$.packages[0].out`, `$.plugins["typescript-codegen"]`. */
export function formatJsonPath(path: JsonPath): string {
  return `$${path.map((p) => (typeof p === "number" ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`)).join("")}`;
}

/**
 * The candidate nearest to `word` when it is a plausible slip: a few edits away (two, or a third
 * of the word if longer), or the one word a prefix of the other (`output` for `out`).
 */
function closest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const k = c.toLowerCase();
    const d = w.startsWith(k) || k.startsWith(w) ? 1 : editDistance(w, k);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length]!;
}
