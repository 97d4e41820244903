// Reading a response: its status, headers and body, to an output with `$metadata` or an error.

import type { HeaderBag, HttpResponse, MetadataBearer, ResponseMetadata } from "@smithy/types";
import { put } from "../properties.js";
import { concatBytes } from "../bytes.js";
import { textOf, utf8 } from "../text.js";
import { toError, unreadable, type ServiceErrors } from "./errors.js";

/** What an operation makes of a 2xx response (an event stream's reader also gets the metadata). */
export type OutputReader<T> = (body: string | Uint8Array, headers: HeaderBag, response: HttpResponse, $metadata: ResponseMetadata) => T;

/**
 * Reads a response: the error of a non-2xx status, else what `read` makes of the body plus
 * `$metadata`. Whatever fails on the way is a DeserializationError service exception that keeps
 * the body, never a TypeError. A string or Uint8Array body is read at once, without a microtask;
 * an async iterable (a Node stream) is collected first, except a 2xx `stream`'s (an event stream,
 * read as it arrives).
 */
export function receive<T>(response: HttpResponse, read: OutputReader<T>, errors: ServiceErrors, stream = false, body: unknown = response.body): Promise<T & MetadataBearer> {
  const headers: HeaderBag = {};
  for (const k in response.headers) put(headers, k.toLowerCase(), response.headers[k]!);
  const $metadata = {
    httpStatusCode: response.statusCode,
    requestId: headers["x-amzn-requestid"] ?? headers["x-amzn-request-id"] ?? headers["x-amz-request-id"],
    extendedRequestId: headers["x-amz-id-2"],
    cfId: headers["x-amz-cf-id"],
  } as ResponseMetadata;
  const ok = response.statusCode >= 200 && response.statusCode <= 299;
  if (!(stream && ok) && typeof body !== "string" && !(body instanceof Uint8Array)) {
    return collect(body).then(
      (collected) => receive(response, read, errors, stream, collected),
      (e) => unreadable(response, $metadata, "", e, errors),
    );
  }
  if (!ok) return toError(response, headers, body as string | Uint8Array, $metadata, errors);
  try {
    const output = read(body as string | Uint8Array, headers, response, $metadata) as T & MetadataBearer;
    output.$metadata = $metadata;
    return Promise.resolve(output);
  } catch (e) {
    return unreadable(response, $metadata, body, e, errors);
  }
}

/** An async iterable of chunks (a Node stream) as one Uint8Array; nothing is an empty one. */
async function collect(body: unknown): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  // Anything but an async iterable (or nothing) fails here, and becomes a DeserializationError.
  if (body != null) {
    for await (const chunk of body as AsyncIterable<Uint8Array | string>) chunks.push(typeof chunk === "string" ? utf8(chunk) : chunk);
  }
  return concatBytes(chunks);
}

/** A JSON object body; empty is `{}`. */
export function jsonBody(body: string | Uint8Array): any {
  const text = textOf(body);
  return text ? JSON.parse(text) ?? {} : {};
}

/** A JSON payload (any JSON value); empty is undefined. */
export function valueBody(body: string | Uint8Array): any {
  const text = textOf(body);
  return text ? JSON.parse(text) : undefined;
}

/** A blob payload; empty is undefined. */
export const bytesBody = (body: string | Uint8Array): Uint8Array | undefined => (body.length > 0 ? (typeof body === "string" ? utf8(body) : body) : undefined);
