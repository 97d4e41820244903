import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FORBIDDEN_CHAR as FORBIDDEN } from "../../../runtime/xml/chars.js";
import { readXml } from "../../../runtime/xml/reader.js";
import { escapeAttribute, escapeText, namespaceAttribute, writeXml, xmlElement } from "../../../runtime/xml/writer.js";

describe("writeXml", () => {
  it("writes elements, attributes in order, namespaces (default and prefixed) and empty elements", () => {
    const doc = xmlElement(
      "XmlAttributesRequest",
      [xmlElement("foo", "hi"), xmlElement("empty"), xmlElement("p:item", "1", namespaceAttribute("https://p.example.com", "p"))],
      { ...namespaceAttribute("https://example.com"), test: "<test&mock>" },
    );
    expect(writeXml(doc)).toBe(
      '<XmlAttributesRequest xmlns="https://example.com" test="&lt;test&amp;mock&gt;"><foo>hi</foo><empty/>' +
        '<p:item xmlns:p="https://p.example.com">1</p:item></XmlAttributesRequest>',
    );
    expect(writeXml(xmlElement("a"), { declaration: true })).toBe('<?xml version="1.0" encoding="UTF-8"?><a/>');
  });

  it("escapes markup and line breaks in text, and also quotes and tabs in attributes; non-ASCII stays as is", () => {
    expect(escapeText(`a&b<c>d"e'f\r\n\u0085\u2028\tä€😀`)).toBe(`a&amp;b&lt;c&gt;d"e'f&#x0D;&#x0A;&#x85;&#x2028;\tä€😀`);
    expect(escapeAttribute(`"&<>\t\n`)).toBe("&quot;&amp;&lt;&gt;&#x09;&#x0A;");
  });

  it("writes what the reader reads back unchanged, line breaks and tabs included", () => {
    const doc = xmlElement("r", [xmlElement("s", "escaped data: &lt;\r\n\t"), xmlElement("t", "", { a: 'x"\ty\r\n' })]);
    expect(readXml(writeXml(doc))).toEqual(doc);
  });
});

describe("writeXml on any text", () => {
  it("writes what reads back unchanged, or refuses with the element named when XML cannot carry a character", () => {
    expect(() => writeXml(xmlElement("r", [xmlElement("s", "a\u0000")]))).toThrow("<s>: U+0000 cannot be written in XML");
    expect(() => writeXml(xmlElement("r", "", { k: "\uDC00" }))).toThrow("<r@k>: U+DC00 cannot be written in XML");
    const seed = Number(process.env["XML_FUZZ_SEED"] ?? 20261206);
    const text = fc.string({ unit: "binary", maxLength: 12 });
    fc.assert(
      fc.property(text, text, text, (a, b, c) => {
        const doc = xmlElement("r", [xmlElement("s", a), xmlElement("t", b, { k: c })]);
        let written: string;
        try {
          written = writeXml(doc);
        } catch (e) {
          expect(e).toBeInstanceOf(RangeError);
          expect(FORBIDDEN.test(a + b + c)).toBe(true);
          return;
        }
        expect(readXml(written)).toEqual(doc);
      }),
      { seed, numRuns: 300 },
    );
  });
});
