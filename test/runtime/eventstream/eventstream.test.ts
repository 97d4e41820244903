// runtime/eventstream: messages written by eventMessage are read back by events, chunked any way.

import { describe, expect, it } from "vitest";
import { errorCode, type ServiceErrors } from "../../../runtime/client/errors.js";
import { eventHeader, eventJson, events, type EventReaders } from "../../../runtime/eventstream/read.js";
import { eventMessage, eventStream } from "../../../runtime/eventstream/write.js";

class ServiceException extends Error {}
class Boom extends ServiceException {}
const errors: ServiceErrors = { base: ServiceException, codes: { Boom: [Boom, "server"] }, code: errorCode };
const utf8 = (s: string) => new TextEncoder().encode(s);
const readers: EventReaders = {
  events: { greeting: (m) => ({ greeting: { ...eventJson(m.body), n: eventHeader(m, "n", "number"), at: eventHeader(m, "at", "date") } }) },
  exceptions: { boom: "Boom" },
};
const response = { statusCode: 200, headers: {} };
const at = new Date(Date.UTC(2020, 0, 1));

function greeting(text: string): Uint8Array {
  return eventMessage([[":message-type", 7, "event"], [":event-type", 7, "greeting"]], { n: 1, at }, [["n", 4, 7], ["at", 8, at]], utf8(JSON.stringify({ text })));
}

async function readAll(body: unknown): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const e of events(body, response, {}, readers, errors)) out.push(e);
  return out;
}

describe("event streams", () => {
  it("read back what was written, whatever the chunk sizes", async () => {
    const bytes = Uint8Array.from([...greeting("a"), ...greeting("b")]);
    for (const size of [1, 7, bytes.length]) {
      async function* chunks() {
        for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
      }
      expect(await readAll(chunks())).toEqual(["a", "b"].map((text) => ({ greeting: { text, n: 7, at } })));
    }
  });

  it("an exception message ends the stream with its modeled error; a corrupt message with a DeserializationError", async () => {
    const boom = eventMessage([[":message-type", 7, "exception"], [":exception-type", 7, "boom"]], {}, [], utf8('{"message":"bang"}'));
    await expect(readAll(Uint8Array.from([...greeting("a"), ...boom]))).rejects.toBeInstanceOf(Boom);
    const corrupt = greeting("a");
    corrupt[corrupt.length - 1]! ^= 1;
    await expect(readAll(corrupt)).rejects.toMatchObject({ name: "DeserializationError" });
  });

  it("a header out of its type's range is refused, not wrapped; an input stream yields one message per event", async () => {
    expect(() => eventMessage([], {}, [["n", 2, 128]])).toThrow(/8 bits/);
    const messages: Uint8Array[] = [];
    for await (const m of eventStream(["x", "y"], (text: string) => greeting(text))) messages.push(m);
    expect(messages).toEqual([greeting("x"), greeting("y")]);
  });
});
