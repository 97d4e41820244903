// runtime/eventstream/initial.ts: the initial-request leads a request's messages; the
// initial-response is awaited, its members merged into the output, and never yielded as an event.

import { describe, expect, it } from "vitest";
import type { ServiceErrors } from "../../../runtime/client/errors.js";
import { initialRequest, initialResponse } from "../../../runtime/eventstream/initial.js";
import { eventJson, events, type EventReaders } from "../../../runtime/eventstream/read.js";
import { eventMessage } from "../../../runtime/eventstream/write.js";

class ServiceException extends Error {}
class Boom extends ServiceException {}
// A protocol whose error responses name the error elsewhere (rpcv2Cbor's `__type`): an exception event is still named by its type.
const errors: ServiceErrors = { base: ServiceException, codes: { Boom: [Boom, "server"] }, code: () => "NotBoom" };
const utf8 = (s: string) => new TextEncoder().encode(s);
const readers: EventReaders = { events: { note: (m) => ({ note: eventJson(m.body) }) }, exceptions: { boom: "Boom" } };
const response = { statusCode: 200, headers: {} };

const message = (messageType: string, type: string, body: unknown) =>
  eventMessage([[":message-type", 7, messageType], [messageType === "event" ? ":event-type" : ":exception-type", 7, type]], {}, [], utf8(JSON.stringify(body)));

/** An output as the generated reader makes it, then completed with its initial-response. */
function output(read: ((payload: Uint8Array) => object) | undefined, ...frames: Uint8Array[]) {
  const o: { $metadata: object; stream: AsyncIterable<unknown>; id?: string } = { $metadata: {}, stream: events(frames, response, {}, readers, errors) };
  return initialResponse(o, "stream", response, errors, read);
}

async function all(stream: AsyncIterable<unknown>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const e of stream) out.push(e);
  return out;
}

describe("initial messages", () => {
  it("initialRequest: the initial-request with the document, then a message per event", async () => {
    const out: Uint8Array[] = [];
    for await (const m of initialRequest("application/x-amz-json-1.1", utf8('{"a":1}'), [{ n: 1 }, { n: 2 }], (e) => utf8(String(e.n)))) out.push(m);
    expect(out.slice(1)).toEqual([utf8("1"), utf8("2")]);
    const [first] = await all(events([out[0]!], response, {}, { events: {}, exceptions: {} }, errors));
    expect(first).toEqual({ $unknown: ["initial-request", utf8('{"a":1}')] });
    // No events given: the initial-request alone.
    let count = 0;
    for await (const _ of initialRequest("application/cbor", Uint8Array.of(0xa0), undefined, () => new Uint8Array())) count++;
    expect(count).toBe(1);
  });

  it("initialResponse: members merged, the message not yielded; without a reader, dropped", async () => {
    const read = (payload: Uint8Array) => ({ id: eventJson(payload).id });
    const o = await output(read, message("event", "initial-response", { id: "x" }), message("event", "note", { t: 1 }));
    expect(o.id).toBe("x");
    expect(await all(o.stream)).toEqual([{ note: { t: 1 } }]);
    const dropped = await output(undefined, message("event", "initial-response", { id: "x" }), message("event", "note", { t: 2 }));
    expect(dropped).not.toHaveProperty("id");
    expect(await all(dropped.stream)).toEqual([{ note: { t: 2 } }]);
  });

  it("no initial-response: the first event stays the first; an empty stream is empty", async () => {
    const o = await output((p) => eventJson(p), message("event", "note", { t: 1 }), message("event", "note", { t: 2 }));
    expect(await all(o.stream)).toEqual([{ note: { t: 1 } }, { note: { t: 2 } }]);
    expect(await all((await output(undefined)).stream)).toEqual([]);
  });

  it("a first exception rejects the call with its modeled error; a later one ends the stream", async () => {
    await expect(output(undefined, message("exception", "boom", { message: "now" }))).rejects.toBeInstanceOf(Boom);
    const o = await output(undefined, message("event", "note", { t: 1 }), message("exception", "boom", { message: "later" }));
    const seen: unknown[] = [];
    await expect((async () => {
      for await (const e of o.stream) seen.push(e);
    })()).rejects.toMatchObject({ name: "Boom", message: "later" });
    expect(seen).toEqual([{ note: { t: 1 } }]);
  });

  it("an initial-response the reader cannot read is a DeserializationError", async () => {
    const bad = eventMessage([[":message-type", 7, "event"], [":event-type", 7, "initial-response"]], {}, [], utf8("{not json"));
    await expect(output((p) => eventJson(p), bad)).rejects.toMatchObject({ name: "DeserializationError" });
  });
});
