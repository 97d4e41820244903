// Event streams beyond the protocol tests' cases: random events survive a write/read round trip
// (every header type at its range's edges, unicode, empty and binary payloads); a corrupted,
// truncated or foreign body ends the stream with a DeserializationError, never a TypeError;
// exception and error messages end it with the modeled error or the service exception; a header
// value out of its type's range is refused when writing.

import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { generate, loadGenerated, modelFromJson, SHARED_DIR, SHARED_MISSING, typecheck } from "../helpers/codegen.js";
import { runs } from "../helpers/property-runs.js";

const NS = "example.streams";
const id = (name: string) => `${NS}#${name}`;
const header = (target: string) => ({ target, traits: { "smithy.api#eventHeader": {} } });

const MODEL = {
  smithy: "2.0",
  shapes: {
    [id("Streams")]: { type: "service", version: "1", operations: [{ target: id("Chat") }], traits: { "aws.protocols#restJson1": {} } },
    [id("Chat")]: {
      type: "operation",
      input: { target: id("ChatInput") },
      output: { target: id("ChatOutput") },
      traits: { "smithy.api#http": { method: "POST", uri: "/chat/{room}" } },
    },
    [id("ChatInput")]: {
      type: "structure",
      members: {
        room: { target: "smithy.api#String", traits: { "smithy.api#required": {}, "smithy.api#httpLabel": {} } },
        events: { target: id("Events"), traits: { "smithy.api#httpPayload": {} } },
      },
      traits: { "smithy.api#input": {} },
    },
    [id("ChatOutput")]: {
      type: "structure",
      members: {
        session: { target: "smithy.api#String", traits: { "smithy.api#httpHeader": "x-session" } },
        events: { target: id("Events"), traits: { "smithy.api#httpPayload": {} } },
      },
      traits: { "smithy.api#output": {} },
    },
    [id("Events")]: {
      type: "union",
      members: { typed: { target: id("Typed") }, text: { target: id("Text") }, note: { target: id("Note") }, failed: { target: id("Failed") } },
      traits: { "smithy.api#streaming": {} },
    },
    [id("Typed")]: {
      type: "structure",
      members: {
        flag: header("smithy.api#Boolean"), tiny: header("smithy.api#Byte"), small: header("smithy.api#Short"), count: header("smithy.api#Integer"),
        big: header("smithy.api#Long"), raw: header("smithy.api#Blob"), label: header("smithy.api#String"), at: header("smithy.api#Timestamp"),
      },
    },
    [id("Text")]: { type: "structure", members: { body: { target: "smithy.api#String", traits: { "smithy.api#eventPayload": {} } } } },
    [id("Note")]: {
      type: "structure",
      members: {
        author: header("smithy.api#String"), words: { target: id("Words") }, score: { target: "smithy.api#Double" }, total: { target: "smithy.api#BigInteger" },
      },
    },
    [id("Words")]: { type: "list", member: { target: "smithy.api#String" } },
    [id("Failed")]: {
      type: "structure",
      members: { message: { target: "smithy.api#String" }, reason: { target: "smithy.api#String" } },
      traits: { "smithy.api#error": "server" },
    },
  },
};

type Fn = (...args: any[]) => any;
let mod: Record<string, Fn>;

beforeAll(async () => {
  const files = await generate(modelFromJson({ "streams.json": MODEL }), { options: { targets: ["client", "server"] } });
  await typecheck(files, "event-streams");
  mod = (await loadGenerated<Record<string, Fn>>(files)).mod;
}, 120_000);

async function* from<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items;
}

/** The message bytes the serializer writes for `events`. */
async function write(events: unknown[]): Promise<Uint8Array[]> {
  const request = mod["serializeChatRequest"]!({ room: "r1", events: from(events) }, "https://example.com");
  const out: Uint8Array[] = [];
  for await (const message of request.body as AsyncIterable<Uint8Array>) out.push(message);
  return out;
}

/** The events (or the error) read from a 200 response whose body is `body`. */
async function read(body: unknown): Promise<{ events: unknown[]; error?: any }> {
  const events: unknown[] = [];
  try {
    const output = await mod["deserializeChatResponse"]!({ statusCode: 200, headers: { "x-session": "s1" }, body });
    for await (const event of output.events as AsyncIterable<unknown>) events.push(event);
    return { events };
  } catch (error) {
    return { events, error };
  }
}

const concat = (parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

/** CRC32 (IEEE), bit by bit: the test's own, independent of the generated table-driven one. */
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

/** An event stream message with string headers only, framed by hand. */
function message(headers: Record<string, string>, payload = new Uint8Array(0)): Uint8Array {
  const encoder = new TextEncoder();
  const head = Object.entries(headers).flatMap(([name, value]) => {
    const [n, v] = [encoder.encode(name), encoder.encode(value)];
    return [n.length, ...n, 7, v.length >> 8, v.length & 0xff, ...v];
  });
  return frame(Uint8Array.from(head), payload);
}

/** Header bytes and a payload framed as a message, with correct lengths and checksums. */
function frame(head: Uint8Array, payload: Uint8Array): Uint8Array {
  const total = 16 + head.length + payload.length;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, total);
  view.setUint32(4, head.length);
  view.setUint32(8, crc32(out.subarray(0, 8)));
  out.set(head, 12);
  out.set(payload, 12 + head.length);
  view.setUint32(total - 4, crc32(out.subarray(0, total - 4)));
  return out;
}

