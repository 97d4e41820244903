// awsJson1_0 / awsJson1_1's server: routing by X-Amz-Target (runtime/awsjson/rpc.ts), the whole
// input read strictly from the JSON document, errors named by `__type` (the shape id in 1.0, the
// shape name in 1.1) and, for query-compatible services, `x-amzn-query-error`. The rest of
// server.ts is the shared server emitter's.

import type { EmitContext, EmittedFile } from "../../emit/context.js";
import { errorStatus } from "../../model/errors.js";
import type { Shape } from "../../model/model.js";
import { nameOf } from "../../model/shape-id.js";
import { emitServer, errorData, type ServerParts, type ServerProtocol } from "../server/emit-server.js";
import { rpcOperationReading } from "../server/rpc-operation.js";
import { UNIT } from "../transport/http-bindings/bindings.js";
import { isQueryCompatible, queryErrorHeader, type AwsJsonVersion } from "./quirks.js";
import type { RpcProtocol } from "../transport/rpc/client.js";

const awsJsonServer = (protocol: RpcProtocol, version: AwsJsonVersion): ServerProtocol => ({
  protocolId: protocol.traitId,
  routing: "routes by X-Amz-Target",
  handlerDoc: [
    "The service as one function from request to response: routes the request by X-Amz-Target",
    "(404 UnknownOperationException, 405 for a method other than POST, 415 for another",
    "Content-Type), reads its input (400 SerializationException), validates it (400",
    "ValidationException with Smithy's `fieldList`), calls the operation, and writes its output or",
    "modeled error.",
  ],
  errorDocuments: (runtime) => `${runtime.use("jsonErrorDocuments")}(${JSON.stringify(protocol.quirks.contentType)})`,
  honourJsonName: protocol.quirks.honourJsonName,
  code(ctx: EmitContext, parts: ServerParts) {
    const { index, closure } = ctx;
    const { runtime, json, stringify } = parts;
    const serviceName = nameOf(closure.service.id);
    const contentType = JSON.stringify(protocol.quirks.contentType);
    const queryCompatible = isQueryCompatible(closure.service);
    const routing = runtime.use("rpcRoutingResponse");
    return {
      route: [
        `const operation = ${runtime.use("rpcOperation")}({ method: request.method, path: request.path, headers: ${runtime.use("lowerCaseHeaders")}(request.headers) }, "${serviceName}", "${version}");`,
        `if (typeof operation !== "string") return ${routing}(operation, $errorDocuments);`,
      ],
      switchOn: "operation",
      unrouted: `${routing}({ status: 404, code: "UnknownOperationException", reason: \`${serviceName} has no operation \${operation}\` }, $errorDocuments)`,
      operation(op: Shape) {
        const output = index.shape(op.output!);
        return {
          ...rpcOperationReading(ctx, parts, op, { reader: "jsonDocument", kind: "a JSON document", sentAs: (operation) => `POST / with \`X-Amz-Target: ${serviceName}.${operation}\`` }),
          // A modeled output is always a JSON object (AwsJson10EmptyInputAndEmptyOutputSendJsonObject); no
          // modeled output is an empty body, its Content-Type still sent (AwsJson10ServiceRespondsWithNoPayload).
          respond: [
            "200",
            op.output === UNIT ? `{ "content-type": ${contentType} }` : "{}",
            output.members.length > 0 ? `${stringify}(${json.objectLiteral(output.members, "output", true)})` : op.output === UNIT ? `""` : `"{}"`,
            contentType,
          ].join(", "),
        };
      },
      errorWriter(error: Shape) {
        const members = error.members;
        const type = version === "1.0" ? error.id : nameOf(error.id);
        const fields = members.length === 0 ? "" : `, ${json.objectLiteral(members, "v", true).slice(2, -2)}`;
        const headers = queryCompatible ? queryErrorHeader(error) : "";
        return {
          param: members.length > 0 ? "e" : "_e",
          statements: members.length > 0 ? [`const v = ${errorData(error)};`] : [],
          respond: `${errorStatus(error)}, { ${headers} }, ${stringify}({ __type: ${JSON.stringify(type)}${fields} }), ${contentType}`,
        };
      },
      tables: () => [],
    };
  },
});

/** The server of awsJson `version` (its routing and `__type` differ by version). */
export const emitAwsJsonServer = (version: AwsJsonVersion) => (protocol: RpcProtocol, ctx: EmitContext): EmittedFile => emitServer(ctx, awsJsonServer(protocol, version));
