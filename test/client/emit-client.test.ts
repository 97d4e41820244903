// The client emitter's refusals: names it would generate that collide, and a @paginated trait
// that names no tokens — each a clear error naming the operation, never a broken client.ts.

import { describe, expect, it } from "vitest";
import { emitClient } from "../../generator/client/emit-client.js";
import { CodegenError } from "../../generator/diagnostics.js";
import { modelFromJson } from "../helpers/codegen.js";
import { clientContext } from "./client-package.js";

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

function failure(model: ReturnType<typeof service>): string {
  try {
    emitClient(clientContext(model));
  } catch (e) {
    expect(e).toBeInstanceOf(CodegenError);
    return (e as Error).message;
  }
  return expect.fail("emitClient accepted the model");
}

describe("emitClient refusals", () => {
  it.each(["Send", "Destroy", "Config"])("an operation %s, whose method would shadow the client's own", (name) => {
    expect(failure(service({ [name]: {} }))).toContain(`operation ex#${name}: its method ${name.charAt(0).toLowerCase() + name.slice(1)} would shadow the client's own`);
  });

  it("a shape named like a command", () => {
    const reached = modelFromJson({ "test.json": { smithy: "2.0", shapes: {
      "ex#Svc": { type: "service", version: "1", operations: [{ target: "ex#Get" }], traits: { "aws.protocols#restJson1": {} } },
      "ex#Get": { type: "operation", input: { target: "ex#GetInput" }, traits: { "smithy.api#http": { method: "POST", uri: "/get" } } },
      "ex#GetInput": { type: "structure", members: { c: { target: "ex#GetCommand" } } },
      "ex#GetCommand": { type: "structure", members: {} },
    } } });
    expect(failure(reached)).toContain("generated name GetCommand is needed by both ex#GetCommand and the command of ex#Get");
  });

  it("a @paginated operation without tokens on it or the service", () => {
    expect(failure(service({ List: { "smithy.api#paginated": { items: "things" } } }))).toContain("operation ex#List: @paginated needs inputToken and outputToken");
  });

  it("a service shape named like the client class", () => {
    const model = modelFromJson({ "test.json": { smithy: "2.0", shapes: {
      "ex#Svc": { type: "service", version: "1", operations: [{ target: "ex#Get" }], traits: { "aws.protocols#restJson1": {} } },
      "ex#Get": { type: "operation", input: { target: "ex#SvcClient" }, traits: { "smithy.api#http": { method: "POST", uri: "/get" } } },
      "ex#SvcClient": { type: "structure", members: {} },
    } } });
    expect(failure(model)).toContain("generated name SvcClient is needed by both ex#SvcClient and the client class of ex#Svc");
  });
});
