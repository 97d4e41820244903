// A server's strict reading of the text forms of labels, query values and headers: a value
// that is not exactly the form the protocol writes is a malformed request.

import { malformed } from "./request-error.js";
import { jsonInteger } from "./json-values.js";

export function textBoolean(s: string): boolean {
  if (s === "true") return true;
  if (s === "false") return false;
  throw malformed("a boolean is not true or false");
}

/** An integer in [min, max] written in decimal digits. */
export const textInteger = (s: string, min: number, max: number): number => jsonInteger(/^-?\d+$/.test(s) ? Number(s) : NaN, min, max);

export function textFloat(s: string): number {
  if (s === "NaN") return NaN;
  if (s === "Infinity") return Infinity;
  if (s === "-Infinity") return -Infinity;
  if (!/^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) throw malformed("a number is not decimal");
  return Number(s);
}
