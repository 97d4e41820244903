import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  emptyListEntry,
  encodeQueryComponent,
  listItemKey,
  mapEntryKeys,
  memberKeySegment,
  parseQueryForm,
  QueryForm,
  queryScalar,
} from "../../../runtime/query/form.js";

describe("query form bodies", () => {
  it("starts with Action and Version and percent-encodes keys and values per RFC 3986", () => {
    const form = new QueryForm("QueryTimestamps", "2020-01-08")
      .add("normalFormat", queryScalar(new Date(Date.UTC(2015, 0, 25, 8)), "date-time"))
      .add("Qux", queryScalar(new TextEncoder().encode("value")))
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

  it("builds awsQuery list and map keys, wrapped and flattened, with custom member names", () => {
    expect(listItemKey("awsQuery", "ListArg", 0, false)).toBe("ListArg.member.1");
    expect(listItemKey("awsQuery", "ListArgWithXmlNameMember", 1, false, "item")).toBe("ListArgWithXmlNameMember.item.2");
    expect(listItemKey("awsQuery", "Hi", 1, true)).toBe("Hi.2");
    expect(emptyListEntry("awsQuery", "ListArg")).toEqual(["ListArg", ""]);
    expect(mapEntryKeys("MapArg", 0, false)).toEqual(["MapArg.entry.1.key", "MapArg.entry.1.value"]);
    expect(mapEntryKeys("Hi", 1, true, "K", "V")).toEqual(["Hi.2.K", "Hi.2.V"]);
  });

  it("flattens every ec2Query list, sends nothing for an empty one, and names members by its rules", () => {
    expect(listItemKey("ec2Query", "ListArg", 2, false, "item")).toBe("ListArg.3");
    expect(emptyListEntry("ec2Query", "ListArg")).toBeUndefined();
    expect(memberKeySegment("ec2Query", "DistinctQueryName", { ec2QueryName: "QueryName" })).toBe("QueryName");
    expect(memberKeySegment("ec2Query", "D", { ec2QueryName: "queryAndXmlName", xmlName: "xmlAndQueryName" })).toBe("queryAndXmlName");
    expect(memberKeySegment("ec2Query", "DistinctXmlName", { xmlName: "xmlNameOnly" })).toBe("XmlNameOnly");
    expect(memberKeySegment("ec2Query", "token")).toBe("Token");
    expect(memberKeySegment("awsQuery", "token")).toBe("token");
    expect(memberKeySegment("awsQuery", "token", { xmlName: "Tok", ec2QueryName: "ignored" })).toBe("Tok");
  });

  it("writes scalars: floats with NaN/Infinity, booleans, epoch and http-date timestamps", () => {
    expect([NaN, -Infinity, 10.8, true, 10n].map((x) => queryScalar(x))).toEqual(["NaN", "-Infinity", "10.8", "true", "10"]);
    const date = new Date(Date.UTC(2015, 0, 25, 8));
    expect(queryScalar(date, "epoch-seconds")).toBe("1422172800");
    expect(queryScalar(date, "http-date")).toBe("Sun, 25 Jan 2015 08:00:00 GMT");
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
