// Generated rpcv2Cbor deserializers on hostile bytes (fast-check): random byte strings and
// mutations (bytes flipped, cut, inserted) of the compliance suite's bodies, fed to every
// operation of the suite's RpcV2Protocol service. A client's response deserializer resolves or
// rejects with a DeserializationError service exception; a server's handler answers 200 or a 400
// SerializationException / ValidationException; nothing else is thrown, and nothing hangs (each
// property has a time limit). HOSTILE_RUNS fast-check runs per property (default 100).

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nameOf } from "../../../generator/model/shape-id.js";
import { generate, loadGenerated, SHARED_DIR, SHARED_MISSING } from "../../helpers/codegen.js";
import { loadProtocolSuites } from "../../helpers/protocol-tests.js";
import { caseBytes } from "./body.js";

const RUNS = Number(process.env["HOSTILE_RUNS"] ?? 100);
type Fn = (...args: unknown[]) => unknown;
interface Response { statusCode: number; headers: Record<string, string>; body?: Uint8Array }

const suite = SHARED_DIR === undefined ? undefined : (await loadProtocolSuites(SHARED_DIR, "smithy.protocols#rpcv2Cbor")).find((s) => nameOf(s.service.id) === "RpcV2Protocol");

/** Bodies to start from: the suite's CBOR bodies of this kind, each with its operation. */
function seeds(cases: { operation: { id: string }; testCase: { body?: string } }[]): { operation: string; body: Uint8Array }[] {
  return cases.filter((c) => (c.testCase.body ?? "") !== "").map((c) => ({ operation: nameOf(c.operation.id), body: caseBytes(c.testCase.body!) }));
}

/** Random bytes, or a seed body with a few bytes overwritten, cut short or inserted. */
function hostile(bodies: readonly Uint8Array[]): fc.Arbitrary<Uint8Array> {
  const mutated = fc.tuple(fc.constantFrom(...bodies), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom("set", "cut", "insert")), { minLength: 1, maxLength: 4 }))
    .map(([body, edits]) => {
      let bytes = [...body];
      for (const [at, byte, how] of edits) {
        const i = bytes.length === 0 ? 0 : at % bytes.length;
        if (how === "set") bytes[i] = byte;
        else if (how === "cut") bytes = bytes.slice(0, i);
        else bytes.splice(i, 0, byte);
      }
      return Uint8Array.from(bytes);
    });
  return fc.oneof(fc.uint8Array({ maxLength: 64 }), mutated);
}

describe.skipIf(suite === undefined)(`generated rpcv2Cbor deserializers on hostile bytes${suite === undefined ? ` (${SHARED_MISSING})` : ` (${RUNS} runs each)`}`, async () => {
  const files = suite === undefined ? [] : await generate(suite.model, { service: suite.service.id, options: { targets: ["client", "server"] } });
  const mod = suite === undefined ? {} : (await loadGenerated<Record<string, Fn>>(files)).mod;
  const responses = seeds(suite?.responses.filter((c) => c.shape.type === "operation") ?? []);
  const requests = seeds(suite?.requests ?? []);

  it("a client's response deserializer resolves or rejects with a DeserializationError", async () => {
    const operations = [...new Set(responses.map((r) => r.operation))];
    expect(operations.length).toBeGreaterThan(5);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...operations), hostile(responses.map((r) => r.body)), fc.constantFrom(200, 400), async (operation, body, statusCode) => {
        const response = { statusCode, headers: { "smithy-protocol": "rpc-v2-cbor", "content-type": "application/cbor" }, body };
        const outcome = await (mod[`deserialize${operation}Response`]!(response) as Promise<unknown>).then(() => undefined, (e: unknown) => e);
        if (statusCode === 200 && outcome !== undefined) expect((outcome as Error).name).toBe("DeserializationError");
        // A 400 is always an error: a modeled one, the service's exception, or unreadable (never a TypeError).
        if (statusCode === 400) expect(outcome).toBeInstanceOf(mod["RpcV2ProtocolServiceException"] as unknown as abstract new () => Error);
      }),
      { numRuns: RUNS, seed: 0x5eed, interruptAfterTimeLimit: 60_000, markInterruptAsFailure: true },
    );
  }, 90_000);

  it("a server's handler answers 200 or a 400 SerializationException / ValidationException", async () => {
    const createHandler = Object.keys(mod).find((name) => /^create\w+Handler$/.test(name))!;
    // Every operation answers {} if reached.
    const handle = mod[createHandler]!(new Proxy({}, { get: () => async () => ({}) })) as (request: unknown) => Promise<Response>;
    const operations = [...new Set(requests.map((r) => r.operation))];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...operations), hostile(requests.map((r) => r.body)), async (operation, body) => {
        const response = await handle({
          method: "POST", protocol: "https:", hostname: "example.com", path: `/service/RpcV2Protocol/operation/${operation}`, query: {},
          headers: { "smithy-protocol": "rpc-v2-cbor", "content-type": "application/cbor", accept: "application/cbor" }, body,
        });
        if (response.statusCode === 200) return;
        expect(response.statusCode).toBe(400);
        expect(["SerializationException", "ValidationException"]).toContain(response.headers["x-amzn-errortype"]);
      }),
      { numRuns: RUNS, seed: 0x5eed, interruptAfterTimeLimit: 60_000, markInterruptAsFailure: true },
    );
  }, 90_000);
});
