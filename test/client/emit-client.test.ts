// The client in the pipeline: which packages get src/client.ts (and its runtime and dependency),
// and the emitter's refusals — names it would generate that collide, a @paginated trait that
// names no tokens — each a clear error naming the operation, never a broken client.ts.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CodegenError } from "../../generator/diagnostics.js";
import type { GenerateOptions } from "../../generator/emit/context.js";
import type { Model } from "../../generator/model/model.js";
import { projectRoot } from "../../generator/project-root.js";
import { fileOf, generate, modelFromJson } from "../helpers/codegen.js";

function service(operations: Record<string, object>, extra: Record<string, object> = {}) {
  const shapes: Record<string, object> = {
    "ex#Svc": { type: "service", version: "1", operations: Object.keys(operations).map((n) => ({ target: `ex#${n}` })), traits: { "aws.protocols#restJson1": {} } },
    ...extra,
  };
  for (const [name, traits] of Object.entries(operations)) {
    shapes[`ex#${name}`] = { type: "operation", traits: { "smithy.api#http": { method: "POST", uri: `/${name}` }, ...traits } };
  }
  return modelFromJson({ "test.json": { smithy: "2.0", shapes } });
}

async function failure(model: ReturnType<typeof service>): Promise<string> {
  try {
    await generate(model);
  } catch (e) {
    expect(e).toBeInstanceOf(CodegenError);
    return (e as Error).message;
  }
  return expect.fail("generate accepted the model");
}

describe("emitClient refusals", () => {
  it.each(["Send", "Destroy", "Config"])("an operation %s, whose method would shadow the client's own", async (name) => {
    expect(await failure(service({ [name]: {} }))).toContain(`operation ex#${name}: its method ${name.charAt(0).toLowerCase() + name.slice(1)} would shadow the client's own`);
  });

  it("a shape named like a command", async () => {
    const reached = modelFromJson({ "test.json": { smithy: "2.0", shapes: {
      "ex#Svc": { type: "service", version: "1", operations: [{ target: "ex#Get" }], traits: { "aws.protocols#restJson1": {} } },
      "ex#Get": { type: "operation", input: { target: "ex#GetInput" }, traits: { "smithy.api#http": { method: "POST", uri: "/get" } } },
      "ex#GetInput": { type: "structure", members: { c: { target: "ex#GetCommand" } } },
      "ex#GetCommand": { type: "structure", members: {} },
    } } });
    expect(await failure(reached)).toContain("generated name GetCommand is needed by both ex#GetCommand and the command of ex#Get");
  });

  it("a @paginated operation without tokens on it or the service", async () => {
    expect(await failure(service({ List: { "smithy.api#paginated": { items: "things" } } }))).toContain("operation ex#List: @paginated needs inputToken and outputToken");
  });

  it("an operation named like a global (its symbol `_Object`) of a service with endpoint rules", async () => {
    const model = modelFromJson({ "test.json": { smithy: "2.0", shapes: {
      "ex#Svc": { type: "service", version: "1", operations: [{ target: "ex#Object" }], traits: {
        "aws.protocols#restJson1": {},
        "smithy.rules#endpointRuleSet": { version: "1.0", parameters: {}, rules: [{ type: "endpoint", conditions: [], endpoint: { url: "https://example.com" } }] },
      } },
      "ex#Object": { type: "operation", traits: { "smithy.api#http": { method: "POST", uri: "/o" } } },
    } } });
    expect(await failure(model)).toContain("operation ex#Object: its name Object is reserved in TypeScript");
  });

  it("a service shape named like the client class", async () => {
    const model = modelFromJson({ "test.json": { smithy: "2.0", shapes: {
      "ex#Svc": { type: "service", version: "1", operations: [{ target: "ex#Get" }], traits: { "aws.protocols#restJson1": {} } },
      "ex#Get": { type: "operation", input: { target: "ex#SvcClient" }, traits: { "smithy.api#http": { method: "POST", uri: "/get" } } },
      "ex#SvcClient": { type: "structure", members: {} },
    } } });
    expect(await failure(model)).toContain("generated name SvcClient is needed by both ex#SvcClient and the client class of ex#Svc");
  });
});

