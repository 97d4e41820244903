// Reads one Smithy JSON AST document (IDL 1.0 or 2.0) into shape records, checking its form:
// known shape types and properties, absolute shape ids, well-formed members. Every problem is
// reported with the file, line and shape id; nothing is dropped silently.

import type { Diagnostic } from "../diagnostics.js";
import type { JsonObject, JsonValue } from "./json-with-positions.js";
import { SHAPE_TYPES, type Member, type Shape, type ShapeType, type SourceRef } from "../model/model.js";
import { isAbsoluteShapeId, isIdentifier, isMemberId } from "../model/shape-id.js";

/** A shape as read from one file, before merging, `apply` and mixins. */
export interface RawShape extends Shape {
  /** The canonical JSON of the definition, to tell identical duplicates from conflicts. */
  readonly fingerprint: string;
}

export interface RawApply {
  readonly target: string;
  readonly traits: ReadonlyMap<string, unknown>;
  readonly source: SourceRef;
}

export interface AstDocument {
  readonly version: "1.0" | "2.0";
  readonly shapes: RawShape[];
  readonly applies: RawApply[];
  readonly metadata: Map<string, unknown>;
}

/** Locates JSON nodes in their file; the IDL loader gives shape-level locations instead. */
/** Where a node, or one of its keys (or that key's value, with `atValue`), was written. */
export type Locator = (node: object | undefined, key?: string, shapeId?: string, atValue?: boolean) => SourceRef;

const COMMON = ["type", "traits", "mixins"];
const ALLOWED: Record<string, string[]> = {
  list: [...COMMON, "member"],
  set: [...COMMON, "member"],
  map: [...COMMON, "key", "value"],
  structure: [...COMMON, "members"],
  union: [...COMMON, "members"],
  enum: [...COMMON, "members"],
  intEnum: [...COMMON, "members"],
  service: [...COMMON, "version", "operations", "resources", "errors", "rename"],
  operation: [...COMMON, "input", "output", "errors"],
  resource: [
    ...COMMON, "identifiers", "properties", "create", "put", "read", "update", "delete", "list",
    "operations", "collectionOperations", "resources",
  ],
  apply: ["type", "traits"],
};
const LIFECYCLE = ["create", "put", "read", "update", "delete", "list"];

const isObject = (v: JsonValue | undefined): v is JsonObject =>
  typeof v === "object" && v !== null && !Array.isArray(v);

export function readAstDocument(root: JsonValue, locate: Locator, problems: Diagnostic[]): AstDocument {
  const report = (message: string, node?: object, key?: string, shape?: string) =>
    problems.push({ ...locate(node, key, shape), message, shape });
  const doc: AstDocument = { version: "2.0", shapes: [], applies: [], metadata: new Map() };
  if (!isObject(root)) {
    report("a Smithy JSON AST model must be a JSON object");
    return doc;
  }
  for (const key of Object.keys(root)) {
    if (key !== "smithy" && key !== "metadata" && key !== "shapes") report(`unknown top-level property "${key}"`, root, key);
  }
  const version = root["smithy"];
  if (typeof version !== "string" || !/^(1|2)(\.0)?$/.test(version)) {
    // At the version string itself, where the fix goes (the key when the version is missing).
    problems.push({ ...locate(root, "smithy", undefined, version !== undefined), message: `"smithy" must give the IDL version "1.0" or "2.0", found ${JSON.stringify(version ?? null)}` });
    return doc;
  }
  const v = version.startsWith("1") ? "1.0" : "2.0";
  const result: AstDocument = { ...doc, version: v };
  const metadata = root["metadata"];
  if (metadata !== undefined) {
    if (isObject(metadata)) for (const [k, val] of Object.entries(metadata)) result.metadata.set(k, val);
    else report(`"metadata" must be an object`, root, "metadata");
  }
  const shapes = root["shapes"] ?? Object.create(null);
  if (!isObject(shapes)) {
    report(`"shapes" must be an object`, root, "shapes");
    return result;
  }
  for (const [id, node] of Object.entries(shapes)) {
    const shapeReport = (message: string, at?: object, key?: string) => report(message, at ?? node as object, key, id);
    const isApply = isObject(node) && node["type"] === "apply";
    if (!isAbsoluteShapeId(id) && !(isApply && isMemberId(id))) {
      const hint = isMemberId(id) ? `; only an "apply" entry may name a member` : "";
      report(`"${id}" is not an absolute shape id (namespace#Name)${hint}`, shapes, id);
      continue;
    }
    if (!isObject(node)) {
      shapeReport("a shape must be a JSON object");
      continue;
    }
    const reader = new ShapeReader(id, node, locate, shapeReport, v);
    const type = node["type"];
    if (typeof type !== "string" || !(SHAPE_TYPES.has(type) || type === "set" || type === "apply")) {
      shapeReport(`unknown shape type ${JSON.stringify(type ?? null)}`, node, "type");
      continue;
    }
    reader.checkProperties(ALLOWED[type] ?? COMMON);
    const traits = reader.traits(node, "traits");
    if (type === "apply") {
      result.applies.push({ target: id, traits, source: locate(node, undefined, id) });
      continue;
    }
    result.shapes.push(reader.shape(type, traits, JSON.stringify(node)));
  }
  return result;
}

