// A small, strict XML reader for AWS responses (restXml, awsQuery, ec2Query). It reads the subset
// of XML 1.0 those protocols send and refuses everything a hostile server could use against the
// client: DOCTYPE and entity declarations (so no entity is ever expanded), entities other than the
// five predefined ones and character references, nesting deeper than a limit, more attributes on
// one element than a limit, invalid UTF-8 and characters XML forbids.

import { codePointName, FORBIDDEN_CHAR } from "./chars.js";
import { DeserializationError } from "./deserialization-error.js";

// The package compiles without the DOM library: the decoder is declared here.
declare const TextDecoder: new (label: string, options: { fatal: boolean; ignoreBOM: boolean }) => { decode(input: Uint8Array): string };

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
// Without `u` a scan runs several times faster; only a match (a forbidden character or any
// surrogate) needs the exact check, and AWS responses are mostly ASCII.
const SUSPECT_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD]/;
const CHARACTER_REFERENCE = /^#(?:x([0-9A-Fa-f]{1,6})|([0-9]{1,7}))$/;
const PREDEFINED: Record<string, string> = Object.assign(Object.create(null), { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" });
const WHITESPACE = /^[ \t\r\n]*$/;
/** The attributes of every element that has none (a prototype-less object per element is costly to make). */
const NO_ATTRIBUTES: Record<string, string> = Object.freeze(Object.create(null));
const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** Reads a whole document and returns its root element; throws DeserializationError otherwise. */
export function readXml(body: string | Uint8Array, limits: XmlReadLimits = {}): XmlElement {
  const maxDepth = limits.maxDepth ?? 256;
  const maxAttributes = limits.maxAttributes ?? 128;
  const s = typeof body === "string" ? stripBom(body) : decodeUtf8(body);
  const bad = SUSPECT_CHAR.test(s) ? FORBIDDEN_CHAR.exec(s) : null;
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
      const open = stack.pop();
      // The expected name is checked first: a full Name scan is only needed to report a mismatch.
      const name = open !== undefined && s.startsWith(open.name, lt + 2) && !isNameChar(s.charCodeAt(lt + 2 + open.name.length))
        ? open.name
        : nameAt(s, lt + 2);
      if (open === undefined || name !== open.name) {
        throw new DeserializationError(`unexpected end tag </${name ?? ""}>${open ? `, expected </${open.name}>` : ""}`, lt);
      }
      const close = skipSpace(s, lt + 2 + name.length);
      if (s.charCodeAt(close) !== 0x3e /* > */) throw new DeserializationError(`malformed end tag </${name}>`, lt);
      i = close + 1;
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
      const name = nameAt(s, lt + 1);
      if (name === undefined) throw new DeserializationError("malformed start tag", lt);
      let attributes = NO_ATTRIBUTES;
      let count = 0;
      let at = lt + 1 + name.length;
      // Only whitespace can start an attribute: most tags end right after the name.
      for (let c = s.charCodeAt(at); c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d; c = s.charCodeAt(at)) {
        ATTRIBUTE.lastIndex = at;
        const match = ATTRIBUTE.exec(s);
        if (match === null) break;
        if (count === 0) attributes = Object.create(null) as Record<string, string>;
        if (++count > maxAttributes) throw new DeserializationError(`more than ${maxAttributes} attributes on <${name}>`, at);
        const attribute = match[1]!;
        if (attribute in attributes) throw new DeserializationError(`duplicate attribute ${attribute} on <${name}>`, at);
        attributes[attribute] = decodeAttribute(match[2] ?? match[3]!, at);
        at = ATTRIBUTE.lastIndex;
      }
      // The tag ends with `>`, or `/>` for an empty element, after optional whitespace.
      const close = skipSpace(s, at);
      const empty = s.charCodeAt(close) === 0x2f /* / */;
      if (s.charCodeAt(empty ? close + 1 : close) !== 0x3e /* > */) throw new DeserializationError(`malformed start tag <${name}>`, at);
      i = empty ? close + 2 : close + 1;
      const open: OpenElement = { name, attributes, children: [], text: "" };
      if (!empty) stack.push(open);
      else if (stack.length > 0) stack[stack.length - 1]!.children.push(open);
      else root = open;
    }
  }
  if (stack.length > 0) throw new DeserializationError(`unclosed element <${stack[stack.length - 1]!.name}>`, s.length);
  if (root === undefined) throw new DeserializationError("no root element", 0);
  return root;
}

/** The XML Name at `at`: ASCII names (nearly all) scanned by character code, others by NAME. */
function nameAt(s: string, at: number): string | undefined {
  const first = s.charCodeAt(at);
  if (!((first >= 0x61 && first <= 0x7a) || (first >= 0x41 && first <= 0x5a) || first === 0x5f || first === 0x3a)) return nameByPattern(s, at);
  let end = at + 1;
  while (isNameChar(s.charCodeAt(end))) end++;
  return s.charCodeAt(end) >= 0x80 ? nameByPattern(s, at) : s.slice(at, end);
}

function nameByPattern(s: string, at: number): string | undefined {
  NAME.lastIndex = at;
  return NAME.exec(s)?.[0];
}

/** The index of the first character at or after `at` that is not XML whitespace. */
function skipSpace(s: string, at: number): number {
  for (let c = s.charCodeAt(at); c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d; c = s.charCodeAt(at)) at++;
  return at;
}

/** An ASCII NameChar: letters, digits, `-`, `.`, `_`, `:`. */
function isNameChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x3a) || c === 0x5f || c === 0x2d || c === 0x2e;
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

/** The five predefined entities and character references resolved; anything else after a `&` is refused. */
function resolveReferences(text: string, offset: number): string {
  // A scan rather than a replace with a callback: ETags and keys carry references by the thousand.
  let out = "";
  let last = 0;
  for (let at = text.indexOf("&"); at !== -1; at = text.indexOf("&", last)) {
    const semicolon = text.indexOf(";", at);
    const name = semicolon === -1 ? "" : text.slice(at + 1, semicolon);
    let char = PREDEFINED[name];
    if (char === undefined) {
      const reference = CHARACTER_REFERENCE.exec(name);
      if (reference === null) {
        throw new DeserializationError(`undeclared entity or bare "&" at ${JSON.stringify(text.slice(at, at + 12))}`, offset + at);
      }
      const code = reference[1] !== undefined ? parseInt(reference[1], 16) : parseInt(reference[2]!, 10);
      if (code > 0x10ffff) throw new DeserializationError(`character reference &${name}; out of range`, offset);
      char = String.fromCodePoint(code);
      if (FORBIDDEN_CHAR.test(char)) throw new DeserializationError(`character reference &${name}; names a character XML forbids`, offset);
    }
    out += text.slice(last, at) + char;
    last = semicolon + 1;
  }
  return out + text.slice(last);
}
