// What the RPC protocols' servers (awsJson, rpcv2Cbor) share per operation: the input is the
// whole body, read strictly as one document by the protocol's reader, and the handler's switch
// takes the operation by its modeled name. Each protocol adds how it answers.

import type { EmitContext } from "../../emit/context.js";
import type { Shape } from "../../model/model.js";
import { nameOf } from "../../model/shape-id.js";
import type { OperationCode, ServerParts } from "./emit-server.js";

export interface RpcBody {
  /** The runtime function reading the body into a document (`jsonDocument`, `cborBody`). */
  readonly reader: string;
  /** What the body must be even when nothing is read: "a JSON document", "a CBOR map". */
  readonly kind: string;
  /** How a request for the operation is sent, for its reader's doc comment. */
  readonly sentAs: (operationName: string) => string;
}

/** An RPC operation's reading code; the caller adds `respond`. */
export function rpcOperationReading(ctx: EmitContext, parts: ServerParts, op: Shape, body: RpcBody): Omit<OperationCode, "respond"> {
  const { index, symbols } = ctx;
  const { runtime, strict } = parts;
  const name = symbols.name(op);
  const reader = `$read${name}`;
  const read = runtime.use("readBody");
  const document = runtime.use(body.reader);
  const members = strict.readMembers(index.shape(op.input!).members, "d", "o");
  return {
    // The request names the operation as modeled, whatever its TypeScript name.
    caseKey: JSON.stringify(nameOf(op.id)),
    readCall: `${reader}(await ${read}(request.body))`,
    deserializeDoc: `Reads the body of a ${name} request (sent as ${body.sentAs(nameOf(op.id))}; routing is the handler's); rejects with a ${symbols.serviceName}RequestError when it does not fit the model. Constraints are not checked here.`,
    deserializeStatements: [`return ${reader}(await ${read}(request.body));`],
    readerParams: "body: string | Uint8Array",
    readerStatements: members.length > 0
      ? [`const d = ${document}(body);`, ...members]
      : [`// Nothing is read, but the body must still be ${body.kind} (or empty).`, `${document}(body);`],
    serializeParam: index.shape(op.output!).members.length > 0 ? "output" : "_output",
    serializeThrows: false,
    writerStatements: [],
  };
}
