// The aws.protocols#restJson1 plugin (aws-restjson1-protocol.rst): JSON documents, HTTP bindings.

import type { ProtocolPlugin } from "../index.js";
import { clientNames, clientOperations, emitRestJson1Client } from "./client.js";
import { emitRestJson1Server } from "./server/emit.js";
import { serverNames } from "../server/emit-server.js";

export const restJson1: ProtocolPlugin = {
  traitId: "aws.protocols#restJson1",
  emitClient: emitRestJson1Client,
  emitServer: emitRestJson1Server,
  clientOperations,
  names: (ctx) => [
    ...((ctx.options.targets ?? ["client"]).includes("client") ? clientNames(ctx) : []),
    ...((ctx.options.targets ?? []).includes("server") ? serverNames(ctx) : []),
  ],
};
