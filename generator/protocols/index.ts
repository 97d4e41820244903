// Protocols are plugins keyed by the id of their protocol trait. A service gets the protocol
// file of the first protocol in PROTOCOLS that it declares; adding a protocol means a new folder here
// and one line in PROTOCOLS.

import type { EmitContext, EmittedFile } from "../emit/context.js";
import type { Shape } from "../model/model.js";
import { awsJson1_0, awsJson1_1 } from "./awsjson/plugin.js";
import { awsQuery, ec2Query } from "./query/plugin.js";
import { restJson1 } from "./restjson1/plugin.js";
import { restXml } from "./restxml/plugin.js";

/** An operation as src/protocol.ts serves it to the client runtime (runtime/client/client.ts's `Operation`). */
export interface ClientOperation {
  readonly op: Shape;
  /** Its TypeScript name (a service `rename` applies): `<name>Command`, `paginate<name>`. */
  readonly name: string;
  /** `(input, endpoint) => HttpRequest` */
  readonly serialize: string;
  /** `(response) => Promise<output & MetadataBearer>`, rejecting with the modeled error classes */
  readonly deserialize: string;
}

export interface ProtocolPlugin {
  /** The protocol trait id, e.g. `aws.protocols#restJson1`. */
  readonly traitId: string;
  /** src/protocol.ts for a client: request serializers and response deserializers. */
  readonly emitClient: (ctx: EmitContext) => EmittedFile;
  /** src/server.ts for a server: request deserializers, response serializers, router, handler. */
  readonly emitServer?: ((ctx: EmitContext) => EmittedFile) | undefined;
  /**
   * The operations whose protocol.ts functions the client runtime can call as they are: a
   * protocol that has this gets src/client.ts (`<Service>Client`, commands…) when the client is a target.
   */
  readonly clientOperations?: ((ctx: EmitContext) => readonly ClientOperation[]) | undefined;
  /**
   * The top-level names its files declare for the targets generated, each with what owns it:
   * reserved with the symbol provider before any emitter runs, so no name is claimed while emitting.
   */
  readonly names: (ctx: EmitContext) => ReadonlyArray<readonly [name: string, owner: string]>;
}

export const PROTOCOLS: ReadonlyMap<string, ProtocolPlugin> = new Map([restJson1, awsJson1_0, awsJson1_1, restXml, awsQuery, ec2Query].map((p) => [p.traitId, p]));

/** The plugin for the service's protocol trait (registry order first), or undefined when none is supported. */
export function protocolOf(service: Shape): ProtocolPlugin | undefined {
  return [...PROTOCOLS.values()].find((plugin) => service.traits.has(plugin.traitId));
}

/** The source emitter for src/protocol.ts; nothing when the service has no supported protocol or the client is not a target. */
export function emitProtocol(ctx: EmitContext): EmittedFile | undefined {
  if (!(ctx.options.targets ?? ["client"]).includes("client")) return undefined;
  return protocolOf(ctx.closure.service)?.emitClient(ctx);
}

/** The operations of the service's client (src/client.ts), or undefined when it gets none. */
export function clientOperationsOf(ctx: EmitContext): readonly ClientOperation[] | undefined {
  if (!(ctx.options.targets ?? ["client"]).includes("client")) return undefined;
  return protocolOf(ctx.closure.service)?.clientOperations?.(ctx);
}

/** The source emitter for src/server.ts, when "server" is a target and the protocol has a server side. */
export function emitServerProtocol(ctx: EmitContext): EmittedFile | undefined {
  if (!(ctx.options.targets ?? []).includes("server")) return undefined;
  return protocolOf(ctx.closure.service)?.emitServer?.(ctx);
}

/** Protocol traits of AWS and Smithy that have no plugin here yet. */
const PROTOCOLS_NOT_YET_SUPPORTED = [
  "smithy.protocols#rpcv2Cbor",
];

/** What the package says when it has no serde: the service's protocol is not supported yet. */
export function unsupportedProtocolNote(service: Shape): string | undefined {
  if (protocolOf(service) !== undefined) return undefined;
  const declared = PROTOCOLS_NOT_YET_SUPPORTED.filter((id) => service.traits.has(id));
  const what = declared.length > 0 ? `protocol ${declared.join(", ")} is not supported yet` : "the service declares no protocol this generator supports";
  return `${what}: this package has types, errors and validators, without serializers.`;
}
