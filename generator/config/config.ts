// The configuration file: codegen.config.json, or a smithy-build.json whose typescript-codegen
// plugin configures this generator. Read with positions, validated against
// codegen.config.schema.json, and turned into one entry per package with every path resolved.
// Every problem is reported at once, as `file:line:column: $.json.path: message`.

import { readFileSync, statSync } from "node:fs";
import { basename, dirname, extname, join, relative, resolve } from "node:path";
import { CodegenError, type Diagnostic } from "../diagnostics.js";
import { JsonSyntaxError, lineColumnAt, parseJsonWithPositions, type JsonSource } from "../load/json-with-positions.js";
import { projectRoot } from "../project-root.js";
import { formatJsonPath, validateAgainstSchema, type JsonPath, type Schema } from "./json-schema.js";
import { packagesFromSmithyBuild, type SmithyBuildFile } from "./smithy-build.js";

import type { Target } from "../emit/context.js";

export type { Target };

/** What a package may set, from the file or from flags (flags win). Paths are resolved. */
export interface PackageConfig {
  readonly models?: readonly string[] | undefined;
  readonly out?: string | undefined;
  readonly service?: string | undefined;
  readonly operations?: readonly string[] | undefined;
  readonly packageName?: string | undefined;
  readonly packageVersion?: string | undefined;
  readonly optionality?: "client" | "authoritative" | undefined;
  readonly targets?: readonly Target[] | undefined;
  /** Clients send the @default of every unset input member (spec-strict); off: only what the caller set. */
  readonly populateDefaults?: boolean | undefined;
  /** The protocol of a service that declares several (`rpcv2Cbor`, `awsJson1_1`, or a trait id). */
  readonly protocol?: string | undefined;
  readonly typecheck?: boolean | undefined;
  readonly apiReport?: boolean | undefined;
  readonly allowUnknownTraits?: boolean | undefined;
  /** smithy-build projections: keep only operations with one of these tags / none of these. */
  readonly includeTags?: readonly string[] | undefined;
  readonly excludeTags?: readonly string[] | undefined;
}

export interface ConfiguredPackage {
  /** The model name, or the projection name for smithy-build.json. */
  readonly name: string;
  readonly config: PackageConfig & { readonly models: readonly string[]; readonly out: string };
}

export interface LoadedConfig {
  readonly file: string;
  readonly packages: readonly ConfiguredPackage[];
}

const CONFIG_FILES = ["codegen.config.json", "smithy-build.json"];
export const PLUGIN = "typescript-codegen";

/** Reports a problem at a JSON path of the configuration file. */
export type Report = (path: JsonPath, message: string) => void;

/**
 * The configuration to use: the file given with --config, else codegen.config.json in `cwd`,
 * else a smithy-build.json there that configures the typescript-codegen plugin; undefined when
 * there is none (the command line alone describes the run).
 */
export function findConfigFile(explicit: string | undefined, cwd: string): string | undefined {
  if (explicit !== undefined) return explicit;
  const own = join(cwd, CONFIG_FILES[0]!);
  if (isFile(own)) return relative(cwd, own);
  const smithyBuild = join(cwd, CONFIG_FILES[1]!);
  if (isFile(smithyBuild) && readFileSync(smithyBuild, "utf8").includes(`"${PLUGIN}"`)) return relative(cwd, smithyBuild);
  return undefined;
}

export function loadConfig(file: string): LoadedConfig {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new CodegenError([{ file, message: `cannot read the configuration file: ${(e as Error).message}` }]);
  }
  let source: JsonSource;
  try {
    source = parseJsonWithPositions(text);
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    throw new CodegenError([{ file, ...lineColumnAt(text, e.offset), message: `invalid JSON: ${e.message}` }]);
  }
  const problems: Diagnostic[] = [];
  const report: Report = (path, message) => problems.push({ file, ...positionOf(source, path), message: `${formatJsonPath(path)}: ${message}` });
  const doc = source.value;
  // By name when it says; a file of another name is a smithy-build file if it has its "version".
  const name = basename(file);
  const smithyBuild = name === CONFIG_FILES[0] ? false : name.endsWith(CONFIG_FILES[1]!) ||
    (typeof doc === "object" && doc !== null && !Array.isArray(doc) && Object.hasOwn(doc, "version"));
  const schema = configSchema();
  const root: Schema = smithyBuild ? schema.definitions!["smithyBuild"]! : schema;
  for (const issue of validateAgainstSchema(doc, root, schema)) report(issue.path, issue.message);
  if (problems.length > 0) throw new CodegenError(problems);

  const dir = dirname(file);
  const at = (p: string) => relative(process.cwd(), resolve(dir, p)) || ".";
  const packages = smithyBuild
    ? packagesFromSmithyBuild(doc as SmithyBuildFile, at, report)
    : packagesFromCodegenConfig(doc as CodegenConfigFile, at, report);
  if (problems.length === 0 && packages.length === 0) report([], `configures no package (add a "${PLUGIN}" plugin to "plugins" or to a projection)`);
  checkPackages(packages, report);
  if (problems.length > 0) throw new CodegenError(problems);
  return { file, packages: packages.map((p) => p.pkg) };
}

