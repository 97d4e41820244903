// A single-pass TypeScript lexer for the layout step: a flat token table (typed arrays) with the
// whitespace before each token and the matching bracket of each bracket. It knows no grammar
// beyond what splitting needs: strings, templates with nested `${…}`, regexes, comments.

export const IDENT = 1;
export const NUMBER = 2;
export const STRING = 3;
export const TEMPLATE = 4;
export const REGEX = 5;
export const LINE_COMMENT = 6;
export const BLOCK_COMMENT = 7;
export const PUNCT = 8;
export const OPEN = 9;
export const CLOSE = 10;

export interface Tokens {
  readonly code: string;
  readonly count: number;
  readonly kind: Uint8Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** Newlines in the whitespace before the token, capped at 2 (2 = a blank line). */
  readonly breaks: Uint8Array;
  /** 1 when whitespace precedes the token. */
  readonly space: Uint8Array;
  /** 1 when the token's own text holds a newline (a block comment or a template). */
  readonly multiline: Uint8Array;
  /** For a bracket, the index of its partner; -1 otherwise. */
  readonly match: Int32Array;
}

// Identifiers after which `/` starts a regex rather than dividing.
const REGEX_KEYWORDS = new Set(["return", "typeof", "case", "in", "of", "instanceof", "new", "delete", "void", "throw", "else", "do", "yield", "await"]);


const isIdentChar = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36 || c >= 128;

export function lexTypeScript(code: string, file: string): Tokens {
  return new Lexer(code, file).run();
}

