// `src/endpoints.ts` for a service with a `smithy.rules#endpointRuleSet`: the parameters type,
// `resolveEndpoint(params)` (the rules compiled to code, results cached), what the client's
// config and each operation's input contribute to the parameters; plus the runtime modules the
// compiled rules call, copied from runtime/endpoints/ into src/runtime/endpoints/.

import { CodegenError } from "../../diagnostics.js";
import { FileImports } from "../../codegen/file-imports.js";
import { type EmitContext, type EmittedFile, header } from "../../emit/context.js";
import { isIdentifier } from "../../model/shape-id.js";
import type { Shape } from "../../model/model.js";
import { compileRules, parameterKind, type RuleSet } from "./compile-rules.js";
import { compileContextPath } from "./context-paths.js";

const RULE_SET = "smithy.rules#endpointRuleSet";

/** SDK v3's client config key for each built-in parameter the AWS rule sets use. */
export const BUILT_IN_CONFIG: Readonly<Record<string, string>> = {
  "AWS::Region": "region",
  "AWS::UseFIPS": "useFipsEndpoint",
  "AWS::UseDualStack": "useDualstackEndpoint",
  "SDK::Endpoint": "endpoint",
  "AWS::Auth::AccountId": "accountId",
  "AWS::Auth::AccountIdEndpointMode": "accountIdEndpointMode",
  "AWS::S3::ForcePathStyle": "forcePathStyle",
  "AWS::S3::Accelerate": "useAccelerateEndpoint",
  "AWS::S3::UseGlobalEndpoint": "useGlobalEndpoint",
  "AWS::S3::DisableMultiRegionAccessPoints": "disableMultiregionAccessPoints",
  "AWS::S3::UseArnRegion": "useArnRegion",
  "AWS::STS::UseGlobalEndpoint": "useGlobalEndpoint",
};

const EXPORTED = ["EndpointParameters", "EndpointOptions", "EndpointConfig", "resolveEndpoint", "withOperationParams", "configEndpointParams", "operationEndpointParams"];

const TS_TYPE = { string: "string", bool: "boolean", stringArray: "string[]" } as const;

/**
 * The names endpoints.ts exports, reserved before any emitter runs: they are re-exported from
 * index.ts beside the model's, so a shape with one of them fails generation.
 */
export function endpointNames(ctx: EmitContext): Array<[string, string]> {
  const service = ctx.closure.service;
  return service.traits.has(RULE_SET) ? EXPORTED.map((name) => [name, `the endpoints module of ${service.id}`]) : [];
}

