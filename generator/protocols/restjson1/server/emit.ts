// restJson1's server: routing by method and path over the @http traits (routes.ts), readers of
// labels, query, headers and payload (request.ts), writers of the bound output and errors
// (response.ts). The rest of server.ts is the shared server emitter's.

import type { EmitContext, EmittedFile } from "../../../emit/context.js";
import type { Shape } from "../../../model/model.js";
import { httpBindings } from "../../../index/http-bindings.js";
import { emitServer, type ServerParts, type ServerProtocol } from "../../server/emit-server.js";
import { HttpCode } from "../../transport/http-bindings/http-code.js";
import { readerStatements, responseContentType } from "./request.js";
import { errorType, errorWriter, outputWriter } from "./response.js";
import { routeLiteral, routeOf, routePriority } from "./routes.js";
import { StrictText } from "./strict-text.js";
import type { HttpProtocol } from "../../transport/http-bindings/client.js";
import type { JsonCode } from "../../codec/json/json-code.js";

const restJson1Server = (protocol: HttpProtocol<JsonCode, JsonCode>): ServerProtocol => ({
  protocolId: protocol.traitId,
  routing: "routes by method and path",
  handlerDoc: [
    "The service as one function from request to response: routes the request by method and path",
    "(404 UnknownOperationException, or 405 when only another method matches), reads its input",
    "(400 SerializationException, 406, 415), validates it (400 ValidationException with Smithy's",
    "`fieldList`), calls the operation, and writes its output or modeled error.",
  ],
  errorDocuments: (runtime) => `${runtime.use("jsonErrorDocuments")}(${JSON.stringify(protocol.codec.contentType)})`,
  honourJsonName: protocol.quirks.honourJsonName,
  code(ctx: EmitContext, parts: ServerParts, served: readonly Shape[]) {
    const { index, symbols } = ctx;
    const { runtime, json, strict } = parts;
    const http = new HttpCode(index, runtime, (shape) => json.typeOf(shape));
    const text = new StrictText(index, runtime);
    const bindings = httpBindings(index, ctx.closure);
    const requests = served.map((op) => bindings.request(op));
    const routes = served.map((op, i) => routeOf(op, requests[i]!));
    const headers = runtime.use("lowerCaseHeaders");
    const body = runtime.use("readBody");
    const queryValues = runtime.use("queryValues");
    const writer = { ...parts, http };
    return {
      route: [
        `const q = ${queryValues}(request.query);`,
        `const match = ${runtime.use("findRoute")}($ROUTES, $PRIORITY, request.method, request.path, q);`,
        `if (typeof match === "number") return ${runtime.use("routeErrorResponse")}(match, $errorDocuments);`,
      ],
      switchOn: "match.op",
      unrouted: `${runtime.use("routeErrorResponse")}(404, $errorDocuments)`,
      operation(op: Shape, i: number) {
        const name = symbols.name(op);
        const reader = `$read${name}`;
        const http_ = op.traits.get("smithy.api#http") as { method: string; uri: string };
        const output = outputWriter(op, ctx, writer);
        const accept = responseContentType(bindings.response(op.output), ctx);
        const read = (labels: string) => `${reader}(${headers}(request.headers), q, ${labels}, await ${body}(request.body))`;
        return {
          caseKey: String(i),
          readCall: read("match.labels"),
          deserializeDoc: `Reads a ${name} request (${http_.method} ${http_.uri}); rejects with a ${symbols.serviceName}RequestError when it does not fit the model. Constraints are not checked here.`,
          deserializeStatements: [
            `const q = ${queryValues}(request.query);`,
            `const labels = ${runtime.use("matchRoute")}($ROUTES[${i}]!, ${runtime.use("pathSegments")}(request.path), q);`,
            `if (labels === undefined) throw ${runtime.use("unknownOperation")}("not a ${name} request");`,
            `return ${read("labels")};`,
          ],
          readerParams: `h: ${runtime.smithyType("HeaderBag")}, q: Record<string, string[]>, labels: readonly string[], body: string | Uint8Array`,
          readerStatements: readerStatements(requests[i]!, accept, ctx, { json: strict, text, runtime }),
          serializeParam: "output",
          serializeThrows: true,
          writerStatements: [`const headers: ${runtime.smithyType("HeaderBag")} = {};`, ...output.statements],
          respond: output.respond,
        };
      },
      errorWriter(error: Shape) {
        const { statements, respond } = errorWriter(error, ctx, writer);
        return { param: "e", statements: [`const headers: ${runtime.smithyType("HeaderBag")} = { "x-amzn-errortype": ${JSON.stringify(errorType(error))} };`, ...statements], respond };
      },
      tables: () => [
        "// Routes, in operation order; $PRIORITY tries the most specific first (http-bindings.rst).\n" +
        `const $ROUTES: readonly ${runtime.use("Route")}[] = [\n${routes.map((r, i) => `  /* ${symbols.name(served[i]!)} */ ${routeLiteral(r)},`).join("\n")}\n];`,
        `const $PRIORITY: readonly number[] = [${routePriority(routes).join(", ")}];`,
      ],
    };
  },
});

export const emitRestJson1Server = (protocol: HttpProtocol<JsonCode, JsonCode>, ctx: EmitContext): EmittedFile => emitServer(ctx, restJson1Server(protocol));
