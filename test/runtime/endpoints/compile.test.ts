// The rule-set compiler and src/endpoints.ts on a hand-written service: every construct the
// shared models do not exercise (headers, `{{` escapes, coalesce, ite, split, negative getAttr
// indexes, stringArray parameters, required parameters, operationContextParams projections,
// the cache, newer partition data), the package compiling under the strict flags, and a clear
// error naming the service or operation for each kind of bad rule set.

import { describe, expect, it } from "vitest";
import { CodegenError } from "../../../generator/diagnostics.js";
import { generate, loadGenerated, modelFromJson, typecheck } from "../../helpers/codegen.js";

interface Endpoints {
  resolveEndpoint(params: Record<string, unknown>, options?: { partitions?: unknown }): { url: URL; headers?: unknown; properties?: unknown };
  configEndpointParams(config: Record<string, unknown>): Record<string, unknown>;
  withOperationParams(base: Record<string, unknown>, own: Record<string, unknown>): Record<string, unknown>;
  operationEndpointParams: Record<string, (input: unknown) => Record<string, unknown>>;
}

const RULES = {
  version: "1.0",
  parameters: {
    Region: { type: "String", builtIn: "AWS::Region", required: false },
    UseFIPS: { type: "Boolean", builtIn: "AWS::UseFIPS", required: true, default: false },
    Mode: { type: "String", required: false },
    Names: { type: "stringArray", required: false },
    Tag: { type: "String", required: true },
    Bucket: { type: "String", required: false },
  },
  rules: [
    { type: "error", conditions: [{ fn: "stringEquals", argv: [{ ref: "Tag" }, "fail"] }], error: "Tag {Tag} refused: `${{x}}` \\ {{literal}}" },
    {
      type: "endpoint",
      conditions: [{ fn: "isSet", argv: [{ ref: "Names" }] }, { fn: "getAttr", argv: [{ ref: "Names" }, "[-1]"], assign: "last" }],
      endpoint: { url: "https://{last}.example.com", headers: { "x-names": ["{last}", "static"] } },
    },
    {
      type: "tree",
      conditions: [{ fn: "isSet", argv: [{ ref: "Region" }] }, { fn: "aws.partition", argv: [{ ref: "Region" }], assign: "p" }],
      rules: [
        {
          type: "endpoint",
          conditions: [
            { fn: "split", argv: [{ ref: "Tag" }, "--", 0], assign: "parts" },
            { fn: "getAttr", argv: [{ ref: "parts" }, "[1]"], assign: "second" },
          ],
          endpoint: {
            url: "https://{second}.{Region}.{p#dnsSuffix}",
            properties: { authSchemes: [{ name: "sigv4", signingRegion: "{Region}", disableDoubleEncoding: true }], nested: { list: ["{Tag}"] } },
          },
        },
        {
          type: "endpoint",
          conditions: [{ fn: "coalesce", argv: [{ ref: "Mode" }, "default"], assign: "mode" }],
          endpoint: {
            url: {
              fn: "ite",
              argv: [{ fn: "booleanEquals", argv: [{ ref: "UseFIPS" }, true] }, "https://fips.{Region}.{p#dnsSuffix}", "https://{Region}.{p#dnsSuffix}"],
            },
            properties: { mode: "{mode}" },
          },
        },
      ],
    },
    { type: "error", conditions: [], error: "Invalid Configuration: Missing Region" },
  ],
};

const service = (traits: Record<string, unknown>) => ({
  "test.json": {
    smithy: "2.0",
    shapes: {
      "ex#Svc": { type: "service", version: "1", operations: [{ target: "ex#Put" }], traits: { "smithy.rules#endpointRuleSet": RULES, ...traits } },
      "ex#Put": {
        type: "operation",
        input: { target: "ex#PutInput" },
        output: { target: "smithy.api#Unit" },
        traits: {
          "smithy.rules#staticContextParams": { Mode: { value: "static" } },
          "smithy.rules#operationContextParams": { Names: { path: "Items[*].Name" } },
        },
      },
      "ex#PutInput": {
        type: "structure",
        members: { Bucket: { target: "smithy.api#String", traits: { "smithy.rules#contextParam": { name: "Bucket" } } }, Items: { target: "ex#Items" } },
        traits: { "smithy.api#input": {} },
      },
      "ex#Items": { type: "list", member: { target: "ex#Item" } },
      "ex#Item": { type: "structure", members: { Name: { target: "smithy.api#String" } } },
    },
  },
});

