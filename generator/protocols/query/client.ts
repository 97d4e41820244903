// src/protocol.ts for an awsQuery or ec2Query client (aws-query-protocol.rst,
// aws-ec2-query-protocol.rst): every request is POST / with a form-urlencoded body (`Action`,
// `Version`, then the input's pairs: codec/query), every response XML (codec/xml) inside the
// protocol's wrapper, errors named by their `Code` (the `@awsQueryError` code, else the shape
// name) in `<ErrorResponse><Error>` or `<Response><Errors><Error>` (runtime/query/responses.ts).

import { FileImports } from "../../codegen/file-imports.js";
import type { RuntimeImports } from "../../codegen/runtime-imports.js";
import { CodegenError, type Diagnostic } from "../../diagnostics.js";
import { header, type EmitContext, type EmittedFile } from "../../emit/context.js";
import { errorFault, errorRetryable, messageMember } from "../../model/errors.js";
import type { Shape } from "../../model/model.js";
import { nameOf } from "../../model/shape-id.js";
import { render } from "../../render/templates.js";
import type { Protocol } from "../protocol.js";
import type { Codec } from "../codec/codec.js";
import type { RpcTransport } from "../transport/transport.js";
import { rpcRequestArgs } from "../transport/rpc/rpc.js";
import { clientFileImports, operationFileNames, hostPrefix, operationSetup, servedOperations } from "../client-operation.js";
import { awsQueryErrorCode } from "../awsjson/quirks.js";
import type { QueryWriteCode } from "../codec/query/query-write-code.js";
import type { XmlReadCode } from "../codec/xml/xml-read-code.js";
import { literalKey } from "../codec/json/values.js";

/** What a query dialect says besides its transport and codec: the wrappers around outputs and errors. */
export interface QueryQuirks {
  /** For the file's comment: the elements around an output. */
  readonly resultWrapper: string;
  /** For the file's comment: the elements around an error. */
  readonly errorWrapper: string;
  /** The expression finding the output's element in `body` (and the request id for `$metadata`). */
  readonly result: (runtime: RuntimeImports, action: string) => string;
}

export type QueryProtocol = Protocol<RpcTransport, Codec<QueryWriteCode, XmlReadCode>, QueryQuirks>;

export function emitQueryClient(protocol: QueryProtocol, ctx: EmitContext): EmittedFile {
  const { closure, symbols } = ctx;
  const { transport, codec, quirks } = protocol;
  const runtime = new FileImports(symbols, "protocol");
  const { writer, reader } = codec.code(ctx, runtime, { populateDefaults: ctx.options.populateDefaults === true, honourJsonName: false });
  const version = closure.service.version ?? "";
  const serviceName = nameOf(closure.service.id);
  const problems: Diagnostic[] = [];

  const operations = servedOperations(ctx, protocol.eventStreams).map((op) => {
    const { name, serialize, deserialize, inputType, outputType, reader: readerName, input, output } = operationSetup(op, ctx, runtime);
    const host = hostPrefix(op, input.members, runtime, problems);
    const action = nameOf(op.id);
    return {
      name,
      action,
      actionLiteral: JSON.stringify(action),
      serialize,
      deserialize,
      inputType,
      outputType,
      reader: readerName,
      writeStatements: writer.writeInput(input, "input", "f"),
      requestArgs: rpcRequestArgs(transport, serviceName, action, false, "f.toString()", codec.contentType, host),
      route: transport.route(serviceName, action),
      result: quirks.result(runtime, action),
      readerStatements: reader.readMembers(output.members, "e", "o"),
    };
  });
  if (problems.length > 0) throw new CodegenError(problems);

  const errors = errorCodes(closure.errors).map(({ code, error }) => {
    const message = messageMember(error);
    const retryable = errorRetryable(error);
    const statements = reader.readMembers(error.members.filter((m) => m !== message), "b", "o");
    const init = retryable === undefined ? "{}" : `{ $retryable: ${retryable} }`;
    const read = statements.length === 0 && retryable === undefined
      ? "undefined"
      : `(b: ${reader.elementType()}) => {\n      const o: any = ${init};\n      ${statements.join("\n      ")}\n      return o;\n    }`;
    const name = nameOf(error.id);
    const parts = [runtime.errorClass(error), `"${errorFault(error)}"`, ...(code === name ? (read === "undefined" ? [] : [read]) : [read, JSON.stringify(name)])];
    return { code: literalKey(code), entry: `[${parts.join(", ")}]` };
  });

  const shapeFunctions = [...writer.shapeFunctions(), ...reader.shapeFunctions()];
  const localNames = new Set([...shapeFunctions.map((f) => f.name), ...operations.map((o) => o.reader), "ERRORS", "VERSION"]);
  const imports = clientFileImports(ctx, runtime, localNames);
  const document = codec.errorDocument!;
  const names = operations.length === 0 ? {} : {
    ...operationFileNames(runtime),
    ResponseMetadata: runtime.smithyType("ResponseMetadata"),
    QueryForm: runtime.use("QueryForm"),
    errorDocument: `${document.key}: ${runtime.use(document.reader)},`,
  };

  const content = render("protocol-query.ts", {
    header: header(ctx),
    protocolId: protocol.traitId,
    errorWrapper: quirks.errorWrapper,
    resultWrapper: quirks.resultWrapper,
    version: JSON.stringify(version),
    runtimeImports: runtime.importLines(),
    ...imports,
    ...names,
    operations,
    shapeFunctions,
    errors,
  }, closure.service.id);
  return { path: "src/protocol.ts", content, runtime: runtime.modules() };
}

/**
 * The codes that name each error: its `@awsQueryError` code (what a service sends), else its shape
 * name; the shape name too when it differs and no other error claims it. The first error of a
 * code wins (the wire carries no namespace).
 */
function errorCodes(errors: readonly Shape[]): { code: string; error: Shape }[] {
  const byCode = new Map<string, Shape>();
  for (const error of errors) {
    const code = awsQueryErrorCode(error) ?? nameOf(error.id);
    if (!byCode.has(code)) byCode.set(code, error);
  }
  for (const error of errors) if (!byCode.has(nameOf(error.id))) byCode.set(nameOf(error.id), error);
  return [...byCode].map(([code, error]) => ({ code, error }));
}
