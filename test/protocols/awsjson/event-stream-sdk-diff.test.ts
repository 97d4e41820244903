// Event streams over awsJson against AWS SDK v3: Kinesis's SubscribeToShard (awsJson1_1, an
// event-stream output) in the generated package and in @aws-sdk/client-kinesis. The same inputs
// give the same request; the same response body, event-stream frames built with the SDK's own
// codec (an initial-response, SubscribeToShardEvent records with blob data, events of a type
// neither client knows, and at times a modeled exception event that ends the stream), reads to
// the same events and the same error in both. Ours also yields the unknown events, as
// `{ $unknown: [type, payload] }` (a listed difference: the SDK drops them).

import { join } from "node:path";
import { EventStreamCodec } from "@smithy/core/event-streams";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ShapeIndex } from "../../../generator/index/shape-index.js";
import { loadModelFiles } from "../../../generator/load/load.js";
import { generate, loadGenerated, SHARED_DIR, SHARED_MISSING } from "../../helpers/codegen.js";
import { operationInput, text, wireObject } from "../../serde/support/arbitraries.js";
import { comparableError, plain, plainRequest } from "../../serde/support/compare.js";
import { sdkReference } from "./sdk.js";

const RUNS = Number(process.env["AWSJSON_DIFF_RUNS"] ?? 25);
const ENDPOINT = "https://kinesis.us-east-1.amazonaws.com";
const CONTENT_TYPE = "application/x-amz-json-1.1";
const encoder = new TextEncoder();
const decoder = new TextDecoder();
/** The SDK's frame codec: the test's frames are not built by the code under test. */
const codec = new EventStreamCodec((b: Uint8Array) => decoder.decode(b), (s: string) => encoder.encode(s));

type Generated = Record<string, (...args: unknown[]) => any>;

const path = SHARED_DIR === undefined ? "" : join(SHARED_DIR, "models", "aws", "kinesis-2013-12-02.json");
const loaded = SHARED_DIR === undefined ? undefined : await load();

async function load() {
  const [files, model, sdkModule] = await Promise.all([
    generate([path], { operations: ["SubscribeToShard"] }),
    loadModelFiles([path]),
    import("@aws-sdk/client-kinesis") as Promise<Record<string, unknown>>,
  ]);
  const { mod } = await loadGenerated<Generated>(files);
  const index = new ShapeIndex(model);
  return { mod, index, sdk: sdkReference(sdkModule, "KinesisClient", ENDPOINT) };
}

type Frame =
  | { kind: "initial" }
  | { kind: "event"; body: Record<string, unknown> }
  | { kind: "unknown"; body: Record<string, unknown> }
  | { kind: "exception"; type: string; message: string };

const header = (value: string) => ({ type: "string" as const, value });

function frameBytes(frame: Frame): Uint8Array {
  const json = (type: string, body: unknown, messageType = "event", typeHeader = ":event-type") =>
    codec.encode({
      headers: { ":message-type": header(messageType), [typeHeader]: header(type), ":content-type": header(CONTENT_TYPE) },
      body: encoder.encode(JSON.stringify(body)),
    });
  switch (frame.kind) {
    case "initial": return json("initial-response", {});
    case "event": return json("SubscribeToShardEvent", frame.body);
    case "unknown": return json("SomeEventFromTheFuture", frame.body);
    case "exception": return json(frame.type, { message: frame.message }, "exception", ":exception-type");
  }
}

/** Bytes cut into chunks of 1 to 97 bytes, so frames cross chunk boundaries. */
async function* chunks(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let at = 0, size = 1; at < bytes.length; at += size, size = (size * 7) % 97 + 1) yield bytes.slice(at, at + size);
}

/**
 * What a call gives: the events read (unknown ones apart) and the error that ended the stream,
 * as plain data, or the error the call rejected with (a first message that is an exception).
 */
async function drain(call: Promise<{ EventStream: AsyncIterable<unknown> }>): Promise<{ events: unknown[]; unknown: unknown[]; error?: Record<string, unknown>; rejected?: true }> {
  const events: unknown[] = [];
  const unknown: unknown[] = [];
  let stream: AsyncIterable<unknown>;
  try {
    stream = (await call).EventStream;
  } catch (error) {
    return { events, unknown, error: said(error), rejected: true };
  }
  try {
    for await (const event of stream) {
      if ((event as { $unknown?: unknown }).$unknown !== undefined) unknown.push(plain(event));
      else events.push(plain(event, true));
    }
  } catch (error) {
    return { events, unknown, error: said(error) };
  }
  return { events, unknown };
}

