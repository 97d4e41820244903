// A small, strict XML reader for AWS responses (restXml, awsQuery, ec2Query). It reads the subset
// of XML 1.0 those protocols send and refuses everything a hostile server could use against the
// client: DOCTYPE and entity declarations (so no entity is ever expanded), entities other than the
// five predefined ones and character references, nesting deeper than a limit, more attributes on
// one element than a limit, invalid UTF-8 and characters XML forbids.

import { codePointName, FORBIDDEN_CHAR } from "./chars.js";
import { DeserializationError } from "./deserialization-error.js";

/**
 * One element of a document. Children keep document order, so a deserializer can read a wrapped
 * list (`<List><member>…</member></List>`) and a flattened one (runs of same-named children of
 * the parent) alike.
 */
export interface XmlElement {
  /** The name as written, prefix included (`xsi:type`); AWS protocols match names without namespaces. */
  readonly name: string;
  /** Attributes by name as written (`xmlns`, `xmlns:xsi` included); a prototype-less object. */
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** The element's own character data, references and CDATA resolved; children's text excluded. */
  readonly text: string;
}

export interface XmlReadLimits {
  /** Deepest element nesting accepted (the root is depth 1). Default 256. */
  readonly maxDepth?: number;
  /** Most attributes accepted on one element. Default 128. */
  readonly maxAttributes?: number;
}

interface OpenElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

// NameStartChar / NameChar of XML 1.0, with the astral planes admitted through surrogate pairs.
const NAME = /[A-Za-z_:\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\uD800-\uDBFF][-.0-9A-Za-z_:\u00B7\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u037D\u037F-\u1FFF\u200C\u200D\u203F\u2040\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\uD800-\uDFFF]*/y;
const ATTRIBUTE = new RegExp(`[ \\t\\r\\n]+(${NAME.source})[ \\t\\r\\n]*=[ \\t\\r\\n]*(?:"([^"<]*)"|'([^'<]*)')`, "y");
const TAG_END = /[ \t\r\n]*(\/?)>/y;
const END_TAG_CLOSE = /[ \t\r\n]*>/y;
const REFERENCE = /&(?:#x([0-9A-Fa-f]{1,6})|#([0-9]{1,7})|(lt|gt|amp|quot|apos));|&/g;
const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
const WHITESPACE = /^[ \t\r\n]*$/;
// Declared here rather than taken from a DOM or Node lib: generated packages type-check without either.
declare const TextDecoder: new (label: string, options: { fatal: boolean; ignoreBOM: boolean }) => { decode(input: Uint8Array): string };
const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** Reads a whole document and returns its root element; throws DeserializationError otherwise. */
export function readXml(body: string | Uint8Array, limits: XmlReadLimits = {}): XmlElement {
  const maxDepth = limits.maxDepth ?? 256;
  const maxAttributes = limits.maxAttributes ?? 128;
  const s = typeof body === "string" ? stripBom(body) : decodeUtf8(body);
  const bad = FORBIDDEN_CHAR.exec(s);
  if (bad !== null) {
    throw new DeserializationError(`character ${codePointName(bad[0])} is not allowed in XML`, bad.index);
  }
  const stack: OpenElement[] = [];
  let root: XmlElement | undefined;
  let i = 0;
  // Servers put a line break before the declaration now and then; XML wants it first, we let it pass.
  const start = s.search(/[^ \t\r\n]|$/);
  if (s.startsWith("<?xml", start) && /[ \t\r\n?]/.test(s.charAt(start + 5))) i = skipPast(s, start, "?>", "XML declaration");
  for (;;) {
    const lt = s.indexOf("<", i);
    const raw = s.slice(i, lt === -1 ? s.length : lt);
    if (stack.length > 0) stack[stack.length - 1]!.text += decodeText(raw, i);
    else if (!WHITESPACE.test(raw)) throw new DeserializationError("text outside the root element", i);
    if (lt === -1) break;
    const next = s.charCodeAt(lt + 1);
    if (next === 0x2f /* / */) {
      NAME.lastIndex = lt + 2;
      const name = NAME.exec(s)?.[0];
      const open = stack.pop();
      if (open === undefined || name !== open.name) {
        throw new DeserializationError(`unexpected end tag </${name ?? ""}>${open ? `, expected </${open.name}>` : ""}`, lt);
      }
      END_TAG_CLOSE.lastIndex = lt + 2 + name.length;
      if (END_TAG_CLOSE.exec(s) === null) throw new DeserializationError(`malformed end tag </${name}>`, lt);
      i = END_TAG_CLOSE.lastIndex;
      if (stack.length > 0) stack[stack.length - 1]!.children.push(open);
      else root = open;
    } else if (next === 0x21 /* ! */) {
      if (s.startsWith("<!--", lt)) {
        i = skipPast(s, lt + 4, "-->", "comment");
      } else if (s.startsWith("<![CDATA[", lt) && stack.length > 0) {
        const end = s.indexOf("]]>", lt + 9);
        if (end === -1) throw new DeserializationError("unterminated CDATA section", lt);
        stack[stack.length - 1]!.text += normalizeLineEnds(s.slice(lt + 9, end));
        i = end + 3;
      } else if (s.startsWith("<!DOCTYPE", lt) || s.startsWith("<!ENTITY", lt)) {
        throw new DeserializationError("DOCTYPE and entity declarations are refused", lt);
      } else {
        throw new DeserializationError("unexpected markup declaration", lt);
      }
    } else if (next === 0x3f /* ? */) {
      if (/^<\?xml[ \t\r\n?]/i.test(s.slice(lt, lt + 6))) throw new DeserializationError("XML declaration not at the start", lt);
      i = skipPast(s, lt + 2, "?>", "processing instruction");
    } else {
      if (root !== undefined) throw new DeserializationError("a second root element", lt);
      if (stack.length >= maxDepth) throw new DeserializationError(`elements nested deeper than ${maxDepth}`, lt);
      NAME.lastIndex = lt + 1;
      const name = NAME.exec(s)?.[0];
      if (name === undefined) throw new DeserializationError("malformed start tag", lt);
      const attributes: Record<string, string> = Object.create(null);
      let count = 0;
      let at = lt + 1 + name.length;
      for (;;) {
        ATTRIBUTE.lastIndex = at;
        const match = ATTRIBUTE.exec(s);
        if (match === null) break;
        if (++count > maxAttributes) throw new DeserializationError(`more than ${maxAttributes} attributes on <${name}>`, at);
        const attribute = match[1]!;
        if (attribute in attributes) throw new DeserializationError(`duplicate attribute ${attribute} on <${name}>`, at);
        attributes[attribute] = decodeAttribute(match[2] ?? match[3]!, at);
        at = ATTRIBUTE.lastIndex;
      }
      TAG_END.lastIndex = at;
      const end = TAG_END.exec(s);
      if (end === null) throw new DeserializationError(`malformed start tag <${name}>`, at);
      i = TAG_END.lastIndex;
      const open: OpenElement = { name, attributes, children: [], text: "" };
      if (end[1] === "") stack.push(open);
      else if (stack.length > 0) stack[stack.length - 1]!.children.push(open);
      else root = open;
    }
  }
  if (stack.length > 0) throw new DeserializationError(`unclosed element <${stack[stack.length - 1]!.name}>`, s.length);
  if (root === undefined) throw new DeserializationError("no root element", 0);
  return root;
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    throw new DeserializationError("the body is not valid UTF-8");
  }
}

