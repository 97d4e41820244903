// Comparing XML bodies as the compliance spec means them: as documents, not bytes. Indentation
// between elements is not content, nor is the order of differently named siblings (the SDKs'
// harnesses compare parsed objects); names, attributes, leaf text and the order of same-named
// siblings (list items) are.

import { expect } from "vitest";
import { readXml, type XmlElement } from "../../../runtime/xml/reader.js";
import { bodyText } from "../../helpers/http-compare.js";

interface Tree {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: Tree[];
}

/** An element as plain data for comparison: leaf text, attributes, children in a canonical order. */
export function xmlTree(e: XmlElement): Tree {
  return {
    name: e.name,
    attributes: { ...e.attributes },
    // An element with children has only indentation as text (the protocols have no mixed content).
    text: e.children.length > 0 ? "" : e.text,
    // A stable sort: items of a list keep their order.
    children: e.children.map(xmlTree).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
  };
}

/** XML bodies compare as documents (an expected empty body means no body); others as text. */
export function xmlBodyEquals(actual: unknown, expected: string, mediaType: string | undefined): void {
  const text = bodyText(actual);
  if (mediaType !== undefined && /xml/.test(mediaType) && expected !== "") {
    expect(xmlTree(readXml(text))).toEqual(xmlTree(readXml(expected)));
  } else {
    expect(text).toBe(expected);
  }
}
