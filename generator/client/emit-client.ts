// src/client.ts: the service's client over the protocol's serializers, with SDK v3's names —
// `<Service>Client`, an `<Op>Command` per operation, the aggregated `<Service>` class with
// lowerCamel methods, `paginate<Op>` per @paginated operation, `waitUntil<Waiter>` per waiter.
// The runtime it extends is runtime/client/, copied into the package as src/runtime/client/;
// a signing client imports the signer (and so @smithy/signature-v4) only on its first send.
// The pipeline reserves `clientNames` before any emitter runs, then calls `emitClient`.

import { CodegenError, type Diagnostic } from "../diagnostics.js";
import { clientAuth } from "../model/auth.js";
import type { Model, Shape } from "../model/model.js";
import { FileImports } from "../codegen/file-imports.js";
import { header, type EmitContext, type EmittedFile } from "../emit/context.js";
import type { ClientOperation } from "../protocols/index.js";
import { requestCompressionOf } from "../index/request-compression.js";
import { isS3 } from "../protocols/restxml/s3.js";
import { render } from "../render/templates.js";
import { waiterViews, type WaiterView } from "./waiters.js";

/** Members of the runtime's Client an operation method must not shadow. */
const CLIENT_MEMBERS = new Set(["send", "destroy", "config", "systemClockOffset", "constructor"]);

/** The runtime's types client.ts re-exports (SDK v3's packages export them too), by what needs them. */
const REEXPORTED = {
  client: ["ClientConfig", "Interceptor", "InterceptorContext", "SendOptions", "NodeHttpHandlerOptions"],
  paginators: ["PaginationConfiguration"],
  waiters: ["WaiterConfiguration", "WaiterResult"],
} as const;

/** The runtime's classes client.ts re-exports: the transport a Node user may ask for instead of fetch. */
const REEXPORTED_VALUES = ["NodeHttpHandler"];

const REEXPORTED_NAMES: readonly string[] = [...Object.values(REEXPORTED).flat(), ...REEXPORTED_VALUES];

/** The tokens of `smithy.api#paginated` (its `items` is not needed: pages are yielded whole). */
interface Paginated {
  inputToken?: string;
  outputToken?: string;
  pageSize?: string;
}

/**
 * Everything client.ts declares, with what owns each name, and what it needs to be written; the
 * types and functions it names from sibling modules are recorded in `file`.
 */
function plan(ctx: EmitContext, clientOperations: readonly ClientOperation[], file: FileImports) {
  const { symbols, closure } = ctx;
  const service = closure.service;
  const problems: Diagnostic[] = [];
  const names: Array<[string, string]> = [];
  const serviceName = symbols.serviceName;
  const clientName = `${serviceName}Client`;
  names.push([clientName, `the client class of ${service.id}`], [`${clientName}Config`, `the client config of ${service.id}`], [serviceName, `the aggregated client class of ${service.id}`]);
  const serviceDefaults = (service.traits.get("smithy.api#paginated") ?? {}) as Paginated;
  const rules = service.traits.has("smithy.rules#endpointRuleSet");
  const paginators: object[] = [];
  const waiters: (WaiterView & { command: string; commandInput: string })[] = [];
  const operations = clientOperations.map(({ op, name, serialize, deserialize }) => {
    const aliases = symbols.operationAliases(op);
    const inputType = file.inputType(op);
    const outputType = file.outputType(op);
    const command = `${name}Command`;
    const method = name.charAt(0).toLowerCase() + name.slice(1);
    if (CLIENT_MEMBERS.has(method)) {
      problems.push({ ...op.source, message: `operation ${op.id}: its method ${method} would shadow the client's own ${method}; rename the operation with the service "rename" property` });
    }
    // The endpoints module keys an operation's parameters by its symbol; the client looks them up by `name`.
    if (rules && symbols.name(op) !== name) {
      problems.push({ ...op.source, message: `operation ${op.id}: its name ${name} is reserved in TypeScript, so its endpoint parameters could not be found by it; rename the operation with the service "rename" property` });
    }
    names.push([command, `the command of ${op.id}`]);
    // bedrock's Converse: models.ts already names the output alias `<Op>CommandOutput` (a shape owns
    // `<Op>Output`); the command then uses that alias with `$metadata` added instead of declaring it.
    const commandInput = `${name}CommandInput`;
    const commandOutput = `${name}CommandOutput`;
    const declareInput = aliases.input !== commandInput;
    const declareOutput = aliases.output !== commandOutput;
    if (declareInput) names.push([commandInput, `the command input of ${op.id}`]);
    if (declareOutput) names.push([commandOutput, `the command output of ${op.id}`]);
    // @requestCompression: the command's operation compresses its request (runtime/client/compression.ts).
    const encodings = requestCompressionOf(ctx.index, op, problems);
    const view = {
      name,
      encodings: encodings === undefined ? undefined : JSON.stringify(encodings),
      method,
      command,
      commandInput,
      declareInput,
      declareOutput,
      commandOutput,
      commandOutputType: declareOutput ? commandOutput : `${commandOutput} & __MetadataBearer`,
      inputType,
      outputType,
      serialize: file.value("protocol", serialize),
      deserialize: file.value("protocol", deserialize),
      signing: signingProperties(ctx.index.model, service, op),
      doc: `${name}: sends a ${inputType} and resolves with its ${outputType} and \`$metadata\`.`,
    };
    const own = op.traits.get("smithy.api#paginated") as Paginated | undefined;
    if (own !== undefined) {
      const trait = { ...serviceDefaults, ...own };
      if (trait.inputToken === undefined || trait.outputToken === undefined) {
        problems.push({ ...op.source, message: `operation ${op.id}: @paginated needs inputToken and outputToken (on the operation or the service)` });
      } else {
        const fn = `paginate${name}`;
        names.push([fn, `the paginator of ${op.id}`]);
        paginators.push({
          ...view,
          function: fn,
          inputToken: trait.inputToken,
          outputToken: `[${trait.outputToken.split(".").map((key) => JSON.stringify(key)).join(", ")}]`,
          pageSize: trait.pageSize === undefined ? "undefined" : JSON.stringify(trait.pageSize),
        });
      }
    }
    for (const waiter of waiterViews(op, problems, (helper) => file.use(helper))) {
      names.push([waiter.function, `the waiter ${waiter.name} of ${op.id}`]);
      waiters.push({ ...waiter, command, commandInput });
    }
    return view;
  });
  const reexported: string[] = [
    ...REEXPORTED.client,
    ...(paginators.length > 0 ? REEXPORTED.paginators : []),
    ...(waiters.length > 0 ? REEXPORTED.waiters : []),
  ];
  for (const name of [...reexported, ...REEXPORTED_VALUES]) names.push([name, `the client runtime's ${name}, re-exported by the client of ${service.id}`]);
  return { names, problems, serviceName, clientName, rules, operations, paginators, waiters, reexported };
}

