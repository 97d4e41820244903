// What a server reads of any request before its operation's reader runs: header names in lower
// case, query values by key, and the body as text or bytes.

import type { HeaderBag, QueryParameterBag } from "@smithy/types";
import { utf8 } from "../text.js";
import { malformed, percentDecode } from "./request-error.js";
import { concatBytes } from "../bytes.js";

declare const TextDecoder: new (label: string, options: { fatal: boolean }) => { decode(input: Uint8Array): string };

/** Header names in lower case (same-named headers joined), in an object without a prototype. */
export function lowerCaseHeaders(bag: HeaderBag | undefined): HeaderBag {
  const h: HeaderBag = Object.create(null);
  if (bag == null) return h;
  for (const k of Object.keys(bag)) {
    const v = bag[k];
    if (v == null) continue;
    const name = k.toLowerCase();
    h[name] = h[name] === undefined ? String(v) : `${h[name]}, ${String(v)}`;
  }
  return h;
}

/** Query values by key (a key without a value is ""), in an object without a prototype. */
export function queryValues(bag: QueryParameterBag | undefined): Record<string, string[]> {
  const q: Record<string, string[]> = Object.create(null);
  if (bag == null) return q;
  for (const k of Object.keys(bag)) {
    const v = bag[k];
    q[k] = v == null ? [""] : Array.isArray(v) ? v.map((x) => (x == null ? "" : String(x))) : [String(v)];
  }
  return q;
}

/** `@httpQueryParams`: every query parameter, named ones included (RestJsonServersPutAllQueryParamsInMap). */
export function allQueryParams(q: Record<string, string[]>, lists: boolean): Record<string, any> {
  const o: Record<string, any> = {};
  for (const k of Object.keys(q)) {
    const v = lists ? q[k]! : q[k]![0]!;
    if (k === "__proto__") Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
    else o[k] = v;
  }
  return o;
}

/** A URI label, percent-decoded. */
export function uriLabel(raw: string): string {
  const value = percentDecode(raw);
  if (value === undefined) throw malformed("a URI label is not valid percent-encoding");
  return value;
}

/** The request body as given (text or bytes), or the chunks of an async iterable (a Node request) joined. */
export async function readBody(body: unknown): Promise<string | Uint8Array> {
  if (body == null) return "";
  if (typeof body === "string" || body instanceof Uint8Array) return body;
  if (typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] !== "function") throw malformed("the request body is not a string, bytes or an async iterable");
  const chunks: Uint8Array[] = [];
  for await (const chunk of body as AsyncIterable<unknown>) chunks.push(typeof chunk === "string" ? utf8(chunk) : (chunk as Uint8Array));
  return concatBytes(chunks);
}

/** Fatal: a body that is not UTF-8 is a malformed request, not text with replacement characters. */
const strictDecoder = /* @__PURE__ */ new TextDecoder("utf-8", { fatal: true });

/** The body as text; bytes that are not UTF-8 are a malformed request. */
export function bodyText(body: string | Uint8Array): string {
  if (typeof body === "string") return body;
  try {
    return strictDecoder.decode(body);
  } catch {
    throw malformed("the request body is not UTF-8");
  }
}

/** The body as bytes (a blob payload). */
export const bodyBytes = (body: string | Uint8Array): Uint8Array => (typeof body === "string" ? utf8(body) : body);
