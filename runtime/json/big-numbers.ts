// Writing big numbers: JSON.stringify cannot write a number with more digits than a double holds,
// so such numbers are written as marked strings whose marks `stringify` then removes.

/** Marks the digits of big numbers in a JSON string; random, so no user string can imitate it. */
const BIG = /* @__PURE__ */ (() => `\u0000${Math.random().toString(36).slice(2)}`)();

/** JSON.stringify, then marked big-number strings become JSON numbers with all their digits. */
export const stringify = (value: unknown): string =>
  JSON.stringify(value).replace(new RegExp(`"\\\\u0000${BIG.slice(1)}(-?[0-9.eE+-]+)"`, "g"), "$1");

/** A bigInteger or bigDecimal, marked for `stringify`. */
export const bigJson = (n: bigint | string): string => {
  const digits = typeof n === "bigint" || typeof n === "string" || typeof n === "number" ? String(n) : "";
  if (!/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(digits)) throw new Error(`a big number is not a number (${typeof n})`);
  return BIG + digits;
};
