// Every case of every shared AWS model's `smithy.rules#endpointTests`, against the resolver the
// generator emits for that model: URL (the string the rules built, not only the parsed URL),
// headers and properties compared exactly, or the error message. Cases with `operationInputs` also go through the emitted config and operation mapping
// (built-ins as SDK v3 config keys, client context params, the operation's context params).
// `npm run -s endpoint-tests` counts them (endpoint-reporter.ts).

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILT_IN_CONFIG, emitEndpoints, lowerCamel } from "../../../generator/client/endpoints/emit-endpoints.js";
import { runtimeFiles } from "../../../generator/emit/runtime-files.js";
import type { EmitContext } from "../../../generator/emit/context.js";
import { ShapeIndex, serviceClosure } from "../../../generator/index/shape-index.js";
import { loadModelFiles } from "../../../generator/load/load.js";
import { SymbolProvider } from "../../../generator/symbols/symbol-provider.js";
import { DEFAULT_OPTIONS, SHARED_DIR, SHARED_MISSING, loadGenerated } from "../../helpers/codegen.js";

interface TestCase {
  documentation?: string;
  params?: Record<string, unknown>;
  operationInputs?: { operationName: string; operationParams?: Record<string, unknown>; builtInParams?: Record<string, unknown>; clientParams?: Record<string, unknown> }[];
  expect: { error?: string; endpoint?: { url: string; headers?: Record<string, string[]>; properties?: Record<string, unknown> } };
}

type Params = Record<string, unknown>;
interface Resolver {
  resolveEndpoint(params: Params): { url: URL; headers?: Record<string, string[]>; properties?: Record<string, unknown> };
  configEndpointParams(config: Record<string, unknown>): Params;
  withOperationParams(base: Params, own: Params): Params;
  operationEndpointParams: Record<string, ((input: unknown) => Params) | undefined>;
}

const MODELS_DIR = SHARED_DIR === undefined ? undefined : join(SHARED_DIR, "models", "aws");
const MODEL_FILES = MODELS_DIR === undefined ? [] : readdirSync(MODELS_DIR).filter((f) => f.endsWith(".json")).sort();

/** The service shape's traits of a model file, read directly so the cases are known when tests are collected. */
function serviceTraits(file: string): { cases: TestCase[] } {
  const doc = JSON.parse(readFileSync(join(MODELS_DIR!, file), "utf8")) as { shapes: Record<string, { type: string; traits?: Record<string, unknown> }> };
  const service = Object.values(doc.shapes).find((s) => s.type === "service")!;
  const tests = service.traits?.["smithy.rules#endpointTests"] as { testCases: TestCase[] } | undefined;
  return { cases: tests?.testCases ?? [] };
}

/**
 * `URL` as the resolver sees it while the cases run: the real one, remembering the string it was
 * built from, so that the URL is compared as written ("https://example.com" is not
 * "https://example.com/", though both parse to the same href).
 */
class RecordingURL extends URL {
  readonly written: string;
  constructor(url: string) {
    super(url);
    this.written = url;
  }
}
const RealURL = URL;
beforeAll(() => {
  globalThis.URL = RecordingURL;
});
afterAll(() => {
  globalThis.URL = RealURL;
});

function outcome(run: () => ReturnType<Resolver["resolveEndpoint"]>): unknown {
  try {
    const endpoint = run();
    expect(endpoint.url).toBeInstanceOf(RecordingURL);
    return { endpoint: { url: (endpoint.url as RecordingURL).written, headers: endpoint.headers ?? {}, properties: endpoint.properties ?? {} } };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

function expected(c: TestCase): unknown {
  if (c.expect.error !== undefined) return { error: c.expect.error };
  const e = c.expect.endpoint!;
  return { endpoint: { url: e.url, headers: e.headers ?? {}, properties: e.properties ?? {} } };
}

describe.skipIf(SHARED_DIR === undefined)("endpoint tests", () => {
  if (SHARED_DIR === undefined) it.skip(SHARED_MISSING, () => {});
  for (const file of MODEL_FILES) {
    const { cases } = serviceTraits(file);
    describe(file.replace(/\.json$/, ""), () => {
      let resolver: Resolver;
      beforeAll(async () => {
        const model = await loadModelFiles([join(MODELS_DIR!, file)]);
        const index = new ShapeIndex(model);
        const closure = serviceClosure(index, index.services()[0]!);
        const ctx: EmitContext = { index, closure, symbols: new SymbolProvider(index, closure), options: DEFAULT_OPTIONS, modelFiles: [file] };
        const endpoints = emitEndpoints(ctx)!;
        const index_ts = { path: "src/index.ts", content: `export * from "./endpoints.js";\n` };
        resolver = (await loadGenerated<Resolver>([endpoints, ...runtimeFiles(endpoints.runtime ?? []), index_ts])).mod;
      });

      cases.forEach((c, i) => {
        it(`#${i} ${c.documentation ?? ""}`, () => {
          expect(outcome(() => resolver.resolveEndpoint(c.params ?? {}))).toStrictEqual(expected(c));
          for (const input of c.operationInputs ?? []) {
            const config: Record<string, unknown> = {};
            for (const [builtIn, value] of Object.entries(input.builtInParams ?? {})) config[BUILT_IN_CONFIG[builtIn]!] = value;
            for (const [name, value] of Object.entries(input.clientParams ?? {})) config[lowerCamel(name)] = value;
            const own = resolver.operationEndpointParams[input.operationName]?.(input.operationParams ?? {}) ?? {};
            const params = resolver.withOperationParams(resolver.configEndpointParams(config), own);
            expect(outcome(() => resolver.resolveEndpoint(params)), `through ${input.operationName}`).toStrictEqual(expected(c));
          }
        });
      });
    });
  }
});
