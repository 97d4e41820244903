// smithy-build.json, Smithy's own build file: `sources` and `imports` are the model, each
// projection (plus the implicit "source" projection) whose plugins include typescript-codegen
// becomes a package, written by default to <outputDirectory>/<projection>/typescript-codegen as
// smithy-build lays out plugin output. A projection's own plugin settings replace the top-level
// ones, as in smithy-build. Of the transforms, the filters that select operations are supported.

import { basename, extname, join } from "node:path";
import type { JsonPath } from "./json-schema.js";
import { PLUGIN, type Located, type PackageConfig, type Report, type Target } from "./config.js";

interface PluginSettings {
  readonly out?: string;
  readonly service?: string;
  readonly operations?: readonly string[];
  /** The npm package name (smithy-typescript's name for it). */
  readonly package?: string;
  readonly packageVersion?: string;
  readonly optionality?: "client" | "authoritative";
  readonly targets?: readonly Target[];
  readonly populateDefaults?: boolean;
  readonly protocol?: string;
  readonly typecheck?: boolean;
  readonly apiReport?: boolean;
  readonly allowUnknownTraits?: boolean;
}

interface Transform {
  readonly name: "includeShapesByTag" | "excludeShapesByTag" | "includeOperations";
  readonly args?: Readonly<Record<string, unknown>>;
}

interface Projection {
  readonly abstract?: boolean;
  readonly imports?: readonly string[];
  readonly transforms?: readonly Transform[];
  readonly plugins?: Readonly<Record<string, unknown>>;
}

export interface SmithyBuildFile {
  readonly sources?: readonly string[];
  readonly imports?: readonly string[];
  readonly outputDirectory?: string;
  readonly plugins?: Readonly<Record<string, unknown>>;
  readonly projections?: Readonly<Record<string, Projection>>;
}

export function packagesFromSmithyBuild(doc: SmithyBuildFile, at: (p: string) => string, report: Report): Located[] {
  const shared = [...(doc.sources ?? []).map((p, i) => [p, ["sources", i]] as const), ...(doc.imports ?? []).map((p, i) => [p, ["imports", i]] as const)];
  const top = doc.plugins?.[PLUGIN] as PluginSettings | undefined;
  const outputDirectory = typeof doc.outputDirectory === "string" ? doc.outputDirectory : join("build", "smithy");
  const projections: Array<[string, Projection | undefined]> = [["source", undefined], ...Object.entries(doc.projections ?? {})];
  const located: Located[] = [];
  for (const [name, projection] of projections) {
    if (projection?.abstract === true) continue;
    const own = projection?.plugins?.[PLUGIN] as PluginSettings | undefined;
    const settings = own ?? top;
    if (settings === undefined) continue;
    const path: JsonPath = own !== undefined ? ["projections", name, "plugins", PLUGIN] : ["plugins", PLUGIN];
    const sources = [...shared, ...(projection?.imports ?? []).map((p, i) => [p, ["projections", name, "imports", i]] as const)];
    if (sources.length === 0) {
      report([], `projection "${name}" has no model: list model files or folders in "sources"`);
      continue;
    }
    const filters = readTransforms(projection?.transforms ?? [], ["projections", name, "transforms"], report);
    const { package: packageName, out, operations, ...rest } = settings;
    const config: PackageConfig & { models: string[]; out: string } = {
      ...rest,
      packageName,
      models: sources.map(([p]) => at(p)),
      out: at(out ?? join(outputDirectory, name, PLUGIN)),
      operations: intersect(operations, filters.operations),
      includeTags: filters.includeTags,
      excludeTags: filters.excludeTags,
    };
    if (config.operations?.length === 0) report(path, `the operation filters of projection "${name}" leave no operation to generate`);
    // The source projection has no name of its own: its package is named after the model.
    const pkgName = name === "source" ? basename(config.models[0]!, extname(config.models[0]!)) : name;
    located.push({ pkg: { name: pkgName, config }, path, modelPaths: sources.map(([, p]) => [...p]) });
  }
  return located;
}

interface Filters {
  operations?: string[] | undefined;
  includeTags?: string[] | undefined;
  excludeTags?: string[] | undefined;
}

function readTransforms(transforms: readonly Transform[], path: JsonPath, report: Report): Filters {
  const filters: Filters = {};
  transforms.forEach((t, i) => {
    const key = t.name === "includeOperations" ? "operations" : "tags";
    const list = stringList(t.args?.[key], [...path, i, "args", key], `${t.name} needs args.${key}: a non-empty list of ${key === "tags" ? "tag names" : "operation names or shape ids"}`, report);
    if (list === undefined) return;
    if (t.name === "includeOperations") filters.operations = intersect(filters.operations, list);
    else if (t.name === "includeShapesByTag") filters.includeTags = [...(filters.includeTags ?? []), ...list];
    else filters.excludeTags = [...(filters.excludeTags ?? []), ...list];
  });
  return filters;
}

function stringList(value: unknown, path: JsonPath, message: string, report: Report): string[] | undefined {
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === "string" && v !== "")) return value as string[];
  report(path, message);
  return undefined;
}

/** Operations allowed by every filter that names some (undefined: no filter). */
function intersect(a: readonly string[] | undefined, b: readonly string[] | undefined): string[] | undefined {
  if (a === undefined) return b === undefined ? undefined : [...b];
  if (b === undefined) return [...a];
  return a.filter((x) => b.includes(x));
}
