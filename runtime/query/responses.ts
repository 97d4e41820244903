// What awsQuery and ec2Query responses wrap around the XML a deserializer reads: awsQuery puts an
// output in `<OpResponse><OpResult>` and errors in `<ErrorResponse><Error>`, ec2Query puts an
// output's members straight in `<OpResponse>` and errors in `<Response><Errors><Error>`. Both carry
// the request id in the body (`RequestId`, ec2Query's `requestId` / `RequestID`), which becomes
// `$metadata.requestId` when no header gave one.

import type { HttpResponse, ResponseMetadata } from "@smithy/types";
import type { ErrorBody } from "../client/errors.js";
import { readXml, type XmlElement } from "../xml/reader.js";

const EMPTY: XmlElement = { name: "", attributes: {}, children: [], text: "" };

/** The first child of `e` named `name`. */
export function xmlChild(e: XmlElement | undefined, name: string): XmlElement | undefined {
  if (e !== undefined) for (const c of e.children) if (c.name === name) return c;
  return undefined;
}

/** The request id an element holds (`RequestId`, ec2Query's `requestId` / `RequestID`). */
function requestIdIn(e: XmlElement | undefined): string | undefined {
  return (xmlChild(e, "RequestId") ?? xmlChild(e, "requestId") ?? xmlChild(e, "RequestID"))?.text;
}

function requestId(e: XmlElement | undefined, $metadata: ResponseMetadata): void {
  const id = requestIdIn(e);
  if ($metadata.requestId === undefined && id !== undefined) $metadata.requestId = id;
}

/** awsQuery: the `<OpResult>` element named `result` (an empty element when the body or the element is absent). */
export function awsQueryResult(body: string | Uint8Array, result: string, $metadata: ResponseMetadata): XmlElement {
  if (body.length === 0) return EMPTY;
  const root = readXml(body);
  requestId(xmlChild(root, "ResponseMetadata"), $metadata);
  return xmlChild(root, result) ?? EMPTY;
}

/** ec2Query: the root element, which holds the output members (an empty element for an empty body). */
export function ec2QueryResult(body: string | Uint8Array, $metadata: ResponseMetadata): XmlElement {
  if (body.length === 0) return EMPTY;
  const root = readXml(body);
  requestId(root, $metadata);
  return root;
}

/**
 * The `<Error>` of an awsQuery (`<ErrorResponse><Error>`) or ec2Query (`<Response><Errors><Error>`)
 * error body, its `Code` and `Message`, as SDK v3 reads them: no code is `NotFound` for a 404,
 * else `Unknown`; no message is `Unknown`. Throws a DeserializationError when the body is not XML.
 */
export function queryErrorBody(text: string, response: HttpResponse): ErrorBody {
  const root = readXml(text);
  const error = xmlChild(root, "Error") ?? xmlChild(xmlChild(root, "Errors"), "Error") ?? EMPTY;
  const code = xmlChild(error, "Code")?.text ?? (response.statusCode === 404 ? "NotFound" : "Unknown");
  const id = requestIdIn(root);
  return { body: error, code, message: xmlChild(error, "Message")?.text ?? "Unknown", requestId: id };
}
