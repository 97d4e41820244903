// errors.ts: the service exception base class, one class per error shape, a type guard per
// error (instanceof breaks when two copies of a package are loaded), and each operation's
// union of modeled errors.

import { CodegenError } from "../diagnostics.js";
import { errorFault, errorRetryable, messageMember } from "../model/errors.js";
import { operationErrors } from "../index/shape-index.js";
import { render } from "../render/templates.js";
import { ERROR_INSTANCE_PROPERTIES } from "../symbols/reserved.js";
import { FileImports } from "../codegen/file-imports.js";
import { header, type EmitContext, type EmittedFile } from "./context.js";
import { docComment, memberDocComment } from "./docs.js";
import { memberOptionality, propertySignature } from "./models.js";


export function emitErrors(ctx: EmitContext): EmittedFile {
  const { symbols, closure, options } = ctx;
  const file = new FileImports(symbols, "errors");
  const HttpResponse = file.smithyType("HttpResponse");
  const ResponseMetadata = file.smithyType("ResponseMetadata");
  const errors = closure.errors.map((error) => {
    const message = messageMember(error);
    const members = error.members.filter((m) => m !== message);
    for (const m of members) {
      if (ERROR_INSTANCE_PROPERTIES.has(m.name) || m.name in Object.prototype) {
        throw new CodegenError([{ ...m.source, shape: m.id, message: `error member ${m.name} collides with the ${m.name} property every error instance has; rename the member` }]);
      }
    }
    return {
      name: symbols.name(error),
      guard: symbols.guardName(error),
      shapeName: error.id.slice(error.id.indexOf("#") + 1),
      doc: docComment(error.traits),
      fault: errorFault(error),
      httpStatus: typeof error.traits.get("smithy.api#httpError") === "number" ? String(error.traits.get("smithy.api#httpError")) : "",
      retryable: errorRetryable(error) ?? "",
      members: members.map((m) => ({
        name: m.name,
        doc: memberDocComment(m, ctx.index.target(m)),
        signature: propertySignature(m.name, file.memberType(m), memberOptionality(error, m, options.optionality)),
      })),
    };
  });
  const operations = closure.operations.map((op) => ({
    name: symbols.name(op),
    union: symbols.errorUnionName(op),
    errors: operationErrors(closure, op).map((e) => symbols.name(e)).sort(),
  }));
  // The base exception's code is runtime/client/service-exception.ts; the service's class extends it.
  const base = {
    ServiceException: file.use("ServiceException"),
    ServiceExceptionOptions: file.use("ServiceExceptionOptions"),
    isServiceException: file.use("isServiceException"),
  };
  const content = render("errors.ts", {
    header: header(ctx),
    imports: [file.importLines(), file.localImportLines()].filter(Boolean).join("\n"),
    ...base,
    base: symbols.serviceExceptionName,
    serviceId: closure.service.id,
    errors,
    operations,
    HttpResponse,
    ResponseMetadata,
  }, closure.service.id);
  return { path: "src/errors.ts", content, runtime: file.modules() };
}
