// The smithy.protocols#rpcv2Cbor plugin: awsJson's RPC client over CBOR, and the shared server emitter.

import type { ProtocolPlugin } from "../index.js";
import { clientNames, rpcClientOperations, emitRpcClient } from "../awsjson/client.js";
import { serverNames } from "../server/emit-server.js";
import { emitRpcv2CborServer } from "./server.js";
import { rpcv2CborWire } from "./wire.js";

export const rpcv2Cbor: ProtocolPlugin = {
  traitId: rpcv2CborWire.protocolId,
  emitClient: (ctx) => emitRpcClient(rpcv2CborWire, ctx),
  emitServer: emitRpcv2CborServer,
  clientOperations: rpcClientOperations,
  names: (ctx) => [
    ...((ctx.options.targets ?? ["client"]).includes("client") ? clientNames(ctx, rpcClientOperations(ctx)) : []),
    ...((ctx.options.targets ?? []).includes("server") ? serverNames(ctx) : []),
  ],
};
