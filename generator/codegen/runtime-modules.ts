// The runtime a generated package carries: the TypeScript modules under the generator's
// runtime/ folder, read once. Which module exports a name, and which modules a module imports,
// are read from the modules themselves, so no list of helper names is kept anywhere.

import { readdirSync, readFileSync } from "node:fs";
import { join, posix, sep } from "node:path";
import { projectRoot } from "../project-root.js";

export interface RuntimeModule {
  /** The path under runtime/ without `.ts`, with `/` separators: `http/labels`. */
  readonly path: string;
  readonly source: string;
  /** The runtime modules it imports (paths as above). */
  readonly imports: readonly string[];
  /** The npm packages it imports values from (`import type` leaves no dependency). */
  readonly packages: readonly string[];
  /** Its exported values and types; a type must be imported with `type`. */
  readonly exports: ReadonlyMap<string, "value" | "type">;
}

export interface RuntimeIndex {
  readonly modules: ReadonlyMap<string, RuntimeModule>;
  /** The module that exports each name; a name that two modules export maps to neither. */
  readonly exporter: ReadonlyMap<string, RuntimeModule>;
}

let cached: RuntimeIndex | undefined;

export function runtimeIndex(): RuntimeIndex {
  if (cached !== undefined) return cached;
  const dir = join(projectRoot(), "runtime");
  const modules = new Map<string, RuntimeModule>();
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts") && !e.name.endsWith(".d.ts"))
    .map((e) => join(e.parentPath, e.name))
    .sort();
  for (const file of files) {
    const path = file.slice(dir.length + 1, -".ts".length).split(sep).join("/");
    const source = readFileSync(file, "utf8");
    modules.set(path, { path, source, imports: importsOf(path, source), packages: packagesOf(source), exports: exportsOf(source) });
  }
  const exporter = new Map<string, RuntimeModule>();
  const shared = new Set<string>();
  for (const module of modules.values()) {
    for (const name of module.exports.keys()) {
      if (exporter.has(name)) shared.add(name);
      exporter.set(name, module);
    }
  }
  for (const name of shared) exporter.delete(name);
  cached = { modules, exporter };
  return cached;
}

/** `modules` and every runtime module they import, directly or not, sorted. */
export function runtimeClosure(modules: Iterable<string>): string[] {
  const { modules: all } = runtimeIndex();
  const seen = new Set<string>();
  const visit = (path: string): void => {
    if (seen.has(path)) return;
    const module = all.get(path);
    if (module === undefined) throw new Error(`internal: no runtime module ${path}`);
    seen.add(path);
    module.imports.forEach(visit);
  };
  for (const m of modules) visit(m);
  return [...seen].sort();
}

/** The npm packages the modules import values from, sorted: the package's runtime dependencies. */
export function runtimePackages(modules: Iterable<string>): string[] {
  const { modules: all } = runtimeIndex();
  return [...new Set([...modules].flatMap((m) => all.get(m)!.packages))].sort();
}

/** The bare specifiers of a module's value imports (`import { X } from "pkg"`; not `import type`). */
function packagesOf(source: string): string[] {
  return [...source.matchAll(/^import (?!type )[^;]*? from "([^."][^"]*)";$/gm)].map((m) => m[1]!);
}

/** The relative `.js` imports of a runtime module, as runtime paths. */
function importsOf(path: string, source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/^import [^;]*? from "(\.{1,2}\/[^"]+)\.js";$/gm)) {
    found.push(posix.normalize(posix.join(posix.dirname(path), m[1]!)));
  }
  return found;
}

/** The names a runtime module exports (its own source: `export function|const|interface|type Name`). */
function exportsOf(source: string): Map<string, "value" | "type"> {
  const found = new Map<string, "value" | "type">();
  for (const m of source.matchAll(/^export (?:declare )?(async function\*?|function\*?|const|let|(?:abstract )?class|interface|type) ([A-Za-z_$][\w$]*)/gm)) {
    found.set(m[2]!, m[1] === "interface" || m[1] === "type" ? "type" : "value");
  }
  return found;
}
