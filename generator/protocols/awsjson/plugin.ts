// The aws.protocols#awsJson1_0 and awsJson1_1 plugins (aws-json-1_0-protocol.rst,
// aws-json-1_1-protocol.rst): one RPC transport and JSON codec, told apart by the content type
// and the `__type` a server writes.

import type { ProtocolPlugin } from "../index.js";
import { clientNames, rpcClientOperations, emitAwsJsonClient } from "./client.js";
import { emitAwsJsonServer } from "./server.js";
import { serverNames } from "../server/emit-server.js";
import type { AwsJsonVersion } from "./quirks.js";

const plugin = (version: AwsJsonVersion): ProtocolPlugin => ({
  traitId: `aws.protocols#awsJson${version.replace(".", "_")}`,
  emitClient: (ctx) => emitAwsJsonClient(version, ctx),
  emitServer: (ctx) => emitAwsJsonServer(version, ctx),
  clientOperations: rpcClientOperations,
  names: (ctx) => [
    ...((ctx.options.targets ?? ["client"]).includes("client") ? clientNames(ctx, rpcClientOperations(ctx)) : []),
    ...((ctx.options.targets ?? []).includes("server") ? serverNames(ctx) : []),
  ],
});

export const awsJson1_0 = plugin("1.0");
export const awsJson1_1 = plugin("1.1");