describe("the emitted endpoints module", async () => {
  const files = await generate(modelFromJson(service({})));
  const { mod } = await loadGenerated<Endpoints>(files);

  it("compiles under the strict flags, with no unused local", async () => {
    await typecheck(files, "endpoints-compile", { noUnusedLocals: true });
  });

  it("expands templates, escapes and getAttr paths; emits headers and nested properties", () => {
    expect(() => mod.resolveEndpoint({ Tag: "fail" })).toThrow(new Error("Tag fail refused: `${x}` \\ {literal}"));
    const byName = mod.resolveEndpoint({ Tag: "t", Names: ["a", "b", "last"] });
    expect({ url: byName.url.href, headers: byName.headers }).toStrictEqual({ url: "https://last.example.com/", headers: { "x-names": ["last", "static"] } });
    const split = mod.resolveEndpoint({ Tag: "one--two", Region: "us-gov-west-1" });
    expect({ url: split.url.href, properties: split.properties }).toStrictEqual({
      url: "https://two.us-gov-west-1.amazonaws.com/",
      properties: { authSchemes: [{ name: "sigv4", signingRegion: "us-gov-west-1", disableDoubleEncoding: true }], nested: { list: ["one--two"] } },
    });
  });

  it("ite, coalesce and parameter defaults", () => {
    expect(mod.resolveEndpoint({ Tag: "x", Region: "cn-north-1" }).url.href).toBe("https://cn-north-1.amazonaws.com.cn/");
    expect(mod.resolveEndpoint({ Tag: "x", Region: "cn-north-1", UseFIPS: true }).url.href).toBe("https://fips.cn-north-1.amazonaws.com.cn/");
    expect(mod.resolveEndpoint({ Tag: "x", Region: "us-east-1", Mode: "m" }).properties).toStrictEqual({ mode: "m" });
    expect(mod.resolveEndpoint({ Tag: "x", Region: "us-east-1" }).properties).toStrictEqual({ mode: "default" });
    expect(() => mod.resolveEndpoint({ Tag: "x" })).toThrow(new Error("Invalid Configuration: Missing Region"));
  });

  it("a required parameter without default is checked", () => {
    expect(() => mod.resolveEndpoint({ Region: "us-east-1" })).toThrow(new Error("Missing required endpoint parameter: Tag"));
  });

  it("caches per parameter set and bypasses the cache for newer partition data", () => {
    const first = mod.resolveEndpoint({ Tag: "x", Region: "us-east-1" });
    expect(mod.resolveEndpoint({ Tag: "x", Region: "us-east-1" })).toBe(first);
    // Keys are length-prefixed: parameter sets whose values would join to the same text stay apart.
    expect(mod.resolveEndpoint({ Tag: "1:x", Region: "us-east-1", Mode: "a" }).properties).toStrictEqual({ mode: "a" });
    expect(mod.resolveEndpoint({ Tag: "x", Region: "us-east-1", Mode: "a1:" }).properties).toStrictEqual({ mode: "a1:" });
    const newer = { version: "2", partitions: [{ id: "aws", regionRegex: "^us-", regions: {}, outputs: { name: "aws", dnsSuffix: "example.test", dualStackDnsSuffix: "x", supportsFIPS: true, supportsDualStack: true, implicitGlobalRegion: "us-east-1" } }] };
    expect(mod.resolveEndpoint({ Tag: "x", Region: "us-east-1" }, { partitions: newer }).url.href).toBe("https://us-east-1.example.test/");
    expect(mod.resolveEndpoint({ Tag: "x", Region: "us-east-1" })).toBe(first);
  });

  it("maps config keys, static and context params, and projection paths", () => {
    const own = mod.operationEndpointParams.Put!({ Bucket: "b", Items: [{ Name: "n1" }, {}, { Name: "n2" }] });
    expect(own).toStrictEqual({ Mode: "static", Bucket: "b", Names: ["n1", "n2"] });
    const params = mod.withOperationParams(mod.configEndpointParams({ region: "us-east-1", useFipsEndpoint: true }), mod.operationEndpointParams.Put!({}));
    expect(params).toStrictEqual({ Region: "us-east-1", UseFIPS: true, Mode: "static" });
  });

  it("re-exports the resolver from index.ts, but not the runtime modules", () => {
    const index = files.find((f) => f.path === "src/index.ts")!.content;
    expect(index).toContain(`"./endpoints.js"`);
    expect(index).not.toContain("runtime/");
    // Besides the validators' runtime (validators.ts imports it) and the errors' base class, only the endpoint modules.
    expect(files.map((f) => f.path).filter((p) => p.startsWith("src/runtime/") && !p.startsWith("src/runtime/validators/")).sort()).toStrictEqual([
      "src/runtime/client/service-exception.ts",
      "src/runtime/endpoints/functions.ts", "src/runtime/endpoints/partition.ts", "src/runtime/endpoints/partitions-data.ts",
    ]);
  });
});

