// What smithy.protocols#rpcv2Cbor says on the wire (smithy-rpc-v2-cbor.rst): every request is
// `POST /service/<service name>/operation/<operation name>` with `Smithy-Protocol: rpc-v2-cbor`
// and `Accept: application/cbor`; bodies are CBOR maps (none when the input is Unit); errors are
// named by the absolute shape id in `__type`. It shares the RPC client of awsJson.

import type { RpcWire } from "../awsjson/client.js";
import { CborCode } from "../codec/cbor/cbor-code.js";
import { EVENT_STREAM_CONTENT_TYPE } from "../eventstream/rpc-event-stream.js";

export const CBOR_CONTENT_TYPE = "application/cbor";

export const rpcv2CborWire: RpcWire = {
  protocolId: "smithy.protocols#rpcv2Cbor",
  summary: "Every request is POST /service/<service>/operation/<operation>; bodies are CBOR maps.",
  contentType: CBOR_CONTENT_TYPE,
  codec: (ctx, runtime, populateDefaults) => new CborCode(ctx.index, ctx.symbols, runtime, populateDefaults, false),
  path: (service, operation) => `/service/${service}/operation/${operation}`,
  // An event-stream response is asked for as such (smithy-rpc-v2-cbor.rst, "Requests").
  headers: (_target, queryCompatible, outputStream) =>
    `{ "smithy-protocol": "rpc-v2-cbor", accept: ${JSON.stringify(outputStream ? EVENT_STREAM_CONTENT_TYPE : CBOR_CONTENT_TYPE)}${queryCompatible ? `, "x-amzn-query-mode": "true"` : ""} }`,
  // A Unit input sends no body and so no Content-Type; a structure without members is an empty map.
  body: (literal, unit, _ctx, runtime) => (unit ? "undefined" : `${runtime.use("cborMessage")}(${literal ?? "{}"})`),
  bodyReader: "cborBody",
  outputReader: (codec, output) => {
    if (!(codec instanceof CborCode)) throw new Error("internal: rpcv2Cbor reads outputs with its CBOR code");
    return codec.messageReader(output, "body");
  },
  queryCodesNameErrors: false,
  // The error is named by `__type` alone (smithy-rpc-v2-cbor.rst), also in a query-compatible service.
  errorCode: (runtime) => `${runtime.use("cborErrorCode")}(body)`,
  errorTable: (runtime) => [`document: ${runtime.use("cborBody")},`],
  // Events' payload documents are CBOR maps too.
  eventPayloads: (_ctx, runtime) => ({
    contentType: CBOR_CONTENT_TYPE,
    encode: (value) => `${runtime.use("cborMessage")}(${value})`,
    decode: (bytes) => `${runtime.use("cborBody")}(${bytes})`,
  }),
};
