// Streaming tokenizer for the Smithy IDL. Whitespace, newlines, commas and comments are real
// tokens because the grammar is whitespace sensitive (SP vs BR vs WS); the parser decides
// which of them it may skip. Tokens are scanned one at a time so that an error is reported
// only when the parser reaches it, exactly like the reference implementation.

export const Tok = {
  EOF: 0,
  SPACE: 1,
  NEWLINE: 2,
  COMMA: 3,
  COMMENT: 4,
  DOC_COMMENT: 5,
  IDENTIFIER: 6,
  DOT: 7,
  POUND: 8,
  DOLLAR: 9,
  AT: 10,
  COLON: 11,
  WALRUS: 12,
  EQUAL: 13,
  LBRACE: 14,
  RBRACE: 15,
  LBRACKET: 16,
  RBRACKET: 17,
  LPAREN: 18,
  RPAREN: 19,
  STRING: 20,
  TEXT_BLOCK: 21,
  NUMBER: 22,
  ERROR: 23,
} as const;
export type Tok = (typeof Tok)[keyof typeof Tok];

const TOKEN_NAMES = [
  "EOF", "SPACE", "NEWLINE", "COMMA", "COMMENT", "DOC_COMMENT", "IDENTIFIER", "DOT", "POUND",
  "DOLLAR", "AT", "COLON", "WALRUS", "EQUAL", "LBRACE", "RBRACE", "LBRACKET", "RBRACKET",
  "LPAREN", "RPAREN", "STRING", "TEXT_BLOCK", "NUMBER", "ERROR",
];

/** Human readable name of a token type with its fixed lexeme, e.g. `LBRACE('{')`. */
export function tokenName(t: Tok): string {
  const fixed = FIXED_LEXEMES[t];
  return fixed === undefined ? (TOKEN_NAMES[t] ?? "?") : `${TOKEN_NAMES[t]}('${fixed}')`;
}

const FIXED_LEXEMES: Partial<Record<Tok, string>> = {
  [Tok.SPACE]: " ", [Tok.COMMA]: ",", [Tok.DOT]: ".", [Tok.POUND]: "#", [Tok.DOLLAR]: "$",
  [Tok.AT]: "@", [Tok.COLON]: ":", [Tok.WALRUS]: ":=", [Tok.EQUAL]: "=", [Tok.LBRACE]: "{",
  [Tok.RBRACE]: "}", [Tok.LBRACKET]: "[", [Tok.RBRACKET]: "]", [Tok.LPAREN]: "(",
  [Tok.RPAREN]: ")", [Tok.STRING]: '"', [Tok.TEXT_BLOCK]: '"""',
};

export class IdlSyntaxError extends Error {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** The source line the error points at (without its line terminator). */
  readonly sourceLine: string;

  constructor(message: string, file: string, line: number, column: number, sourceLine: string) {
    super(message);
    this.name = "IdlSyntaxError";
    this.file = file;
    this.line = line;
    this.column = column;
    this.sourceLine = sourceLine;
  }

  /** `file:line:column: message`, then the offending line and a caret under the column. */
  format(): string {
    // Keep tabs in the caret line so the caret lines up with tab-indented source.
    const pad = this.sourceLine.slice(0, this.column - 1).replace(/[^\t]/g, " ");
    return `${this.file}:${this.line}:${this.column}: ${this.message}\n${this.sourceLine}\n${pad}^`;
  }

  override toString(): string {
    return this.format();
  }
}

/** Returns the text of 1-based line `line` of `src`, without its terminator. */
export function sourceLineAt(src: string, line: number): string {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const nl = src.indexOf("\n", start);
    if (nl < 0) return "";
    start = nl + 1;
  }
  let end = src.indexOf("\n", start);
  if (end < 0) end = src.length;
  if (end > start && src.charCodeAt(end - 1) === 13) end--;
  return src.slice(start, end);
}

const C_TAB = 9, C_LF = 10, C_CR = 13, C_SPACE = 32, C_QUOTE = 34, C_HASH = 35, C_DOLLAR = 36;
const C_LPAREN = 40, C_RPAREN = 41, C_PLUS = 43, C_COMMA = 44, C_MINUS = 45, C_DOT = 46;
const C_SLASH = 47, C_0 = 48, C_9 = 57, C_COLON = 58, C_EQUAL = 61, C_AT = 64, C_LBRACKET = 91;
const C_BACKSLASH = 92, C_RBRACKET = 93, C_UNDERSCORE = 95, C_LBRACE = 123, C_RBRACE = 125;

