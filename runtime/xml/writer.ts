// Writes restXml request bodies from the same element shape the reader returns, escaping text and
// attribute values the way the restXml protocol tests (and AWS SDK v3) expect.

import { codePointName, FORBIDDEN_CHAR } from "./chars.js";
import type { XmlElement } from "./reader.js";

/** Builds an element; `content` is its text or its children. Attributes keep insertion order. */
export function xmlElement(name: string, content: string | readonly XmlElement[] = "", attributes: Record<string, string> = {}): XmlElement {
  return typeof content === "string"
    ? { name, attributes, children: [], text: content }
    : { name, attributes, children: content, text: "" };
}

/** The attribute that declares a namespace: `xmlns` for the default one, `xmlns:prefix` otherwise. */
export function namespaceAttribute(uri: string, prefix?: string): Record<string, string> {
  return { [prefix === undefined || prefix === "" ? "xmlns" : `xmlns:${prefix}`]: uri };
}

/**
 * Serializes an element tree (text before children; AWS protocols have no mixed content).
 * Throws a RangeError naming the element when a text or attribute value holds a character XML
 * cannot carry (U+0000, a lone surrogate, …): no service could read it back.
 */
export function writeXml(root: XmlElement, options: { declaration?: boolean } = {}): string {
  const out: string[] = options.declaration === true ? ['<?xml version="1.0" encoding="UTF-8"?>'] : [];
  write(root, out);
  return out.join("");
}

function write(element: XmlElement, out: string[]): void {
  out.push("<", element.name);
  for (const name in element.attributes) out.push(" ", name, '="', escapeAttribute(checked(element.attributes[name]!, `${element.name}@${name}`)), '"');
  if (element.text === "" && element.children.length === 0) {
    out.push("/>");
    return;
  }
  out.push(">", escapeText(checked(element.text, element.name)));
  for (const child of element.children) write(child, out);
  out.push("</", element.name, ">");
}

function checked(value: string, where: string): string {
  const bad = FORBIDDEN_CHAR.exec(value);
  if (bad !== null) throw new RangeError(`<${where}>: ${codePointName(bad[0])} cannot be written in XML`);
  return value;
}

const TEXT_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  "\r": "&#x0D;",
  "\n": "&#x0A;",
  "\u0085": "&#x85;",
  "\u2028": "&#x2028;",
};
const ATTRIBUTE_ESCAPES: Record<string, string> = { ...TEXT_ESCAPES, '"': "&quot;", "\t": "&#x09;" };

/**
 * Element text: markup characters as entities, and line breaks (CR, LF, NEL, LS) as character
 * references so a reader's line-end normalisation cannot change them.
 */
export function escapeText(text: string): string {
  return /[&<>\r\n\u0085\u2028]/.test(text) ? text.replace(/[&<>\r\n\u0085\u2028]/g, (c) => TEXT_ESCAPES[c]!) : text;
}

/** Attribute values: as text, plus the quote and the tab (which attribute normalisation would turn into a space). */
export function escapeAttribute(value: string): string {
  return /[&<>"\t\r\n\u0085\u2028]/.test(value) ? value.replace(/[&<>"\t\r\n\u0085\u2028]/g, (c) => ATTRIBUTE_ESCAPES[c]!) : value;
}