/** The top-level names client.ts declares or re-exports, with their owners; throws on an operation the client cannot hold. */
export function clientNames(ctx: EmitContext, operations: readonly ClientOperation[]): Array<[string, string]> {
  const { names, problems } = plan(ctx, operations, new FileImports(ctx.symbols));
  if (problems.length > 0) throw new CodegenError(problems);
  return names;
}

export function emitClient(ctx: EmitContext, clientOperations: readonly ClientOperation[]): EmittedFile {
  const { symbols, closure, options } = ctx;
  const service = closure.service;
  // The runtime's names are aliased (`$Name`) only where a model type holds them; its re-exports
  // keep theirs (reserved; each is used only where it is re-exported).
  const runtime = new FileImports(symbols, undefined, (name) => symbols.isClaimed(name) && !REEXPORTED_NAMES.includes(name));
  const { serviceName, clientName, rules, operations, paginators, waiters, reexported } = plan(ctx, clientOperations, runtime);
  const compresses = operations.some((o) => o.encodings !== undefined);
  const values = [
    "Client",
    "Command",
    ...(paginators.length > 0 ? ["paginate"] : []),
    ...(waiters.length > 0 ? ["waitUntil"] : []),
    ...(compresses ? ["CompressionConfig", "withCompressionConfig", "compressRequest"] : []),
  ];
  for (const name of [...reexported, ...REEXPORTED_VALUES, ...values]) runtime.use(name);
  runtime.smithyType("MetadataBearer");
  const sigv4 = service.traits.get("aws.auth#sigv4") as { name: string } | undefined;
  // S3's signer leaves the path as it is (runtime/client/sigv4.ts), as SDK v3 signs S3.
  const signer = sigv4 === undefined ? undefined : { signingName: JSON.stringify(sigv4.name), module: JSON.stringify(runtime.lazy("sigv4Signer")), factory: isS3(service) ? "s3Signer" : "sigv4Signer" };
  const content = render("client.ts", {
    header: header(ctx),
    runtimeImports: runtime.importLines(),
    modelImports: runtime.localImportLines(["errors", "models"]),
    protocolImports: runtime.localImportLines(["protocol"]),
    endpointImports: rules ? "configEndpointParams, operationEndpointParams, resolveEndpoint, withOperationParams" : "",
    rt: runtime.names(),
    reexports: reexported.join(", "),
    reexportedValues: REEXPORTED_VALUES.join(", "),
    serviceId: service.id,
    serviceName,
    clientName,
    compresses,
    exampleCommand: operations[0]?.command ?? "Command",
    sigv4: signer,
    userAgent: `${options.packageName}/${options.packageVersion}`,
    operations,
    paginators,
    waiters,
  }, "src/client.ts");
  return { path: "src/client.ts", content, runtime: runtime.modules() };
}

/** The Operation properties that say how the client signs the operation, when not as every other: `, auth: "none"`… */
function signingProperties(model: Model, service: Shape, op: Shape): string {
  const auth = clientAuth(model, service, op);
  return [
    ...(auth === "sigv4" ? [] : [`auth: "${auth}"`]),
    ...(auth !== "none" && op.traits.has("aws.auth#unsignedPayload") ? ["unsignedPayload: true"] : []),
  ].map((property) => `, ${property}`).join("");
}