/** The endpoints module and the runtime it calls, or nothing when the service has no rule set. */
export function emitEndpoints(ctx: EmitContext): EmittedFile | undefined {
  const service = ctx.closure.service;
  const ruleSet = service.traits.get(RULE_SET) as RuleSet | undefined;
  if (ruleSet === undefined) return undefined;
  const where = service.id;
  const compiled = compileRules(ruleSet, where);
  const params = Object.entries(ruleSet.parameters).map(([name, def]) => ({ name, def, kind: parameterKind(def?.type, name, where) }));
  const file = new FileImports(ctx.symbols, "endpoints");
  const operations = ctx.closure.operations.map((op) => operationParams(ctx, op, ruleSet, file)).filter((o) => o !== undefined);
  const clientContext = Object.keys((service.traits.get("smithy.rules#clientContextParams") as Record<string, unknown> | undefined) ?? {});

  const configKeys = new Map<string, string>(); // config key → parameter
  for (const { name, def } of params) {
    const key = def.builtIn !== undefined ? BUILT_IN_CONFIG[def.builtIn] : clientContext.includes(name) ? lowerCamel(name) : undefined;
    if (def.builtIn !== undefined && key === undefined) {
      throw new CodegenError([{ shape: where, message: `${RULE_SET}: parameter ${name} has the built-in ${def.builtIn}, which the generator does not know (known: ${Object.keys(BUILT_IN_CONFIG).join(", ")})` }]);
    }
    if (key === undefined) continue;
    const other = configKeys.get(key);
    if (other !== undefined) {
      throw new CodegenError([{ shape: where, message: `${RULE_SET}: parameters ${other} and ${name} would both be set by the config key ${key}` }]);
    }
    configKeys.set(key, name);
  }
  const cacheable = params.filter((p) => p.kind !== "stringArray");
  const field = (p: string) => `params${isIdentifier(p) ? `.${p}` : `[${JSON.stringify(p)}]`}`;
  const functions = [...compiled.runtime].filter((f) => f !== "partition").sort();

  const source = [
    header(ctx),
    "",
    `import type { EndpointObjectProperty, EndpointV2 } from "@smithy/types";`,
    file.localImportLines(),
    functions.length > 0 ? `import { ${functions.join(", ")} } from "./runtime/endpoints/functions.js";` : "",
    compiled.runtime.has("partition")
      ? `import { partition, type PartitionData } from "./runtime/endpoints/partition.js";`
      : `import type { PartitionData } from "./runtime/endpoints/partition.js";`,
    "",
    `/** The parameters of ${service.id}'s endpoint rule set. */`,
    `export interface EndpointParameters {`,
    ...params.map(({ name, def, kind }) => `${doc(def.documentation)}${propertyKey(name)}?: ${TS_TYPE[kind]} | undefined;`),
    `}`,
    "",
    `export interface EndpointOptions {`,
    `  /** Partition data to use instead of the data the package was generated with: a parsed partitions.json. */`,
    `  readonly partitions?: PartitionData | undefined;`,
    `}`,
    "",
    `/** Node ≥ 20's and browsers' global; declared because the package compiles without the DOM library. */`,
    `declare const URL: new (url: string) => EndpointV2["url"];`,
    "",
    `/** What the rules give: the properties as written, auth schemes too (without @smithy/types' \`AuthScheme.properties\`). */`,
    `interface RuleEndpoint {`,
    `  readonly url: EndpointV2["url"];`,
    `  readonly headers?: Record<string, string[]>;`,
    `  readonly properties?: Record<string, EndpointObjectProperty>;`,
    `}`,
    "",
    `const cache = new Map<string, EndpointV2>();`,
    "",
    `/**`,
    ` * The endpoint the rule set gives for these parameters; throws an Error with the rule set's`,
    ` * message when it gives an error. Results are cached (up to 50 parameter sets); callers must not`,
    ` * mutate the returned object.`,
    ` */`,
    `export function resolveEndpoint(params: EndpointParameters, options?: EndpointOptions): EndpointV2 {`,
    `  if (options?.partitions !== undefined${params.filter((p) => p.kind === "stringArray").map((p) => ` || ${field(p.name)} !== undefined`).join("")}) return decide(params, options?.partitions) as EndpointV2;`,
    // Length-prefixed strings make the key injective: no two parameter sets share one.
    `  const key = ${cacheable.length === 0 ? `""` : ""}${cacheable.map((p) => (p.kind === "string" ? `(${field(p.name)} === undefined ? "-" : \`\${${field(p.name)}.length}:\${${field(p.name)}}\`)` : `String(${field(p.name)})`)).join(" + ")};`,
    `  let endpoint = cache.get(key);`,
    `  if (endpoint === undefined) {`,
    `    endpoint = decide(params, undefined) as EndpointV2;`,
    `    if (cache.size >= 50) cache.clear();`,
    `    cache.set(key, endpoint);`,
    `  }`,
    `  return endpoint;`,
    `}`,
    "",
    `function decide(params: EndpointParameters, ${compiled.runtime.has("partition") ? "partitions" : "_partitions"}: PartitionData | undefined): RuleEndpoint {`,
    compiled.body,
    `}`,
    "",
    `/** \`base\` with every parameter \`own\` sets (an undefined value leaves the base's). */`,
    `export function withOperationParams(base: EndpointParameters, own: EndpointParameters): EndpointParameters {`,
    `  const params: Record<string, unknown> = { ...base };`,
    `  for (const [name, value] of Object.entries(own)) if (value !== undefined) params[name] = value;`,
    `  return params;`,
    `}`,
    "",
    `/** SDK v3's client config keys for the built-in and client context parameters. */`,
    `export interface EndpointConfig {`,
    ...[...configKeys].map(([key, name]) => `  ${key}?: ${TS_TYPE[params.find((p) => p.name === name)!.kind]} | undefined;`),
    `}`,
    "",
    `/** The parameters the client's config sets (built-ins and client context parameters). */`,
    `export function configEndpointParams(config: EndpointConfig): EndpointParameters {`,
    `  const params: EndpointParameters = {};`,
    ...[...configKeys].map(([key, name]) => `  if (config.${key} !== undefined) ${field(name)} = config.${key};`),
    `  return params;`,
    `}`,
    "",
    `/**`,
    ` * Per operation, the parameters its input sets (contextParam members, operationContextParams`,
    ` * paths) and its staticContextParams. They take precedence over the config's: merge them with`,
    ` * \`withOperationParams(configEndpointParams(config), operationEndpointParams.<Op>(input))\`.`,
    ` */`,
    `export const operationEndpointParams = {`,
    ...operations.map((o) => `  ${o.name}: (${o.usesInput ? "input" : "_input"}: ${o.inputType}): EndpointParameters => ${o.body},`),
    `};`,
    "",
  ].join("\n");
  // The compiled rules always import the partition module (for its data type); the functions only when called.
  const runtime = ["endpoints/partition", ...(functions.length > 0 ? ["endpoints/functions"] : [])];
  return { path: "src/endpoints.ts", content: source, runtime };
}

function operationParams(ctx: EmitContext, op: Shape, ruleSet: RuleSet, file: FileImports) {
  const name = ctx.symbols.name(op);
  const known = (param: string, trait: string) => {
    if (ruleSet.parameters[param] === undefined) {
      throw new CodegenError([{ ...op.source, shape: op.id, message: `${trait} sets ${param}, which is not a parameter of the service's endpoint rule set` }]);
    }
    return isIdentifier(param) ? param : JSON.stringify(param);
  };
  const assignments: string[] = [];
  const statics = (op.traits.get("smithy.rules#staticContextParams") ?? {}) as Record<string, { value: unknown }>;
  for (const [param, { value }] of Object.entries(statics)) assignments.push(`${known(param, "smithy.rules#staticContextParams")}: ${JSON.stringify(value)}`);
  const input = op.input === undefined ? undefined : ctx.index.shape(op.input);
  let usesInput = false;
  for (const member of input?.members ?? []) {
    const trait = member.traits.get("smithy.rules#contextParam") as { name: string } | undefined;
    if (trait === undefined) continue;
    usesInput = true;
    // A member set to null (as SDK v3 users may) is a parameter left unset, as the SDK takes it.
    assignments.push(`${known(trait.name, "smithy.rules#contextParam")}: input${isIdentifier(member.name) ? `.${member.name}` : `[${JSON.stringify(member.name)}]`} ?? undefined`);
  }
  const paths = (op.traits.get("smithy.rules#operationContextParams") ?? {}) as Record<string, { path: string }>;
  for (const [param, { path }] of Object.entries(paths)) {
    usesInput = true;
    assignments.push(`${known(param, "smithy.rules#operationContextParams")}: ${compileContextPath(path, "input", { shape: op.id, param })}`);
  }
  if (assignments.length === 0 || input === undefined) return undefined;
  const inputType = file.inputType(op);
  return { name, inputType, body: `({ ${assignments.join(", ")} })`, usesInput };
}

function doc(text: string | undefined): string {
  if (text === undefined || text.trim() === "") return "";
  return `  /** ${text.trim().replace(/\*\//g, "*\\/").replace(/\s*\n\s*/g, " ")} */\n`;
}

function propertyKey(name: string): string {
  return `  ${isIdentifier(name) ? name : JSON.stringify(name)}`;
}

export function lowerCamel(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}
