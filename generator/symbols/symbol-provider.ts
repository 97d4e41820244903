// The one place that turns shapes into TypeScript names and type expressions, and that plans
// every name errors.ts and validators.ts derive from them. Model shapes claim their names first
// and always keep them (shape names that collide case-insensitively fail, naming both shape
// ids); reserved words and globals get a `_` prefix (as AWS SDK v3 does for S3's `Object`).
// A derived name a shape already holds takes a fallback by one rule (see `claimFree`).

import { CodegenError, type Diagnostic } from "../diagnostics.js";
import type { ServiceClosure, ShapeIndex } from "../index/shape-index.js";
import { isEventStream, SIMPLE_TYPES, type Member, type Shape, type SourceRef } from "../model/model.js";
import { nameOf } from "../model/shape-id.js";
import { planValidators } from "../emit/validators/plan.js";
import { GLOBALS, RESERVED_WORDS } from "./reserved.js";

/** Imported helper types are aliased with a `__` prefix so shape names cannot shadow them. */
export const IMPORTED = {
  DocumentType: "__DocumentType",
  ResponseMetadata: "__ResponseMetadata",
  HttpResponse: "__HttpResponse",
} as const;

/**
 * Where a type expression's named parts are recorded (a file's imports, codegen/file-imports.ts):
 * each returns the name to write.
 */
export interface TypeReferences {
  /** A shape that is a named type (structure, union, enum). */
  shape(shape: Shape): string;
  /** A type of @smithy/types. */
  smithyType(name: string): string;
}

/** The exported functions and schema of one validated shape. */
export interface ValidatorNames {
  readonly validate: string;
  readonly assert: string;
  readonly schema: string;
}

/** The shared declarations of validators.ts. */
export interface ValidationNames {
  readonly Failure: string;
  readonly Exception: string;
  readonly StandardSchema: string;
}

export class SymbolProvider {
  private readonly names = new Map<string, string>();
  /** Who owns each emitted top-level name: a shape id or a description of a generated helper. */
  private readonly owners = new Map<string, string>();
  private readonly aliases = new Map<string, { input: string | undefined; output: string | undefined }>();
  private readonly errorUnions = new Map<string, string>();
  private readonly guards = new Map<string, string>();
  private readonly validators = new Map<string, ValidatorNames>();
  readonly serviceName: string;
  /** `<Service>ServiceException`; its options interface and type guard derive from it. */
  readonly serviceExceptionName: string;
  readonly validation: ValidationNames;

  constructor(
    private readonly index: ShapeIndex,
    private readonly closure: ServiceClosure,
  ) {
    const problems: Diagnostic[] = [];
    for (const name of Object.values(IMPORTED)) this.owners.set(name, "an imported type");
    this.serviceName = pascalCase(sdkId(closure.service) ?? nameOf(closure.service.id));
    const rename = closure.service.rename ?? new Map<string, string>();
    const caseInsensitive = new Map<string, string>();
    const reserved: Array<[Shape, string]> = [];
    for (const shape of [...closure.shapes.values(), ...closure.operations]) {
      const raw = rename.get(shape.id) ?? nameOf(shape.id);
      const lower = raw.toLowerCase();
      const other = caseInsensitive.get(lower);
      if (other !== undefined && !mayShareName(index, index.shape(other), shape)) {
        problems.push({
          ...shape.source,
          shape: shape.id,
          message: `shape name conflicts with ${other} in the closure of ${closure.service.id}; give one of them a service "rename"`,
        });
      }
      caseInsensitive.set(lower, shape.id);
      if (RESERVED_WORDS.has(raw) || GLOBALS.has(raw)) {
        reserved.push([shape, raw]);
        continue;
      }
      this.names.set(shape.id, raw);
      if (emitsNamedType(shape)) this.claim(raw, shape.id, problems, shape.source);
    }
    if (problems.length > 0) throw new CodegenError(problems);
    // After every name the model gives, so that `_Date` from `Date` never takes a shape's own `_Date`.
    for (const [shape, raw] of reserved) {
      this.names.set(shape.id, emitsNamedType(shape) ? this.claimFree([`_${raw}`], shape.id) : `_${raw}`);
    }

    // Derived names, in a fixed order (closure order within each kind), so fallbacks are deterministic.
    const service = this.serviceName;
    this.serviceExceptionName = this.claimFree([`${service}ServiceException`], `the service exception of ${closure.service.id}`,
      (base) => [base, `${base}Options`, `is${base}`]);
    for (const op of closure.operations) {
      const name = this.names.get(op.id)!;
      this.aliases.set(op.id, { input: this.aliasName(op, name, "Input", op.input!), output: this.aliasName(op, name, "Output", op.output!) });
      this.errorUnions.set(op.id, this.claimFree([`${name}Error`, `${name}CommandError`], `the error union of ${op.id}`));
    }
    for (const error of closure.errors) this.guards.set(error.id, this.claimFree([`is${this.names.get(error.id)!}`], `the type guard of ${error.id}`));
    const shared = (name: string, what: string) => this.claimFree([name, `${service}${name}`], `the ${what} of the generated validators`);
    this.validation = {
      Failure: shared("ValidationFailure", "failure type"),
      Exception: shared("ValidationException", "exception"),
      StandardSchema: shared("StandardSchemaV1", "Standard Schema interface"),
    };
    for (const shape of planValidators(index, closure).exported) {
      const name = this.names.get(shape.id)!;
      this.validators.set(shape.id, {
        validate: this.claimFree([`validate${name}`], `the validator of ${shape.id}`),
        assert: this.claimFree([`assertValid${name}`], `the assertion of ${shape.id}`),
        schema: this.claimFree([`${name}Schema`], `the Standard Schema of ${shape.id}`),
      });
    }
  }

