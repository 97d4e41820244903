// The XML and query codecs against the official vectors of restXml, awsQuery and ec2Query: every
// XML body of the suites (every response, and the requests of restXml) is read, written and read
// again to the same tree, and agrees with fast-xml-parser configured as AWS SDK v3 configures it;
// every form body parses into pairs that QueryForm writes back byte for byte.

import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { nameOf } from "../../generator/model/shape-id.js";
import { parseQueryForm, QueryForm } from "../../runtime/query/form.js";
import { readXml, type XmlElement } from "../../runtime/xml/reader.js";
import { writeXml } from "../../runtime/xml/writer.js";
import { SHARED_DIR, SHARED_MISSING } from "../helpers/codegen.js";
import { loadProtocolSuites, type ProtocolSuite } from "../helpers/protocol-tests.js";

const PROTOCOLS = ["aws.protocols#restXml", "aws.protocols#awsQuery", "aws.protocols#ec2Query"];

const suites: [string, ProtocolSuite][] = [];
if (SHARED_DIR !== undefined) {
  for (const protocol of PROTOCOLS) for (const suite of await loadProtocolSuites(SHARED_DIR, protocol)) suites.push([nameOf(protocol), suite]);
}

const elementCount = (e: XmlElement): number => 1 + e.children.reduce((n, c) => n + elementCount(c), 0);

// The oracle: AWS SDK v3's options (@aws-sdk/xml-builder). Its objects merge attributes and
// children by name (arrays for repeats) and keep mixed text under `#text`.
const sdkParser = new XMLParser({
  attributeNamePrefix: "",
  htmlEntities: true,
  ignoreAttributes: false,
  ignoreDeclaration: true,
  parseTagValue: false,
  trimValues: false,
  tagValueProcessor: (_name: string, value: string) => (value.trim() === "" && value.includes("\n") ? "" : undefined),
});
sdkParser.addEntity("#xD", "\r");
sdkParser.addEntity("#10", "\n");

/**
 * A tree in the SDK's object shape. Whitespace is compared the SDK's way: a leaf of only
 * whitespace with a line break is empty, and the text between child elements is trimmed.
 */
function sdkShape(e: XmlElement): unknown {
  const names = Object.keys(e.attributes);
  if (e.children.length === 0 && names.length === 0) return e.text.trim() === "" && e.text.includes("\n") ? "" : e.text;
  const out: Record<string, unknown> = {};
  for (const child of e.children) {
    const value = sdkShape(child);
    const previous = out[child.name];
    out[child.name] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  for (const name of names) out[name] = e.attributes[name];
  if (e.text.trim() !== "") out["#text"] = e.text.trim();
  return out;
}

function trimMixedText(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(trimMixedText);
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value).map(([k, v]) => [k, k === "#text" && typeof v === "string" ? v.trim() : trimMixedText(v)] as const);
  return Object.fromEntries(entries.filter(([k, v]) => !(k === "#text" && v === "")));
}

for (const [protocol, suite] of suites) {
  describe(`${protocol} vectors (${nameOf(suite.service.id)})`, () => {
    const xmlCases = [...suite.responses, ...(protocol === "restXml" ? suite.requests : [])].filter(
      (c) => c.testCase.bodyMediaType === "application/xml" && (c.testCase.body ?? "") !== "",
    );
    const formCases = suite.requests.filter((c) => c.testCase.bodyMediaType === "application/x-www-form-urlencoded");

    it("has XML bodies to read", () => expect(xmlCases.length).toBeGreaterThan(0));
    it.each(xmlCases.map((c) => [c.testCase.id, c.testCase.body!] as const))("reads and rewrites the XML body of %s", (_id, body) => {
      const tree = readXml(new TextEncoder().encode(body));
      // Nothing dropped: every start tag of the body is an element of the tree.
      expect(elementCount(tree)).toBe(body.match(/<[A-Za-z_]/g)!.length);
      expect(readXml(writeXml(tree))).toEqual(tree);
      expect({ [tree.name]: sdkShape(tree) }).toEqual(trimMixedText(sdkParser.parse(body, true)));
    });

    if (protocol !== "restXml") it("has form bodies to parse", () => expect(formCases.length).toBeGreaterThan(0));
    it.each(formCases.map((c) => [c.testCase.id, c] as const))("parses the form body of %s as QueryForm writes it", (_id, c) => {
      const body = c.testCase.body!;
      const [action, version, ...rest] = parseQueryForm(body);
      expect(action).toEqual(["Action", nameOf(c.operation.id)]);
      expect(version).toEqual(["Version", suite.service.version]);
      const form = new QueryForm(action![1], version![1]);
      for (const [key, value] of rest) form.add(key, value);
      expect(form.toString()).toBe(body);
    });
  });
}

if (suites.length === 0) describe.skip(`XML and query codec vectors (${SHARED_MISSING})`, () => it("needs ../shared", () => {}));
