// An awsJson operation's deserializer knows the errors it can return (its own and the service's)
// and no others, so a bundle of one operation keeps only those error classes.

import { build } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { generate, loadGenerated, modelFromJson } from "../../helpers/codegen.js";

const NS = "test.tables";
const error = (fault: "client" | "server", members: Record<string, unknown> = {}) => ({
  type: "structure",
  members: { message: { target: "smithy.api#String" }, ...members },
  traits: { "smithy.api#error": fault },
});
const operation = (errors: string[]) => ({ type: "operation", input: { target: "smithy.api#Unit" }, output: { target: "smithy.api#Unit" }, errors: errors.map((e) => ({ target: `${NS}#${e}` })) });

const model = {
  smithy: "2.0",
  shapes: {
    [`${NS}#Svc`]: { type: "service", version: "1", operations: [{ target: `${NS}#Alpha` }, { target: `${NS}#Beta` }], errors: [{ target: `${NS}#Throttled` }], traits: { "aws.protocols#awsJson1_0": {} } },
    [`${NS}#Alpha`]: operation(["AlphaFault"]),
    [`${NS}#Beta`]: operation(["BetaFault"]),
    [`${NS}#AlphaFault`]: error("client"),
    [`${NS}#BetaFault`]: error("client", { detail: { target: "smithy.api#String" } }),
    [`${NS}#Throttled`]: error("server"),
  },
};

type Deserialize = (response: { statusCode: number; headers: Record<string, string>; body: string }) => Promise<unknown>;
let mod: Record<string, any>;
let dir: string;
beforeAll(async () => {
  ({ mod, dir } = await loadGenerated(await generate(modelFromJson({ "tables.json": model }))));
}, 60_000);

const rejection = (deserialize: Deserialize, type: string) =>
  deserialize({ statusCode: 400, headers: { "content-type": "application/x-amz-json-1.0" }, body: JSON.stringify({ __type: type, message: "m", detail: "d" }) }).then(
    () => { throw new Error("resolved"); },
    (e: Error) => e,
  );

describe("awsJson error tables per operation", () => {
  it("an operation's own errors and the service's are their classes; another operation's error is the service exception", async () => {
    expect(await rejection(mod.deserializeAlphaResponse, "AlphaFault")).toBeInstanceOf(mod.AlphaFault);
    expect(await rejection(mod.deserializeAlphaResponse, "Throttled")).toBeInstanceOf(mod.Throttled);
    const foreign = await rejection(mod.deserializeAlphaResponse, "BetaFault");
    expect(foreign).not.toBeInstanceOf(mod.BetaFault);
    expect(foreign).toBeInstanceOf(mod.SvcServiceException);
    expect(foreign).toMatchObject({ name: "BetaFault", $fault: "client", message: "m" });
    // Beta's table has its own error, with its members read from the body.
    expect(await rejection(mod.deserializeBetaResponse, "BetaFault")).toMatchObject({ name: "BetaFault", detail: "d" });
  });

  it("a bundle of one operation's serde holds its errors and the service's, not another operation's", async () => {
    const result = await build({
      stdin: { contents: `export { serializeAlphaRequest, deserializeAlphaResponse } from "./src/protocol.ts";`, resolveDir: dir, loader: "ts" },
      bundle: true, minify: true, platform: "browser", format: "esm", target: "es2022", write: false, logLevel: "silent",
    });
    const code = result.outputFiles[0]!.text;
    expect(code).toContain(`"AlphaFault"`);
    expect(code).toContain(`"Throttled"`);
    expect(code).not.toContain("BetaFault");
  });
});
