// Reading an output event stream as the response body arrives.

import type { HttpResponse, ResponseMetadata } from "@smithy/types";
import { raise, toError, unreadable, type ServiceErrors } from "../client/errors.js";
import { concatBytes } from "../bytes.js";
import { decoder, utf8 } from "../text.js";
import { crc32, HEADER_SIZES } from "./frame.js";

/** A message read from a stream: its headers by name, and its payload. */
export interface EventMessage {
  readonly headers: Map<string, unknown>;
  readonly body: Uint8Array;
}

/** How a stream union's events are read: per event type, and the error shape each exception type names. */
export interface EventReaders {
  readonly events: Record<string, (m: EventMessage) => unknown>;
  readonly exceptions: Record<string, string>;
}

/** A header's value, when it has the kind a member needs ("boolean", "number", "string", "bytes", "date"). */
export function eventHeader(m: EventMessage, name: string, kind: string): any {
  const x = m.headers.get(name);
  if (x === undefined || (kind === "bytes" ? x instanceof Uint8Array : kind === "date" ? x instanceof Date : typeof x === kind)) return x;
  throw new Error(`the event header ${name} is not a ${kind}`);
}

/** A JSON object payload; empty is `{}`. */
export const eventJson = (body: Uint8Array): any => (body.length === 0 ? {} : JSON.parse(decoder.decode(body)) ?? {});

/**
 * The events of an output stream, read from the response body as it arrives. An exception message
 * ends the stream with its modeled error; an error message, or a message that is not one (a bad
 * checksum, no `:message-type`), with a service exception.
 */
export async function* events<T>(body: unknown, r: HttpResponse, $metadata: ResponseMetadata, readers: EventReaders, errors: ServiceErrors): AsyncGenerator<T> {
  for await (const m of messages(body, r, $metadata, errors)) {
    const kind = m.headers.get(":message-type");
    if (kind === "event") {
      const type = m.headers.get(":event-type");
      if (typeof type !== "string") return yield* malformed(r, $metadata, "an event message has no :event-type", errors);
      // Own entries only; an event type this client does not know is kept as `$unknown`.
      let event: unknown;
      try {
        event = Object.hasOwn(readers.events, type) ? readers.events[type]!(m) : { $unknown: [type, m.body] };
      } catch (e) {
        // A payload that is not JSON, a header of the wrong type: the event cannot be read.
        return yield* malformed(r, $metadata, e instanceof Error ? e.message : String(e), errors);
      }
      yield event as T;
    } else if (kind === "exception") {
      const type = m.headers.get(":exception-type");
      const code = typeof type === "string" && Object.hasOwn(readers.exceptions, type) ? readers.exceptions[type]! : String(type);
      // The exception type names the error, not where the protocol's error responses name it
      // (rpcv2Cbor's `__type`); the payload is the protocol's document (CBOR bytes stay bytes).
      await toError(r, {}, m.body, $metadata, { ...errors, code: () => code });
    } else if (kind === "error") {
      const code = m.headers.get(":error-code");
      const message = m.headers.get(":error-message");
      await raise(errors.base, {
        name: typeof code === "string" ? code : "Unknown",
        $fault: "server",
        message: typeof message === "string" && message !== "" ? message : "UnknownError",
        $metadata,
        $response: r,
      });
    } else {
      return yield* malformed(r, $metadata, `an event stream message has ${kind === undefined ? "no" : "a malformed"} :message-type`, errors);
    }
  }
}

/** Ends a stream with a DeserializationError service exception: the body is not an event stream. */
async function* malformed(r: HttpResponse, $metadata: ResponseMetadata, message: string, errors: ServiceErrors): AsyncGenerator<never> {
  await unreadable(r, $metadata, undefined, new Error(message), errors);
}

/** The largest message the format allows (16 MiB): a longer one is refused, not buffered. */
const MAX_MESSAGE = 16 * 1024 * 1024;