function said(error: unknown): Record<string, unknown> {
  const { $metadata: _, ...fields } = comparableError(error, []);
  return { ...fields, class: (error as object).constructor.name };
}

describe.skipIf(loaded === undefined)(`awsJson event streams: Kinesis SubscribeToShard matches @aws-sdk/client-kinesis${loaded === undefined ? ` (${SHARED_MISSING})` : ""}`, () => {
  const { mod, index, sdk } = loaded ?? ({} as NonNullable<typeof loaded>);
  const op = index?.shape("com.amazonaws.kinesis#SubscribeToShard");

  it("requests", async () => {
    await fc.assert(
      fc.asyncProperty(operationInput(index, index.shape(op!.input!)), async (value) => {
        const ours = plainRequest(mod.serializeSubscribeToShardRequest!(value, ENDPOINT));
        const theirs = await sdk.request("SubscribeToShard", value);
        const comparable = (r: typeof ours) => {
          const { "content-length": length, ...headers } = r.headers;
          expect(length).toBe(String(Buffer.byteLength(r.body ?? "")));
          return { ...r, headers, body: r.body === undefined ? undefined : JSON.parse(r.body) };
        };
        expect(comparable(ours)).toEqual(comparable(theirs));
      }),
      { numRuns: RUNS, seed: 15 },
    );
  }, 120_000);

  it("responses: records with blob data, unknown events, an exception event", async () => {
    const union = index.target(index.shape(op!.output!).members[0]!);
    const eventShape = index.target(union.members.find((m) => m.name === "SubscribeToShardEvent")!);
    const exceptionTypes = union.members.filter((m) => index.target(m).traits.has("smithy.api#error")).map((m) => m.name);
    const frame: fc.Arbitrary<Frame> = fc.oneof(
      { weight: 6, arbitrary: wireObject(index, eventShape.members).map((body): Frame => ({ kind: "event", body })) },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 1 }).map((v): Frame => ({ kind: "unknown", body: { value: v } })) },
    );
    // A message is always there: without one the SDK says "Unknown", ours "UnknownError" (a listed difference).
    const exception = fc.record({ type: fc.constantFrom(...exceptionTypes), message: text.filter((m) => m !== "") }).map((e): Frame => ({ kind: "exception", ...e }));
    const body = fc.tuple(fc.boolean(), fc.array(frame, { maxLength: 6 }), fc.option(exception, { nil: undefined }))
      .map(([initial, frames, end]) => [...(initial ? [{ kind: "initial" } as Frame] : []), ...frames, ...(end === undefined ? [] : [end])]);

    await fc.assert(
      fc.asyncProperty(body, async (frames) => {
        const bytes = Buffer.concat(frames.map(frameBytes));
        const response = { statusCode: 200, headers: { "content-type": CONTENT_TYPE, "x-amzn-requestid": "r-1" }, body: bytes };
        const theirs = sdk.response("SubscribeToShard", {}, response).then((r) => (r.error === undefined ? (r.output as any) : Promise.reject(r.error)));
        const ours = mod.deserializeSubscribeToShardResponse!({ ...response, body: chunks(bytes) });
        const [o, t] = [await drain(ours), await drain(theirs)];
        expect(o.events).toEqual(t.events);
        expect(o.error).toEqual(t.error);
        // Unknown events before the exception: the SDK drops them, so the exception is its first
        // message and its call rejects; ours yields them, then its stream ends with that error.
        const unknownFirst = frames.find((f) => f.kind !== "initial")?.kind === "unknown";
        expect(o.rejected).toBe(unknownFirst ? undefined : t.rejected);
        if (!o.rejected && !t.rejected) {
          const [output, theirOutput] = [await ours, await theirs];
          expect(Object.keys(output).sort()).toEqual(["$metadata", "EventStream"]);
          expect(output.$metadata.requestId).toBe(theirOutput.$metadata.requestId);
        }
        // The events neither client models: the SDK drops them, ours yields each with its payload.
        const unknown = frames.filter((f) => f.kind === "unknown");
        expect(t.unknown).toEqual([]);
        expect(o.unknown).toEqual(unknown.map((f) => ({ $unknown: ["SomeEventFromTheFuture", Array.from(encoder.encode(JSON.stringify(f.body)))] })));
      }),
      { numRuns: RUNS, seed: 15 },
    );
  }, 120_000);
});
