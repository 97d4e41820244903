// rpcv2Cbor event streams, client side, on a tiny model (test/fixtures/rpcv2cbor-event-streams.json:
// Chat has an input and an output stream and other members both ways; Listen an output stream
// alone). Requests are checked against smithy-rpc-v2-cbor.rst's headers (Content-Type and Accept
// application/vnd.amazon.eventstream, no Content-Length, no X-Amz-Target) and their frames read
// with the SDK's frame codec and CBOR decoder (not the code under test); responses are frames and
// CBOR written by those, read by the generated deserializer; and the events a request writes read
// back the same when they come as a response.

import { join } from "node:path";
import { cbor, dateToTag } from "@smithy/core/cbor";
import { EventStreamCodec } from "@smithy/core/event-streams";
import type { MessageHeaders } from "@smithy/types";
import { describe, expect, it } from "vitest";
import { loadModelFiles } from "../../../generator/load/load.js";
import { generate, loadGenerated, typecheck } from "../../helpers/codegen.js";

type Generated = Record<string, (...args: any[]) => any>;

const MODEL = join(import.meta.dirname, "..", "..", "fixtures", "rpcv2cbor-event-streams.json");
const ENDPOINT = "https://chat.example.com";
const EVENT_STREAM = "application/vnd.amazon.eventstream";
const encoder = new TextEncoder();
const decoder = new TextDecoder();
const codec = new EventStreamCodec((b: Uint8Array) => decoder.decode(b), (s: string) => encoder.encode(s));

const files = await generate(await loadModelFiles([MODEL]));
const { mod } = await loadGenerated<Generated>(files);

async function collect(body: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const part of body) parts.push(part);
  return Buffer.concat(parts);
}

/** The messages of a body, as the SDK's codec reads them: headers as plain values, the payload decoded when it is CBOR. */
function messages(bytes: Uint8Array): { headers: Record<string, unknown>; body: unknown }[] {
  const out = [];
  for (let at = 0; at < bytes.length;) {
    const length = new DataView(bytes.buffer, bytes.byteOffset + at).getUint32(0);
    const m = codec.decode(bytes.subarray(at, at + length));
    const headers = Object.fromEntries(Object.entries(m.headers).map(([k, h]) => [k, h.value]));
    out.push({ headers, body: headers[":content-type"] === "application/cbor" ? dates(cbor.deserialize(m.body)) : m.body });
    at += length;
  }
  return out;
}

/** The SDK decoder's tag-1 items as Dates. */
function dates(v: any): any {
  if (v === null || typeof v !== "object" || v instanceof Uint8Array) return v;
  if (v.tag === 1) return new Date(v.value * 1000);
  if (Array.isArray(v)) return v.map(dates);
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, dates(x)]));
}

const frame = (messageType: string, type: string, body: Uint8Array, headers: MessageHeaders = {}) =>
  codec.encode({
    headers: {
      ":message-type": { type: "string", value: messageType },
      [messageType === "exception" ? ":exception-type" : ":event-type"]: { type: "string", value: type },
      ":content-type": { type: "string", value: "application/cbor" },
      ...headers,
    },
    body,
  });

const response = (...frames: Uint8Array[]) => ({
  statusCode: 200,
  headers: { "smithy-protocol": "rpc-v2-cbor", "content-type": EVENT_STREAM },
  body: (async function* () {
    // Cut across frame boundaries.
    const all = Buffer.concat(frames);
    for (let at = 0; at < all.length; at += 5) yield all.subarray(at, at + 5);
  })(),
});

async function drain(stream: AsyncIterable<unknown>): Promise<{ events: unknown[]; error?: unknown }> {
  const events: unknown[] = [];
  try {
    for await (const e of stream) events.push(e);
  } catch (error) {
    return { events, error };
  }
  return { events };
}

const sent = new Date(1_700_000_000_000);
const events = [
  { message: { priority: 3, text: "hello", sent, tags: ["a", "b"], score: 1.5 } },
  { attachment: { name: "x.bin", data: Uint8Array.of(0, 1, 255) } },
];

async function* iterate<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}

