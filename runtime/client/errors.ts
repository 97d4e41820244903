// A client's errors: the modeled error a response names, built as its class would build it.

import type { HeaderBag, HttpResponse, ResponseMetadata } from "@smithy/types";
import { textOf } from "../text.js";

/** A service's exception class (the generated `<Service>ServiceException`) or one of its subclasses. */
export type ErrorClass = abstract new (...args: any[]) => Error;

/**
 * A modeled error: its class, its fault, its members (and `$retryable`) from the response, and its
 * name when the code that finds it is another (an awsQuery `@awsQueryError` code).
 */
export type ErrorEntry = readonly [
  ErrorClass,
  "client" | "server",
  (((body: any, headers: HeaderBag, response: HttpResponse, message: string) => object) | undefined)?,
  string?,
];

/** A service's errors: its base exception class, and its modeled errors by code (data, not a switch: each costs a line). */
export interface ServiceErrors {
  readonly base: ErrorClass;
  readonly codes: Record<string, ErrorEntry>;
  /**
   * How the protocol finds the error code in a response whose body is a document (restJson1's
   * `errorCode`, awsJson's…): named by each table, so a bundle keeps only its protocol's.
   */
  readonly code?: (headers: HeaderBag, body: Record<string, any>) => string;
  /**
   * How the protocol reads an error body that is not JSON (XML protocols): what the members are
   * read from, and the code, message and request id the body carries. Throws when it cannot.
   */
  readonly body?: (text: string, response: HttpResponse) => ErrorBody;
  /** How a protocol whose error body is a document other than JSON text (CBOR) decodes it; it throws when it cannot. */
  readonly document?: (body: string | Uint8Array) => Record<string, any>;
}

/** An error body as a protocol reads it: `body` is what the error's member function receives. */
export interface ErrorBody {
  readonly body: unknown;
  readonly code: string;
  readonly message: string | undefined;
  readonly requestId: string | undefined;
}

/** The fields a service exception's constructor sets, in its order. */
export interface ErrorFields {
  readonly name: string;
  readonly $fault: "client" | "server";
  readonly message: string;
  readonly $metadata: ResponseMetadata;
  readonly $response: unknown;
}

const settled = Promise.resolve();

/**
 * Rejects, after a turn (the caller's handler is attached by then), with the error `new C(…)`
 * would make: built as an Error given C's prototype, without the class constructor frames V8
 * would also walk to record the stack; then `fields` and the modeled `members`.
 */
export function raise(C: ErrorClass, fields: ErrorFields, members?: object): Promise<never> {
  // A named function: the stack's first frame reads `make`.
  return settled.then(function make() {
    const error = new Error(fields.message);
    Object.setPrototypeOf(error, C.prototype);
    throw Object.assign(error, fields, members);
  });
}

/** Rejects with a DeserializationError service exception that keeps the body: the response could not be read. */
export function unreadable(response: HttpResponse, $metadata: ResponseMetadata, body: unknown, e: unknown, errors: ServiceErrors): Promise<never> {
  return raise(errors.base, {
    name: "DeserializationError",
    $fault: "server",
    message: e instanceof Error ? e.message : String(e),
    $metadata,
    $response: { ...response, body },
  });
}

/** The error code: `x-amzn-errortype`, else a `code` property (any case), else `__type`; only the shape name kept. */
export function errorCode(headers: HeaderBag, body: Record<string, any>): string {
  const code: unknown = headers["x-amzn-errortype"] ?? body[Object.keys(body).find((k) => /^code$/i.test(k)) ?? "code"] ?? body["__type"];
  // As SDK v3: up to the first `,` or `:`, then after a `#` up to the next: "ns#Name:http://…" → "Name".
  return typeof code === "string" || typeof code === "number" ? /^(?:[^,:#]*#)?([^,:#]*)/.exec(String(code))![1]! : "Unknown";
}

/** The error of a non-2xx response: the modeled error named by its code, else the service exception. */
export function toError(response: HttpResponse, headers: HeaderBag, raw: string | Uint8Array, $metadata: ResponseMetadata, errors: ServiceErrors): Promise<never> {
  // A binary protocol's body stays bytes; a text one is kept as text in $response.body.
  const kept = errors.document === undefined ? textOf(raw) : raw;
  const read = errors.body === undefined ? documentError(headers, kept, errors) : otherError(response, kept as string, errors.body);
  const { body, code } = read;
  // As SDK v3 names a missing message; a body that cannot be read has none either (its text is in $response.body).
  const message = read.message !== undefined && read.message !== "" ? read.message : "UnknownError";
  if ($metadata.requestId === undefined && read.requestId !== undefined) $metadata.requestId = read.requestId;
  // Own entries only: a code such as `constructor` names no error.
  const entry = Object.hasOwn(errors.codes, code) ? errors.codes[code] : undefined;
  let members: object | undefined;
  try {
    members = entry?.[2]?.(body, headers, response, message);
  } catch (e) {
    // A member that cannot be read (a bad date or base64): the response is unreadable.
    return unreadable(response, $metadata, kept, e, errors);
  }
  // The fields the class's constructor sets, in its order; the modeled members come after them.
  return raise(entry?.[0] ?? errors.base, {
    name: entry?.[3] ?? code,
    $fault: entry?.[1] ?? (response.statusCode >= 500 ? "server" : "client"),
    message,
    $metadata,
    $response: read.parsed ? response : { ...response, body: kept },
  }, members);
}

/** An error body that is a document, JSON text or the protocol's (not one: an empty one, the code can still be in a header). */
function documentError(headers: HeaderBag, raw: string | Uint8Array, errors: ServiceErrors): ErrorBody & { parsed: boolean } {
  let body: any;
  try {
    body = errors.document === undefined ? JSON.parse((raw as string) || "{}") : errors.document(raw);
  } catch {
    // Not readable: the body is kept in $response.body.
  }
  const parsed = typeof body === "object" && body !== null && !Array.isArray(body);
  if (!parsed) body = {};
  const m = body.message ?? body.Message;
  return { body, code: errors.code?.(headers, body) ?? "Unknown", message: typeof m === "string" ? m : undefined, requestId: undefined, parsed };
}

/** An error body in the protocol's own format; one it cannot read names no error (a 404 is `NotFound`, as SDK v3 names it). */
function otherError(response: HttpResponse, text: string, read: NonNullable<ServiceErrors["body"]>): ErrorBody & { parsed: boolean } {
  try {
    return { ...read(text, response), parsed: true };
  } catch {
    return { body: undefined, code: response.statusCode === 404 ? "NotFound" : "Unknown", message: undefined, requestId: undefined, parsed: false };
  }
}
