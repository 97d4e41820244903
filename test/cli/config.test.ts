// Configuration files, run through the built CLI: codegen.config.json and smithy-build.json
// (Smithy's convention: sources, projections with filter transforms, plugin settings), flags
// overriding the file, and validation errors that name the file, line and JSON path.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { validateAgainstSchema, type Schema } from "../../generator/config/json-schema.js";
import { codegen, ref, root, shape, shopModel, tmp, writeJson } from "./helpers.js";

/** A project folder holding the shop model as model/shop.json. */
function project(): string {
  const dir = tmp();
  mkdirSync(join(dir, "model"));
  writeJson(join(dir, "model", "shop.json"), shopModel());
  return dir;
}

const read = (path: string) => readFileSync(path, "utf8");

describe("codegen.config.json", () => {
  it("is found in the working folder and names the models, output, package and options", () => {
    const dir = project();
    writeJson(join(dir, "codegen.config.json"), {
      $schema: "./node_modules/smithy-ts-codegen/codegen.config.schema.json",
      models: ["model/shop.json"], out: "packages/shop", packageName: "@acme/shop", packageVersion: "1.2.3",
      operations: ["GetOrder"], typecheck: false,
    });
    const r = codegen(["generate"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("wrote packages/shop/src/models.ts");
    const pkg = JSON.parse(read(join(dir, "packages", "shop", "package.json")));
    expect([pkg.name, pkg.version]).toEqual(["@acme/shop", "1.2.3"]);
    const models = read(join(dir, "packages", "shop", "src", "models.ts"));
    expect(models).toContain("export interface GetOrderInput");
    expect(models).not.toContain("PlaceOrderInput");
  });

  it("resolves paths from the file's folder, whatever the working folder (--config)", () => {
    const dir = project();
    writeJson(join(dir, "codegen.config.json"), { models: "model/shop.json", out: "gen", typecheck: false });
    const r = codegen(["generate", "--config", join(dir, "codegen.config.json")], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(dir, "gen", "src", "models.ts"))).toBe(true);
  });

  it("flags override the file", () => {
    const dir = project();
    writeJson(join(dir, "codegen.config.json"), { models: ["model/shop.json"], out: "gen", packageVersion: "1.0.0", optionality: "client", typecheck: false });
    const r = codegen(["generate", "--package-version", "2.0.0", "--optionality", "authoritative", "--out", "other"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(dir, "gen"))).toBe(false);
    expect(JSON.parse(read(join(dir, "other", "package.json"))).version).toBe("2.0.0");
    // Authoritative optionality: a @required input member is plainly present (the contract).
    expect(read(join(dir, "other", "src", "models.ts"))).toMatch(/export interface GetOrderInput \{\s+OrderId: string;/);
  });

  it("targets: [\"server\"] means authoritative optionality unless it is set", () => {
    const dir = project();
    writeJson(join(dir, "codegen.config.json"), { models: ["model/shop.json"], out: "gen", targets: ["server"], typecheck: false });
    expect(codegen(["generate"], { cwd: dir }).code).toBe(0);
    expect(read(join(dir, "gen", "src", "models.ts"))).toMatch(/export interface GetOrderInput \{\s+OrderId: string;/);
    writeJson(join(dir, "codegen.config.json"), { models: ["model/shop.json"], out: "gen", targets: ["client", "server"], typecheck: false });
    expect(codegen(["generate"], { cwd: dir }).code).toBe(0);
    expect(read(join(dir, "gen", "src", "models.ts"))).toMatch(/export interface GetOrderInput \{\s+OrderId: string \| undefined;/);
  });

  it("populateDefaults (and --populate-defaults) makes a client write nested @defaults the caller left unset", () => {
    const dir = tmp();
    mkdirSync(join(dir, "model"));
    const model = shopModel();
    model["shapes"]["example.shop#Shop"].traits = { "aws.protocols#restJson1": {} };
    shape(model, "PlaceOrder").traits["smithy.api#http"] = { method: "POST", uri: "/orders", code: 200 };
    shape(model, "GetOrder").traits = { "smithy.api#http": { method: "GET", uri: "/orders/{OrderId}", code: 200 }, "smithy.api#readonly": {} };
    shape(model, "GetOrderInput").members.OrderId.traits = { "smithy.api#required": {}, "smithy.api#httpLabel": {} };
    shape(model, "PlaceOrderInput").members.Options = ref("Options");
    model["shapes"]["example.shop#Options"] = { type: "structure", members: { Gift: { ...ref("smithy.api#Boolean"), traits: { "smithy.api#default": false } } } };
    writeJson(join(dir, "model", "shop.json"), model);
    const protocol = () => read(join(dir, "gen", "src", "protocol.ts"));
    writeJson(join(dir, "codegen.config.json"), { models: ["model/shop.json"], out: "gen", typecheck: false });
    const first = codegen(["generate"], { cwd: dir });
    expect(first.code, first.stderr).toBe(0);
    expect(protocol()).not.toContain("?? false");
    writeJson(join(dir, "codegen.config.json"), { models: ["model/shop.json"], out: "gen", populateDefaults: true, typecheck: false });
    expect(codegen(["generate"], { cwd: dir }).code).toBe(0);
    expect(protocol()).toContain("?? false");
    writeJson(join(dir, "codegen.config.json"), { models: ["model/shop.json"], out: "gen", typecheck: false });
    expect(codegen(["generate", "--populate-defaults"], { cwd: dir }).code).toBe(0);
    expect(protocol()).toContain("?? false");
  });

  it("several packages share the top-level settings; --out cannot pick one of them", () => {
    const dir = project();
    const model = shopModel();
    shape(model, "Shop")["version"] = "2025-01-01";
    writeJson(join(dir, "model", "shop-next.json"), model);
    writeJson(join(dir, "codegen.config.json"), {
      packageVersion: "3.0.0", typecheck: false,
      packages: [{ models: ["model/shop.json"], out: "a" }, { models: ["model/shop-next.json"], packageName: "shop-next" }],
    });
    const r = codegen(["generate"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(read(join(dir, "a", "package.json")))).toMatchObject({ name: "shop", version: "3.0.0" });
    expect(JSON.parse(read(join(dir, "generated", "shop-next", "package.json")))).toMatchObject({ name: "shop-next", version: "3.0.0" });
    const bad = codegen(["generate", "--out", "x"], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--out set one package, but codegen\.config\.json configures 2/);
  });

  it("reports every problem at once, with file, line, column and JSON path, and writes nothing", () => {
    const dir = project();
    const text = [
      "{",
      '  "models": ["model/shop.json", "model/missing.json"],',
      '  "ouput": "gen",',
      '  "optionality": "server",',
      '  "packageVersion": "v1",',
      '  "packages": [{ "typecheck": "no" }]',
      "}",
    ].join("\n");
    writeFileSync(join(dir, "codegen.config.json"), text);
    const r = codegen(["generate"], { cwd: dir });
    expect(r.code).toBe(2);
    const lines = r.stderr.split("\n");
    expect(lines).toContain('codegen.config.json:3:3: $.ouput: unknown key "ouput"; did you mean "out"? (known keys: $schema, models, out, service, operations, packageName, packageVersion, optionality, targets, populateDefaults, protocol, typecheck, apiReport, allowUnknownTraits, packages)');
    expect(lines).toContain('codegen.config.json:4:3: $.optionality: must be one of "client", "authoritative", not "server"');
    expect(lines.some((l) => l.startsWith('codegen.config.json:5:3: $.packageVersion: "v1" does not match the pattern'))).toBe(true);
    expect(lines).toContain('codegen.config.json:6:18: $.packages[0].typecheck: must be a boolean, not "no"');
    expect(r.stderr).toMatch(/4 problems; nothing was written\./);

    writeJson(join(dir, "codegen.config.json"), { models: ["model/shop.json", "model/missing.json"] });
    const missing = codegen(["generate"], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^codegen\.config\.json:2:\d+: \$\.models\[1\]: no such model file or folder: model\/missing\.json$/m);
    expect(existsSync(join(dir, "generated"))).toBe(false);
  });

  it("invalid JSON is reported with its position", () => {
    const dir = project();
    writeFileSync(join(dir, "codegen.config.json"), '{ "models": ["model/shop.json"], }');
    const r = codegen(["generate"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^codegen\.config\.json:1:\d+: invalid JSON/);
  });
});

describe("smithy-build.json", () => {
  const build = (projections: object, plugins: object = {}) => ({ version: "1.0", sources: ["model"], projections, plugins });

  it("generates each projection that uses the typescript-codegen plugin into build/smithy/<projection>/typescript-codegen", () => {
    const dir = project();
    writeJson(join(dir, "smithy-build.json"), build({
      public: {
        transforms: [{ name: "includeShapesByTag", args: { tags: ["public"] } }],
        plugins: { "typescript-codegen": { package: "@acme/shop-public", packageVersion: "0.2.0", typecheck: false } },
      },
      internal: {
        transforms: [{ name: "excludeShapesByTag", args: { tags: ["public"] } }],
        plugins: { "typescript-codegen": { typecheck: false } },
      },
      getter: {
        transforms: [{ name: "includeOperations", args: { operations: ["GetOrder"] } }],
        plugins: { "typescript-codegen": { out: "clients/getter", typecheck: false } },
      },
      base: { abstract: true, plugins: { "typescript-codegen": {} } },
      docs: { plugins: { "some-other-plugin": {} } },
    }));
    const r = codegen(["generate"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const pub = join(dir, "build", "smithy", "public", "typescript-codegen");
    expect(JSON.parse(read(join(pub, "package.json")))).toMatchObject({ name: "@acme/shop-public", version: "0.2.0" });
    expect(read(join(pub, "src", "models.ts"))).toContain("PlaceOrderInput");
    expect(read(join(pub, "src", "models.ts"))).not.toContain("GetOrderInput");
    const internal = read(join(dir, "build", "smithy", "internal", "typescript-codegen", "src", "models.ts"));
    expect(internal).toContain("GetOrderInput");
    expect(internal).not.toContain("PlaceOrderInput");
    expect(read(join(dir, "clients", "getter", "src", "models.ts"))).not.toContain("PlaceOrderInput");
    expect(existsSync(join(dir, "build", "smithy", "base"))).toBe(false);
    expect(existsSync(join(dir, "build", "smithy", "docs"))).toBe(false);
    expect(existsSync(join(dir, "build", "smithy", "source"))).toBe(false);
  });

  it("top-level plugin settings apply to the source projection and to projections without their own", () => {
    const dir = project();
    writeJson(join(dir, "smithy-build.json"), build({ public: { transforms: [{ name: "includeShapesByTag", args: { tags: ["public"] } }] } }, { "typescript-codegen": { packageVersion: "5.0.0", typecheck: false } }));
    const r = codegen(["generate"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    // Without "package", the source projection is named after its first source (here the folder).
    expect(JSON.parse(read(join(dir, "build", "smithy", "source", "typescript-codegen", "package.json")))).toMatchObject({ name: "model", version: "5.0.0" });
    expect(JSON.parse(read(join(dir, "build", "smithy", "public", "typescript-codegen", "package.json")))).toMatchObject({ name: "public", version: "5.0.0" });
  });

  it("rejects unsupported transforms and bad arguments by JSON path", () => {
    const dir = project();
    writeJson(join(dir, "smithy-build.json"), build({
      a: { transforms: [{ name: "renameShapes", args: {} }], plugins: { "typescript-codegen": {} } },
      b: { transforms: [{ name: "includeShapesByTag", args: { tags: [] } }], plugins: { "typescript-codegen": { packge: "x" } } },
    }));
    const r = codegen(["generate"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/smithy-build\.json:\d+:\d+: \$\.projections\.a\.transforms\[0\]\.name: must be one of "includeShapesByTag", "excludeShapesByTag", "includeOperations", not "renameShapes"/);
    expect(r.stderr).toMatch(/\$\.projections\.b\.plugins\["typescript-codegen"\]\.packge: unknown key "packge"; did you mean "package"\?/);

    writeJson(join(dir, "smithy-build.json"), build({ b: { transforms: [{ name: "includeShapesByTag", args: { tags: [] } }], plugins: { "typescript-codegen": {} } } }));
    const args = codegen(["generate"], { cwd: dir });
    expect(args.code).toBe(2);
    expect(args.stderr).toMatch(/\$\.projections\.b\.transforms\[0\]\.args\.tags: includeShapesByTag needs args\.tags: a non-empty list of tag names/);
  });

  it("a tag filter that keeps no operation is an error naming the service", () => {
    const dir = project();
    writeJson(join(dir, "smithy-build.json"), build({ none: { transforms: [{ name: "includeShapesByTag", args: { tags: ["nothing-has-this"] } }], plugins: { "typescript-codegen": { typecheck: false } } } }));
    const r = codegen(["generate"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/example\.shop#Shop: no operation of the service is tagged nothing-has-this/);
  });

  it("a smithy-build.json without the plugin is not ours: the run falls back to models/", () => {
    const dir = project();
    writeJson(join(dir, "smithy-build.json"), build({ docs: { plugins: { other: {} } } }));
    const r = codegen(["generate"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no --model given and there is no models\/ folder here/);
  });
});

describe("codegen.config.schema.json", () => {
  const schema = JSON.parse(read(join(root, "codegen.config.schema.json"))) as Schema;

  it("is a valid JSON Schema (ajv, strict) and ajv agrees with the generator's own validator", () => {
    const ajv = new Ajv({ strict: true, allErrors: true, allowUnionTypes: true });
    const validate = ajv.compile(schema);
    const samples: unknown[] = [
      { models: ["a.json"] },
      { models: "a.json", out: "x", packageName: "@scope/name", packageVersion: "1.0.0-beta.1", targets: ["client", "server"] },
      { packages: [{ models: ["a.json"], optionality: "authoritative" }], typecheck: false },
      { models: [] },
      { models: ["a.json"], optionality: "server" },
      { models: ["a.json"], targets: ["client", "client"] },
      { models: ["a.json"], packageName: "Upper Case" },
      { models: ["a.json"], packageVersion: "1.0" },
      { models: ["a.json"], out: "" },
      { models: ["a.json"], extra: 1 },
      { packages: [{ models: ["a.json"], packages: [] }] },
      { packages: [] },
      [],
      "codegen",
    ];
    for (const sample of samples) {
      const ours = validateAgainstSchema(sample, schema).length === 0;
      expect(ours, JSON.stringify(sample)).toBe(validate(sample));
    }
  });
});
