// The awsJson RPC transport, server side: every request is `POST /`, the operation named by
// `X-Amz-Target: <service shape name>.<operation shape name>`, the body a JSON document of the
// protocol's media type. HTTP binding traits play no part. (Clients build such requests with the
// shared HTTP request code.)

import type { HttpResponse } from "@smithy/types";
import { RequestError } from "../server/request-error.js";
import { requestErrorResponse, type ErrorDocuments } from "../server/response.js";

/** The two awsJson versions differ on the wire only in this media type (and the error `__type` a server writes). */
export type AwsJsonVersion = "1.0" | "1.1";

export const awsJsonContentType = (version: AwsJsonVersion): string => `application/x-amz-json-${version}`;

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

/** The answer to a request that names no operation: 405 without a body, else the error type. */
export function rpcRoutingResponse(failure: RpcRoutingFailure, documents: ErrorDocuments): HttpResponse {
  if (failure.code === undefined) return { statusCode: failure.status, headers: {} };
  return requestErrorResponse(new RequestError(failure.status, failure.code, failure.reason), documents);
}
