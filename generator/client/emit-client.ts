// src/client.ts: the service's client over the protocol's serializers, with SDK v3's names —
// `<Service>Client`, an `<Op>Command` per operation, the aggregated `<Service>` class with
// lowerCamel methods, `paginate<Op>` per @paginated operation, `waitUntil<Waiter>` per waiter.
// The runtime it extends is runtime/client/, copied into the package as src/runtime/client/.
// Only for a service whose protocol has serializers (it imports ./protocol.js).

import { CodegenError, type Diagnostic } from "../diagnostics.js";
import { header, importsFor, type EmitContext, type EmittedFile } from "../emit/context.js";
import { nameOf } from "../model/shape-id.js";
import { render } from "../render/templates.js";
import { helpersUsed, waiterViews, type WaiterView } from "./waiters.js";

/** Members of the runtime's Client an operation method must not shadow. */
const CLIENT_MEMBERS = new Set(["send", "destroy", "config", "systemClockOffset", "constructor"]);

/** The tokens of `smithy.api#paginated` (its `items` is not needed: pages are yielded whole). */
interface Paginated {
  inputToken?: string;
  outputToken?: string;
  pageSize?: string;
}

export function emitClient(ctx: EmitContext): EmittedFile {
  const { symbols, closure, options } = ctx;
  const service = closure.service;
  const problems: Diagnostic[] = [];
  const serviceName = symbols.serviceName;
  const clientName = `${serviceName}Client`;
  for (const [name, what] of [[clientName, "client class"], [`${clientName}Config`, "client config"], [serviceName, "aggregated client class"]]) {
    symbols.claim(name!, `the ${what} of ${service.id}`, problems);
  }
  const uses = new Set<string>();
  const serviceDefaults = (service.traits.get("smithy.api#paginated") ?? {}) as Paginated;
  const paginators: object[] = [];
  const waiters: (WaiterView & { command: string; commandInput: string })[] = [];
  const operations = closure.operations.map((op) => {
    const name = service.rename?.get(op.id) ?? nameOf(op.id);
    const aliases = symbols.operationAliases(op);
    const inputType = aliases.input ?? symbols.name(op.input!);
    const outputType = aliases.output ?? symbols.name(op.output!);
    uses.add(inputType);
    uses.add(outputType);
    const command = `${name}Command`;
    const method = name.charAt(0).toLowerCase() + name.slice(1);
    if (CLIENT_MEMBERS.has(method)) {
      problems.push({ ...op.source, message: `operation ${op.id}: its method ${method} would shadow the client's own ${method}; rename the operation with the service "rename" property` });
    }
    symbols.claim(command, `the command of ${op.id}`, problems, op.source);
    // bedrock's Converse: models.ts already names the output alias `<Op>CommandOutput` (a shape owns
    // `<Op>Output`); the command then uses that alias with `$metadata` added instead of declaring it.
    const commandInput = `${name}CommandInput`;
    const commandOutput = `${name}CommandOutput`;
    const declareInput = aliases.input !== commandInput;
    const declareOutput = aliases.output !== commandOutput;
    if (declareInput) symbols.claim(commandInput, `the command input of ${op.id}`, problems, op.source);
    if (declareOutput) symbols.claim(commandOutput, `the command output of ${op.id}`, problems, op.source);
    const view = {
      name,
      method,
      command,
      commandInput,
      declareInput,
      declareOutput,
      commandOutput,
      commandOutputType: declareOutput ? commandOutput : `${commandOutput} & __MetadataBearer`,
      inputType,
      outputType,
      serialize: `serialize${name}Request`,
      deserialize: `deserialize${name}Response`,
      doc: `${name}: sends a ${inputType} and resolves with its ${outputType} and \`$metadata\`.`,
    };
    const own = op.traits.get("smithy.api#paginated") as Paginated | undefined;
    if (own !== undefined) {
      const trait = { ...serviceDefaults, ...own };
      if (trait.inputToken === undefined || trait.outputToken === undefined) {
        problems.push({ ...op.source, message: `operation ${op.id}: @paginated needs inputToken and outputToken (on the operation or the service)` });
      } else {
        const fn = `paginate${name}`;
        symbols.claim(fn, `the paginator of ${op.id}`, problems, op.source);
        paginators.push({
          ...view,
          function: fn,
          inputToken: trait.inputToken,
          outputToken: `[${trait.outputToken.split(".").map((key) => JSON.stringify(key)).join(", ")}]`,
          pageSize: trait.pageSize === undefined ? "undefined" : JSON.stringify(trait.pageSize),
        });
      }
    }
    for (const waiter of waiterViews(op, problems)) {
      symbols.claim(waiter.function, `the waiter ${waiter.name} of ${op.id}`, problems, op.source);
      waiters.push({ ...waiter, command, commandInput });
    }
    return view;
  });
  if (problems.length > 0) throw new CodegenError(problems);
  const sigv4 = service.traits.get("aws.auth#sigv4") as { name?: string } | undefined;
  const content = render("client.ts", {
    header: header(ctx),
    modelImports: importsFor(uses, "client", symbols),
    protocolImports: operations.flatMap((o) => [o.serialize, o.deserialize]).sort().join(", "),
    serviceId: service.id,
    serviceName,
    clientName,
    exampleCommand: operations[0]?.command ?? "Command",
    signingName: sigv4?.name === undefined ? "undefined" : JSON.stringify(sigv4.name),
    userAgent: `${options.packageName}/${options.packageVersion}`,
    operations,
    paginators,
    waiters,
    jmespathHelpers: helpersUsed(waiters).join(", "),
  }, "src/client.ts");
  return { path: "src/client.ts", content };
}

