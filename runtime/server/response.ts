// The responses a server writes: an operation's (with its length and media type), and the ones
// the protocol itself sends for a rejected request, a constraint failure or an undeclared error.
// `contentType` is the protocol's media type for those error documents.

import type { HeaderBag, HttpResponse } from "@smithy/types";
import { byteLength } from "../text.js";
import { unknownOperation, type RequestError } from "./request-error.js";

/** A response with its `content-length`, and `content-type` (unless a header member set it) when the body is not empty. */
export function respond(statusCode: number, headers: HeaderBag, body: string | Uint8Array, contentType?: string): HttpResponse {
  if (contentType !== undefined && body.length > 0) headers["content-type"] ??= contentType;
  headers["content-length"] = String(byteLength(body));
  return { statusCode, headers, body };
}

/** The response to a request the protocol rejected: `{}` and the error type, as smithy-rs answers. */
export function requestErrorResponse(e: RequestError, contentType: string): HttpResponse {
  return respond(e.statusCode, { "x-amzn-errortype": e.errorType }, "{}", contentType);
}

/** 404 UnknownOperationException, or 405 with no body when only another method matches (as smithy-rs). */
export function routeErrorResponse(status: 404 | 405, contentType: string): HttpResponse {
  if (status === 405) return { statusCode: 405, headers: {} };
  return requestErrorResponse(unknownOperation("no operation has this method and path"), contentType);
}

/** 400 ValidationException: smithy.framework#ValidationException's `message` and `fieldList`, from the validators' exception. */
export function validationResponse(e: unknown, contentType: string): HttpResponse {
  const { message, failures } = e as { message: string; failures?: ReadonlyArray<{ path: string; message: string }> };
  if (!Array.isArray(failures)) return internalFailureResponse(contentType);
  const fieldList = failures.map((f) => ({ path: f.path, message: f.message }));
  return respond(400, { "x-amzn-errortype": "ValidationException" }, JSON.stringify({ message, fieldList }), contentType);
}

/** What a handler is told of the errors it does not answer itself. */
export interface ErrorHook {
  readonly onError?: ((error: unknown, operation: string) => void) | undefined;
}

/** 500 InternalFailureException for an error the model does not declare; its message is not sent. */
export function internalFailure(e: unknown, operation: string, options: ErrorHook, contentType: string): HttpResponse {
  try {
    options.onError?.(e, operation);
  } catch {
    // A failing error hook must not turn the 500 into an unanswered request.
  }
  return internalFailureResponse(contentType);
}

export const internalFailureResponse = (contentType: string): HttpResponse =>
  respond(500, { "x-amzn-errortype": "InternalFailureException" }, "{}", contentType);