  /**
   * The one fallback rule for derived names: the first candidate whose names (`derive`) are all
   * free, else the last candidate with `_2`, `_3`, … appended, the first that is free. Model
   * shapes claimed theirs before any derived name, so a model never loses a name to the generator.
   */
  private claimFree(candidates: readonly string[], owner: string, derive: (name: string) => readonly string[] = (n) => [n]): string {
    const free = (name: string) => derive(name).every((n) => !this.owners.has(n));
    const last = candidates[candidates.length - 1]!;
    let chosen = candidates.find(free);
    for (let i = 2; chosen === undefined; i++) if (free(`${last}_${i}`)) chosen = `${last}_${i}`;
    for (const n of derive(chosen)) this.owners.set(n, owner);
    return chosen;
  }

  /**
   * `<Op>Input`/`<Op>Output`, or undefined when the input/output shape already has that name.
   * When another shape has it (bedrock's `ConverseStreamOutput` union), AWS SDK v3's
   * `<Op>CommandInput`/`<Op>CommandOutput` is used instead.
   */
  private aliasName(op: Shape, name: string, suffix: "Input" | "Output", target: string): string | undefined {
    if (this.names.get(target) === `${name}${suffix}`) return undefined;
    return this.claimFree([`${name}${suffix}`, `${name}Command${suffix}`], `the ${suffix.toLowerCase()} alias of ${op.id}`);
  }

  /** `<Op>Error`, the union of an operation's modeled errors (`<Op>CommandError` when a shape has that name). */
  errorUnionName(op: Shape): string {
    return this.planned(this.errorUnions, op.id, "operation");
  }

  /** `is<Error>`, the type guard of an error shape. */
  guardName(error: Shape | string): string {
    return this.planned(this.guards, typeof error === "string" ? error : error.id, "error");
  }

  /** `validate<Shape>`, `assertValid<Shape>` and `<Shape>Schema` of a shape the validators export. */
  validatorNames(shape: Shape | string): ValidatorNames {
    return this.planned(this.validators, typeof shape === "string" ? shape : shape.id, "validated shape");
  }

  private planned<T>(names: ReadonlyMap<string, T>, id: string, what: string): T {
    const name = names.get(id);
    if (name === undefined) throw new Error(`internal: ${id} is not a ${what} of the closure`);
    return name;
  }

  /** The Input/Output alias names of an operation (undefined: the shape itself has that name). */
  operationAliases(op: Shape): { input: string | undefined; output: string | undefined } {
    const aliases = this.aliases.get(op.id);
    if (aliases === undefined) throw new Error(`internal: ${op.id} is not an operation of the closure`);
    return aliases;
  }

  /** Whether a shape or generated name already owns `name`. */
  isClaimed(name: string): boolean {
    return this.owners.has(name);
  }

  /** Reserve a generated top-level name; a second owner is a collision. */
  private claim(name: string, owner: string, problems: Diagnostic[], source?: SourceRef): void {
    const other = this.owners.get(name);
    if (other !== undefined && other !== owner) {
      problems.push({ ...source, message: `generated name ${name} is needed by both ${other} and ${owner}; rename one of them with the service "rename" property` });
      return;
    }
    this.owners.set(name, owner);
  }

  name(shape: Shape | string): string {
    const id = typeof shape === "string" ? shape : shape.id;
    const name = this.names.get(id);
    if (name === undefined) throw new Error(`internal: no symbol for ${id}`);
    return name;
  }

  /**
   * The TypeScript type of a value of the member's target; the named types it mentions are
   * recorded in `refs`. A member targeting an event stream (a @streaming union) holds its events
   * as they come.
   */
  memberType(member: Member, refs?: TypeReferences): string {
    const target = this.index.target(member);
    const type = this.typeOf(target, refs);
    return isEventStream(target) ? `AsyncIterable<${type}>` : type;
  }

