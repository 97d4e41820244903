// Signed requests equal AWS SDK v3's: for every apigatewayv2 operation (the whole shared model),
// inputs drawn from the model (fixed seed) are sent by the generated client and by
// @aws-sdk/client-apigatewayv2, both with the same fixed credentials and clock and capturing
// request handlers; the captured requests — method, URL, body and every header, Authorization
// included — must be equal. Two values are random or name the SDK by design and are set alike
// on both sides before signing: the invocation id and `x-amz-user-agent`.
// Known serde difference: the SDK writes a JSON body's @required members first, our serializer
// writes members in name order, so such bodies differ in bytes (not in JSON). There the test
// checks the JSON is equal, then has our client sign the SDK's body bytes: the requests must
// then be equal, Authorization included.

import { join } from "node:path";
import * as sdk from "@aws-sdk/client-apigatewayv2";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { serviceClosure, ShapeIndex } from "../../generator/index/shape-index.js";
import { loadModelFiles } from "../../generator/load/load.js";
import { nameOf } from "../../generator/model/shape-id.js";
import { loadGenerated, SHARED_DIR, SHARED_MISSING } from "../helpers/codegen.js";
import { operationInput } from "../serde/support/arbitraries.js";
import { clientPackage } from "./client-package.js";

/** Inputs per operation; SIGNATURE_RUNS raises it. */
const RUNS = Number(process.env["SIGNATURE_RUNS"] ?? 4);
const MODEL = SHARED_DIR === undefined ? "" : join(SHARED_DIR, "models", "aws", "apigatewayv2-2018-11-29.json");
const CREDENTIALS = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", sessionToken: "SESSIONTOKEN" };
const INVOCATION_ID = "00000000-0000-4000-8000-000000000000";
const USER_AGENT = "test-package/0.0.0";
const REGION = "us-east-1";

interface Captured {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
}

const decoder = new TextDecoder();
function capture(request: { method: string; protocol: string; hostname: string; port?: number; path: string; query?: Record<string, unknown>; headers: Record<string, string>; body?: unknown }): Captured {
  const query = Object.entries(request.query ?? {}).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${k}=${String(x)}`)).sort().join("&");
  const body = request.body == null ? undefined : typeof request.body === "string" ? request.body : decoder.decode(request.body as Uint8Array);
  const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v]).sort(([a], [b]) => (a! < b! ? -1 : 1)));
  return { method: request.method, url: `${request.protocol}//${request.hostname}${request.port ? `:${request.port}` : ""}${request.path}?${query}`, headers, body };
}

const ok = () => ({ response: { statusCode: 200, headers: {}, body: new TextEncoder().encode("{}") } });

async function load() {
  const index = new ShapeIndex(await loadModelFiles([MODEL]));
  const closure = serviceClosure(index, index.services()[0]!);
  const files = await clientPackage([MODEL], { targets: ["client"] });
  const { mod } = await loadGenerated<Record<string, new (...args: any[]) => any>>(files);
  return { index, closure, mod };
}

const loaded = SHARED_DIR === undefined ? undefined : await load();

describe.skipIf(loaded === undefined)(`signed requests equal @aws-sdk/client-apigatewayv2's (${loaded === undefined ? SHARED_MISSING : "72 operations"})`, () => {
  const { index, closure, mod } = loaded ?? ({} as Partial<NonNullable<typeof loaded>>);
  let ours: Captured | undefined;
  /** The body our client signs instead of its own, when set. */
  let bodyOverride: string | undefined;
  let theirs: Captured | undefined;
  let ourClient: { send(command: unknown): Promise<unknown> };
  let sdkClient: sdk.ApiGatewayV2Client;

  beforeAll(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-03-04T05:06:07.089Z"));
    ourClient = new mod!["ApiGatewayV2Client"]!({
      region: REGION,
      credentials: CREDENTIALS,
      endpoint: `https://apigateway.${REGION}.amazonaws.com`,
      maxAttempts: 1,
      requestHandler: { handle: async (request: never) => ((ours = capture(request)), ok()) },
      interceptors: [{
        beforeSigning: (c: { request: { headers: Record<string, string>; body?: unknown } }) => {
          c.request.headers["amz-sdk-invocation-id"] = INVOCATION_ID;
          if (bodyOverride !== undefined) c.request.body = bodyOverride;
        },
      }],
    });
    sdkClient = new sdk.ApiGatewayV2Client({
      region: REGION,
      credentials: CREDENTIALS,
      maxAttempts: 1,
      requestHandler: { handle: async (request: never) => ((theirs = capture(request)), ok()) } as never,
    });
    const fixHeaders = (next: (args: unknown) => Promise<unknown>) => async (args: { request: { headers: Record<string, string> } }) => {
      args.request.headers["amz-sdk-invocation-id"] = INVOCATION_ID;
      args.request.headers["x-amz-user-agent"] = USER_AGENT;
      delete args.request.headers["user-agent"]; // unsigned; our client leaves it to the platform
      return next(args);
    };
    sdkClient.middlewareStack.addRelativeTo(
      fixHeaders as never,
      { relation: "before", toMiddleware: "httpSigningMiddleware", name: "fixRandomAndSdkNamedHeaders" } as never
    );
  });

  afterAll(() => {
    vi.useRealTimers();
  });

  for (const op of closure?.operations ?? []) {
    const name = nameOf(op.id);
    it(`${name}: ${RUNS} inputs signed byte for byte as the SDK signs them`, async () => {
      const input = op.input === "smithy.api#Unit" ? undefined : index!.shape(op.input!);
      const samples = fc.sample(operationInput(index!, input), { numRuns: RUNS, seed: 20261206 });
      const Command = mod![`${name}Command`]!;
      const SdkCommand = (sdk as unknown as Record<string, new (input: unknown) => never>)[`${name}Command`]!;
      for (const value of samples) {
        ours = theirs = bodyOverride = undefined;
        await ourClient.send(new Command(value)).catch(() => undefined);
        await sdkClient.send(new SdkCommand(value)).catch(() => undefined);
        expect(ours).toBeDefined();
        expect(theirs).toBeDefined();
        if (ours!.body !== theirs!.body) {
          expect(JSON.parse(ours!.body ?? "null")).toEqual(JSON.parse(theirs!.body ?? "null"));
          bodyOverride = theirs!.body;
          await ourClient.send(new Command(value)).catch(() => undefined);
        }
        expect(ours).toEqual(theirs);
        expect(ours!.headers["authorization"]).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20260304\/us-east-1\/apigateway\/aws4_request, SignedHeaders=[^,]+, Signature=[0-9a-f]{64}$/);
      }
    });
  }
});
