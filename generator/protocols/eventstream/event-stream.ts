// Event streams of a client (streaming.rst): a member targeting a @streaming union, restJson1's
// @httpPayload or an RPC protocol's (rpc-event-stream.ts). An input stream becomes the request body, an async iterable of messages (one
// per event the caller's iterable yields); an output stream becomes an async iterable of events
// read from the response body. Each event is a union member: @eventHeader members travel as typed
// message headers, the @eventPayload member (or else every other member, as a document of the
// protocol's codec: JSON, CBOR) as the payload. A member targeting an @error structure is an exception message.

import type { ShapeIndex } from "../../index/shape-index.js";
import type { Member, Shape } from "../../model/model.js";
import { nameOf } from "../../model/shape-id.js";
import type { JsonCode } from "../codec/json/json-code.js";
import type { RuntimeImports } from "../../codegen/runtime-imports.js";
import { literalKey } from "../codec/json/values.js";

const EVENT_HEADER = "smithy.api#eventHeader";
const EVENT_PAYLOAD = "smithy.api#eventPayload";

/**
 * Per @eventHeader member type (streaming.rst lists these): its header type code in
 * application/vnd.amazon.eventstream (a boolean is 0 or 1 by value), and what a header read for
 * it must hold (`eventHeader` in the runtime checks it).
 */
const HEADERS: Partial<Record<string, readonly [code: number, holds: string]>> = {
  boolean: [0, "boolean"], byte: [2, "number"], short: [3, "number"], integer: [4, "number"], long: [5, "number"],
  blob: [6, "bytes"], string: [7, "string"], enum: [7, "string"], timestamp: [8, "date"],
};
const STRING_HEADER = [7, "string"] as const;

/** The media type of an explicit event payload, by the payload's shape type. */
const PAYLOAD_TYPES: Partial<Record<string, string>> = {
  blob: "application/octet-stream", string: "text/plain", enum: "text/plain",
};

/**
 * The protocol's document format for event payloads (a structure's members, an @eventPayload
 * structure or union): its media type, and expressions writing a codec-ready value to bytes and
 * reading bytes to a decoded document (an empty payload is `{}`). The codec gives it
 * (codec/codec.ts's `eventPayloads`).
 */
export interface EventPayloadCodec {
  readonly contentType: string;
  encode(value: string): string;
  decode(bytes: string): string;
}

/** The generated functions of a file's event streams: a writer and a reader per stream union. */
export class EventStreamCode {
  private readonly writers = new Map<string, string>();
  private readonly readers = new Map<string, string>();
  private readonly eventReaders = new Map<string, string>();
  private readonly code: string[] = [];

  constructor(
    private readonly index: ShapeIndex,
    private readonly json: JsonCode,
    private readonly runtime: RuntimeImports,
    private readonly payloads: EventPayloadCodec,
  ) {}

  /** The functions written so far, in order of first use. */
  functions(): string[] {
    return this.code;
  }

  /** The module-level names of those functions. */
  names(): string[] {
    return [...this.writers.values(), ...this.readers.values(), ...this.eventReaders.values()];
  }

  /** The request body of an input stream `value`: each event as a message. */
  requestBody(member: Member, value: string): string {
    return `${value} == null ? undefined : ${this.runtime.use("eventStream")}(${value}, ${this.writer(this.index.target(member))})`;
  }

  /** The output stream read from `body` (the response body, not collected); `errors` names the error table. */
  responseStream(member: Member, errors = "ERRORS"): string {
    return `${this.runtime.use("events")}(body, r, $metadata, ${this.reader(this.index.target(member))}, ${errors})`;
  }

  /** `message_<Union>(event)`: the message bytes of one event of the union. */
  writer(union: Shape): string {
    const existing = this.writers.get(union.id);
    if (existing !== undefined) return existing;
    const name = `message_${nameOf(union.id)}`;
    this.writers.set(union.id, name);
    const type = this.json.typeOf(union);
    const cases = union.members.map((m) => {
      const event = this.index.target(m);
      const value = this.json.read("e", m.name);
      const kind = event.traits.has("smithy.api#error") ? ":exception-type" : ":event-type";
      const messageType = kind === ":exception-type" ? "exception" : "event";
      const { headers, payload, contentType } = this.eventParts(event, "v");
      const fixed = [
        `[":message-type", 7, ${JSON.stringify(messageType)}]`,
        `[${JSON.stringify(kind)}, 7, ${JSON.stringify(m.name)}]`,
        ...(contentType === undefined ? [] : [`[":content-type", 7, ${JSON.stringify(contentType)}]`]),
      ];
      const args = [`[${fixed.join(", ")}]`, "v", `[${headers.join(", ")}]`, ...(payload === undefined ? [] : [payload])];
      return `if (${value} != null) {\n    const v = ${value};\n    return ${this.runtime.use("eventMessage")}(${args.join(", ")});\n  }`;
    });
    this.code.push(
      `/** The message of one ${nameOf(union.id)} event; an event with no known member is refused. */\n` +
        `function ${name}(e: ${type}): Uint8Array {\n  ${cases.join("\n  ")}\n  throw new Error("an event of ${nameOf(union.id)} has no member set");\n}`,
    );
    return name;
  }

