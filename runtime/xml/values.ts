// Text forms of scalar values shared by the XML and query codecs: timestamps in the three Smithy
// formats, base64 blobs, floats with NaN/Infinity, and strict parsers for the text read back.

import { fromBase64, toBase64 } from "../base64.js";
import { DeserializationError } from "./deserialization-error.js";

/** `date-time` (RFC 3339, UTC): milliseconds only when non-zero, as AWS SDK v3 writes them. */
export function formatDateTime(date: Date): string {
  return date.toISOString().replace(".000Z", "Z");
}

/** `http-date` (RFC 7231 IMF-fixdate), e.g. `Tue, 29 Apr 2014 18:30:38 GMT`. */
export function formatHttpDate(date: Date): string {
  return date.toUTCString();
}

/** `epoch-seconds`, with a fraction only when the date has milliseconds. */
export function formatEpochSeconds(date: Date): string {
  return String(date.getTime() / 1000);
}

/** A float or double: `NaN`, `Infinity` and `-Infinity` spelled as Smithy protocols require. */
export function formatFloat(value: number): string {
  return Number.isNaN(value) ? "NaN" : value === Infinity ? "Infinity" : value === -Infinity ? "-Infinity" : String(value);
}

export function formatBase64(bytes: Uint8Array): string {
  return toBase64(bytes);
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;

/** RFC 3339 date-time, with any UTC offset and fractional seconds (kept to milliseconds). */
export function parseDateTime(text: string): Date {
  const m = DATE_TIME.exec(text.trim());
  if (m === null) throw new DeserializationError(`not an RFC 3339 date-time: ${JSON.stringify(text)}`);
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [number, number, number, number, number, number];
  const millis = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000 + 1e-7);
  const offset = m[8] === undefined ? 0 : (m[8] === "-" ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10]));
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60 || new Date(utc).getUTCDate() !== day) {
    throw new DeserializationError(`date-time out of range: ${JSON.stringify(text)}`);
  }
  return new Date(utc - offset * 60_000);
}

const HTTP_DATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d+))? GMT$/;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** RFC 7231 IMF-fixdate (fractional seconds tolerated, as servers send them). */
export function parseHttpDate(text: string): Date {
  const m = HTTP_DATE.exec(text.trim());
  if (m === null) throw new DeserializationError(`not an http-date: ${JSON.stringify(text)}`);
  const millis = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000 + 1e-7);
  return new Date(Date.UTC(Number(m[3]), MONTHS.indexOf(m[2]!), Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]), millis));
}

export function parseEpochSeconds(text: string): Date {
  const seconds = Number(text.trim());
  if (!/^-?\d+(\.\d+)?$/.test(text.trim()) || !Number.isFinite(seconds)) {
    throw new DeserializationError(`not epoch seconds: ${JSON.stringify(text)}`);
  }
  return new Date(Math.round(seconds * 1000));
}

/** A float or double, `NaN`/`Infinity`/`-Infinity` included; anything else non-numeric is refused. */
export function parseFloatText(text: string): number {
  const t = text.trim();
  if (t === "NaN") return NaN;
  if (t === "Infinity") return Infinity;
  if (t === "-Infinity") return -Infinity;
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(t)) throw new DeserializationError(`not a number: ${JSON.stringify(text)}`);
  return Number(t);
}

/** byte/short/integer/long: an integer within the safe integer range. */
export function parseIntegerText(text: string): number {
  const t = text.trim();
  const value = Number(t);
  if (!/^[-+]?\d+$/.test(t) || !Number.isSafeInteger(value)) throw new DeserializationError(`not an integer: ${JSON.stringify(text)}`);
  return value;
}

export function parseBooleanText(text: string): boolean {
  const t = text.trim();
  if (t === "true") return true;
  if (t === "false") return false;
  throw new DeserializationError(`not a boolean: ${JSON.stringify(text)}`);
}

/** Base64 (whitespace between groups tolerated, as XML pretty-printers insert it). */
export function parseBase64(text: string): Uint8Array {
  const t = text.replace(/[ \t\r\n]/g, "");
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(t)) {
    throw new DeserializationError(`not base64: ${JSON.stringify(text.slice(0, 40))}`);
  }
  return fromBase64(t);
}
