// The request body of awsQuery and ec2Query: `application/x-www-form-urlencoded` pairs, `Action`
// and `Version` first, keys built from member paths (`A.B.member.1`, `A.entry.1.key`: the
// generated serializers decide them, generator/protocols/codec/query/), every key and value
// percent-encoded per RFC 3986 (only unreserved characters left as they are).

import { DeserializationError } from "../xml/deserialization-error.js";

// With `u`, a paired surrogate is one code point: only a lone one matches.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

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
