// The runtime a generated file uses: each reference to a runtime export is recorded where the
// code is written, and the file's imports are made from those records (never by reading the
// emitted code back). A runtime name that a model type or another name of the file also has is
// imported under an alias a model cannot claim (`$` + name: Smithy names have no `$`).

import { runtimeIndex } from "./runtime-modules.js";

export class RuntimeImports {
  /** Export name → its name in the file, in first-use order. */
  private readonly used = new Map<string, string>();
  /** The @smithy/types types the file names. */
  private readonly smithy = new Set<string>();
  /** Runtime modules the file loads with `import()` (copied into the package, no import line). */
  private readonly dynamic = new Set<string>();
  /** Runtime exports the file re-exports: export name → its public name. */
  private readonly reexported = new Map<string, string>();

  /**
   * @param taken whether the file has another top-level name that would clash (a model type, an
   *   error class, a function of its own).
   */
  constructor(private readonly taken: (name: string) => boolean) {}

  /** The file's name for the runtime export `name` (a value or a type), recording the import. */
  use(name: string): string {
    const local = this.used.get(name);
    if (local !== undefined) return local;
    if (!runtimeIndex().exporter.has(name)) throw new Error(`internal: no runtime module exports exactly one ${name}`);
    const chosen = this.taken(name) ? `$${name}` : name;
    this.used.set(name, chosen);
    return chosen;
  }

  /**
   * The specifier of the runtime module that exports `name`, for an `import()` in a file at
   * `src/<dir>` (`prefix` as for importLines): the module is copied, no import line is written.
   */
  lazy(name: string, prefix = "./runtime/"): string {
    const module = runtimeIndex().exporter.get(name);
    if (module === undefined) throw new Error(`internal: no runtime module exports exactly one ${name}`);
    this.dynamic.add(module.path);
    return `${prefix}${module.path}.js`;
  }

  /**
   * Re-exports the runtime export `name` from the file as `as` (a re-export binds no local name,
   * so it cannot clash with the file's own).
   */
  exportAs(name: string, as = name): void {
    if (!runtimeIndex().exporter.has(name)) throw new Error(`internal: no runtime module exports exactly one ${name}`);
    this.reexported.set(name, as);
  }

  /**
   * The file's name for the @smithy/types type `name`: `__` + name, which no shape can shadow
   * (the symbol provider keeps `__` names for imports).
   */
  smithyType(name: string): string {
    this.smithy.add(name);
    return `__${name}`;
  }

  /** Every runtime export used so far, by its name in the file (for templates that name them). */
  names(): Record<string, string> {
    return Object.fromEntries(this.used);
  }

  has(name: string): boolean {
    return this.used.has(name);
  }

  /** The runtime modules (paths under runtime/) the file imports. */
  modules(): string[] {
    const { exporter } = runtimeIndex();
    return [...new Set([...[...this.used.keys(), ...this.reexported.keys()].map((name) => exporter.get(name)!.path), ...this.dynamic])].sort();
  }

  /**
   * The import declarations, one per module, for a file at `src/<dir>`: `prefix` is the relative
   * path from it to src/runtime/ (`./runtime/` from src/).
   */
  importLines(prefix = "./runtime/"): string {
    const { exporter } = runtimeIndex();
    const byModule = new Map<string, Array<{ spec: string; type: boolean }>>();
    for (const [name, local] of [...this.used].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const module = exporter.get(name)!;
      const spec = { spec: `${name}${local === name ? "" : ` as ${local}`}`, type: module.exports.get(name) === "type" };
      byModule.set(module.path, [...(byModule.get(module.path) ?? []), spec]);
    }
    const smithy = [...this.smithy].sort().map((name) => `${name} as __${name}`);
    return [
      ...(smithy.length === 0 ? [] : [`import type { ${smithy.join(", ")} } from "@smithy/types";`]),
      ...[...byModule]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([path, specs]) => {
          // Types alone: `import type`, which leaves no import (no module load) in the JavaScript.
          const types = specs.every((s) => s.type);
          const list = specs.map((s) => (s.type && !types ? `type ${s.spec}` : s.spec)).join(", ");
          return `import ${types ? "type " : ""}{ ${list} } from "${prefix}${path}.js";`;
        }),
    ].join("\n");
  }

  /** The re-export declarations (`exportAs`), one per module, for a file at `src/<dir>` as in importLines. */
  exportLines(prefix = "./runtime/"): string {
    const { exporter } = runtimeIndex();
    const reexports = new Map<string, string[]>();
    for (const [name, as] of [...this.reexported].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const module = exporter.get(name)!;
      const spec = `${module.exports.get(name) === "type" ? "type " : ""}${name}${as === name ? "" : ` as ${as}`}`;
      reexports.set(module.path, [...(reexports.get(module.path) ?? []), spec]);
    }
    return [...reexports].sort(([a], [b]) => (a < b ? -1 : 1)).map(([path, specs]) => `export { ${specs.join(", ")} } from "${prefix}${path}.js";`).join("\n");
  }
}