function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

function skipPast(s: string, from: number, terminator: string, what: string): number {
  const end = s.indexOf(terminator, from);
  if (end === -1) throw new DeserializationError(`unterminated ${what}`, from);
  return end + terminator.length;
}

/** XML 2.11: a CR LF pair or a lone CR reads as LF (a `&#xD;` reference stays a CR). */
function normalizeLineEnds(raw: string): string {
  return raw.includes("\r") ? raw.replace(/\r\n?/g, "\n") : raw;
}

function decodeText(raw: string, offset: number): string {
  const text = normalizeLineEnds(raw);
  return text.includes("&") ? resolveReferences(text, offset) : text;
}

/** XML 3.3.3: literal whitespace in an attribute value reads as a space. */
function decodeAttribute(raw: string, offset: number): string {
  const value = raw.replace(/\r\n|[\r\n\t]/g, " ");
  return value.includes("&") ? resolveReferences(value, offset) : value;
}

function resolveReferences(text: string, offset: number): string {
  const replace = (all: string, hex: string | undefined, decimal: string | undefined, name: string | undefined, at: number) => {
    if (name !== undefined) return PREDEFINED[name]!;
    if (hex === undefined && decimal === undefined) {
      throw new DeserializationError(`undeclared entity or bare "&" at ${JSON.stringify(text.slice(at, at + 12))}`, offset + at);
    }
    const code = hex !== undefined ? parseInt(hex, 16) : parseInt(decimal!, 10);
    if (code > 0x10ffff) throw new DeserializationError(`character reference ${all} out of range`, offset);
    const char = String.fromCodePoint(code);
    if (FORBIDDEN_CHAR.test(char)) throw new DeserializationError(`character reference ${all} names a character XML forbids`, offset);
    return char;
  };
  return text.replace(REFERENCE, replace);
}
