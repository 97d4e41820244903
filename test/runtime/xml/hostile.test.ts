// Hostile documents: refused with DeserializationError, never expanded, never crashing the reader.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DeserializationError } from "../../../runtime/xml/deserialization-error.js";
import { readXml } from "../../../runtime/xml/reader.js";
import { writeXml } from "../../../runtime/xml/writer.js";

const refused = (body: string | Uint8Array, message: string, limits?: Parameters<typeof readXml>[1]) => {
  let error: unknown;
  try {
    readXml(body, limits);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(DeserializationError);
  expect((error as Error).message).toContain(message);
};

describe("hostile XML", () => {
  it("refuses a DOCTYPE, with or without entity declarations (billion laughs, external entities)", () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><lolz>&lol2;</lolz>`;
    refused(laughs, "DOCTYPE and entity declarations are refused");
    refused(`<!DOCTYPE a SYSTEM "file:///etc/passwd"><a/>`, "DOCTYPE");
    refused(`<a><!ENTITY x "y"></a>`, "DOCTYPE and entity declarations are refused");
  });

  it("never expands an undeclared entity", () => {
    refused("<a>&lol;</a>", "undeclared entity");
    refused('<a b="&xxe;"/>', "undeclared entity");
  });

  it("refuses nesting deeper than the limit, without overflowing the stack far beyond it", () => {
    const deep = (n: number) => "<a>".repeat(n) + "</a>".repeat(n);
    expect(readXml(deep(256)).name).toBe("a");
    refused(deep(257), "nested deeper than 256");
    refused(deep(1_000_000), "nested deeper than 256");
    refused(deep(11), "nested deeper than 10", { maxDepth: 10 });
  });

  it("refuses more attributes on one element than the limit", () => {
    const attrs = (n: number) => `<a ${Array.from({ length: n }, (_, i) => `a${i}="${i}"`).join(" ")}/>`;
    expect(Object.keys(readXml(attrs(128)).attributes)).toHaveLength(128);
    refused(attrs(129), "more than 128 attributes on <a>");
    refused(attrs(200_000), "more than 128 attributes");
  });

  it("refuses invalid UTF-8 and characters XML forbids", () => {
    refused(new Uint8Array([0x3c, 0x61, 0x3e, 0xff, 0x3c, 0x2f, 0x61, 0x3e]), "not valid UTF-8");
    refused(new Uint8Array([0x3c, 0x61, 0x3e, 0xc3, 0x3c, 0x2f, 0x61, 0x3e]), "not valid UTF-8"); // truncated sequence
    refused(new Uint8Array([0x3c, 0x61, 0x3e, 0xed, 0xa0, 0x80, 0x3c, 0x2f, 0x61, 0x3e]), "not valid UTF-8"); // encoded surrogate
    refused("<a>\u0000</a>", "U+0000 is not allowed");
    refused("<a>\uD800</a>", "U+D800 is not allowed");
    refused("<a>\uFFFF</a>", "U+FFFF is not allowed");
  });

  it("answers any mutation of a valid document with a tree or a DeserializationError, nothing else", () => {
    const seed = Number(process.env["XML_FUZZ_SEED"] ?? 20261206);
    const numRuns = Number(process.env["XML_FUZZ_RUNS"] ?? 300);
    const valid =
      '<?xml version="1.0"?><R xmlns="u" a="1"><!-- c --><L><member>x &amp; y</member><member><![CDATA[<z>]]></member></L><E/><N k="v">&#x41;</N></R>';
    const pieces = ["<", ">", "/", "&", ";", "<!DOCTYPE x>", "<!ENTITY e 'v'>", "&e;", "]]>", "<![CDATA[", "\uD800", "\u0000", '"', "'", "=", " ", "<a>", "</a>", "&#x0;", "&#9999999;"];
    const mutation = fc.tuple(fc.nat(), fc.nat(8), fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 4 })));
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (edits) => {
        let doc = valid;
        for (const [at, removed, inserted] of edits) {
          const i = at % (doc.length + 1);
          doc = doc.slice(0, i) + inserted + doc.slice(i + removed);
        }
        try {
          const root = readXml(doc);
          // Whatever is accepted must survive a write and a second read unchanged.
          expect(readXml(writeXml(root))).toEqual(root);
        } catch (e) {
          if (!(e instanceof DeserializationError)) throw e;
        }
      }),
      { seed, numRuns },
    );
  });
});