class ShapeReader {
  constructor(
    private readonly id: string,
    private readonly node: JsonObject,
    private readonly locate: Locator,
    private readonly report: (message: string, at?: object, key?: string) => void,
    private readonly version: "1.0" | "2.0",
  ) {}

  checkProperties(allowed: string[]): void {
    for (const key of Object.keys(this.node)) {
      if (!allowed.includes(key)) {
        this.report(`unknown property "${key}" for a ${String(this.node["type"])} shape (allowed: ${allowed.join(", ")})`, this.node, key);
      }
    }
  }

  shape(rawType: string, traits: Map<string, unknown>, fingerprint: string): RawShape {
    const n = this.node;
    let type = rawType as ShapeType;
    if (rawType === "set") {
      // Smithy 2.0 reads a 1.0 set as a list with @uniqueItems.
      type = "list";
      traits.set("smithy.api#uniqueItems", {});
    }
    const members = this.members(type);
    const shape: RawShape = {
      id: this.id,
      type,
      traits,
      members,
      mixins: this.refList("mixins"),
      source: this.locate(n, undefined, this.id),
      fingerprint,
      ...(rawType === "set" && { setSyntax: true }),
      ...(type === "service" && {
        version: this.string("version"),
        operations: this.refList("operations"),
        resources: this.refList("resources"),
        errors: this.refList("errors"),
        rename: this.stringMap("rename"),
      }),
      ...(type === "operation" && {
        input: this.ref("input") ?? "smithy.api#Unit",
        output: this.ref("output") ?? "smithy.api#Unit",
        errors: this.refList("errors"),
      }),
      ...(type === "resource" && {
        identifiers: this.refMap("identifiers"),
        properties: this.refMap("properties"),
        lifecycle: new Map(LIFECYCLE.flatMap((k) => {
          const target = this.ref(k);
          return target === undefined ? [] : [[k, target] as const];
        })),
        operations: this.refList("operations"),
        collectionOperations: this.refList("collectionOperations"),
        resources: this.refList("resources"),
      }),
    };
    return shape;
  }

