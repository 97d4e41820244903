// fast-check arbitraries for the XML a service sends (aws-xml-serialization.rst.template), derived
// from a Smithy model: the child elements and attributes of a structure's element, with element
// names from @xmlName, lists and maps wrapped or @xmlFlattened, timestamps in their format (default
// date-time), blobs in base64, floats with NaN and the infinities; each member absent or present,
// and sometimes an element no client knows. Built as runtime/xml element trees, written with
// writeXml, so the bodies are what any XML writer would send.

import fc from "fast-check";
import type { ShapeIndex } from "../../../generator/index/shape-index.js";
import type { Member, Shape } from "../../../generator/model/model.js";
import { FORBIDDEN_CHAR } from "../../../runtime/xml/chars.js";
import type { XmlElement } from "../../../runtime/xml/reader.js";
import { xmlElement } from "../../../runtime/xml/writer.js";
import { text } from "./arbitraries.js";

const MAX_DEPTH = 3;

/** Text XML can carry. Leading and trailing whitespace is left out: fast-xml-parser (SDK v3) trims it, a listed difference tested apart. */
export const xmlText = text.filter((s) => !FORBIDDEN_CHAR.test(s) && s.trim() === s);

/** Dates from year 100 (the SDK reads years 0–99 as 1900–1999, a listed difference). */
const wireDate = fc.date({ noInvalidDate: true, min: new Date("0100-01-01T00:00:00.000Z"), max: new Date("9999-12-31T23:59:59.999Z") });

const xmlNameOf = (m: Member, fallback = m.name): string => (m.traits.get("smithy.api#xmlName") as string | undefined) ?? fallback;
const enumValues = (shape: Shape) => shape.members.map((m) => (m.traits.get("smithy.api#enumValue") ?? m.name) as string | number);

/** The text of a scalar value of `shape` reached through `member`. */
function scalarText(shape: Shape, member: Member | undefined): fc.Arbitrary<string> {
  switch (shape.type) {
    case "string": return xmlText;
    case "enum": return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...(enumValues(shape) as string[])) }, { weight: 1, arbitrary: xmlText });
    case "intEnum": return fc.constantFrom(...(enumValues(shape) as number[])).map(String);
    case "boolean": return fc.boolean().map(String);
    case "byte": case "short": case "integer": return fc.integer({ min: -1000, max: 1000 }).map(String);
    case "long": return fc.maxSafeInteger().map(String);
    case "float": case "double":
      return fc.oneof({ weight: 5, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).map(String) }, { weight: 1, arbitrary: fc.constantFrom("NaN", "Infinity", "-Infinity") });
    case "timestamp": {
      const format = member?.traits.get("smithy.api#timestampFormat") ?? shape.traits.get("smithy.api#timestampFormat") ?? "date-time";
      if (format === "http-date") return wireDate.map((d) => d.toUTCString());
      if (format === "epoch-seconds") return wireDate.map((d) => String(d.getTime() / 1000));
      return wireDate.map((d) => d.toISOString()).chain((iso) => fc.constantFrom(iso, iso.replace(/\.\d{3}Z$/, "Z")));
    }
    case "blob": return fc.uint8Array({ maxLength: 8 }).map((b) => Buffer.from(b).toString("base64"));
    default:
      throw new Error(`no XML text arbitrary for ${shape.type} ${shape.id}`);
  }
}

/** The elements that stand for a value of `shape` under the name `name` (several for a flattened collection). */
function valueElements(index: ShapeIndex, shape: Shape, member: Member | undefined, name: string, depth: number): fc.Arbitrary<XmlElement[]> {
  const flattened = member?.traits.has("smithy.api#xmlFlattened") === true;
  switch (shape.type) {
    case "list": {
      const item = shape.members[0]!;
      const items = depth >= MAX_DEPTH
        ? fc.constant([] as XmlElement[][])
        : fc.array(valueElements(index, index.target(item), item, flattened ? name : xmlNameOf(item, "member"), depth + 1), { maxLength: 3 });
      return items.map((each) => (flattened ? each.flat() : [xmlElement(name, each.flat())]));
    }
    case "map": {
      const [key, value] = shape.members as [Member, Member];
      const entry = fc.tuple(xmlText.filter((k) => k !== "__proto__"), valueElements(index, index.target(value), value, xmlNameOf(value, "value"), depth + 1))
        .map(([k, v]) => [xmlElement(xmlNameOf(key, "key"), k), ...v]);
      const entries = depth >= MAX_DEPTH ? fc.constant([] as XmlElement[][]) : fc.uniqueArray(entry, { maxLength: 3, selector: (e) => e[0]!.text });
      return entries.map((each) => (flattened ? each.map((e) => xmlElement(name, e)) : [xmlElement(name, each.map((e) => xmlElement("entry", e)))]));
    }
    case "structure":
      return structureElement(index, shape.members, name, depth + 1).map((e) => [e]);
    case "union": {
      if (depth >= MAX_DEPTH) return fc.constant([xmlElement(name)]);
      return fc.oneof(...shape.members.map((m) => valueElements(index, index.target(m), m, xmlNameOf(m), depth + 1))).map((children) => [xmlElement(name, children)]);
    }
    default:
      return scalarText(shape, member).map((t) => [xmlElement(name, t)]);
  }
}

/** An element `name` holding `members` (attributes and children), each absent or present, sometimes with an unknown child. */
export function structureElement(index: ShapeIndex, members: readonly Member[], name: string, depth = 0): fc.Arbitrary<XmlElement> {
  if (depth >= MAX_DEPTH) return fc.constant(xmlElement(name));
  const parts = members.map((m) => {
    const target = index.target(m);
    if (m.traits.has("smithy.api#xmlAttribute")) {
      return fc.option(scalarText(target, m).map((t) => ({ attribute: [xmlNameOf(m), t] as const })), { nil: undefined });
    }
    return fc.option(valueElements(index, target, m, xmlNameOf(m), depth).map((children) => ({ children })), { nil: undefined });
  });
  const unknown = fc.option(xmlText.map((t) => xmlElement("SomeNewMember", t)), { nil: undefined, freq: 4 });
  return fc.tuple(fc.tuple(...parts), unknown).map(([present, extra]) => {
    const attributes: Record<string, string> = {};
    const children: XmlElement[] = [];
    for (const part of present) {
      if (part === undefined) continue;
      if ("attribute" in part) attributes[part.attribute[0]] = part.attribute[1];
      else children.push(...part.children);
    }
    if (extra !== undefined) children.push(extra);
    return xmlElement(name, children, attributes);
  });
}
