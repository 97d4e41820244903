// errors.ts: the service exception base class, one class per error shape, a type guard per
// error (instanceof breaks when two copies of a package are loaded), and each operation's
// union of modeled errors.

import { RuntimeImports } from "../codegen/runtime-imports.js";
import { CodegenError } from "../diagnostics.js";
import { errorFault, errorRetryable, messageMember } from "../model/errors.js";
import { operationErrors } from "../index/shape-index.js";
import { render } from "../render/templates.js";
import { ERROR_INSTANCE_PROPERTIES } from "../symbols/reserved.js";
import { IMPORTED } from "../symbols/symbol-provider.js";
import { header, importsFor, typeImports, type EmitContext, type EmittedFile } from "./context.js";
import { docComment, memberDocComment } from "./docs.js";
import { memberOptionality, propertySignature } from "./models.js";


export function emitErrors(ctx: EmitContext): EmittedFile {
  const { symbols, closure, options } = ctx;
  const uses = new Set<string>();
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
        signature: propertySignature(m.name, symbols.memberType(m, uses), memberOptionality(error, m, options.optionality)),
      })),
    };
  });
  const operations = closure.operations.map((op) => ({
    name: symbols.name(op),
    union: symbols.errorUnionName(op),
    errors: operationErrors(closure, op).map((e) => symbols.name(e)).sort(),
  }));
  // The base exception's code is runtime/client/service-exception.ts; the service's class extends it.
  const runtime = new RuntimeImports((name) => symbols.isClaimed(name));
  const base = {
    ServiceException: runtime.use("ServiceException"),
    ServiceExceptionOptions: runtime.use("ServiceExceptionOptions"),
    isServiceException: runtime.use("isServiceException"),
  };
  const content = render("errors.ts", {
    header: header(ctx),
    runtimeImports: runtime.importLines(),
    ...base,
    smithyImports: typeImports([`HttpResponse as ${IMPORTED.HttpResponse}`, `ResponseMetadata as ${IMPORTED.ResponseMetadata}`], "@smithy/types"),
    modelImports: importsFor(uses, "errors", symbols),
    base: symbols.serviceExceptionName,
    serviceId: closure.service.id,
    errors,
    operations,
    HttpResponse: IMPORTED.HttpResponse,
    ResponseMetadata: IMPORTED.ResponseMetadata,
  }, closure.service.id);
  return { path: "src/errors.ts", content, runtime: runtime.modules() };
}
