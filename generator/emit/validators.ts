// validators.ts: `validate<Shape>`, `assertValid<Shape>` and a Standard Schema object for every
// structure and union that operation inputs reach, checking types and every constraint trait
// with Smithy server SDK messages. The checks are straight-line code (see validators/checks.ts);
// what they call is runtime/validators/.

import { FileImports } from "../codegen/file-imports.js";
import { printWarning } from "../diagnostics.js";
import { render } from "../render/templates.js";
import { header, type EmitContext, type EmittedFile } from "./context.js";
import { CheckWriter } from "./validators/checks.js";
import { planValidators } from "./validators/plan.js";
import { RULES, typeName } from "./validators/rules.js";

export function emitValidators(ctx: EmitContext): EmittedFile {
  const { index, closure, symbols } = ctx;
  const plan = planValidators(index, closure);
  const { Failure, Exception, StandardSchema } = symbols.validation;
  const runtime = new FileImports(symbols, "validators");
  const exported = plan.exported.map((shape) => ({ shape, name: runtime.shape(shape), ...symbols.validatorNames(shape) }));

  const writer = new CheckWriter(index, plan, symbols, runtime, Failure, ctx.options.warn ?? printWarning);
  const functions = writer.checkFunctions(plan.exported);
  const exportedViews = exported.map(({ shape, name, validate, assert, schema }) => ({
    shapeId: shape.id,
    type: name,
    validate,
    assert,
    schema,
    call: writer.rootCall(shape, "value as Record<string, unknown>"),
    typeRule: writer.failures.rule("type", RULES.type(typeName(shape))),
    unreadableRule: writer.failures.rule("type", RULES.unreadable),
  }));
  const fileRuntime = ["ConstraintFailure", "ValidationError", "StandardSchema", ...(exported.length > 0 ? ["addFailure", "standardSchema"] : [])];
  const rt = Object.fromEntries(fileRuntime.map((n) => [n, runtime.use(n)]));

  const content = render("validators.ts", {
    header: header(ctx),
    imports: [runtime.importLines(), runtime.localImportLines()].filter(Boolean).join("\n"),
    Failure,
    Exception,
    StandardSchema,
    rt,
    constants: [...writer.failures.constants, ...writer.constants],
    functions,
    exported: exportedViews,
  }, closure.service.id);
  return { path: "src/validators.ts", content, runtime: runtime.modules() };
}
