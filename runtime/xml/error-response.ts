// The error body of the XML protocols: `<ErrorResponse><Error>…</Error><RequestId>…</RequestId></ErrorResponse>`,
// or S3's unwrapped `<Error>…<RequestId>…</RequestId></Error>` (restXml's noErrorWrapping). The
// code is the `Code` child, as SDK v3 reads it; a body without one (a HEAD response has none)
// is `NotFound` for a 404, as SDK v3 names it, else `Unknown`.

import type { HttpResponse } from "@smithy/types";
import type { ErrorBody } from "../client/errors.js";
import { readXml, type XmlElement } from "./reader.js";
import { xmlElement } from "./writer.js";

const childText = (e: XmlElement, name: string): string | undefined => e.children.find((c) => c.name === name)?.text;

/** Reads an XML error body: `body` is the `Error` element the error's members are read from. Throws a DeserializationError on bad XML. */
export function xmlErrorBody(text: string, response: HttpResponse): ErrorBody {
  const root = text.trim() === "" ? xmlElement("Error") : readXml(text);
  const error = root.name === "ErrorResponse" ? (root.children.find((c) => c.name === "Error") ?? xmlElement("Error")) : root;
  const code = childText(error, "Code") ?? (response.statusCode === 404 ? "NotFound" : "Unknown");
  return { body: error, code, message: childText(error, "Message"), requestId: childText(root, "RequestId") ?? childText(error, "RequestId") };
}
