import { describe, expect, it } from "vitest";
import { readXml } from "../../../runtime/xml/reader.js";
import { xmlList, xmlMap, xmlMapEntry, xmlText, xmlUnknownMember } from "../../../runtime/xml/shapes.js";

describe("XML collections and unions", () => {
  it("reads the items of a wrapped list by their element name, skipping other children", () => {
    const e = readXml("<L><member>a</member><other>x</other><member/><member>c</member></L>");
    expect(xmlList(e, "member", xmlText)).toEqual(["a", "", "c"]);
    expect(xmlList(readXml("<L/>"), "member", xmlText)).toEqual([]);
  });

  it("reads wrapped map entries with their key and value names; entries missing either add nothing", () => {
    const e = readXml("<M><entry><k>a</k><v>1</v></entry><entry><v>2</v></entry><entry><k>__proto__</k><v>3</v></entry></M>");
    const map = xmlMap(e, "entry", "k", "v", (x) => Number(x.text));
    expect(map).toEqual({ a: 1, ["__proto__"]: 3 });
    expect(Object.getPrototypeOf(map)).toBe(Object.prototype);
    expect(Object.hasOwn(map, "__proto__")).toBe(true);
  });

  it("adds one flattened entry per element to the map it is given", () => {
    const parent = readXml("<P><KVP><K>a</K><V>A</V></KVP><KVP><V>B</V><K>b</K></KVP></P>");
    const map: Record<string, string> = {};
    for (const c of parent.children) xmlMapEntry(map, c, "K", "V", xmlText);
    expect(map).toEqual({ a: "A", b: "B" });
  });

  it("keeps an unknown union member's name and element", () => {
    const e = readXml("<U><Future>1</Future></U>");
    expect(xmlUnknownMember(e)).toEqual({ $unknown: ["Future", e.children[0]] });
    expect(xmlUnknownMember(readXml("<U/>"))).toEqual({});
  });
});
