// The rpcv2Cbor RPC transport, server side (smithy-rpc-v2-cbor.rst, "Identification for
// claiming"): `POST {prefix?}/service/<service>/operation/<operation>` with
// `Smithy-Protocol: rpc-v2-cbor`; only the last four path segments route. (Clients build such
// requests with the shared HTTP request code.)

import type { RpcRoutingFailure } from "../awsjson/rpc.js";
import type { ErrorDocuments } from "../server/response.js";
import { cborMessage } from "./body.js";

export const CBOR_MEDIA_TYPE = "application/cbor";

/**
 * The operation a request names, or why it names none: a method other than POST is 405, a path
 * not ending in `/service/<name>/operation/<op>` for this service (its shape name, or its
 * absolute id with `#` as `.`), a missing `Smithy-Protocol: rpc-v2-cbor` or an `X-Amz-Target` /
 * `X-Amzn-Target` header (which the spec makes malformed) is 404 UnknownOperationException, and a
 * Content-Type other than application/cbor is 415. Whether the operation exists is the caller's
 * table lookup. `headers` has lower-case names.
 */
export function cborOperation(
  request: { readonly method: string; readonly path: string; readonly headers: Readonly<Record<string, string | undefined>> },
  serviceId: string,
): string | RpcRoutingFailure {
  if (request.method !== "POST") return { status: 405, code: undefined, reason: `method ${request.method} is not POST` };
  const path = request.path.split("?", 1)[0]!;
  const segments = path.split("/");
  const [service, operation] = [segments[segments.length - 3], segments[segments.length - 1]];
  if (segments.length < 5 || segments[segments.length - 4] !== "service" || segments[segments.length - 2] !== "operation") {
    return unknown(`the path ${path} does not end in /service/<service>/operation/<operation>`);
  }
  const name = serviceId.slice(serviceId.indexOf("#") + 1);
  if (service !== name && service !== serviceId.replace("#", ".")) return unknown(`the path names service ${service}, not ${name}`);
  const h = request.headers;
  if (h["smithy-protocol"] !== "rpc-v2-cbor") return unknown("the Smithy-Protocol header is not rpc-v2-cbor");
  if (h["x-amz-target"] !== undefined || h["x-amzn-target"] !== undefined) return unknown("an rpcv2Cbor request has no X-Amz-Target header");
  const mediaType = h["content-type"]?.split(";", 1)[0]!.trim().toLowerCase();
  if (mediaType !== undefined && mediaType !== CBOR_MEDIA_TYPE) {
    return { status: 415, code: "UnsupportedMediaTypeException", reason: `Content-Type ${mediaType} is not ${CBOR_MEDIA_TYPE}` };
  }
  return operation!;
}

const unknown = (reason: string): RpcRoutingFailure => ({ status: 404, code: "UnknownOperationException", reason });

/** The smithy-protocol header of every rpcv2Cbor response. */
export const CBOR_RESPONSE_HEADERS = { "smithy-protocol": "rpc-v2-cbor" } as const;

/**
 * rpcv2Cbor's own error documents: CBOR maps naming the error by `__type`, as modeled errors are
 * (the framework's ValidationException by its shape id), with the fields of a validation failure.
 */
export const cborErrorDocuments: ErrorDocuments = {
  contentType: CBOR_MEDIA_TYPE,
  headers: CBOR_RESPONSE_HEADERS,
  body: (errorType, fields) =>
    cborMessage({ __type: errorType === "ValidationException" ? "smithy.framework#ValidationException" : errorType, ...fields }),
};
