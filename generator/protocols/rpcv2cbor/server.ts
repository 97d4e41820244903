// rpcv2Cbor's server (smithy-rpc-v2-cbor.rst): routing by `/service/<service>/operation/<op>`
// (runtime/rpcv2cbor/rpc.ts), the whole input read strictly from one CBOR map, errors named by
// their absolute shape id in `__type`, every response with `smithy-protocol: rpc-v2-cbor`, and
// the protocol's own errors as CBOR maps too (cborErrorDocuments). The rest of server.ts is the
// shared server emitter's.

import type { EmitContext, EmittedFile } from "../../emit/context.js";
import { errorStatus } from "../../model/errors.js";
import type { Shape } from "../../model/model.js";
import { nameOf } from "../../model/shape-id.js";
import { CborCode } from "../codec/cbor/cbor-code.js";
import { StrictCbor } from "../codec/cbor/strict-cbor.js";
import { emitServer, errorData, type ServerParts, type ServerProtocol } from "../server/emit-server.js";
import { rpcOperationReading } from "../server/rpc-operation.js";
import { UNIT } from "../transport/http-bindings/bindings.js";
import { isQueryCompatible, queryErrorHeader } from "../awsjson/quirks.js";
import type { RpcProtocol } from "../transport/rpc/client.js";

const SMITHY_PROTOCOL = `"smithy-protocol": "rpc-v2-cbor"`;

const rpcv2CborServer = (protocol: RpcProtocol): ServerProtocol => ({
  protocolId: protocol.traitId,
  routing: "routes by `/service/<service>/operation/<operation>`",
  handlerDoc: [
    "The service as one function from request to response: routes the request by its path",
    "(404 UnknownOperationException, also without `Smithy-Protocol: rpc-v2-cbor`; 405 for a method",
    "other than POST; 415 for another Content-Type), reads its input (400 SerializationException),",
    "validates it (400 ValidationException with Smithy's `fieldList`), calls the operation, and",
    "writes its output or modeled error.",
  ],
  errorDocuments: (runtime) => runtime.use("cborErrorDocuments"),
  honourJsonName: protocol.quirks.honourJsonName,
  codec: { write: CborCode, read: StrictCbor },
  code(ctx: EmitContext, parts: ServerParts) {
    const { index, closure } = ctx;
    const { runtime, json } = parts;
    const serviceName = nameOf(closure.service.id);
    const contentType = JSON.stringify(protocol.codec.contentType);
    const queryCompatible = isQueryCompatible(closure.service);
    const routing = runtime.use("rpcRoutingResponse");
    // Imported when a response is written with it (a service may have neither outputs nor errors).
    const message = (value: string) => `${runtime.use("cborMessage")}(${value})`;
    return {
      route: [
        `const operation = ${runtime.use("cborOperation")}({ method: request.method, path: request.path, headers: ${runtime.use("lowerCaseHeaders")}(request.headers) }, ${JSON.stringify(closure.service.id)});`,
        `if (typeof operation !== "string") return ${routing}(operation, $errorDocuments);`,
      ],
      switchOn: "operation",
      unrouted: `${routing}({ status: 404, code: "UnknownOperationException", reason: \`${serviceName} has no operation \${operation}\` }, $errorDocuments)`,
      operation(op: Shape) {
        const output = index.shape(op.output!);
        return {
          ...rpcOperationReading(ctx, parts, op, { reader: "cborBody", kind: "a CBOR map", sentAs: (operation) => `POST /service/${serviceName}/operation/${operation}` }),
          // No modeled output (Unit) is an empty body without a Content-Type; a structure is a map, empty or not.
          respond: [
            "200",
            `{ ${SMITHY_PROTOCOL} }`,
            op.output === UNIT ? `""` : message(output.members.length > 0 ? json.objectLiteral(output.members, "output", true) : "{}"),
            contentType,
          ].join(", "),
        };
      },
      errorWriter(error: Shape) {
        const members = error.members;
        const fields = members.length === 0 ? "" : `, ${json.objectLiteral(members, "v", true).slice(2, -2)}`;
        const headers = [SMITHY_PROTOCOL, ...(queryCompatible ? [queryErrorHeader(error)] : [])].join(", ");
        return {
          param: members.length > 0 ? "e" : "_e",
          statements: members.length > 0 ? [`const v = ${errorData(error)};`] : [],
          respond: `${errorStatus(error)}, { ${headers} }, ${message(`{ __type: ${JSON.stringify(error.id)}${fields} }`)}, ${contentType}`,
        };
      },
      tables: () => [],
    };
  },
});

export const emitRpcv2CborServer = (protocol: RpcProtocol, ctx: EmitContext): EmittedFile => emitServer(ctx, rpcv2CborServer(protocol));