describe("event streams over rpcv2Cbor, client side (a tiny model, not compliance cases)", () => {
  it("the package type-checks", async () => {
    await typecheck(files, "rpcv2cbor-event-streams");
  }, 120_000);

  it("an input stream: the spec's headers, an initial-request with the other members, then a CBOR event per event", async () => {
    const request = mod.serializeChatRequest!({ room: "r1", since: sent, messages: iterate(events) }, ENDPOINT);
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/service/ChatService/operation/Chat");
    expect(request.headers).toEqual({ "smithy-protocol": "rpc-v2-cbor", "content-type": EVENT_STREAM, accept: EVENT_STREAM });
    expect(typeof request.body[Symbol.asyncIterator]).toBe("function");
    const got = messages(await collect(request.body));
    expect(got).toEqual([
      { headers: { ":message-type": "event", ":event-type": "initial-request", ":content-type": "application/cbor" }, body: { room: "r1", since: sent } },
      { headers: { ":message-type": "event", ":event-type": "message", ":content-type": "application/cbor", priority: 3 }, body: { text: "hello", sent, tags: ["a", "b"], score: 1.5 } },
      { headers: { ":message-type": "event", ":event-type": "attachment", ":content-type": "application/octet-stream", name: "x.bin" }, body: Uint8Array.of(0, 1, 255) },
    ]);
  });

  it("an output stream alone: Accept asks for an event stream, the body is the input's CBOR map", () => {
    const request = mod.serializeListenRequest!({ room: "r1" }, ENDPOINT);
    expect(request.headers).toMatchObject({ "smithy-protocol": "rpc-v2-cbor", "content-type": "application/cbor", accept: EVENT_STREAM });
    expect(cbor.deserialize(request.body)).toEqual({ room: "r1" });
  });

  it("an output stream: the initial-response's members on the output, the events, unknown ones kept, a modeled exception ending it", async () => {
    const output = await mod.deserializeChatResponse!(response(
      frame("event", "initial-response", cbor.serialize({ sessionId: "s-9", messages: "ignored" })),
      frame("event", "message", cbor.serialize({ text: "hi", sent: dateToTag(sent), tags: ["t"] }), { priority: { type: "integer", value: 7 } }),
      frame("event", "fromTheFuture", cbor.serialize({ x: 1 })),
      frame("exception", "throttled", cbor.serialize({ message: "slow down", retryAfterSeconds: 4 })),
    ));
    expect(output.sessionId).toBe("s-9");
    const { events: got, error } = await drain(output.messages);
    expect(got).toEqual([
      { message: { priority: 7, text: "hi", sent, tags: ["t"] } },
      { $unknown: ["fromTheFuture", Uint8Array.from(cbor.serialize({ x: 1 }))] },
    ]);
    expect(error).toBeInstanceOf(mod.Throttled as unknown as new () => Error);
    expect(error).toMatchObject({ name: "Throttled", $fault: "client", message: "slow down", retryAfterSeconds: 4 });
  });

  it("a first exception rejects the call; an output with no other members drops an initial-response", async () => {
    await expect(mod.deserializeChatResponse!(response(frame("exception", "throttled", cbor.serialize({ message: "no" }))))).rejects.toMatchObject({ name: "Throttled", message: "no" });
    const listened = await mod.deserializeListenResponse!(response(
      frame("event", "initial-response", cbor.serialize({})),
      frame("event", "message", cbor.serialize({ text: "only" })),
    ));
    expect(Object.keys(listened).sort()).toEqual(["$metadata", "messages"]);
    expect((await drain(listened.messages)).events).toEqual([{ message: { text: "only" } }]);
  });

  it("an initial-response that is not CBOR is a DeserializationError", async () => {
    await expect(mod.deserializeChatResponse!(response(frame("event", "initial-response", Uint8Array.of(0xff, 0x00))))).rejects.toMatchObject({ name: "DeserializationError" });
  });

  it("round trip: the events a request writes read back the same from a response", async () => {
    const request = mod.serializeChatRequest!({ room: "r1", messages: iterate(events) }, ENDPOINT);
    const written = await collect(request.body);
    // The request's initial-request stands where a response has its initial-response.
    const first = new DataView(written.buffer, written.byteOffset).getUint32(0);
    const output = await mod.deserializeChatResponse!(response(frame("event", "initial-response", cbor.serialize({ sessionId: "s" })), written.subarray(first)));
    expect(output.sessionId).toBe("s");
    expect((await drain(output.messages)).events).toEqual(events);
  });
});
