// The smithy.protocols#rpcv2Cbor plugin: awsJson's RPC client and server over the CBOR codec.

import type { ProtocolPlugin } from "../index.js";
import { clientNames, clientOperations, emitRpcClient } from "../awsjson/client.js";
import { emitRpcServer, serverNames } from "../awsjson/server.js";
import { rpcv2CborWire } from "./wire.js";

export const rpcv2Cbor: ProtocolPlugin = {
  traitId: rpcv2CborWire.protocolId,
  emitClient: (ctx) => emitRpcClient(rpcv2CborWire, ctx),
  emitServer: (ctx) => emitRpcServer(rpcv2CborWire, ctx),
  clientOperations,
  names: (ctx) => [
    ...((ctx.options.targets ?? ["client"]).includes("client") ? clientNames(ctx) : []),
    ...((ctx.options.targets ?? []).includes("server") ? serverNames(ctx) : []),
  ],
};
