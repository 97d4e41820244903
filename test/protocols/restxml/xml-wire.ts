// The XML a restXml service sends for an output or error structure, built from the model's XML
// traits by this test alone (not by the generator): fast-check values of a shape, written as
// elements named by @xmlName, lists wrapped in `member` (or flattened), maps in `entry`/`key`/
// `value`, @xmlAttribute members as attributes, timestamps as date-time unless @timestampFormat.

import fc from "fast-check";
import type { ShapeIndex } from "../../../generator/index/shape-index.js";
import type { Member, Shape } from "../../../generator/model/model.js";
import { escapeAttribute, escapeText } from "../../../runtime/xml/writer.js";
import { text } from "../../serde/support/arbitraries.js";

const MAX_DEPTH = 3;
/** Text XML can carry (no C0 controls but tab and line feed, no lone surrogates); the SDK's parser also trims. */
const xmlText = text.filter((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF\r]/.test(s) && s === s.trim());
const wireDate = fc.date({ noInvalidDate: true, min: new Date("1970-01-01T00:00:00.000Z"), max: new Date("2999-12-31T23:59:59.000Z") }).map((d) => new Date(Math.floor(d.getTime() / 1000) * 1000));

const nameOf = (m: Member, fallback = m.name) => (m.traits.get("smithy.api#xmlName") as string | undefined) ?? fallback;
const enumValues = (shape: Shape) => shape.members.map((m) => (m.traits.get("smithy.api#enumValue") ?? m.name) as string | number);

/** The text of a scalar of `shape`. */
function scalar(shape: Shape, member: Member | undefined): fc.Arbitrary<string> {
  switch (shape.type) {
    case "string": return xmlText;
    case "enum": return fc.constantFrom(...(enumValues(shape) as string[]));
    case "intEnum": return fc.constantFrom(...(enumValues(shape) as number[])).map(String);
    case "boolean": return fc.boolean().map(String);
    case "byte": case "short": case "integer": return fc.integer({ min: -1000, max: 1000 }).map(String);
    case "long": return fc.maxSafeInteger().map(String);
    case "float": case "double": return fc.oneof(fc.integer({ min: -1000, max: 1000 }).map(String), fc.constantFrom("1.5", "-0.25", "NaN", "Infinity", "-Infinity"));
    case "timestamp": {
      const format = member?.traits.get("smithy.api#timestampFormat") ?? shape.traits.get("smithy.api#timestampFormat") ?? "date-time";
      if (format === "http-date") return wireDate.map((d) => d.toUTCString());
      if (format === "epoch-seconds") return wireDate.map((d) => String(d.getTime() / 1000));
      return wireDate.map((d) => d.toISOString());
    }
    case "blob": return fc.uint8Array({ minLength: 1, maxLength: 8 }).map((b) => Buffer.from(b).toString("base64"));
    default: throw new Error(`no XML scalar for ${shape.type} ${shape.id}`);
  }
}

/** The elements (as text) for one member's value: one element, or a run of them when flattened. */
function memberXml(index: ShapeIndex, m: Member, depth: number): fc.Arbitrary<string> {
  const target = index.target(m);
  const name = nameOf(m);
  const flattened = m.traits.has("smithy.api#xmlFlattened");
  if (target.type === "list") {
    const item = target.members[0]!;
    const items = fc.array(valueXml(index, index.target(item), item, flattened ? name : nameOf(item, "member"), depth + 1), { maxLength: 3 });
    return items.map((xs) => (flattened ? xs.join("") : `<${name}>${xs.join("")}</${name}>`));
  }
  if (target.type === "map") {
    const [key, value] = target.members as [Member, Member];
    const entry = fc.tuple(xmlText.filter((k) => k !== "" && k !== "__proto__"), valueXml(index, index.target(value), value, nameOf(value, "value"), depth + 1))
      .map(([k, v]) => `<${flattened ? name : "entry"}><${nameOf(key, "key")}>${escapeText(k)}</${nameOf(key, "key")}>${v}</${flattened ? name : "entry"}>`);
    return fc.uniqueArray(entry, { maxLength: 3, selector: (e) => e.slice(0, e.indexOf("</")) }).map((xs) => (flattened ? xs.join("") : `<${name}>${xs.join("")}</${name}>`));
  }
  return valueXml(index, target, m, name, depth);
}

/** One element named `name` holding a value of `shape`. */
function valueXml(index: ShapeIndex, shape: Shape, member: Member | undefined, name: string, depth: number): fc.Arbitrary<string> {
  if (shape.type === "structure" || shape.type === "union") {
    if (depth >= MAX_DEPTH || shape.members.length === 0) return fc.constant(`<${name}/>`);
    if (shape.type === "union") return fc.constantFrom(...shape.members).chain((m) => memberXml(index, m, depth + 1)).map((c) => `<${name}>${c}</${name}>`);
    return membersXml(index, shape.members, depth + 1).map(({ attributes, children }) => `<${name}${attributes}>${children}</${name}>`);
  }
  if (shape.type === "list" || shape.type === "map") {
    if (depth >= MAX_DEPTH) return fc.constant(`<${name}/>`);
    // A nested collection is a wrapped one: write it as a member of that name.
    return memberXml(index, { ...(shape.type === "list" ? shape.members[0]! : shape.members[1]!), name, traits: new Map(), target: shape.id } as Member, depth);
  }
  return scalar(shape, member).map((t) => `<${name}>${escapeText(t)}</${name}>`);
}

/** The attributes and child elements of `members`, each absent or set. */
export function membersXml(index: ShapeIndex, members: readonly Member[], depth = 0): fc.Arbitrary<{ attributes: string; children: string }> {
  const parts = members.map((m) => {
    const target = index.target(m);
    const value: fc.Arbitrary<string> = m.traits.has("smithy.api#xmlAttribute")
      ? scalar(target, m).map((t) => ` ${nameOf(m)}="${escapeAttribute(t)}"`)
      : memberXml(index, m, depth);
    return fc.option(value.map((v) => ({ attribute: m.traits.has("smithy.api#xmlAttribute"), v })), { nil: undefined, freq: 3 });
  });
  return fc.tuple(...parts).map((xs) => ({
    attributes: xs.filter((x) => x?.attribute === true).map((x) => x!.v).join(""),
    children: xs.filter((x) => x !== undefined && !x.attribute).map((x) => x!.v).join(""),
  }));
}
