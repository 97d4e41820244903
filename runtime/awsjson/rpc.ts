// The awsJson RPC transport, both sides: every request is `POST /` (under the endpoint's path),
// the operation named by `X-Amz-Target: <service shape name>.<operation shape name>`, the body a
// JSON document of the protocol's media type. HTTP binding traits play no part.

import type { HeaderBag, HttpRequest } from "@smithy/types";

/** The two awsJson versions differ on the wire only in this media type (and the error `__type` a server writes). */
export type AwsJsonVersion = "1.0" | "1.1";

export const awsJsonContentType = (version: AwsJsonVersion): string => `application/x-amz-json-${version}`;

/** Where requests go, already resolved from the caller's endpoint; `path` may be "" or end in "/". */
export interface RpcEndpoint {
  readonly protocol: string;
  readonly hostname: string;
  readonly port?: number | undefined;
  readonly path: string;
}

/**
 * The request for one operation. `body` is the input's JSON text; an operation without input
 * sends `{}` (the spec requires a body). `queryMode` marks an `@awsQueryCompatible` service's
 * requests with `x-amzn-query-mode: true`, as SDK v3 does and the compliance tests require.
 */
export function rpcRequest(
  endpoint: RpcEndpoint,
  target: string,
  version: AwsJsonVersion,
  body: string,
  queryMode: boolean,
): HttpRequest {
  const headers: HeaderBag = {
    "content-type": awsJsonContentType(version),
    "x-amz-target": target,
    "content-length": String(utf8Length(body)),
  };
  if (queryMode) headers["x-amzn-query-mode"] = "true";
  const request: HttpRequest = {
    method: "POST",
    protocol: endpoint.protocol,
    hostname: endpoint.hostname,
    // A custom endpoint's path is kept, and the request goes to its root: "/custom" → "/custom/".
    path: endpoint.path.endsWith("/") ? endpoint.path : endpoint.path + "/",
    query: {},
    headers,
    body,
  };
  if (endpoint.port !== undefined) request.port = endpoint.port;
  return request;
}

/** UTF-8 byte count of a string without encoding it: the code units past ASCII, counted by range. */
function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    // A surrogate pair is two code units and four bytes; a lone surrogate is written as U+FFFD (3 bytes).
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2;
      i++;
    } else bytes += 2;
  }
  return bytes;
}

/** Why a request was not routed, as smithy-rs's awsJson router answers it. */
export interface RpcRoutingFailure {
  readonly status: 404 | 405 | 415;
  readonly code: "UnknownOperationException" | "UnsupportedMediaTypeException" | undefined;
  readonly reason: string;
}

/**
 * The operation a request names, or why it names none: a method other than POST is 405 (no
 * body), a path other than "/" or a missing, malformed or foreign `X-Amz-Target` is 404
 * UnknownOperationException, and a `Content-Type` other than the protocol's (parameters such as
 * `charset` allowed) is 415. Whether the operation exists is the caller's table lookup.
 * `headers` has lower-case names, as Node's `IncomingMessage` gives them.
 */
export function rpcOperation(
  request: { readonly method: string; readonly path: string; readonly headers: Readonly<Record<string, string | undefined>> },
  service: string,
  version: AwsJsonVersion,
): string | RpcRoutingFailure {
  if (request.method !== "POST") return { status: 405, code: undefined, reason: `method ${request.method} is not POST` };
  const path = request.path.split("?", 1)[0];
  if (path !== "/") return unknown(`the path ${path} is not /`);
  const target = request.headers["x-amz-target"];
  if (target === undefined) return unknown("the X-Amz-Target header is missing");
  const dot = target.indexOf(".");
  if (dot < 0 || target.slice(0, dot) !== service) return unknown(`X-Amz-Target ${target} does not name an operation of ${service}`);
  const mediaType = request.headers["content-type"]?.split(";", 1)[0]!.trim().toLowerCase();
  if (mediaType !== awsJsonContentType(version)) {
    return {
      status: 415,
      code: "UnsupportedMediaTypeException",
      reason: `Content-Type ${mediaType ?? "(none)"} is not ${awsJsonContentType(version)}`,
    };
  }
  return target.slice(dot + 1);
}

const unknown = (reason: string): RpcRoutingFailure => ({ status: 404, code: "UnknownOperationException", reason });
