// Numbers in JSON: NaN and the infinities travel as strings; big numbers as numbers with every digit.

/** NaN and the infinities travel as strings in JSON. */
export const num = (n: number): number | string => (typeof n === "number" && !Number.isFinite(n) ? String(n) : n);

export const fromNum = (v: any): number => (v === "NaN" ? NaN : v === "Infinity" ? Infinity : v === "-Infinity" ? -Infinity : v);

/** A bigInteger (bigint) or bigDecimal (string) from a JSON number or a string of digits. */
export function fromBig(v: unknown, integer: boolean): any {
  if (typeof v !== "number" && (typeof v !== "string" || !/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(v))) {
    throw new Error(`${String(v)} is not a number`);
  }
  return integer ? BigInt(typeof v === "number" ? Math.trunc(v) : v) : String(v);
}