type FileSettings = Omit<PackageConfig, "models" | "includeTags" | "excludeTags"> & { readonly models?: string | readonly string[] };
interface CodegenConfigFile extends FileSettings {
  readonly packages?: readonly FileSettings[];
}

/** A package and where in the file it was configured (for later messages). */
export interface Located {
  readonly pkg: ConfiguredPackage;
  readonly path: JsonPath;
  /** Where each model path came from. */
  readonly modelPaths: readonly JsonPath[];
}

function packagesFromCodegenConfig(doc: CodegenConfigFile, at: (p: string) => string, report: Report): Located[] {
  const { packages, ...defaults } = doc;
  delete (defaults as { $schema?: unknown }).$schema;
  const entries: Array<[FileSettings, JsonPath]> = packages === undefined ? [[{}, []]] : packages.map((p, i) => [p, ["packages", i]]);
  const out: Located[] = [];
  for (const [entry, path] of entries) {
    const merged = { ...defaults, ...entry };
    const fromEntry = entry.models !== undefined;
    const modelsPath: JsonPath = fromEntry ? [...path, "models"] : ["models"];
    if (merged.models === undefined) {
      report(path, 'needs "models": the model files or folders to generate from');
      continue;
    }
    const list = typeof merged.models === "string" ? [merged.models] : merged.models;
    const models = list.map(at);
    const name = basename(models[0]!, extname(models[0]!));
    const modelPaths = list.map((_, i) => (typeof merged.models === "string" ? modelsPath : [...modelsPath, i]));
    out.push({
      pkg: { name, config: { ...merged, models, out: merged.out !== undefined ? at(merged.out) : join(at("generated"), name) } },
      path,
      modelPaths,
    });
  }
  return out;
}

/** Checks that need the file system or several packages: model paths exist, outputs differ. */
function checkPackages(packages: readonly Located[], report: Report): void {
  const outs = new Map<string, JsonPath>();
  for (const { pkg, path, modelPaths } of packages) {
    pkg.config.models.forEach((m, i) => {
      if (!exists(m)) report(modelPaths[i] ?? path, `no such model file or folder: ${m}`);
    });
    const key = resolve(pkg.config.out);
    const first = outs.get(key);
    if (first !== undefined) report(path, `writes to ${pkg.config.out}, as ${formatJsonPath(first)} does already`);
    else outs.set(key, path);
  }
}

let schema: Schema | undefined;

/** codegen.config.schema.json, shipped in the generator's root for editors and read from there. */
function configSchema(): Schema {
  schema ??= JSON.parse(readFileSync(join(projectRoot(), "codegen.config.schema.json"), "utf8")) as Schema;
  return schema;
}

/** The line and column of the value (or key) at `path`, as close as the parser recorded. */
function positionOf(source: JsonSource, path: JsonPath): Pick<Diagnostic, "line" | "column" | "sourceLine"> {
  let node: unknown = source.value;
  let offset = typeof node === "object" && node !== null ? source.offsetOf(node) : undefined;
  for (const step of path) {
    if (typeof node !== "object" || node === null) break;
    const child: unknown = (node as Record<string | number, unknown>)[step];
    const here = typeof step === "string" ? source.offsetOf(node, step) : typeof child === "object" && child !== null ? source.offsetOf(child) : undefined;
    if (here !== undefined) offset = here;
    node = child;
  }
  return offset === undefined ? {} : source.lineColumn(offset);
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}
