import { describe, expect, it } from "vitest";
import { DeserializationError } from "../../../runtime/xml/deserialization-error.js";
import { readXml, type XmlElement } from "../../../runtime/xml/reader.js";

const names = (e: XmlElement) => e.children.map((c) => c.name);

describe("readXml", () => {
  it("reads elements, attributes, text and children in document order", () => {
    const root = readXml(`<?xml version="1.0" encoding="UTF-8"?>
<Result xmlns="https://example.com/" a='1' xsi:type="T">
  <Item>x</Item><Other/><Item>y</Item>
</Result>`);
    expect(root.name).toBe("Result");
    expect({ ...root.attributes }).toEqual({ xmlns: "https://example.com/", a: "1", "xsi:type": "T" });
    expect(names(root)).toEqual(["Item", "Other", "Item"]);
    expect(root.children.map((c) => c.text)).toEqual(["x", "", "y"]);
  });

  it("resolves the predefined entities and character references once (no double unescaping)", () => {
    const root = readXml("<a>escaped data: &amp;lt;&#xD;&#10;&quot;&apos;&gt;&#x1F600;</a>");
    expect(root.text).toBe("escaped data: &lt;\r\n\"'>\u{1F600}");
  });

  it("normalises literal line ends in text and whitespace in attributes, keeps CDATA verbatim", () => {
    const root = readXml('<a b="x\ty\r\nz &#9;">l1\r\nl2\rl3<![CDATA[<not & markup>]]></a>');
    expect(root.attributes["b"]).toBe("x y z \t");
    expect(root.text).toBe("l1\nl2\nl3<not & markup>");
  });

  it("skips comments and processing instructions, reads bytes as UTF-8 and drops a BOM", () => {
    const bytes = new TextEncoder().encode("\uFEFF<!-- c --><a><?pi x?>é<!-- <b> --></a><!-- after -->");
    const root = readXml(bytes);
    expect(root).toMatchObject({ name: "a", text: "é", children: [] });
  });

  it("lets whitespace before the XML declaration pass", () => {
    expect(readXml('\n  <?xml version="1.0"?>\n<a>x</a>').text).toBe("x");
  });

  it("gives attributes a prototype-less object, so __proto__ is an ordinary name", () => {
    const root = readXml('<a __proto__="x" constructor="y"/>');
    expect(root.attributes["__proto__"]).toBe("x");
    expect(Object.getPrototypeOf(root.attributes)).toBeNull();
  });

  it.each([
    ["", "no root element"],
    ["<a>", "unclosed element <a>"],
    ["<a></b>", "unexpected end tag </b>, expected </a>"],
    ["<a/><b/>", "a second root element"],
    ["text<a/>", "text outside the root element"],
    ['<a x="1" x="2"/>', "duplicate attribute x"],
    ['<a x="1"y="2"/>', "malformed start tag"],
    ["<a>&</a>", 'bare "&"'],
    ["<a>&#0;</a>", "names a character XML forbids"],
    ["<a>&#x110000;</a>", "out of range"],
    ["<a><![CDATA[x</a>", "unterminated CDATA"],
    ["<a><!-- x</a>", "unterminated comment"],
    ['<a/><?xml version="1.0"?>', "XML declaration not at the start"],
    ["<1a/>", "malformed start tag"],
  ])("refuses malformed %j", (xml, message) => {
    expect(() => readXml(xml)).toThrow(DeserializationError);
    expect(() => readXml(xml)).toThrow(message);
  });
});
