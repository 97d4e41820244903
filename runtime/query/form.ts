// The request body of awsQuery and ec2Query: `application/x-www-form-urlencoded` pairs, `Action`
// and `Version` first, keys built from member paths (`A.B.member.1`, `A.entry.1.key`), every key
// and value percent-encoded per RFC 3986 (only unreserved characters left as they are).

import { DeserializationError } from "../xml/deserialization-error.js";
import { formatBase64, formatDateTime, formatEpochSeconds, formatFloat, formatHttpDate } from "../xml/values.js";

// With `u`, a paired surrogate is one code point: only a lone one matches.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

export type QueryDialect = "awsQuery" | "ec2Query";

/** Collects the pairs of one request body in the order a serializer adds them. */
export class QueryForm {
  private readonly parts: string[];

  constructor(action: string, version: string) {
    this.parts = [`Action=${encodeQueryComponent(action)}`, `Version=${encodeQueryComponent(version)}`];
  }

  /** Throws a RangeError naming the key when the key or value holds a lone surrogate (not encodable). */
  add(key: string, value: string): this {
    if (LONE_SURROGATE.test(key) || LONE_SURROGATE.test(value)) throw new RangeError(`query parameter ${key}: a lone surrogate cannot be percent-encoded`);
    this.parts.push(`${encodeQueryComponent(key)}=${encodeQueryComponent(value)}`);
    return this;
  }

  toString(): string {
    return this.parts.join("&");
  }
}

/** RFC 3986 percent-encoding: `encodeURIComponent` leaves `!'()*` as they are, the protocols do not. */
export function encodeQueryComponent(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The key of list item `index` (0-based) under `prefix`. awsQuery wraps items in `member` (or the
 * member's `@xmlName`) unless the list is `@xmlFlattened`; ec2Query always flattens.
 */
export function listItemKey(dialect: QueryDialect, prefix: string, index: number, flattened: boolean, memberName = "member"): string {
  return dialect === "ec2Query" || flattened ? `${prefix}.${index + 1}` : `${prefix}.${memberName}.${index + 1}`;
}

/**
 * What an empty list writes: awsQuery sends the key with an empty value (`ListArg=`) so the
 * service sees an empty list rather than none; ec2Query sends nothing.
 */
export function emptyListEntry(dialect: QueryDialect, prefix: string): [string, string] | undefined {
  return dialect === "awsQuery" ? [prefix, ""] : undefined;
}

/**
 * The key and value prefixes of map entry `index` (0-based): `A.entry.1.key` / `A.entry.1.value`,
 * or `A.1.key` when flattened; `keyName`/`valueName` are the members' `@xmlName`s. (ec2Query
 * models have no maps.)
 */
export function mapEntryKeys(prefix: string, index: number, flattened: boolean, keyName = "key", valueName = "value"): [string, string] {
  const entry = flattened ? `${prefix}.${index + 1}` : `${prefix}.entry.${index + 1}`;
  return [`${entry}.${keyName}`, `${entry}.${valueName}`];
}

/**
 * The key segment of a structure member. awsQuery: `@xmlName`, else the member name. ec2Query:
 * `@ec2QueryName`, else `@xmlName` with its first letter upper-cased, else the member name so.
 */
export function memberKeySegment(dialect: QueryDialect, memberName: string, traits: { xmlName?: string; ec2QueryName?: string } = {}): string {
  if (dialect === "awsQuery") return traits.xmlName ?? memberName;
  if (traits.ec2QueryName !== undefined) return traits.ec2QueryName;
  const name = traits.xmlName ?? memberName;
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** The text of a scalar value: timestamps in `date-time` unless `@timestampFormat` says otherwise. */
export function queryScalar(value: string | number | boolean | bigint | Date | Uint8Array, timestampFormat: "date-time" | "epoch-seconds" | "http-date" = "date-time"): string {
  if (value instanceof Date) {
    return timestampFormat === "epoch-seconds" ? formatEpochSeconds(value) : timestampFormat === "http-date" ? formatHttpDate(value) : formatDateTime(value);
  }
  if (value instanceof Uint8Array) return formatBase64(value);
  if (typeof value === "number") return formatFloat(value);
  return String(value);
}

/** Reads a form body back into its pairs, in order (`+` is a space, as form encoding defines). */
export function parseQueryForm(body: string): [string, string][] {
  if (body === "") return [];
  return body.split("&").map((pair) => {
    const eq = pair.indexOf("=");
    const decode = (s: string) => {
      try {
        return decodeURIComponent(s.replace(/\+/g, " "));
      } catch {
        throw new DeserializationError(`malformed percent-encoding in form pair ${JSON.stringify(pair.slice(0, 40))}`);
      }
    };
    return eq === -1 ? [decode(pair), ""] : [decode(pair.slice(0, eq)), decode(pair.slice(eq + 1))];
  });
}
