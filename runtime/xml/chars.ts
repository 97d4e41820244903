// XML 1.0's Char production, shared by the reader (which refuses the rest) and the writer (which
// cannot carry the rest, not even as character references).

/** Matches a character outside Char (with `u`, a lone surrogate is one code point). */
export const FORBIDDEN_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** `U+0000` notation of the first code point of `char`. */
export function codePointName(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}
