// A response body read as an XML document.

import { readXml, type XmlElement } from "./reader.js";
import { xmlElement } from "./writer.js";

/** The root element of an XML body; an empty body is an element with no name and nothing in it. */
export function xmlBody(body: string | Uint8Array): XmlElement {
  return body.length === 0 ? xmlElement("") : readXml(body);
}
