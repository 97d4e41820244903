// The RPC transports: awsJson's `POST /` with `X-Amz-Target`, rpcv2Cbor's
// `POST /service/<service>/operation/<operation>` with `Smithy-Protocol`, and the query
// protocols' form `POST /` (the operation is the body's `Action`).

import type { RpcTransport } from "../transport.js";
import { EVENT_STREAM_CONTENT_TYPE } from "../../eventstream/rpc-event-stream.js";

const QUERY_MODE = `, "x-amzn-query-mode": "true"`;

/** awsJson1_0 / awsJson1_1 (aws-json.rst.template). */
export const xAmzTarget: RpcTransport = {
  kind: "rpc",
  summary: "Every request is POST / with `X-Amz-Target: <service>.<operation>`; bodies are JSON documents.",
  path: () => "/",
  headers: (target, queryCompatible) => `{ "x-amz-target": ${JSON.stringify(target)}${queryCompatible ? QUERY_MODE : ""} }`,
  route: (service, operation) => `/ with \`X-Amz-Target: ${service}.${operation}\``,
};

/** rpcv2Cbor (smithy-rpc-v2-cbor.rst); `accept` is the codec's media type, or the event stream's when the response is one ("Requests"). */
export const serviceOperationPath = (accept: string): RpcTransport => ({
  kind: "rpc",
  summary: "Every request is POST /service/<service>/operation/<operation>; bodies are CBOR maps.",
  path: (service, operation) => `/service/${service}/operation/${operation}`,
  headers: (_target, queryCompatible, outputStream) =>
    `{ "smithy-protocol": "rpc-v2-cbor", accept: ${JSON.stringify(outputStream ? EVENT_STREAM_CONTENT_TYPE : accept)}${queryCompatible ? QUERY_MODE : ""} }`,
  route: (service, operation) => `/service/${service}/operation/${operation}`,
});

/** awsQuery / ec2Query (aws-query-protocol.rst): the operation is named in the form body, not in the request line or headers. */
export const formPost: RpcTransport = {
  kind: "rpc",
  summary: "Every request is POST / with a form-urlencoded body.",
  path: () => "/",
  headers: () => "{}",
  route: (_service, operation) => `/ with \`Action=${operation}\``,
};

/** The arguments of runtime/http/request.ts's `request` for an RPC operation: POST, no query string; `outputStream` when the response is an event stream. */
export function rpcRequestArgs(transport: RpcTransport, serviceName: string, operationName: string, queryCompatible: boolean, body: string, contentType: string, host: string | undefined, outputStream = false): string {
  const target = `${serviceName}.${operationName}`;
  const path = JSON.stringify(transport.path(serviceName, operationName));
  const headers = transport.headers(target, queryCompatible, outputStream);
  return [`endpoint`, `"POST"`, path, `{}`, headers, body, JSON.stringify(contentType), ...(host === undefined ? [] : [host])].join(", ");
}