describe("bad rule sets fail generation naming what is wrong", () => {
  const withRules = (rules: unknown, parameters: Record<string, unknown> = { Region: { type: "String" } }) =>
    modelFromJson({
      "bad.json": { smithy: "2.0", shapes: { "ex#Bad": { type: "service", version: "1", traits: { "smithy.rules#endpointRuleSet": { version: "1.0", parameters, rules } } } } },
    });
  const failure = async (model: ReturnType<typeof withRules>) => {
    const error = await generate(model).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(CodegenError);
    return (error as CodegenError).message;
  };
  const endpoint = (conditions: unknown[], url = "https://x") => [{ type: "endpoint", conditions, endpoint: { url } }];

  it.each([
    ["an unknown function", endpoint([{ fn: "aws.nope", argv: [] }]), /ex#Bad: .*the function aws\.nope/],
    ["an unknown reference", endpoint([], "https://{Nope}"), /ex#Bad: .*a reference to Nope/],
    ["a getAttr of a field the structure lacks", endpoint([{ fn: "aws.partition", argv: [{ ref: "Region" }], assign: "p" }], "https://{p#nope}"), /getAttr of nope on a partition/],
    ["a wrong arity", endpoint([{ fn: "isSet", argv: [] }]), /isSet with 0 arguments \(it takes 1\)/],
    ["an argument of the wrong type", endpoint([{ fn: "booleanEquals", argv: [{ ref: "Region" }, true] }]), /booleanEquals given a string as argument 1 \(it takes a bool\)/],
    ["a library function given the wrong type", endpoint([{ fn: "aws.partition", argv: [true] }]), /aws.partition given a bool as argument 1/],
    ["an unclosed placeholder", endpoint([], "https://{Region"), /unclosed template placeholder/],
    ["conditions that are not an array", [{ type: "endpoint", conditions: {}, endpoint: { url: "https://x" } }], /conditions are an array/],
    ["a tree rule without rules", [{ type: "tree", conditions: [] }], /a tree rule without a rules array/],
    ["an endpoint rule without a url", [{ type: "endpoint", conditions: [], endpoint: {} }], /without an endpoint url/],
    ["a function call without argv", endpoint([{ fn: "isSet" }]), /isSet without an argv array/],
  ])("%s", async (_name, rules, message) => {
    expect(await failure(withRules(rules))).toMatch(message);
  });

  it("a parameter or assign name that is not an identifier, a default of the wrong type", async () => {
    expect(await failure(withRules(endpoint([]), { "Re-gion": { type: "String" } }))).toMatch(/parameter name "Re-gion"/);
    expect(await failure(withRules(endpoint([{ fn: "aws.partition", argv: [{ ref: "Region" }], assign: "p q" }])))).toMatch(/assign name "p q"/);
    expect(await failure(withRules(endpoint([]), { UseFIPS: { type: "Boolean", default: "no" } }))).toMatch(/parameter UseFIPS of type Boolean has the default "no"/);
  });

  it("a rule set without a rules array", async () => {
    expect(await failure(withRules({}))).toMatch(/ex#Bad: .*a parameters object and a rules array/);
  });

  it("an unknown parameter type or built-in", async () => {
    expect(await failure(withRules(endpoint([]), { Region: { type: "Integer" } }))).toMatch(/parameter Region has type "Integer"/);
    expect(await failure(withRules(endpoint([]), { Region: { type: "String", builtIn: "AWS::Nope" } }))).toMatch(/built-in AWS::Nope/);
  });

  it("two parameters set by one config key", async () => {
    const params = { A: { type: "Boolean", builtIn: "AWS::S3::UseGlobalEndpoint" }, B: { type: "Boolean", builtIn: "AWS::STS::UseGlobalEndpoint" } };
    expect(await failure(withRules(endpoint([]), params))).toMatch(/parameters A and B would both be set by the config key useGlobalEndpoint/);
  });

  it("a model shape named like one of the module's exports", async () => {
    const model = service({});
    (model["test.json"].shapes as Record<string, unknown>)["ex#EndpointConfig"] = { type: "structure", members: {} };
    (model["test.json"].shapes["ex#PutInput"].members as Record<string, unknown>)["Config"] = { target: "ex#EndpointConfig" };
    const error = await generate(modelFromJson(model)).then(() => undefined, (e: unknown) => e);
    expect(String(error)).toMatch(/generated name EndpointConfig is needed by both ex#EndpointConfig and the endpoints module of ex#Svc/);
  });

  it("an operationContextParams path outside the compiled subset names the operation", async () => {
    const model = service({});
    const shapes = model["test.json"].shapes as Record<string, { traits?: Record<string, unknown> }>;
    shapes["ex#Put"]!.traits!["smithy.rules#operationContextParams"] = { Names: { path: "Items[?Name == 'x'].Name" } };
    const error = await generate(modelFromJson(model)).then(() => undefined, (e: unknown) => e);
    expect(String(error)).toMatch(/ex#Put: smithy.rules#operationContextParams Names: path .* outside the subset/);
  });
});
