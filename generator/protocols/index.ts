// Protocols are plugins keyed by the id of their protocol trait. A service gets the protocol
// file of the protocol chosen with the `protocol` option, else of the first protocol in PROTOCOLS
// that it declares; adding a protocol means a new folder here and one line in PROTOCOLS.

import { CodegenError } from "../diagnostics.js";
import type { EmitContext, EmittedFile } from "../emit/context.js";
import type { Model, Shape } from "../model/model.js";
import { awsJson1_0, awsJson1_1 } from "./awsjson/plugin.js";
import { awsQuery, ec2Query } from "./query/plugin.js";
import { restJson1 } from "./restjson1/plugin.js";
import { restXml } from "./restxml/plugin.js";
import { rpcv2Cbor } from "./rpcv2cbor/plugin.js";

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

/**
 * The generator's preference order (wire-protocol-selection.rst asks a generator for one): the
 * established protocols before rpcv2Cbor, so that a model update adding rpcv2Cbor to a service
 * (as AWS is doing to awsJson services) does not change the wire protocol of its regenerated
 * package, and a package speaks what AWS SDK v3 speaks for such services. `protocol` picks another.
 */
export const PROTOCOLS: ReadonlyMap<string, ProtocolPlugin> = new Map([restJson1, awsJson1_0, awsJson1_1, restXml, awsQuery, ec2Query, rpcv2Cbor].map((p) => [p.traitId, p]));

/**
 * The plugin for the service's protocol: the one `requested` names (a trait id, or the name after
 * its `#`), else the first of PROTOCOLS the service declares; undefined when it declares none
 * supported. A requested protocol the service does not declare, or that has no plugin, is an error.
 */
export function protocolOf(service: Shape, requested?: string): ProtocolPlugin | undefined {
  if (requested === undefined) return [...PROTOCOLS.values()].find((plugin) => service.traits.has(plugin.traitId));
  const declared = [...service.traits.keys()].filter((id) => PROTOCOLS.has(id));
  const traitId = requested.includes("#") ? requested : declared.find((id) => id.slice(id.indexOf("#") + 1) === requested);
  const plugin = traitId === undefined || !service.traits.has(traitId) ? undefined : PROTOCOLS.get(traitId);
  if (plugin !== undefined) return plugin;
  const names = declared.map((id) => id.slice(id.indexOf("#") + 1));
  const why = traitId !== undefined && service.traits.has(traitId) ? "is not supported" : "is not a protocol the service declares";
  throw new CodegenError([{ shape: service.id, message: `protocol ${requested} ${why}; it declares ${names.length === 0 ? "none" : names.join(", ")}` }]);
}

/** The source emitter for src/protocol.ts; nothing when the service has no supported protocol or the client is not a target. */
export function emitProtocol(ctx: EmitContext): EmittedFile | undefined {
  if (!(ctx.options.targets ?? ["client"]).includes("client")) return undefined;
  return protocolOf(ctx.closure.service, ctx.options.protocol)?.emitClient(ctx);
}

/** The operations of the service's client (src/client.ts), or undefined when it gets none. */
export function clientOperationsOf(ctx: EmitContext): readonly ClientOperation[] | undefined {
  if (!(ctx.options.targets ?? ["client"]).includes("client")) return undefined;
  return protocolOf(ctx.closure.service, ctx.options.protocol)?.clientOperations?.(ctx);
}

/** The source emitter for src/server.ts, when "server" is a target and the protocol has a server side. */
export function emitServerProtocol(ctx: EmitContext): EmittedFile | undefined {
  if (!(ctx.options.targets ?? []).includes("server")) return undefined;
  return protocolOf(ctx.closure.service, ctx.options.protocol)?.emitServer?.(ctx);
}

/**
 * What the package says when it has no serde: the service declares no protocol with a plugin
 * here, only its own (trait shapes marked `@protocolDefinition`) or none.
 */
export function unsupportedProtocolNote(model: Model, service: Shape, requested?: string): string | undefined {
  if (protocolOf(service, requested) !== undefined) return undefined;
  const declared = [...service.traits.keys()].filter((id) => model.shapes.get(id)?.traits.has("smithy.api#protocolDefinition"));
  const what = declared.length > 0 ? `protocol ${declared.join(", ")} is not supported` : "the service declares no protocol this generator supports";
  return `${what}: this package has types, errors and validators, without serializers.`;
}
