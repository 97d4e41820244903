// A JSON parser that remembers where every object, array and key starts, rejects duplicate
// keys (JSON.parse silently keeps the last one, which would drop a member without a word), and
// builds prototype-less objects so keys such as `__proto__` are plain data.

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

export interface JsonSource {
  readonly value: JsonValue;
  /** Offset of an object or array node, and of each key of an object. */
  offsetOf(node: object, key?: string): number | undefined;
  /** Offset of the value of an object's key (where a wrong value starts). */
  valueOffsetOf(node: object, key: string): number | undefined;
  lineColumn(offset: number): { line: number; column: number; sourceLine: string };
}

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    /** Keys and indexes from the root to the value being read, so messages can name a shape. */
    readonly path: readonly string[] = [],
  ) {
    super(message);
    this.name = "JsonSyntaxError";
  }
}

const enum Ch {
  Tab = 9, Newline = 10, Return = 13, Space = 32, Quote = 34, Plus = 43, Comma = 44, Minus = 45,
  Dot = 46, Zero = 48, Nine = 57, Colon = 58, UpperE = 69, LeftBracket = 91, Backslash = 92,
  RightBracket = 93, LowerE = 101, LeftBrace = 123, RightBrace = 125,
}

export function parseJsonWithPositions(text: string): JsonSource {
  const nodeOffsets = new WeakMap<object, number>();
  const keyOffsets = new WeakMap<object, Map<string, number>>();
  const valueOffsets = new WeakMap<object, Map<string, number>>();
  let pos = 0;
  const path: string[] = [];

  const fail = (message: string, at = pos): never => {
    throw new JsonSyntaxError(message, at, [...path]);
  };
  const skipWhitespace = (): void => {
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === Ch.Space || c === Ch.Newline || c === Ch.Return || c === Ch.Tab) pos++;
      else return;
    }
  };
  const describe = (at: number): string =>
    at >= text.length ? "end of input" : `'${text[at]}'`;

  const parseString = (): string => {
    const start = ++pos; // after the opening quote
    let out = "";
    let chunk = start;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (Number.isNaN(c)) fail("unterminated string", start - 1);
      if (c === Ch.Quote) {
        out += text.slice(chunk, pos++);
        return out;
      }
      if (c < 0x20) fail("control character in string");
      if (c === Ch.Backslash) {
        out += text.slice(chunk, pos);
        const e = text[pos + 1];
        switch (e) {
          case '"': out += '"'; break;
          case "\\": out += "\\"; break;
          case "/": out += "/"; break;
          case "b": out += "\b"; break;
          case "f": out += "\f"; break;
          case "n": out += "\n"; break;
          case "r": out += "\r"; break;
          case "t": out += "\t"; break;
          case "u": {
            const hex = text.slice(pos + 2, pos + 6);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail("bad unicode escape");
            out += String.fromCharCode(parseInt(hex, 16));
            pos += 4;
            break;
          }
          default:
            fail("bad escape in string");
        }
        pos += 2;
        chunk = pos;
        continue;
      }
      pos++;
    }
  };

  const parseNumber = (): number => {
    const start = pos;
    if (text.charCodeAt(pos) === Ch.Minus) pos++;
    const digits = (): void => {
      const from = pos;
      while (text.charCodeAt(pos) >= Ch.Zero && text.charCodeAt(pos) <= Ch.Nine) pos++;
      if (pos === from) fail("bad number", start);
    };
    if (text.charCodeAt(pos) === Ch.Zero) pos++;
    else digits();
    if (text.charCodeAt(pos) === Ch.Dot) {
      pos++;
      digits();
    }
    const e = text.charCodeAt(pos);
    if (e === Ch.LowerE || e === Ch.UpperE) {
      pos++;
      const sign = text.charCodeAt(pos);
      if (sign === Ch.Plus || sign === Ch.Minus) pos++;
      digits();
    }
    return Number(text.slice(start, pos));
  };

  const parseLiteral = (word: string, value: JsonValue): JsonValue => {
    if (text.startsWith(word, pos)) {
      pos += word.length;
      return value;
    }
    return fail(`unexpected ${describe(pos)}`);
  };

  const parseValue = (): JsonValue => {
    skipWhitespace();
    const c = text.charCodeAt(pos);
    switch (c) {
      case Ch.LeftBrace: {
        const obj: JsonObject = Object.create(null) as JsonObject;
        const keys = new Map<string, number>();
        const values = new Map<string, number>();
        nodeOffsets.set(obj, pos);
        keyOffsets.set(obj, keys);
        valueOffsets.set(obj, values);
        pos++;
        skipWhitespace();
        if (text.charCodeAt(pos) === Ch.RightBrace) {
          pos++;
          return obj;
        }
        for (;;) {
          skipWhitespace();
          if (text.charCodeAt(pos) !== Ch.Quote) fail(`expected a key in quotes, found ${describe(pos)}`);
          const keyAt = pos;
          const key = parseString();
          if (keys.has(key)) fail(`duplicate key "${key}"`, keyAt);
          keys.set(key, keyAt);
          skipWhitespace();
          if (text.charCodeAt(pos) !== Ch.Colon) fail(`expected ':' after key "${key}", found ${describe(pos)}`);
          pos++;
          skipWhitespace();
          values.set(key, pos);
          path.push(key);
          obj[key] = parseValue();
          path.pop();
          skipWhitespace();
          const next = text.charCodeAt(pos++);
          if (next === Ch.RightBrace) return obj;
          if (next !== Ch.Comma) fail(`expected ',' or '}', found ${describe(pos - 1)}`, pos - 1);
        }
      }
      case Ch.LeftBracket: {
        const arr: JsonValue[] = [];
        nodeOffsets.set(arr, pos);
        pos++;
        skipWhitespace();
        if (text.charCodeAt(pos) === Ch.RightBracket) {
          pos++;
          return arr;
        }
        for (;;) {
          path.push(String(arr.length));
          arr.push(parseValue());
          path.pop();
          skipWhitespace();
          const next = text.charCodeAt(pos++);
          if (next === Ch.RightBracket) return arr;
          if (next !== Ch.Comma) fail(`expected ',' or ']', found ${describe(pos - 1)}`, pos - 1);
        }
      }
      case Ch.Quote:
        return parseString();
      case 116: // t
        return parseLiteral("true", true);
      case 102: // f
        return parseLiteral("false", false);
      case 110: // n
        return parseLiteral("null", null);
      default:
        if (c === Ch.Minus || (c >= Ch.Zero && c <= Ch.Nine)) return parseNumber();
        return fail(`unexpected ${describe(pos)}`);
    }
  };

  const value = parseValue();
  skipWhitespace();
  if (pos < text.length) fail(`unexpected ${describe(pos)} after the JSON value`);

  let lineStarts: number[] | undefined;
  return {
    value,
    offsetOf(node, key) {
      return key === undefined ? nodeOffsets.get(node) : keyOffsets.get(node)?.get(key);
    },
    valueOffsetOf(node, key) {
      return valueOffsets.get(node)?.get(key);
    },
    lineColumn(offset) {
      lineStarts ??= computeLineStarts(text);
      return lineColumnAt(text, offset, lineStarts);
    },
  };
}

export function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** Line, column (1-based) and text of the line at an offset. */
export function lineColumnAt(text: string, offset: number, lineStarts = computeLineStarts(text)) {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  const start = lineStarts[lo]!;
  const end = text.indexOf("\n", start);
  const sourceLine = text.slice(start, end === -1 ? text.length : end).replace(/\r$/, "");
  return { line: lo + 1, column: offset - start + 1, sourceLine };
}