  private members(type: ShapeType): Member[] {
    const n = this.node;
    const named: Array<[string, JsonValue | undefined]> = [];
    if (type === "list") named.push(["member", n["member"]]);
    else if (type === "map") named.push(["key", n["key"]], ["value", n["value"]]);
    else if (["structure", "union", "enum", "intEnum"].includes(type)) {
      const members = n["members"];
      if (members === undefined) {
        // Without mixins an enum needs members here; with them, validation counts the inherited ones.
        if ((type === "enum" || type === "intEnum") && n["mixins"] === undefined) this.report(`an ${type} must have members`);
        return [];
      }
      if (!isObject(members)) {
        this.report(`"members" must be an object`, n, "members");
        return [];
      }
      const seen = new Map<string, string>();
      for (const [name, member] of Object.entries(members)) {
        const clash = seen.get(name.toLowerCase());
        if (clash !== undefined) {
          this.report(`members "${clash}" and "${name}" differ only in case; member names must be case-insensitively unique`, members, name);
        }
        seen.set(name.toLowerCase(), name);
        named.push([name, member]);
      }
    } else {
      return [];
    }
    const out: Member[] = [];
    for (const [name, member] of named) {
      const owner = type === "list" || type === "map" ? n : (n["members"] as JsonObject);
      if (member === undefined) {
        // A list or map may take its member from a mixin; checked again after flattening.
        if (n["mixins"] === undefined) this.report(`a ${type} must define "${name}"`);
        continue;
      }
      if (!isIdentifier(name)) {
        this.report(`member name "${name}" is not a valid identifier`, owner, name);
        continue;
      }
      if (!isObject(member)) {
        this.report(`member "${name}" must be an object with a "target"`, owner, name);
        continue;
      }
      for (const key of Object.keys(member)) {
        if (key !== "target" && key !== "traits") this.report(`unknown property "${key}" in member "${name}"`, member, key);
      }
      const target = member["target"];
      if (typeof target !== "string" || !isAbsoluteShapeId(target)) {
        this.report(`member "${name}" must target an absolute shape id, found ${JSON.stringify(target ?? null)}`, member, "target");
        continue;
      }
      out.push({
        id: `${this.id}$${name}`,
        name,
        target,
        traits: this.traits(member, "traits"),
        source: this.locate(owner, name, this.id),
      });
    }
    return out;
  }

  traits(node: JsonObject, key: string): Map<string, unknown> {
    const traits = new Map<string, unknown>();
    const value = node[key];
    if (value === undefined) return traits;
    if (!isObject(value)) {
      this.report(`"${key}" must be an object of trait id to value`, node, key);
      return traits;
    }
    for (const [traitId, traitValue] of Object.entries(value)) {
      if (!isAbsoluteShapeId(traitId)) {
        this.report(`trait "${traitId}" must be an absolute shape id (for example smithy.api#${traitId})`, value, traitId);
        continue;
      }
      traits.set(traitId, traitValue);
    }
    if (this.version === "1.0" && traits.has("smithy.api#box")) traits.set("smithy.api#box", {});
    return traits;
  }

  private ref(key: string): string | undefined {
    const value = this.node[key];
    if (value === undefined) return undefined;
    if (isObject(value) && typeof value["target"] === "string" && isAbsoluteShapeId(value["target"])) return value["target"];
    this.report(`"${key}" must be an object with an absolute "target" shape id`, this.node, key);
    return undefined;
  }

  private refList(key: string): string[] {
    const value = this.node[key];
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      this.report(`"${key}" must be a list of {"target": ...} references`, this.node, key);
      return [];
    }
    const out: string[] = [];
    for (const item of value) {
      if (isObject(item) && typeof item["target"] === "string" && isAbsoluteShapeId(item["target"])) out.push(item["target"]);
      else this.report(`every entry of "${key}" must be an object with an absolute "target" shape id`, value, undefined);
    }
    return out;
  }

  private refMap(key: string): Map<string, string> {
    return this.objectOf(key, (ref) => (isObject(ref) && typeof ref["target"] === "string" && isAbsoluteShapeId(ref["target"]) ? ref["target"] : undefined), 'an object with an absolute "target" shape id');
  }

  private stringMap(key: string): Map<string, string> {
    return this.objectOf(key, (v) => (typeof v === "string" ? v : undefined), "a string");
  }

  /** An object property read into a Map; each entry through `read`, reported when it gives undefined. */
  private objectOf(key: string, read: (value: JsonValue) => string | undefined, expected: string): Map<string, string> {
    const out = new Map<string, string>();
    const value = this.node[key];
    if (value === undefined) return out;
    if (!isObject(value)) {
      this.report(`"${key}" must be an object`, this.node, key);
      return out;
    }
    for (const [name, entry] of Object.entries(value)) {
      const result = read(entry);
      if (result !== undefined) out.set(name, result);
      else this.report(`"${key}.${name}" must be ${expected}`, value, name);
    }
    return out;
  }

  private string(key: string): string | undefined {
    const value = this.node[key];
    if (value === undefined || typeof value === "string") return value;
    this.report(`"${key}" must be a string`, this.node, key);
    return undefined;
  }
}
