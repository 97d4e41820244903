// rpcv2Cbor error identification (smithy-rpc-v2-cbor.rst, "Operation error serialization"): the
// body's `__type` holds the error's absolute shape id; `code`, `Code` and `x-amzn-errortype` must
// not be used, nor the awsQuery code an `@awsQueryCompatible` service sends in `x-amzn-query-error`.

import { sanitizeErrorCode } from "../awsjson/errors.js";

/** The shape name of the error a response names by `__type`; undefined when it names none. */
export function cborErrorCode(body: Readonly<Record<string, unknown>>): string | undefined {
  const type = body.__type;
  return typeof type === "string" ? sanitizeErrorCode(type) : undefined;
}
