// CBOR bodies compared by decoded value (the suite's bodies are base64 CBOR, and two encoders may
// choose other widths or definite/indefinite lengths for the same value).

import { expect } from "vitest";
import { decode } from "../../../runtime/cbor/index.js";

/** The bytes of a test case's base64 body. */
export const caseBytes = (base64: string): Uint8Array => Uint8Array.from(Buffer.from(base64, "base64"));

/** Expects `actual` (a request or response body) to decode to the value the case's base64 body does. */
export function cborBodyEquals(actual: unknown, expected: string): void {
  const bytes = actual === undefined ? new Uint8Array(0) : typeof actual === "string" ? Buffer.from(actual) : (actual as Uint8Array);
  if (expected === "") {
    expect(bytes.length, "an empty body").toBe(0);
    return;
  }
  expect(decode(bytes)).toEqual(decode(caseBytes(expected)));
}
