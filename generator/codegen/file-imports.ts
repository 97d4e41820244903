// Everything one generated file imports, recorded where its code names it: runtime exports and
// @smithy/types types (RuntimeImports), and the package's own declarations in its sibling
// modules — model types, error classes and guards, validators, the protocol's functions. An
// emitter asks for a shape's type or an error's class *by reference* (`file.type(shape)`,
// `file.errorClass(error)`) and writes the name it gets; the import declarations are made from
// those records, never listed by hand or read back from the emitted code. Every name comes
// from the symbol provider's plan, made before any emitter runs.

import { CodegenError } from "../diagnostics.js";
import type { Member, Shape } from "../model/model.js";
import type { SymbolProvider, TypeReferences } from "../symbols/symbol-provider.js";
import { RuntimeImports } from "./runtime-imports.js";

/** A sibling module of src/: `./<module>.js`. */
export type LocalModule = "endpoints" | "errors" | "models" | "protocol" | "validators";

/** The order sibling imports are written in: the model's own modules first, then the rest by name. */
const LOCAL_ORDER: readonly LocalModule[] = ["errors", "models", "endpoints", "protocol", "validators"];

export class FileImports extends RuntimeImports implements TypeReferences {
  /** Per sibling module, each name imported and whether a value of it is used (else a type only). */
  private readonly local = new Map<LocalModule, Map<string, "type" | "value">>();

  /**
   * @param own the sibling module the file is (its own declarations are not imported).
   * @param taken as for RuntimeImports; by default, any name the symbol provider planned.
   */
  constructor(
    private readonly symbols: SymbolProvider,
    private readonly own?: LocalModule,
    taken: (name: string) => boolean = (name) => symbols.isClaimed(name),
  ) {
    super(taken);
  }

  /** The TypeScript type of a value of `shape`, importing the named types it mentions. */
  type(shape: Shape): string {
    return this.symbols.typeOf(shape, this);
  }

  /** The type of a member's value (an event stream's events as they come), importing as `type`. */
  memberType(member: Member): string {
    return this.symbols.memberType(member, this);
  }

  /** The name of a named shape's type, recorded as a type import from errors.ts or models.ts. */
  shape(shape: Shape): string {
    return this.record(moduleOfShape(shape), this.symbols.name(shape), "type");
  }

  /** An operation's input type: its `<Op>Input` alias, or the input shape's own name. */
  inputType(op: Shape): string {
    const alias = this.symbols.operationAliases(op).input;
    return this.record("models", alias ?? this.symbols.name(op.input!), "type");
  }

  /** An operation's output type: its `<Op>Output` alias, or the output shape's own name. */
  outputType(op: Shape): string {
    const alias = this.symbols.operationAliases(op).output;
    return this.record("models", alias ?? this.symbols.name(op.output!), "type");
  }

  /** An error's class, as a value (to construct it or test `instanceof`). */
  errorClass(error: Shape): string {
    return this.record("errors", this.symbols.name(error), "value");
  }

  /** The service's exception base class, as a value. */
  serviceException(): string {
    return this.record("errors", this.symbols.serviceExceptionName, "value");
  }

  /** `<Op>Error`, the union type of an operation's modeled errors. */
  errorUnion(op: Shape): string {
    return this.record("errors", this.symbols.errorUnionName(op), "type");
  }

  /** `is<Error>`, an error's type guard. */
  guard(error: Shape): string {
    return this.record("errors", this.symbols.guardName(error), "value");
  }

  /** `assertValid<Shape>`, the assertion validators.ts exports for a shape. */
  assertion(shape: Shape | string): string {
    return this.record("validators", this.symbols.validatorNames(shape).assert, "value");
  }

  /** A value another sibling module exports under a name the pipeline reserved (a serializer of protocol.ts). */
  value(module: LocalModule, name: string): string {
    return this.record(module, name, "value");
  }

  private record(module: LocalModule, name: string, kind: "type" | "value"): string {
    if (module === this.own) return name;
    let names = this.local.get(module);
    if (names === undefined) this.local.set(module, (names = new Map()));
    if (names.get(name) !== "value") names.set(name, kind);
    return name;
  }

  /**
   * Throws when a name the file imports from a sibling is one the file declares itself (`locals`):
   * a model shape named like a generated function must be renamed.
   */
  checkLocals(locals: ReadonlySet<string>, service: Shape, file: string): void {
    for (const names of this.local.values()) {
      for (const name of names.keys()) {
        if (locals.has(name)) {
          throw new CodegenError([{ shape: service.id, message: `the shape name ${name} collides with a function of the generated ${file}; rename the shape with the service "rename" property` }]);
        }
      }
    }
  }

  /**
   * The import declarations of the sibling modules (`modules`: all by default), sorted by name
   * within each: per module an `import type` line for the names used only as types, then an
   * `import` line for the values.
   */
  localImportLines(modules: readonly LocalModule[] = LOCAL_ORDER): string {
    const lines: string[] = [];
    for (const module of LOCAL_ORDER.filter((m) => modules.includes(m))) {
      const names = this.local.get(module);
      if (names === undefined) continue;
      const of = (kind: "type" | "value") => [...names].filter(([, k]) => k === kind).map(([name]) => name).sort();
      const types = of("type");
      const values = of("value");
      if (types.length > 0) lines.push(`import type { ${types.join(", ")} } from "./${module}.js";`);
      if (values.length > 0) lines.push(`import { ${values.join(", ")} } from "./${module}.js";`);
    }
    return lines.join("\n");
  }
}

/** Where a shape's type is declared: error shapes in errors.ts, every other named shape in models.ts. */
const moduleOfShape = (shape: Shape): LocalModule => (shape.traits.has("smithy.api#error") ? "errors" : "models");
