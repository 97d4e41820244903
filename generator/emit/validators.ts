// validators.ts: `validate<Shape>`, `assertValid<Shape>` and a Standard Schema object for every
// structure and union that operation inputs reach, checking types and every constraint trait
// with Smithy server SDK messages. The checks are straight-line code (see validators/checks.ts).

import { CodegenError, printWarning, type Diagnostic } from "../diagnostics.js";
import { render } from "../render/templates.js";
import type { SymbolProvider } from "../symbols/symbol-provider.js";
import { header, typeImports, type EmitContext, type EmittedFile } from "./context.js";
import { CheckWriter, HELPERS, MAX_DEPTH, MAX_FAILURES } from "./validators/checks.js";
import { planValidators } from "./validators/plan.js";
import { RULES, typeName } from "./validators/rules.js";

/** The Standard Schema `vendor` of every generated validator. */
export const VALIDATOR_VENDOR = "smithy-ts-codegen";

export function emitValidators(ctx: EmitContext): EmittedFile {
  const { index, closure, symbols } = ctx;
  const plan = planValidators(index, closure);
  const owner = (what: string) => `the ${what} of the generated validators`;
  // The contract's names, unless a model shape already has one (five of the shared AWS models
  // define a ValidationException error): then the service-prefixed name.
  const Failure = claimWithFallback(symbols, "ValidationFailure", owner("failure type"));
  const Exception = claimWithFallback(symbols, "ValidationException", owner("exception"));
  const StandardSchema = claimWithFallback(symbols, "StandardSchemaV1", owner("Standard Schema interface"));

  const problems: Diagnostic[] = [];
  const exported = plan.exported.map((shape) => {
    const name = symbols.name(shape);
    const names = { validate: `validate${name}`, assert: `assertValid${name}`, schema: `${name}Schema` };
    symbols.claim(names.validate, `the validator of ${shape.id}`, problems);
    symbols.claim(names.assert, `the assertion of ${shape.id}`, problems);
    symbols.claim(names.schema, `the Standard Schema of ${shape.id}`, problems);
    return { shape, name, ...names };
  });
  if (problems.length > 0) throw new CodegenError(problems);

  const writer = new CheckWriter(index, plan, symbols, Failure, ctx.options.warn ?? printWarning);
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

  const modelTypes = new Set<string>();
  const errorTypes = new Set<string>();
  for (const { shape, name } of exported) (shape.traits.has("smithy.api#error") ? errorTypes : modelTypes).add(name);

  const content = render("validators.ts", {
    header: header(ctx),
    imports: [typeImports(errorTypes, "./errors.js"), typeImports(modelTypes, "./models.js")].filter(Boolean).join("\n"),
    Failure,
    Exception,
    StandardSchema,
    vendor: JSON.stringify(VALIDATOR_VENDOR),
    maxDepth: MAX_DEPTH,
    maxFailures: MAX_FAILURES,
    helpers: Object.fromEntries(HELPERS.map((h) => [h, writer.helpers.has(h)])),
    constants: [...writer.failures.constants, ...writer.constants],
    functions,
    exported: exportedViews,
  }, closure.service.id);
  return { path: "src/validators.ts", content };
}

function claimWithFallback(symbols: SymbolProvider, preferred: string, owner: string): string {
  const problems: Diagnostic[] = [];
  symbols.claim(preferred, owner, problems);
  if (problems.length === 0) return preferred;
  const fallback = `${symbols.serviceName}${preferred}`;
  const again: Diagnostic[] = [];
  symbols.claim(fallback, owner, again);
  if (again.length > 0) throw new CodegenError([...problems, ...again]);
  return fallback;
}
