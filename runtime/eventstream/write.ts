// Writing an input event stream: one framed message per event.

import { blobBytes } from "../base64.js";
import { utf8 } from "../text.js";
import { ms } from "../timestamps.js";
import { crc32, HEADER_SIZES } from "./frame.js";

/** A header to send: name, type code (0 for a boolean, either value) and value; a null value is left out. */
export type EventHeader = readonly [string, number, unknown];

/**
 * One message: the `fixed` headers (message type, event type, content type), then those of the
 * event's members that have a value, in the order they were set on `event` (the order the protocol
 * tests' bytes follow), then the payload.
 */
export function eventMessage(fixed: readonly EventHeader[], event: object, members: readonly EventHeader[], payload: Uint8Array = new Uint8Array(0)): Uint8Array {
  const order = Object.keys(event);
  const headers = [...fixed, ...members.filter((h) => h[2] != null).sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]))];
  const parts = headers.map(([name, type, value]) => headerBytes(name, type, value));
  const headersLength = parts.reduce((n, p) => n + p.length, 0);
  const total = 16 + headersLength + payload.length;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, total);
  view.setUint32(4, headersLength);
  view.setUint32(8, crc32(out, 8));
  let at = 12;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  out.set(payload, at);
  view.setUint32(total - 4, crc32(out, total - 4));
  return out;
}

/** The bytes of one header; a value out of its type's range is refused, not wrapped. */
function headerBytes(name: string, type: number, value: unknown): Uint8Array {
  const key = utf8(name);
  const data = type === 6 ? blobBytes(value) : type === 7 ? utf8(String(value)) : undefined;
  if (key.length > 255 || (data?.length ?? 0) > 65535) throw new Error(`the event header ${name} is too long`);
  const size = data === undefined ? HEADER_SIZES[type]! : 2 + data.length;
  const out = new Uint8Array(2 + key.length + size);
  const view = new DataView(out.buffer);
  out[0] = key.length;
  out.set(key, 1);
  const at = 2 + key.length;
  out[at - 1] = type === 0 && value !== true ? 1 : type;
  const n = type >= 2 && type <= 5 ? Number(value) : 0;
  const bits = type >= 2 && type <= 5 ? 8 * HEADER_SIZES[type]! : 0;
  if (bits > 0 && (!Number.isSafeInteger(n) || (bits < 64 && (n < -(2 ** (bits - 1)) || n >= 2 ** (bits - 1))))) {
    throw new Error(`the event header ${name} is not an integer of ${bits} bits`);
  }
  if (type === 2) view.setInt8(at, n);
  else if (type === 3) view.setInt16(at, n);
  else if (type === 4) view.setInt32(at, n);
  else if (type === 5) view.setBigInt64(at, BigInt(n));
  else if (type === 8) view.setBigInt64(at, BigInt(ms(value as Date)));
  else if (data !== undefined) {
    view.setUint16(at, data.length);
    out.set(data, at + 2);
  }
  return out;
}

/** An input stream as a request body: the message of each event the caller's iterable yields. */
export async function* eventStream<T>(events: AsyncIterable<T> | Iterable<T>, write: (event: T) => Uint8Array): AsyncGenerator<Uint8Array> {
  for await (const event of events) yield write(event);
}
