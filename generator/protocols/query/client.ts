// src/protocol.ts for an awsQuery or ec2Query client (aws-query-protocol.rst,
// aws-ec2-query-protocol.rst): every request is POST / with a form-urlencoded body (`Action`,
// `Version`, then the input's pairs: codec/query), every response XML (codec/xml) inside the
// protocol's wrapper, errors named by their `Code` (the `@awsQueryError` code, else the shape
// name) in `<ErrorResponse><Error>` or `<Response><Errors><Error>` (runtime/query/responses.ts).

import { FileImports } from "../../codegen/file-imports.js";
import { CodegenError, type Diagnostic } from "../../diagnostics.js";
import { header, type EmitContext, type EmittedFile } from "../../emit/context.js";
import { errorFault, errorRetryable, messageMember } from "../../model/errors.js";
import type { Shape } from "../../model/model.js";
import { nameOf } from "../../model/shape-id.js";
import { render } from "../../render/templates.js";
import { operationFileNames } from "../protocol-file-types.js";
import { parseHostPrefix } from "../transport/http-bindings/bindings.js";
import { operationNames } from "../awsjson/client.js";
import { awsQueryErrorCode } from "../awsjson/quirks.js";
import { QueryWriteCode, type QueryDialect } from "../codec/query/query-write-code.js";
import { XmlReadCode } from "../codec/xml/xml-read-code.js";
import { literalKey, readProperty } from "../codec/json/values.js";

export function emitQueryClient(dialect: QueryDialect, ctx: EmitContext): EmittedFile {
  const { index, closure, symbols } = ctx;
  const runtime = new FileImports(symbols, "protocol");
  const writer = new QueryWriteCode(index, symbols, runtime, dialect);
  const reader = new XmlReadCode(index, symbols, runtime);
  const version = closure.service.version ?? "";
  const problems: Diagnostic[] = [];

  const operations = closure.operations.map((op) => {
    const { opName, serialize, deserialize } = operationNames(op, ctx);
    const inputType = runtime.inputType(op);
    const outputType = runtime.outputType(op);
    const input = index.shape(op.input!);
    const output = index.shape(op.output!);
    // @endpoint(hostPrefix): literal text and @hostLabel members before the endpoint's host.
    const host = parseHostPrefix(op, input.members, problems)
      ?.map((p) => ("text" in p ? JSON.stringify(p.text) : `${runtime.use("hostLabel")}(${readProperty("input", p.member.name, () => runtime.use("own"))}, ${JSON.stringify(p.member.name)})`))
      .join(" + ");
    const action = nameOf(op.id);
    const result = dialect === "awsQuery"
      ? `${runtime.use("awsQueryResult")}(body, ${JSON.stringify(`${action}Result`)}, $metadata)`
      : `${runtime.use("ec2QueryResult")}(body, $metadata)`;
    return {
      name: opName,
      action,
      actionLiteral: JSON.stringify(action),
      serialize,
      deserialize,
      inputType,
      outputType,
      reader: `read${opName}Output`,
      writeStatements: writer.writeInput(input, "input", "f"),
      host: host ?? "",
      result,
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

  const base = runtime.serviceException();
  const shapeFunctions = [...writer.shapeFunctions(), ...reader.shapeFunctions()];
  const localNames = new Set([...shapeFunctions.map((f) => f.name), ...operations.map((o) => o.reader), "ERRORS", "VERSION"]);
  runtime.checkLocals(localNames, closure.service, "protocol.ts");
  const names = operations.length === 0 ? {} : {
    ...operationFileNames(runtime),
    ResponseMetadata: runtime.smithyType("ResponseMetadata"),
    QueryForm: runtime.use("QueryForm"),
    queryErrorBody: runtime.use("queryErrorBody"),
  };

  const content = render("protocol-query.ts", {
    header: header(ctx),
    protocolId: `aws.protocols#${dialect}`,
    errorWrapper: dialect === "awsQuery" ? "<ErrorResponse><Error>" : "<Response><Errors><Error>",
    resultWrapper: dialect === "awsQuery" ? "<OpResponse><OpResult>" : "<OpResponse>",
    version: JSON.stringify(version),
    runtimeImports: runtime.importLines(),
    localImports: runtime.localImportLines(),
    ...names,
    ServiceException: base,
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