const typed = fc.record(
  {
    flag: fc.boolean(),
    tiny: fc.integer({ min: -128, max: 127 }),
    small: fc.integer({ min: -32768, max: 32767 }),
    count: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
    big: fc.maxSafeInteger(),
    raw: fc.uint8Array({ maxLength: 40 }),
    label: fc.string({ unit: "binary", maxLength: 40 }),
    at: fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true }),
  },
  { requiredKeys: [] },
);
const event = fc.oneof(
  typed.map((t) => ({ typed: t })),
  fc.string({ unit: "binary", maxLength: 60 }).map((body) => ({ text: { body } })),
  fc.record(
    { author: fc.string({ maxLength: 10 }), words: fc.array(fc.string({ maxLength: 8 }), { maxLength: 4 }), score: fc.double({ noNaN: true }).map((x) => x + 0 /* JSON has no -0 */), total: fc.bigInt({ min: -(2n ** 50n), max: 2n ** 50n }) },
    { requiredKeys: [] },
  ).map((note) => ({ note })),
);

describe("event stream round trip", () => {
  it("random events read back as written, whatever the chunking", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(event, { maxLength: 5 }), fc.integer({ min: 1, max: 64 }), async (events, size) => {
        const bytes = concat(await write(events));
        const chunks: Uint8Array[] = [];
        for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
        const result = await read(from(chunks));
        expect(result.error).toBeUndefined();
        expect(result.events).toEqual(events);
      }),
      { numRuns: runs(150) },
    );
  });

  it("a big number in a JSON payload is written with all its digits", async () => {
    const [bytes] = await write([{ note: { total: 2n ** 70n } }]);
    expect(new TextDecoder().decode(bytes!)).toContain('{"total":1180591620717411303424}');
  });

  it("the initial response and the stream come together; a body given at once works too", async () => {
    const bytes = concat(await write([{ text: { body: "héllo" } }]));
    const output = await mod["deserializeChatResponse"]!({ statusCode: 200, headers: { "X-Session": "s9" }, body: bytes });
    expect(output.session).toBe("s9");
    expect(output.$metadata.httpStatusCode).toBe(200);
    const events: unknown[] = [];
    for await (const e of output.events) events.push(e);
    expect(events).toEqual([{ text: { body: "héllo" } }]);
  });
});

describe("hostile event streams", () => {
  it("a corrupted byte anywhere ends the stream with a DeserializationError", async () => {
    const bytes = concat(await write([{ note: { author: "a", words: ["x"] } }, { typed: { count: 7, label: "l" } }]));
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), async (at, flip) => {
        const bad = bytes.slice();
        bad[at]! ^= flip;
        const { error } = await read(from([bad]));
        expect(error?.name).toBe("DeserializationError");
        expect(error).toBeInstanceOf(mod["StreamsServiceException"] as unknown as new () => Error);
      }),
      { numRuns: runs(400) },
    );
  });

  it("well-framed messages with any header bytes give events or a DeserializationError, nothing else", async () => {
    const prefix = message({ ":message-type": "event", ":event-type": "typed" }).subarray(12, -4);
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 48 }), fc.boolean(), fc.uint8Array({ maxLength: 8 }), async (noise, typed, payload) => {
        const head = typed ? Uint8Array.from([...prefix, ...noise]) : noise;
        const { error } = await read(from([frame(head, payload)]));
        if (error !== undefined) expect(error.name).toBe("DeserializationError");
      }),
      { numRuns: runs(400) },
    );
  });

  it.each([
    ["a truncated stream", async () => from([(await write([{ text: { body: "cut" } }]))[0]!.subarray(0, 20)])],
    ["a body that is not iterable", async () => 42],
    ["chunks that are not bytes", async () => from([{ length: 3 }])],
    ["a message longer than its body", async () => from([Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 0)])],
    ["a message shorter than its frame", async () => from([Uint8Array.of(0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0)])],
    // 4 GiB announced, then an endless body: refused at once, not buffered until memory runs out.
    ["a message over the format's 16 MiB", async () => (async function* () { yield Uint8Array.of(0xff, 0xff, 0xff, 0xff); for (;;) yield new Uint8Array(1024); })()],
  ])("%s ends the stream with a DeserializationError", async (_, body) => {
    const { error } = await read(await body());
    expect(error?.name).toBe("DeserializationError");
  });

  it.each([
    ["a payload that is not JSON", { ":message-type": "event", ":event-type": "note" }, "{not json"],
    ["a header of another type than its member", { ":message-type": "event", ":event-type": "typed", flag: "yes" }, ""],
  ])("%s ends the stream with a DeserializationError", async (_, headers, payload) => {
    const { error } = await read(from([message(headers, new TextEncoder().encode(payload))]));
    expect(error?.name).toBe("DeserializationError");
  });

  it("an unknown event type is kept as $unknown with its payload", async () => {
    const payload = new TextEncoder().encode("{}");
    const { events, error } = await read(from([message({ ":message-type": "event", ":event-type": "later" }, payload)]));
    expect(error).toBeUndefined();
    expect(events).toEqual([{ $unknown: ["later", payload] }]);
  });

  it("an exception message ends the stream with the modeled error; an error message with the service exception", async () => {
    const [failed] = await write([{ failed: { message: "boom", reason: "disk" } }]);
    const modeled = await read(from([failed!]));
    expect(modeled.error).toBeInstanceOf(mod["Failed"] as unknown as new () => Error);
    expect(modeled.error).toMatchObject({ name: "Failed", $fault: "server", message: "boom", reason: "disk" });
    expect(modeled.error.$metadata.httpStatusCode).toBe(200);

    const events = [await write([{ text: { body: "first" } }])].flat();
    const error = message({ ":message-type": "error", ":error-code": "ThrottlingException", ":error-message": "slow down" });
    const unmodeled = await read(from([...events, error]));
    expect(unmodeled.events).toEqual([{ text: { body: "first" } }]);
    expect(unmodeled.error).toBeInstanceOf(mod["StreamsServiceException"] as unknown as new () => Error);
    expect(unmodeled.error).toMatchObject({ name: "ThrottlingException", $fault: "server", message: "slow down" });
  });

  it("refuses header values outside their type's range, naming the header", async () => {
    for (const [member, value] of [["tiny", 128], ["small", -32769], ["count", 2 ** 31], ["big", 2 ** 53], ["tiny", 1.5], ["at", new Date(Number.NaN)]] as const) {
      await expect(write([{ typed: { [member]: value } }]), `${member} = ${String(value)}`).rejects.toThrow(member === "at" ? /timestamp/ : new RegExp(member));
    }
    await expect(write([{}])).rejects.toThrow("an event of Events has no member set");
  });
});