  typeOf(shape: Shape, refs?: TypeReferences): string {
    switch (shape.type) {
      case "string":
        if (!shape.traits.has("smithy.api#enum")) return "string";
        return refs?.shape(shape) ?? this.name(shape);
      case "boolean": return "boolean";
      case "byte": case "short": case "integer": case "long": case "float": case "double": return "number";
      case "bigInteger": return "bigint";
      case "bigDecimal": return "string";
      case "timestamp": return "Date";
      case "blob": return "Uint8Array";
      case "document":
        return refs?.smithyType("DocumentType") ?? IMPORTED.DocumentType;
      case "list": {
        const item = this.memberType(shape.members[0]!, refs);
        const sparse = shape.traits.has("smithy.api#sparse");
        return sparse ? `(${item} | null)[]` : /[ |]/.test(item) ? `(${item})[]` : `${item}[]`;
      }
      case "map": {
        const value = this.memberType(shape.members[1]!, refs);
        return `Record<string, ${value}${shape.traits.has("smithy.api#sparse") ? " | null" : ""}>`;
      }
      case "structure":
        // smithy.api#Unit: a union member without a value.
        if (shape.traits.has("smithy.api#unitType")) return "Record<string, never>";
      // falls through
      case "enum": case "intEnum": case "union":
        return refs?.shape(shape) ?? this.name(shape);
      default:
        throw new Error(`internal: ${shape.type} ${shape.id} has no value type`);
    }
  }

  /** Reserves generated names before any emitter runs; every clash is reported at once. */
  reserve(names: ReadonlyArray<readonly [name: string, owner: string]>): void {
    const problems: Diagnostic[] = [];
    for (const [name, owner] of names) this.claim(name, owner, problems);
    if (problems.length > 0) throw new CodegenError(problems);
  }

  /** Per-shape function names by prefix, then shape id; each prefix planned for the whole closure at once. */
  private readonly shapeFunctions = new Map<string, Map<string, string>>();

  /**
   * The name of a generated per-shape function, `<prefix>_<Shape>` (`se_Route`, `de_Route`): planned
   * for every structure, union, list and map of the closure the first time a prefix is asked for,
   * in shape-id order, so no name depends on which emitter asks first. Two shapes with one name
   * (from different namespaces), or a model name taken already, get `_2`, `_3`….
   */
  shapeFunction(prefix: string, shape: Shape): string {
    let names = this.shapeFunctions.get(prefix);
    if (names === undefined) {
      names = new Map();
      const taken = new Set<string>();
      const shapes = [...this.closure.shapes.values()].filter((s) => ["structure", "union", "list", "map"].includes(s.type));
      for (const s of shapes.sort((a, b) => (a.id < b.id ? -1 : 1))) {
        const base = `${prefix}_${s.type === "list" || s.type === "map" ? nameOf(s.id) : this.name(s)}`;
        let name = base;
        for (let n = 2; taken.has(name) || this.owners.has(name); n++) name = `${base}_${n}`;
        taken.add(name);
        names.set(s.id, name);
      }
      this.shapeFunctions.set(prefix, names);
    }
    const name = names.get(shape.id);
    if (name === undefined) throw new Error(`internal: ${shape.id} is not a structure, union, list or map of the closure`);
    return name;
  }
}

/** Shapes that become a named declaration in models.ts (simple shapes, lists and maps are inlined). */
export function emitsNamedType(shape: Shape): boolean {
  return shape.type === "structure" || shape.type === "union" || shape.type === "enum" || shape.type === "intEnum"
    || (shape.type === "string" && shape.traits.has("smithy.api#enum"));
}

/**
 * Smithy lets simple shapes, and lists of simple shapes, share a name in a service closure
 * when they have the same type and traits (service-types.rst); they emit no named type.
 */
function mayShareName(index: ShapeIndex, a: Shape, b: Shape): boolean {
  if (a.type !== b.type || !(SIMPLE_TYPES.has(a.type) || a.type === "list") || emitsNamedType(a) || emitsNamedType(b)) return false;
  if (JSON.stringify([...a.traits].sort()) !== JSON.stringify([...b.traits].sort())) return false;
  if (a.type !== "list") return true;
  const ta = index.target(a.members[0]!);
  return ta.type === index.target(b.members[0]!).type && SIMPLE_TYPES.has(ta.type);
}

function sdkId(service: Shape): string | undefined {
  const value = service.traits.get("aws.api#service") as { sdkId?: unknown } | undefined;
  return typeof value?.sdkId === "string" ? value.sdkId : undefined;
}

/** `API Gateway V2` → `APIGatewayV2`; keeps existing capitals, drops what is not an identifier. */
export function pascalCase(text: string): string {
  const words = text.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const joined = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join("");
  return /^[0-9]/.test(joined) ? `_${joined}` : joined || "Service";
}