/**
 * The messages of a body that arrives in chunks of any size (or at once). Chunks are kept as they
 * come and joined once a whole message is there, so a message split into many chunks is copied once.
 */
async function* messages(body: unknown, r: HttpResponse, $metadata: ResponseMetadata, errors: ServiceErrors): AsyncGenerator<EventMessage> {
  const chunks: any = typeof body === "string" || body instanceof Uint8Array ? [body] : body ?? [];
  if (typeof chunks[Symbol.asyncIterator] !== "function" && typeof chunks[Symbol.iterator] !== "function") {
    return yield* malformed(r, $metadata, "the response body is not bytes, text or an iterable of them", errors);
  }
  let parts: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of chunks as AsyncIterable<unknown>) {
    if (typeof chunk !== "string" && !(chunk instanceof Uint8Array)) return yield* malformed(r, $metadata, "a chunk of the response body is not bytes or text", errors);
    parts.push(typeof chunk === "string" ? utf8(chunk) : chunk);
    length += parts[parts.length - 1]!.length;
    for (let total = firstUint32(parts); total >= 0; total = firstUint32(parts)) {
      if (total > MAX_MESSAGE) return yield* malformed(r, $metadata, `an event stream message is longer than ${MAX_MESSAGE} bytes`, errors);
      if (length < total) break;
      const all = concatBytes(parts);
      const message = decodeMessage(all.subarray(0, total));
      if (typeof message === "string") return yield* malformed(r, $metadata, message, errors);
      yield message;
      parts = [all.subarray(total)];
      length -= total;
    }
  }
  if (length > 0) yield* malformed(r, $metadata, "the event stream ends inside a message", errors);
}

/** The big-endian number in the first 4 bytes of `parts`, or -1 while there are fewer. */
function firstUint32(parts: readonly Uint8Array[]): number {
  let n = 0;
  let count = 0;
  for (const part of parts) {
    for (let i = 0; i < part.length && count < 4; i++, count++) n = n * 256 + part[i]!;
    if (count === 4) return n;
  }
  return -1;
}

/** A message from its bytes, or why they are not one. */
function decodeMessage(m: Uint8Array): EventMessage | string {
  if (m.length < 16) return "an event stream message is shorter than its frame";
  const view = new DataView(m.buffer, m.byteOffset, m.byteLength);
  const end = 12 + view.getUint32(4);
  if (end > m.length - 4) return "an event stream message has impossible lengths";
  if (view.getUint32(8) !== crc32(m, 8) || view.getUint32(m.length - 4) !== crc32(m, m.length - 4)) {
    return "an event stream message fails its checksum";
  }
  const headers = new Map<string, unknown>();
  let at = 12;
  while (at < end) {
    const name = decoder.decode(m.subarray(at + 1, at + 1 + m[at]!));
    at += 1 + m[at]!;
    if (at >= end) return `the event stream header ${name} has no value`;
    const type = m[at++];
    const size = type === 6 || type === 7 ? 2 + view.getUint16(at) : HEADER_SIZES[type!];
    if (size === undefined || at + size > end) return `the event stream header ${name} is malformed`;
    headers.set(name, headerValue(view, type!, at, size));
    at += size;
  }
  return { headers, body: m.slice(end, m.length - 4) };
}

/** The value of a header of type `type` whose value takes `size` bytes at `at`. */
function headerValue(view: DataView, type: number, at: number, size: number): unknown {
  switch (type) {
    case 0: return true;
    case 1: return false;
    case 2: return view.getInt8(at);
    case 3: return view.getInt16(at);
    case 4: return view.getInt32(at);
    case 5: return Number(view.getBigInt64(at));
    case 8: return new Date(Number(view.getBigInt64(at)));
    default: {
      const bytes = new Uint8Array(view.buffer, view.byteOffset + at, size).slice(type === 9 ? 0 : 2);
      return type === 7 ? decoder.decode(bytes) : bytes;
    }
  }
}
