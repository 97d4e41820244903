// The Content-Type and Accept checks of an HTTP-bindings server (restJson1's malformed-request
// tests): 415 and 406 before the body is read.

import type { HeaderBag } from "@smithy/types";
import { RequestError } from "./request-error.js";

/** The media type of a Content-Type or Accept value: lower case, without parameters. */
export const mediaType = (value: string): string => value.split(";")[0]!.trim().toLowerCase();

/**
 * 415 UnsupportedMediaTypeException unless the request's Content-Type fits `expected`: that media
 * type (a body needs one), "*" for any, or undefined when nothing is modeled in the body: then a
 * body with a Content-Type is refused (RestJsonWithoutBodyExpectsEmptyContentType).
 */
export function checkContentType(h: HeaderBag, body: string | Uint8Array, expected: string | undefined): void {
  if (expected === "*") return;
  const given = h["content-type"];
  const fits = expected === undefined
    ? given === undefined || body.length === 0
    : given === undefined ? body.length === 0 : mediaType(given) === expected;
  if (!fits) throw new RequestError(415, "UnsupportedMediaTypeException", `the request's Content-Type is not ${expected ?? "absent"}`);
}

/** 406 NotAcceptableException unless the Accept header (when there is one) admits `produced`. */
export function checkAccept(h: HeaderBag, produced: string): void {
  const accept = h["accept"];
  if (accept === undefined) return;
  const anyOfType = produced.slice(0, produced.indexOf("/")) + "/*";
  for (const entry of accept.split(",")) {
    const range = mediaType(entry);
    if (range === produced || range === "*/*" || range === anyOfType) return;
  }
  throw new RequestError(406, "NotAcceptableException", `the Accept header does not admit ${produced}`);
}
