// Comparing HTTP messages the way the protocol compliance spec says: header names without
// case, query parameters as decoded key/value lists, JSON bodies as JSON, other bodies as bytes.

import { expect } from "vitest";

export function headerOf(headers: Record<string, string | undefined>, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === lower) return value;
  return undefined;
}

/** The values of each query key, in order (an array value repeats the key). */
export function decodeQuery(query: Record<string, string | string[] | null>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, value] of Object.entries(query)) {
    out.set(key, value === null ? [""] : Array.isArray(value) ? value : [value]);
  }
  return out;
}

export function bodyText(body: unknown): string {
  if (body === undefined || body === null) return "";
  if (typeof body === "string") return body;
  if (body instanceof Uint8Array) return new TextDecoder().decode(body);
  throw new Error(`unexpected body type ${Object.prototype.toString.call(body)}`);
}

/** JSON bodies compare as JSON (an expected empty body means no body); others as text/bytes. */
export function jsonBodyEquals(actual: unknown, expected: string, mediaType: string | undefined): void {
  const text = bodyText(actual);
  if (mediaType !== undefined && /json/.test(mediaType) && expected !== "") {
    expect(JSON.parse(text)).toEqual(JSON.parse(expected));
  } else {
    expect(text).toBe(expected);
  }
}

/** The output without its `$metadata`, for comparing with a test's params. */
export function stripMetadata(output: unknown): unknown {
  if (output === null || typeof output !== "object") return output;
  const { $metadata: _unused, ...rest } = output as Record<string, unknown>;
  return rest;
}

/** `"k=v"` → decoded [key, value] (`"k"` alone has the value ""). */
export function splitParam(param: string): [string, string] {
  const eq = param.indexOf("=");
  const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, "%20"));
  return eq === -1 ? [decode(param), ""] : [decode(param.slice(0, eq)), decode(param.slice(eq + 1))];
}