function isAlpha(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isDigit(c: number): boolean {
  return c >= C_0 && c <= C_9;
}
function isIdentChar(c: number): boolean {
  return isAlpha(c) || isDigit(c) || c === C_UNDERSCORE;
}

export class Lexer {
  // The current token. Positions are 1-based; start/end index into `src`.
  private kind: Tok = Tok.EOF;
  start = 0;
  end = 0;
  line = 1;
  column = 1;
  /** IDENTIFIER name, decoded STRING / TEXT_BLOCK value, or DOC_COMMENT line content. */
  text = "";
  /** NUMBER value, and whether it was written with a fraction or exponent. */
  num = 0;
  numIsFloat = false;

  private pos = 0;
  private curLine = 1;
  private lineStart = 0;
  /** Whether a non-whitespace token appeared on the current line (decides `///` vs `//`). */
  private lineHasToken = false;
  // Documentation comment lines and the number of significant tokens seen before them; they
  // belong to the next statement only if no other significant token came in between.
  private sigCount = 0;
  private docs: string[] = [];
  private docSig = -1;

  constructor(
    readonly src: string,
    readonly file: string,
  ) {
    if (src.charCodeAt(0) === 0xfeff) this.pos = this.lineStart = 1;
    this.next();
  }

  /** The current token type (a method, so TypeScript doesn't keep narrowing it across next()). */
  peek(): Tok {
    return this.kind;
  }

  /** Error at the current token, or at an explicit position. */
  error(message: string, line = this.line, column = this.column): IdlSyntaxError {
    return new IdlSyntaxError(message, this.file, line, column, sourceLineAt(this.src, line));
  }

  /** Describes the current token for "Expected X but found Y" messages. */
  describe(): string {
    if (this.kind === Tok.EOF) return "EOF";
    const lexeme = this.src.slice(this.start, this.end);
    return `${TOKEN_NAMES[this.kind]}('${lexeme.replace(/\r/g, "\\r").replace(/\n/g, "\\n")}')`;
  }

  /**
   * Documentation comment text that directly precedes the current token (only whitespace and
   * comments in between), or undefined. Consumes the pending lines either way.
   */
  takeDocs(): string | undefined {
    if (this.docs.length === 0) return undefined;
    const docs = this.docSig === this.sigCount - 1 ? this.docs.join("\n") : undefined;
    this.docs = [];
    return docs;
  }

  next(): void {
    const s = this.src;
    const len = s.length;
    let p = this.pos;
    this.start = p;
    this.line = this.curLine;
    this.column = p - this.lineStart + 1;
    if (p >= len) {
      this.kind = Tok.EOF;
      this.end = p;
      return;
    }
    const c = s.charCodeAt(p);
    let type: Tok;
    switch (c) {
      case C_SPACE:
      case C_TAB:
        do p++;
        while (p < len && (s.charCodeAt(p) === C_SPACE || s.charCodeAt(p) === C_TAB));
        this.kind = Tok.SPACE;
        this.end = this.pos = p;
        return;
      case C_LF:
      case C_CR:
        p += c === C_CR && s.charCodeAt(p + 1) === C_LF ? 2 : 1;
        this.newline(p);
        this.kind = Tok.NEWLINE;
        this.end = this.pos = p;
        return;
      case C_COMMA:
        this.kind = Tok.COMMA;
        this.end = this.pos = p + 1;
        return;
      case C_SLASH:
        if (s.charCodeAt(p + 1) === C_SLASH) {
          this.comment(p);
          return;
        }
        type = Tok.ERROR;
        p++;
        break;
      case C_DOT: type = Tok.DOT; p++; break;
      case C_HASH: type = Tok.POUND; p++; break;
      case C_DOLLAR: type = Tok.DOLLAR; p++; break;
      case C_AT: type = Tok.AT; p++; break;
      case C_EQUAL: type = Tok.EQUAL; p++; break;
      case C_LBRACE: type = Tok.LBRACE; p++; break;
      case C_RBRACE: type = Tok.RBRACE; p++; break;
      case C_LBRACKET: type = Tok.LBRACKET; p++; break;
      case C_RBRACKET: type = Tok.RBRACKET; p++; break;
      case C_LPAREN: type = Tok.LPAREN; p++; break;
      case C_RPAREN: type = Tok.RPAREN; p++; break;
      case C_COLON:
        if (s.charCodeAt(p + 1) === C_EQUAL) {
          type = Tok.WALRUS;
          p += 2;
        } else {
          type = Tok.COLON;
          p++;
        }
        break;
      case C_QUOTE:
        if (s.charCodeAt(p + 1) === C_QUOTE && s.charCodeAt(p + 2) === C_QUOTE) {
          p = this.textBlock(p);
          type = Tok.TEXT_BLOCK;
        } else {
          p = this.quoted(p);
          type = Tok.STRING;
        }
        break;
      default:
        if (isAlpha(c) || c === C_UNDERSCORE) {
          p = this.identifier(p);
          type = Tok.IDENTIFIER;
        } else if (isDigit(c) || c === C_MINUS) {
          p = this.number(p);
          type = Tok.NUMBER;
        } else {
          type = Tok.ERROR;
          p += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
        }
    }
    this.kind = type;
    this.end = this.pos = p;
    this.sigCount++;
    this.lineHasToken = true;
  }

  private newline(p: number): void {
    this.curLine++;
    this.lineStart = p;
    this.lineHasToken = false;
  }

  // A comment token includes its line terminator, so the parser can treat it as a line break.
  private comment(p: number): void {
    const s = this.src;
    // `///` is a documentation comment only when it starts the line (ignoring whitespace).
    const isDoc = s.charCodeAt(p + 2) === C_SLASH && !this.lineHasToken;
    let eol = s.indexOf("\n", p);
    if (eol < 0) eol = s.length;
    let contentEnd = eol;
    if (contentEnd > p && s.charCodeAt(contentEnd - 1) === C_CR) contentEnd--;
    const end = eol < s.length ? eol + 1 : eol;
    if (isDoc) {
      let from = p + 3;
      if (s.charCodeAt(from) === C_SPACE) from++;
      const line = s.slice(Math.min(from, contentEnd), contentEnd);
      if (this.docSig !== this.sigCount) this.docs = [];
      this.docs.push(line);
      this.docSig = this.sigCount;
      this.text = line;
    }
    this.kind = isDoc ? Tok.DOC_COMMENT : Tok.COMMENT;
    this.end = this.pos = end;
    if (end > eol) this.newline(end);
  }

  private identifier(p: number): number {
    const s = this.src;
    const start = p;
    // IdentifierStart: ALPHA, or one or more "_" followed by ALPHA / DIGIT.
    if (s.charCodeAt(p) === C_UNDERSCORE) {
      while (s.charCodeAt(p) === C_UNDERSCORE) p++;
      const c = s.charCodeAt(p);
      if (!isAlpha(c) && !isDigit(c)) {
        const found = p < s.length ? `'${s[p]}'` : "EOF";
        throw this.error(`Expected a valid identifier character, but found ${found}`, this.curLine, p - this.lineStart + 1);
      }
    }
    while (p < s.length && isIdentChar(s.charCodeAt(p))) p++;
    this.text = s.slice(start, p);
    return p;
  }

  private number(p: number): number {
    const s = this.src;
    const start = p;
    const invalid = (end: number, why: string): IdlSyntaxError =>
      this.error(`Invalid number '${s.slice(start, end)}': ${why}`);
    if (s.charCodeAt(p) === C_MINUS) {
      p++;
      if (!isDigit(s.charCodeAt(p))) throw invalid(p, "'-' must be followed by a digit");
    }
    if (s.charCodeAt(p) === C_0) p++;
    else while (isDigit(s.charCodeAt(p))) p++;
    let isFloat = false;
    if (s.charCodeAt(p) === C_DOT) {
      p++;
      isFloat = true;
      if (!isDigit(s.charCodeAt(p))) throw invalid(p, "'.' must be followed by a digit");
      while (isDigit(s.charCodeAt(p))) p++;
    }
    const e = s.charCodeAt(p);
    if (e === 101 || e === 69) {
      p++;
      isFloat = true;
      const sign = s.charCodeAt(p);
      if (sign === C_PLUS || sign === C_MINUS) p++;
      if (!isDigit(s.charCodeAt(p))) throw invalid(p, "'e', '+', and '-' must be followed by a digit");
      while (isDigit(s.charCodeAt(p))) p++;
    }
    this.num = Number(s.slice(start, p));
    this.numIsFloat = isFloat;
    return p;
  }

  private unclosed(): IdlSyntaxError {
    const end = this.src.length;
    return this.error(`Expected: '"', but found '[EOF]'`, this.curLine, end - this.lineStart + 1);
  }

  /** Scans a "quoted string" starting at `p`; returns the index after the closing quote. */
  private quoted(p: number): number {
    const s = this.src;
    const len = s.length;
    const contentStart = ++p;
    let plain = true; // no escapes and no CR: the value is a plain slice
    for (;;) {
      if (p >= len) throw this.unclosed();
      const c = s.charCodeAt(p);
      if (c === C_QUOTE) break;
      if (c === C_BACKSLASH) {
        plain = false;
        p++;
        if (p >= len) throw this.unclosed();
        const e = s.charCodeAt(p);
        if (e !== C_LF && e !== C_CR) {
          p++;
          continue;
        }
      }
      const n = s.charCodeAt(p);
      if (n === C_LF) this.newline(p + 1);
      else if (n === C_CR) {
        plain = false;
        if (s.charCodeAt(p + 1) !== C_LF) this.newline(p + 1);
      }
      p++;
    }
    const raw = s.slice(contentStart, p);
    this.text = plain ? raw : unescape(raw, (msg) => this.error(`Error parsing quoted string: ${msg}`));
    return p + 1;
  }

  /** Scans a `"""` text block starting at `p`; returns the index after the closing `"""`. */
  private textBlock(p: number): number {
    const s = this.src;
    const len = s.length;
    p += 3;
    while (s.charCodeAt(p) === C_SPACE || s.charCodeAt(p) === C_TAB) p++;
    if (s.charCodeAt(p) === C_CR) p++;
    if (s.charCodeAt(p) !== C_LF) {
      throw this.error("Text block must start with a new line after the opening delimiter");
    }
    this.newline(++p);
    const contentStart = p;
    for (;;) {
      if (p >= len) throw this.unclosed();
      const c = s.charCodeAt(p);
      if (c === C_QUOTE && s.charCodeAt(p + 1) === C_QUOTE && s.charCodeAt(p + 2) === C_QUOTE) break;
      // An escaped character can't close the block; escaped newlines still count as lines.
      if (c === C_BACKSLASH && p + 1 < len) p++;
      if (s.charCodeAt(p) === C_LF) this.newline(p + 1);
      p++;
    }
    let raw = s.slice(contentStart, p);
    if (raw.includes("\r")) raw = raw.replace(/\r\n?/g, "\n");
    // Escapes are interpreted after incidental whitespace is removed (spec order).
    const stripped = stripIncidentalWhitespace(raw);
    this.text = stripped.includes("\\")
      ? unescape(stripped, (msg) => this.error(`Error parsing text block: ${msg}`))
      : stripped;
    return p + 3;
  }
}

function isHex(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t",
};

/**
 * Expands escape sequences and normalizes CR / CRLF to LF. `fail` builds the error to throw.
 * Each `\uXXXX` is one UTF-16 code unit, so surrogate pairs combine naturally.
 */
export function unescape(raw: string, fail: (message: string) => Error): string {
  const parts: string[] = [];
  const n = raw.length;
  let last = 0;
  let i = 0;
  while (i < n) {
    const c = raw.charCodeAt(i);
    if (c === C_CR) {
      parts.push(raw.slice(last, i), "\n");
      i += raw.charCodeAt(i + 1) === C_LF ? 2 : 1;
      last = i;
      continue;
    }
    if (c !== C_BACKSLASH) {
      i++;
      continue;
    }
    parts.push(raw.slice(last, i));
    const e = raw[i + 1] ?? "";
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) {
      parts.push(simple);
      i += 2;
    } else if (e === "u") {
      let code = 0;
      for (let k = i + 2; k < i + 6; k++) {
        if (k >= n) throw fail("Invalid unclosed unicode escape found in string");
        const h = raw.charCodeAt(k);
        if (!isHex(h)) throw fail(`Invalid unicode escape character: \`${raw[k]}\``);
        code = code * 16 + parseInt(raw[k] as string, 16);
      }
      parts.push(String.fromCharCode(code));
      i += 6;
    } else if (e === "\n") {
      i += 2;
    } else if (e === "\r") {
      i += raw.charCodeAt(i + 2) === C_LF ? 3 : 2;
    } else {
      throw fail(`Invalid escape found in string: \`\\${e}\``);
    }
    last = i;
  }
  if (last === 0) return raw;
  parts.push(raw.slice(last));
  return parts.join("");
}

function leadingWhitespace(line: string): number {
  let k = 0;
  while (k < line.length && (line.charCodeAt(k) === C_SPACE || line.charCodeAt(k) === C_TAB)) k++;
  return k;
}

/**
 * Smithy's (JEP 355 style) re-indentation of text block content (`raw` excludes the opening
 * line and the closing delimiter): remove the common whitespace prefix, where blank lines do
 * not count except the closing-delimiter line, then trim trailing whitespace of every line.
 */
export function stripIncidentalWhitespace(raw: string): string {
  const lines = raw.split("\n");
  const last = lines.length - 1;
  let indent = Number.MAX_SAFE_INTEGER;
  for (let i = 0; i <= last; i++) {
    const line = lines[i] as string;
    const ws = leadingWhitespace(line);
    if (ws === line.length && i !== last) continue;
    if (ws < indent) indent = ws;
  }
  for (let i = 0; i <= last; i++) {
    const line = (lines[i] as string).slice(indent);
    let end = line.length;
    while (end > 0 && (line.charCodeAt(end - 1) === C_SPACE || line.charCodeAt(end - 1) === C_TAB)) end--;
    lines[i] = end === line.length ? line : line.slice(0, end);
  }
  return lines.join("\n");
}