describe("around the stream", () => {
  it("the input's validator checks the other members, not the events (they arrive later)", () => {
    const validate = mod["validateChatInput"]!;
    expect(validate({ room: "r1", events: from([]) })).toEqual([]);
    expect(validate({ events: from([]) }).map((f: { path: string }) => f.path)).toEqual(["/room"]);
  });

  it("the server does not route event-stream operations yet: a 404, not a half-read stream", async () => {
    const handle = mod["createStreamsHandler"]!({});
    const response = await handle({ method: "POST", protocol: "http:", hostname: "h", path: "/chat/r1", query: {}, headers: {}, body: "" });
    expect(response.statusCode).toBe(404);
  });
});

describe.skipIf(SHARED_DIR === undefined)(`a real model: bedrock-runtime's ConverseStream${SHARED_DIR === undefined ? ` (${SHARED_MISSING})` : ""}`, () => {
  it("reads the events a ConverseStream response carries, then the modeled exception that ends it", async () => {
    const model = [join(SHARED_DIR!, "models/aws/bedrock-runtime-2023-09-30.json")];
    const bedrock = (await loadGenerated<Record<string, Fn>>(await generate(model, { operations: ["ConverseStream"] }))).mod;
    const json = (headers: Record<string, string>, payload: unknown) =>
      message({ ":message-type": "event", ":content-type": "application/json", ...headers }, new TextEncoder().encode(JSON.stringify(payload)));
    const body = from([
      json({ ":event-type": "messageStart" }, { role: "assistant" }),
      json({ ":event-type": "contentBlockDelta" }, { contentBlockIndex: 0, delta: { text: "Hel" } }),
      json({ ":event-type": "contentBlockDelta" }, { contentBlockIndex: 0, delta: { text: "lo" } }),
      json({ ":event-type": "messageStop" }, { stopReason: "end_turn" }),
      message({ ":message-type": "exception", ":exception-type": "throttlingException", ":content-type": "application/json" }, new TextEncoder().encode('{"message":"slow down"}')),
    ]);
    const output = await bedrock["deserializeConverseStreamResponse"]!({ statusCode: 200, headers: { "x-amzn-requestid": "r-1" }, body });
    expect(output.$metadata.requestId).toBe("r-1");
    const events: unknown[] = [];
    const error = await (async () => {
      for await (const event of output.stream) events.push(event);
    })().then(() => undefined, (e: unknown) => e as Record<string, unknown>);
    expect(events).toEqual([
      { messageStart: { role: "assistant" } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { text: "Hel" } } },
      { contentBlockDelta: { contentBlockIndex: 0, delta: { text: "lo" } } },
      { messageStop: { stopReason: "end_turn" } },
    ]);
    expect(error).toBeInstanceOf(bedrock["ThrottlingException"] as unknown as new () => Error);
    expect(error).toMatchObject({ name: "ThrottlingException", $fault: "client", message: "slow down" });
  }, 60_000);
});