/** The error for emitted code the lexer cannot close: a generator bug, located. */
export function emittedError(code: string, file: string, offset: number, what: string): Error {
  let line = 1;
  let lineStart = 0;
  for (let i = code.indexOf("\n"); i !== -1 && i < offset; i = code.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return new Error(`internal: emitted ${file} has ${what} at ${file}:${line}:${offset - lineStart + 1}`);
}

class Lexer {
  private count = 0;
  private kind: Uint8Array;
  private start: Int32Array;
  private end: Int32Array;
  private breaks: Uint8Array;
  private space: Uint8Array;
  private multiline: Uint8Array;
  /** Kind of the token `scan` just read. */
  private k = 0;
  /** Whether that token's text holds a newline. */
  private nl = 0;

  constructor(
    private readonly code: string,
    private readonly file: string,
  ) {
    const capacity = (code.length >> 2) + 16;
    this.kind = new Uint8Array(capacity);
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.breaks = new Uint8Array(capacity);
    this.space = new Uint8Array(capacity);
    this.multiline = new Uint8Array(capacity);
  }

  run(): Tokens {
    const code = this.code;
    const n = code.length;
    let breaks = 0;
    let space = 0;
    // The last token that is not a comment, for telling a regex from a division.
    let sigKind = 0;
    let sigStart = 0;
    let sigEnd = 0;
    let i = 0;
    while (i < n) {
      const c = code.charCodeAt(i);
      if (c === 32 || c === 9 || c === 13 || c === 11 || c === 12 || c === 0xa0 || c === 0xfeff) {
        space = 1;
        i++;
        continue;
      }
      if (c === 10) {
        if (breaks < 2) breaks++;
        space = 1;
        i++;
        continue;
      }
      const regexOk = c === 47 && this.regexAfter(sigKind, sigStart, sigEnd);
      const end = this.scan(i, regexOk);
      if (this.count === this.kind.length) this.grow();
      const t = this.count++;
      this.kind[t] = this.k;
      this.start[t] = i;
      this.end[t] = end;
      this.breaks[t] = breaks;
      this.space[t] = space;
      this.multiline[t] = this.nl;
      if (this.k !== LINE_COMMENT && this.k !== BLOCK_COMMENT) {
        sigKind = this.k;
        sigStart = i;
        sigEnd = end;
      }
      breaks = 0;
      space = 0;
      i = end;
    }
    const match = this.matchBrackets();
    return {
      code,
      count: this.count,
      kind: this.kind,
      start: this.start,
      end: this.end,
      breaks: this.breaks,
      space: this.space,
      multiline: this.multiline,
      match,
    };
  }

  private grow(): void {
    const size = this.kind.length * 2;
    const copy = <T extends Uint8Array | Int32Array>(a: T, b: T): T => (b.set(a), b);
    this.kind = copy(this.kind, new Uint8Array(size));
    this.start = copy(this.start, new Int32Array(size));
    this.end = copy(this.end, new Int32Array(size));
    this.breaks = copy(this.breaks, new Uint8Array(size));
    this.space = copy(this.space, new Uint8Array(size));
    this.multiline = copy(this.multiline, new Uint8Array(size));
  }

  private regexAfter(kind: number, start: number, end: number): boolean {
    switch (kind) {
      case 0:
      case PUNCT:
      case OPEN:
        return true;
      case IDENT:
        return REGEX_KEYWORDS.has(this.code.slice(start, end));
      default:
        return false;
    }
  }

  private fail(offset: number, what: string): never {
    throw emittedError(this.code, this.file, offset, what);
  }

  /** Reads the token at `i` (not whitespace); sets `k` and `nl`, returns its end. */
  private scan(i: number, regexOk: boolean): number {
    const code = this.code;
    const n = code.length;
    const c = code.charCodeAt(i);
    this.nl = 0;
    if (isIdentChar(c) && !(c >= 48 && c <= 57)) {
      let j = i + 1;
      while (j < n && isIdentChar(code.charCodeAt(j))) j++;
      this.k = IDENT;
      return j;
    }
    if ((c >= 48 && c <= 57) || (c === 46 && isDigit(code.charCodeAt(i + 1)))) {
      let j = i + 1;
      for (;;) {
        const d = code.charCodeAt(j);
        if (isIdentChar(d) || d === 46) j++;
        else if ((d === 43 || d === 45) && isExponent(code, i, j)) j++;
        else break;
      }
      this.k = NUMBER;
      return j;
    }
    switch (c) {
      case 34:
      case 39:
        this.k = STRING;
        return this.string(i, c);
      case 96:
        this.k = TEMPLATE;
        return this.template(i);
      case 40:
      case 91:
      case 123:
        this.k = OPEN;
        return i + 1;
      case 41:
      case 93:
      case 125:
        this.k = CLOSE;
        return i + 1;
      case 35: {
        // #private names
        let j = i + 1;
        while (j < n && isIdentChar(code.charCodeAt(j))) j++;
        this.k = j > i + 1 ? IDENT : PUNCT;
        return j;
      }
      case 47: {
        const d = code.charCodeAt(i + 1);
        if (d === 47) {
          this.k = LINE_COMMENT;
          let j = code.indexOf("\n", i + 2);
          if (j === -1) j = n;
          // Trailing whitespace is not part of the comment.
          while (j > i + 2 && isBlank(code.charCodeAt(j - 1))) j--;
          return j;
        }
        if (d === 42) {
          this.k = BLOCK_COMMENT;
          const j = code.indexOf("*/", i + 2);
          if (j === -1) this.fail(i, "an unterminated block comment");
          const newline = code.indexOf("\n", i);
          if (newline !== -1 && newline < j) this.nl = 1;
          return j + 2;
        }
        if (regexOk) {
          this.k = REGEX;
          return this.regex(i);
        }
        break;
      }
    }
    this.k = PUNCT;
    return i + punctLength(code, i, c);
  }

  private string(i: number, quote: number): number {
    const code = this.code;
    const n = code.length;
    let j = i + 1;
    while (j < n) {
      const c = code.charCodeAt(j);
      if (c === quote) return j + 1;
      if (c === 92) j += 2;
      else if (c === 10 || c === 13) break;
      else j++;
    }
    return this.fail(i, "an unterminated string literal");
  }

  private template(i: number): number {
    const code = this.code;
    const n = code.length;
    let j = i + 1;
    while (j < n) {
      const c = code.charCodeAt(j);
      if (c === 96) return j + 1;
      if (c === 92) j += 2;
      else if (c === 36 && code.charCodeAt(j + 1) === 123) j = this.substitution(j + 2, i);
      else {
        if (c === 10) this.nl = 1;
        j++;
      }
    }
    return this.fail(i, "an unterminated template literal");
  }

  /** Skips the code of a `${…}` from `i` to just past its closing brace; tokens are not kept. */
  private substitution(i: number, templateStart: number): number {
    const code = this.code;
    const n = code.length;
    let depth = 0;
    let sigKind = 0;
    let sigStart = 0;
    let sigEnd = 0;
    let nl = this.nl;
    while (i < n) {
      const c = code.charCodeAt(i);
      if (c === 32 || c === 9 || c === 13 || c === 10) {
        if (c === 10) nl = 1;
        i++;
        continue;
      }
      if (c === 125 && depth === 0) {
        this.nl = nl;
        this.k = TEMPLATE;
        return i + 1;
      }
      const end = this.scan(i, c === 47 && this.regexAfter(sigKind, sigStart, sigEnd));
      if (this.nl) nl = 1;
      if (this.k === OPEN && c === 123) depth++;
      else if (this.k === CLOSE && c === 125) depth--;
      if (this.k !== LINE_COMMENT && this.k !== BLOCK_COMMENT) {
        sigKind = this.k;
        sigStart = i;
        sigEnd = end;
      }
      i = end;
    }
    return this.fail(templateStart, "an unterminated template literal");
  }

  private regex(i: number): number {
    const code = this.code;
    const n = code.length;
    let j = i + 1;
    let inClass = false;
    while (j < n) {
      const c = code.charCodeAt(j);
      if (c === 10 || c === 13) break;
      if (c === 92) j += 2;
      else {
        if (c === 91) inClass = true;
        else if (c === 93) inClass = false;
        else if (c === 47 && !inClass) {
          j++;
          while (j < n && isIdentChar(code.charCodeAt(j))) j++;
          return j;
        }
        j++;
      }
    }
    return this.fail(i, "an unterminated regular expression");
  }

  private matchBrackets(): Int32Array {
    const code = this.code;
    const match = new Int32Array(this.count).fill(-1);
    const stack: number[] = [];
    for (let t = 0; t < this.count; t++) {
      const k = this.kind[t];
      if (k === OPEN) stack.push(t);
      else if (k === CLOSE) {
        const open = stack.pop();
        const c = code.charCodeAt(this.start[t]!);
        if (open === undefined) this.fail(this.start[t]!, `an unbalanced \`${String.fromCharCode(c)}\``);
        const o = code.charCodeAt(this.start[open]!);
        if ((o === 40 ? 41 : o + 2) !== c) {
          this.fail(this.start[t]!, `\`${String.fromCharCode(c)}\` closing the \`${String.fromCharCode(o)}\` of line ${lineOf(code, this.start[open]!)}`);
        }
        match[open] = t;
        match[t] = open;
      }
    }
    const open = stack.pop();
    if (open !== undefined) this.fail(this.start[open]!, `an unclosed \`${code[this.start[open]!]}\``);
    return match;
  }
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isBlank = (c: number) => c === 32 || c === 9 || c === 13;

function lineOf(code: string, offset: number): number {
  let line = 1;
  for (let i = code.indexOf("\n"); i !== -1 && i < offset; i = code.indexOf("\n", i + 1)) line++;
  return line;
}

/** `1e+5`: a sign right after the exponent letter of a decimal number. */
function isExponent(code: string, start: number, j: number): boolean {
  const e = code.charCodeAt(j - 1);
  if (e !== 101 && e !== 69) return false;
  const x = code.charCodeAt(start + 1);
  return !(code.charCodeAt(start) === 48 && (x === 120 || x === 88));
}

/** Length of the longest punctuator at `i` (first char `c`). */
function punctLength(code: string, i: number, c: number): number {
  const d = code.charCodeAt(i + 1);
  const e = code.charCodeAt(i + 2);
  switch (c) {
    case 61: // = == === =>
      if (d === 62) return 2;
      return d === 61 ? (e === 61 ? 3 : 2) : 1;
    case 33: // ! != !==
      return d === 61 ? (e === 61 ? 3 : 2) : 1;
    case 62: // > >= >> >>= >>> >>>=
      if (d === 61) return 2;
      if (d === 62) {
        if (e === 62) return code.charCodeAt(i + 3) === 61 ? 4 : 3;
        return e === 61 ? 3 : 2;
      }
      return 1;
    case 60: // < <= << <<=
      if (d === 61) return 2;
      if (d === 60) return e === 61 ? 3 : 2;
      return 1;
    case 38: // & && &&= &=
    case 124: // | || ||= |=
      if (d === c) return e === 61 ? 3 : 2;
      return d === 61 ? 2 : 1;
    case 63: // ? ?? ??= ?.
      if (d === 63) return e === 61 ? 3 : 2;
      return d === 46 && !isDigit(e) ? 2 : 1;
    case 42: // * ** **= *=
      if (d === 42) return e === 61 ? 3 : 2;
      return d === 61 ? 2 : 1;
    case 43: // + ++ +=
    case 45: // - -- -=
      return d === c || d === 61 ? 2 : 1;
    case 46: // . ...
      return d === 46 && e === 46 ? 3 : 1;
    case 47: // / /=
    case 37: // % %=
    case 94: // ^ ^=
      return d === 61 ? 2 : 1;
    default:
      return 1;
  }
}
