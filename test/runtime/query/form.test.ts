import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encodeQueryComponent, parseQueryForm, QueryForm } from "../../../runtime/query/form.js";
import { formatBase64, formatDateTime } from "../../../runtime/xml/values.js";

describe("query form bodies", () => {
  it("starts with Action and Version and percent-encodes keys and values per RFC 3986", () => {
    const form = new QueryForm("QueryTimestamps", "2020-01-08")
      .add("normalFormat", formatDateTime(new Date(Date.UTC(2015, 0, 25, 8))))
      .add("Qux", formatBase64(new TextEncoder().encode("value")))
      .add("Odd key", "a+b/c!'()*~._-é&=");
    expect(form.toString()).toBe(
      "Action=QueryTimestamps&Version=2020-01-08&normalFormat=2015-01-25T08%3A00%3A00Z&Qux=dmFsdWU%3D" +
        "&Odd%20key=a%2Bb%2Fc%21%27%28%29%2A~._-%C3%A9%26%3D",
    );
    expect(encodeQueryComponent("~._-AZaz09")).toBe("~._-AZaz09");
  });

  it("reads a body back into its pairs, + as a space", () => {
    expect(parseQueryForm("Action=A&Version=1&K=a+b%2Bc&Empty=&Bare")).toEqual([
      ["Action", "A"],
      ["Version", "1"],
      ["K", "a b+c"],
      ["Empty", ""],
      ["Bare", ""],
    ]);
    expect(() => parseQueryForm("K=%E9")).toThrow('malformed percent-encoding in form pair "K=%E9"');
  });
});

describe("query form round trip", () => {
  it("reads back every key and value it writes, and names the key holding a lone surrogate", () => {
    expect(() => new QueryForm("A", "1").add("Bad", "x\uD800")).toThrow("query parameter Bad: a lone surrogate cannot be percent-encoded");
    const seed = Number(process.env["XML_FUZZ_SEED"] ?? 20261206);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ unit: "grapheme" }), fc.string({ unit: "grapheme" })), { maxLength: 5 }), (pairs) => {
        const form = new QueryForm("Act", "2020-01-08");
        for (const [k, v] of pairs) form.add(k, v);
        const body = form.toString();
        expect(body).toMatch(/^[A-Za-z0-9\-._~%&=]*$/);
        expect(parseQueryForm(body)).toEqual([["Action", "Act"], ["Version", "2020-01-08"], ...pairs]);
      }),
      { seed, numRuns: 200 },
    );
  });
});