  /** The headers (`[name, type, value]` entries) and payload of an event structure's value `v`. */
  private eventParts(event: Shape, v: string): { headers: string[]; payload: string | undefined; contentType: string | undefined } {
    const headers = event.members
      .filter((m) => m.traits.has(EVENT_HEADER))
      .map((m) => {
        const target = this.index.target(m);
        return `[${JSON.stringify(m.name)}, ${(HEADERS[target.type] ?? STRING_HEADER)[0]}, ${this.json.read(v, m.name)}]`;
      });
    const explicit = event.members.find((m) => m.traits.has(EVENT_PAYLOAD));
    if (explicit !== undefined) {
      const target = this.index.target(explicit);
      const value = this.json.read(v, explicit.name);
      const mediaType = target.traits.get("smithy.api#mediaType");
      if (target.type === "blob" || target.type === "string" || target.type === "enum") {
        const bytes = target.type === "blob" ? `${this.runtime.use("blobBytes")}(${value})` : `${this.runtime.use("utf8")}(${value})`;
        return { headers, payload: `${value} == null ? undefined : ${bytes}`, contentType: typeof mediaType === "string" ? mediaType : PAYLOAD_TYPES[target.type] };
      }
      return { headers, payload: this.payloads.encode(`${value} == null ? {} : ${this.json.toJson(target, value, explicit)}`), contentType: this.payloads.contentType };
    }
    const body = event.members.filter((m) => !m.traits.has(EVENT_HEADER));
    if (body.length === 0) return { headers, payload: undefined, contentType: undefined };
    return { headers, payload: this.payloads.encode(this.json.objectLiteral(body, v, this.json.populateDefaults)), contentType: this.payloads.contentType };
  }

  /** `events_<Union>`: how each event type of the union is read, and which exception types name which errors. */
  private reader(union: Shape): string {
    const existing = this.readers.get(union.id);
    if (existing !== undefined) return existing;
    const name = `events_${nameOf(union.id)}`;
    this.readers.set(union.id, name);
    const events: string[] = [];
    const exceptions: string[] = [];
    for (const m of union.members) {
      const event = this.index.target(m);
      if (event.traits.has("smithy.api#error")) exceptions.push(`${literalKey(m.name)}: ${JSON.stringify(nameOf(event.id))}`);
      else events.push(`${literalKey(m.name)}: (m) => ({ ${literalKey(m.name)}: ${this.eventReader(event)}(m) })`);
    }
    this.code.push(
      `/** ${nameOf(union.id)}: a reader per event type, and the error each exception type names. */\n` +
        `const ${name}: ${this.runtime.use("EventReaders")} = {\n  events: { ${events.join(", ")} },\n  exceptions: { ${exceptions.join(", ")} },\n};`,
    );
    return name;
  }

  /** `event_<Event>(m)`: the event structure `event` from the message `m`. */
  private eventReader(event: Shape): string {
    const existing = this.eventReaders.get(event.id);
    if (existing !== undefined) return existing;
    const name = `event_${nameOf(event.id)}`;
    this.eventReaders.set(event.id, name);
    const type = this.json.typeOf(event);
    const statements = [`const o = {} as ${type};`];
    for (const m of event.members.filter((x) => x.traits.has(EVENT_HEADER))) {
      const kind = (HEADERS[this.index.target(m).type] ?? STRING_HEADER)[1];
      statements.push(`{ const x = ${this.runtime.use("eventHeader")}(m, ${JSON.stringify(m.name)}, ${JSON.stringify(kind)}); if (x !== undefined) ${this.json.write("o", m.name, "x")} }`);
    }
    const explicit = event.members.find((m) => m.traits.has(EVENT_PAYLOAD));
    if (explicit !== undefined) {
      const target = this.index.target(explicit);
      const value = target.type === "blob" ? "m.body" : target.type === "string" || target.type === "enum" ? `${this.runtime.use("fromUtf8")}(m.body) as ${this.json.typeOf(target)}` : this.json.fromJson(target, this.payloads.decode("m.body"), explicit);
      statements.push(this.json.write("o", explicit.name, value));
    } else {
      const body = event.members.filter((m) => !m.traits.has(EVENT_HEADER));
      if (body.length > 0) statements.push(`const v = ${this.payloads.decode("m.body")};`, ...this.json.readMembers(body, "v", "o"));
    }
    this.code.push(`function ${name}(m: ${this.runtime.use("EventMessage")}): ${type} {\n  ${statements.join("\n  ")}\n  return o;\n}`);
    return name;
  }
}
