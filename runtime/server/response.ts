// The responses a server writes: an operation's (with its length and media type), and the ones
// the protocol itself sends for a rejected request, a constraint failure or an undeclared error,
// written as the protocol writes error documents (`ErrorDocuments`).

import type { HeaderBag, HttpResponse } from "@smithy/types";
import { byteLength } from "../text.js";
import { unknownOperation, type RequestError } from "./request-error.js";

/** A response with its `content-length`, and `content-type` (unless a header member set it) when the body is not empty. */
export function respond(statusCode: number, headers: HeaderBag, body: string | Uint8Array, contentType?: string): HttpResponse {
  if (contentType !== undefined && body.length > 0) headers["content-type"] ??= contentType;
  headers["content-length"] = String(byteLength(body));
  return { statusCode, headers, body };
}

/** How a protocol writes the error documents it sends itself. */
export interface ErrorDocuments {
  readonly contentType: string;
  /** Headers every response of the protocol carries (rpcv2Cbor's `smithy-protocol`). */
  readonly headers?: Readonly<HeaderBag> | undefined;
  /** The body of the error `errorType` (also sent as `x-amzn-errortype`) with `fields` (a validation failure's). */
  body(errorType: string, fields?: Readonly<Record<string, unknown>>): string | Uint8Array;
}

/** The JSON protocols' error documents: the fields as a JSON object, `{}` without any (as smithy-rs answers). */
export const jsonErrorDocuments = (contentType: string): ErrorDocuments => ({
  contentType,
  body: (_errorType, fields) => (fields === undefined ? "{}" : JSON.stringify(fields)),
});

const errorResponse = (statusCode: number, errorType: string, documents: ErrorDocuments, fields?: Readonly<Record<string, unknown>>): HttpResponse =>
  respond(statusCode, { ...documents.headers, "x-amzn-errortype": errorType }, documents.body(errorType, fields), documents.contentType);

/** The response to a request the protocol rejected: its status and error type. */
export function requestErrorResponse(e: RequestError, documents: ErrorDocuments): HttpResponse {
  return errorResponse(e.statusCode, e.errorType, documents);
}

/** 404 UnknownOperationException, or 405 with no body when only another method matches (as smithy-rs). */
export function routeErrorResponse(status: 404 | 405, documents: ErrorDocuments): HttpResponse {
  if (status === 405) return { statusCode: 405, headers: {} };
  return requestErrorResponse(unknownOperation("no operation has this method and path"), documents);
}

/** 400 ValidationException: smithy.framework#ValidationException's `message` and `fieldList`, from the validators' exception. */
export function validationResponse(e: unknown, documents: ErrorDocuments): HttpResponse {
  const { message, failures } = e as { message: string; failures?: ReadonlyArray<{ path: string; message: string }> };
  if (!Array.isArray(failures)) return internalFailureResponse(documents);
  const fieldList = failures.map((f) => ({ path: f.path, message: f.message }));
  return errorResponse(400, "ValidationException", documents, { message, fieldList });
}

/** What a handler is told of the errors it does not answer itself. */
export interface ErrorHook {
  readonly onError?: ((error: unknown, operation: string) => void) | undefined;
}

/** 500 InternalFailureException for an error the model does not declare; its message is not sent. */
export function internalFailure(e: unknown, operation: string, options: ErrorHook, documents: ErrorDocuments): HttpResponse {
  try {
    options.onError?.(e, operation);
  } catch {
    // A failing error hook must not turn the 500 into an unanswered request.
  }
  return internalFailureResponse(documents);
}

export const internalFailureResponse = (documents: ErrorDocuments): HttpResponse => errorResponse(500, "InternalFailureException", documents);