describe("which packages get a client", () => {
  const paths = async (model: ReturnType<typeof service>, options: Partial<GenerateOptions> = {}) => (await generate(model, { options })).map((f) => f.path);
  const unsigned = () => service({ Get: {} });
  const signed = () => {
    const model = modelFromJson({ "test.json": { smithy: "2.0", shapes: {
      "ex#Svc": { type: "service", version: "1", operations: [{ target: "ex#Get" }], traits: { "aws.protocols#restJson1": {}, "aws.auth#sigv4": { name: "svc" } } },
      "ex#Get": { type: "operation", traits: { "smithy.api#http": { method: "POST", uri: "/get" } } },
    } } });
    return model;
  };

  it("a restJson1 service: src/client.ts re-exported, the client runtime copied; unsigned, no signer and no dependency", async () => {
    const files = await generate(unsigned());
    expect(fileOf(files, "src/index.ts")).toContain('export * from "./client.js";');
    const runtime = files.map((f) => f.path).filter((p) => p.startsWith("src/runtime/client/"));
    expect(runtime).toContain("src/runtime/client/client.ts");
    expect(runtime).not.toContain("src/runtime/client/sigv4.ts");
    expect(fileOf(files, "src/client.ts")).not.toContain("sigv4");
    expect(JSON.parse(fileOf(files, "package.json")).dependencies).toBeUndefined();
  });

  it("a sigv4 service: the signer copied, imported on first send, @smithy/signature-v4 at the generator's version", async () => {
    const files = await generate(signed());
    expect(files.map((f) => f.path)).toContain("src/runtime/client/sigv4.ts");
    expect(fileOf(files, "src/client.ts")).toMatch(/load: async \(\) => \(await import\("\.\/runtime\/client\/sigv4\.js"\)\)\.sigv4Signer/);
    const own = JSON.parse(readFileSync(join(projectRoot(), "package.json"), "utf8")).dependencies["@smithy/signature-v4"];
    expect(JSON.parse(fileOf(files, "package.json")).dependencies).toEqual({ "@smithy/signature-v4": own });
  });

  it("no client when only the server is a target; every built-in protocol has one (restXml's signs S3 with the path as sent)", async () => {
    expect(await paths(signed(), { targets: ["server"] })).not.toContain("src/client.ts");
    const xml = (service: object) => modelFromJson({ "test.json": { smithy: "2.0", shapes: {
      "ex#Svc": { type: "service", version: "1", operations: [{ target: "ex#Get" }], traits: { "aws.protocols#restXml": {}, ...service } },
      "ex#Get": { type: "operation", traits: { "smithy.api#http": { method: "POST", uri: "/get" } } },
    } } });
    const client = async (model: Model) => (await generate(model)).find((f) => f.path === "src/client.ts")?.content;
    expect(await client(xml({ "aws.auth#sigv4": { name: "svc" } }))).toContain("(await import(\"./runtime/client/sigv4.js\")).sigv4Signer");
    expect(await client(xml({ "aws.auth#sigv4": { name: "s3" }, "aws.api#service": { sdkId: "S3" } }))).toContain("(await import(\"./runtime/client/sigv4.js\")).s3Signer");
  });

  it("a model shape named like a runtime type the client re-exports", async () => {
    const model = modelFromJson({ "test.json": { smithy: "2.0", shapes: {
      "ex#Svc": { type: "service", version: "1", operations: [{ target: "ex#Get" }], traits: { "aws.protocols#restJson1": {} } },
      "ex#Get": { type: "operation", input: { target: "ex#Interceptor" }, traits: { "smithy.api#http": { method: "POST", uri: "/get" } } },
      "ex#Interceptor": { type: "structure", members: {} },
    } } });
    expect(await failure(model)).toContain("generated name Interceptor is needed by both ex#Interceptor and the client runtime's Interceptor");
  });
});
