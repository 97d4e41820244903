// A protocol composed of layers: a transport, a codec, whether it frames event streams, and its
// own quirks as data. `compose` makes the registry's plugin (index.ts) from one: its client file
// from the transport's client emitter, its server from the shared server emitter, the names
// both declare.

import type { EmitContext, EmittedFile } from "../emit/context.js";
import { serverNames } from "./server/emit-server.js";
import type { Codec } from "./codec/codec.js";
import type { ProtocolPlugin } from "./index.js";
import type { Transport } from "./transport/transport.js";
import { clientNames, clientOperations } from "./client-operation.js";

export interface Protocol<T extends Transport = Transport, C extends Codec<any, any> = Codec<any, any>, Q = unknown> {
  /** The protocol trait id, e.g. `aws.protocols#restJson1`. */
  readonly traitId: string;
  /** Its short name, for comments. */
  readonly name: string;
  readonly transport: T;
  readonly codec: C;
  /** Whether its operations with event streams get serde (the framing of eventstream/); else the client file names them as not served. */
  readonly eventStreams: boolean;
  /** What the protocol says besides its layers: error-code rules, content types, `@jsonName` honoured or not… */
  readonly quirks: Q;
}

/** The plugin of `protocol`: `client` writes its src/protocol.ts, `server` (when it has one) src/server.ts. */
export function compose<P extends Protocol>(
  protocol: P,
  client: (protocol: P, ctx: EmitContext) => EmittedFile,
  server?: (protocol: P, ctx: EmitContext) => EmittedFile,
): ProtocolPlugin {
  const targets = (ctx: EmitContext) => ctx.options.targets ?? ["client"];
  return {
    traitId: protocol.traitId,
    emitClient: (ctx) => client(protocol, ctx),
    emitServer: server === undefined ? undefined : (ctx) => server(protocol, ctx),
    clientOperations: (ctx) => clientOperations(ctx, protocol.eventStreams),
    names: (ctx) => [
      ...(targets(ctx).includes("client") ? clientNames(ctx, protocol.eventStreams) : []),
      ...(server !== undefined && targets(ctx).includes("server") ? serverNames(ctx) : []),
    ],
  };
}
