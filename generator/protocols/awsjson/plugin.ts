// The aws.protocols#awsJson1_0 and awsJson1_1 plugins (aws-json-1_0-protocol.rst,
// aws-json-1_1-protocol.rst): the X-Amz-Target RPC transport and the JSON codec, told apart by
// the content type and the `__type` a server writes. Errors are named by `__type`, a `code`
// property or `x-amzn-errortype` (runtime/awsjson/errors.ts), in a query-compatible service by
// `x-amzn-query-error` and the errors' awsQuery codes.

import { compose } from "../protocol.js";
import { jsonCodec } from "../codec/json/codec.js";
import { xAmzTarget } from "../transport/rpc/rpc.js";
import { emitRpcClient, type RpcProtocol } from "../transport/rpc/client.js";
import { emitAwsJsonServer } from "./server.js";
import type { AwsJsonVersion } from "./quirks.js";

const protocol = (version: AwsJsonVersion): RpcProtocol => ({
  traitId: `aws.protocols#awsJson${version.replace(".", "_")}`,
  name: "awsJson",
  transport: xAmzTarget,
  codec: jsonCodec,
  eventStreams: true,
  quirks: {
    contentType: `application/x-amz-json-${version}`,
    honourJsonName: false,
    errorCode: (runtime, queryCompatible) => `${runtime.use(queryCompatible ? "queryCompatibleErrorCode" : "awsJsonErrorCode")}(headers, body)`,
    queryCodesNameErrors: true,
  },
});

export const awsJson1_0 = compose(protocol("1.0"), emitRpcClient, emitAwsJsonServer("1.0"));
export const awsJson1_1 = compose(protocol("1.1"), emitRpcClient, emitAwsJsonServer("1.1"));
