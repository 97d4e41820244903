// A server's strict reading of request JSON: a value of the wrong JSON type is a malformed
// request (400 SerializationException), never coerced, as the malformed-request tests require.

import { fromBase64 } from "../base64.js";
import { fromDateTime, fromEpochSeconds } from "../timestamps.js";
import { malformed } from "./request-error.js";
import { bodyText } from "./request.js";

/** Any JSON value of a body; undefined for an empty body. */
export function jsonBodyValue(body: string | Uint8Array): any {
  const text = bodyText(body);
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw malformed("the request body is not JSON");
  }
}

/** The JSON document of a body: an object ({} for an empty body). */
export function jsonDocument(body: string | Uint8Array): Record<string, any> {
  const v = jsonBodyValue(body);
  if (v === undefined) return {};
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw malformed("the request body is not a JSON object");
  return v;
}

/** A structure payload; `{}` is no payload, as a client sends for an unset one (RestJsonHttpWithEmptyStructurePayload). */
export function jsonStructurePayload(body: string | Uint8Array): unknown {
  const v = jsonBodyValue(body);
  return typeof v === "object" && v !== null && !Array.isArray(v) && Object.keys(v).length === 0 ? undefined : v;
}

export function jsonString(v: unknown): string {
  if (typeof v !== "string") throw malformed("a value is not a JSON string");
  return v;
}

export function jsonBoolean(v: unknown): boolean {
  if (typeof v !== "boolean") throw malformed("a value is not a JSON boolean");
  return v;
}

/** An integer in [min, max]: no fraction, no string, no NaN or infinity. */
export function jsonInteger(v: unknown, min: number, max: number): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max) throw malformed(`a value is not an integer between ${min} and ${max}`);
  return v;
}

/** A JSON number, or NaN and the infinities as the strings the JSON protocols send them as. */
export function jsonFloat(v: unknown): number {
  if (typeof v === "number") return v;
  if (v === "NaN") return NaN;
  if (v === "Infinity") return Infinity;
  if (v === "-Infinity") return -Infinity;
  throw malformed("a value is not a JSON number");
}

/** An epoch-seconds timestamp: a JSON number, not a string of digits. */
export function jsonEpochSeconds(v: unknown): Date {
  if (typeof v !== "number") throw malformed("an epoch-seconds timestamp is not a JSON number");
  return fromEpochSeconds(v);
}

/** An RFC 3339 date-time in UTC: servers reject offsets (RestJsonBodyTimestampDateTimeRejectsUTCOffsets). */
export function jsonDateTime(v: unknown): Date {
  if (typeof v !== "string" || !/[Zz]$/.test(v)) throw malformed("a date-time timestamp is not in UTC");
  return fromDateTime(v);
}

/** Padded standard base64 only: no URL-safe alphabet, no missing padding. */
export function jsonBlob(v: unknown): Uint8Array {
  if (typeof v !== "string" || v.length % 4 !== 0) throw malformed("a blob is not valid base64");
  return fromBase64(v);
}

export function jsonObject(v: unknown): Record<string, any> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw malformed("a value is not a JSON object");
  return v;
}

export function jsonArray(v: unknown): readonly unknown[] {
  if (!Array.isArray(v)) throw malformed("a value is not a JSON array");
  return v;
}

/** A union member without a value: `{}`. */
export function jsonUnit(v: unknown): Record<string, never> {
  jsonObject(v);
  return {};
}
