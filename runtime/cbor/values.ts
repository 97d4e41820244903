// The values the CBOR codec knows beyond JSON's: a decimal fraction (Smithy's bigDecimal) and the
// error every malformed input becomes. Timestamps are Date (tag 1), big integers bigint, blobs
// Uint8Array.

/** Arrays and maps nest at most this deep, both ways: the codec recurses, and this keeps the stack safe. */
export const MAX_DEPTH = 256;

/** Thrown for bytes that are not one well-formed CBOR item of the kinds Smithy uses. */
export class CborDecodeError extends Error {
  override readonly name = "CborDecodeError";
  /** Where in the input the problem was found (a byte index). */
  readonly offset: number;

  constructor(message: string, offset: number) {
    super(`${message} at byte ${offset}`);
    this.offset = offset;
  }
}

// Up to this many zeros are written out in a decimal's text; beyond, it uses an exponent, so a
// hostile exponent (tag 4 allows 64 bits) cannot make a huge string.
const MAX_PADDING = 32;
const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** An exact decimal, `mantissa × 10^exponent` (CBOR tag 4; Smithy's bigDecimal, a string in TypeScript). */
export class CborDecimal {
  readonly mantissa: bigint;
  readonly exponent: number;

  constructor(mantissa: bigint, exponent: number) {
    if (!Number.isSafeInteger(exponent)) throw new RangeError(`decimal exponent ${exponent} is not a safe integer`);
    this.mantissa = mantissa;
    this.exponent = exponent + 0; // -0 is 0: the exponent is an integer on the wire
  }

  /** Reads decimal text (`-1.50`, `2e-7`, `.5`); the digits are kept as written, trailing zeros too. */
  static parse(text: string): CborDecimal {
    const match = DECIMAL.exec(text);
    const [, sign = "", whole = "", fraction = "", exponent = "0"] = match ?? [];
    if (match === null || whole.length + fraction.length === 0) throw new SyntaxError(`not a decimal number: ${JSON.stringify(text)}`);
    return new CborDecimal(BigInt(sign + whole + fraction), Number(exponent) - fraction.length);
  }

  /** Positional text (`-1.50`, `0.0002`, `1200`) unless that needs more than 32 zeros (`12e40`). */
  toString(): string {
    const negative = this.mantissa < 0n;
    const digits = (negative ? -this.mantissa : this.mantissa).toString();
    const sign = negative ? "-" : "";
    const e = this.exponent;
    if (e >= 0) return e <= MAX_PADDING ? sign + digits + "0".repeat(e) : `${sign}${digits}e${e}`;
    const point = digits.length + e;
    if (point > 0) return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
    return -point <= MAX_PADDING ? `${sign}0.${"0".repeat(-point)}${digits}` : `${sign}${digits}e${e}`;
  }
}
