// The runtime a generated package carries: src/runtime/ holds a copy of exactly the runtime
// modules its code imports, closed over their own imports; and runtime names never clash with
// model names (shapes named like runtime exports are imported beside them under an alias).

import { readFileSync } from "node:fs";
import { posix } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { EmittedFile } from "../../generator/emit/context.js";
import { fileOf, generate, loadGenerated, modelFromJson, typecheck } from "../helpers/codegen.js";
import { operation, structure } from "../serde/support/fixture-model.js";

const NS = "test.restjson";
/** Shapes named like runtime exports and the names the old protocol.ts kept for itself. */
const CLAIMED = ["Target", "request", "label", "put", "receive", "ErrorEntry", "ServiceErrors", "jsonBody", "mapOf", "toError", "Client", "Command"];

function model() {
  const shapes: Record<string, unknown> = {
    [`${NS}#Svc`]: { type: "service", version: "1", operations: [{ target: `${NS}#Store` }], traits: { "aws.protocols#restJson1": {} } },
    [`${NS}#Store`]: operation("PUT", "/things/{id}", "StoreInput", "StoreOutput", {}, ["ErrorEntry"]),
    [`${NS}#StoreInput`]: structure({ id: ["smithy.api#String", { "smithy.api#httpLabel": {}, "smithy.api#required": {} }], ...Object.fromEntries(CLAIMED.map((n) => [`m_${n}`, n])) }, { "smithy.api#input": {} }),
    [`${NS}#StoreOutput`]: structure({ items: "Items", ...Object.fromEntries(CLAIMED.map((n) => [`m_${n}`, n])) }, { "smithy.api#output": {} }),
    [`${NS}#Items`]: { type: "map", key: { target: "smithy.api#String" }, value: { target: `${NS}#Target` } },
    ...Object.fromEntries(CLAIMED.filter((n) => n !== "ErrorEntry").map((n) => [`${NS}#${n}`, structure({ value: "smithy.api#String" })])),
    [`${NS}#ErrorEntry`]: structure({ message: "smithy.api#String" }, { "smithy.api#error": "client", "smithy.api#httpError": 409 }),
  };
  return { smithy: "2.0", shapes };
}

/** The runtime modules a source file imports, statically or with `import()`. */
const imports = (source: string) => [...source.matchAll(/(?:from |import\()"\.\/(runtime\/[^"]+)\.js"/g)].map((m) => m[1]!);

let files: EmittedFile[];
beforeAll(async () => {
  files = await generate(modelFromJson({ "claimed.json": model() }));
}, 60_000);

describe("src/runtime/", () => {
  it("holds exactly the modules the code imports, closed over their imports, each a marked copy of runtime/", () => {
    const runtime = files.filter((f) => f.path.startsWith("src/runtime/"));
    const wanted = new Set<string>();
    const visit = (path: string) => {
      if (wanted.has(path)) return;
      wanted.add(path);
      for (const m of fileOf(files, `src/${path}.ts`).matchAll(/from "(\.{1,2}\/[^"]+)\.js"/g)) visit(posix.join(posix.dirname(path), m[1]!));
    };
    for (const file of ["src/protocol.ts", "src/client.ts", "src/validators.ts", "src/errors.ts"]) imports(fileOf(files, file)).forEach(visit);
    expect(runtime.map((f) => f.path.slice("src/".length, -".ts".length)).sort()).toEqual([...wanted].sort());
    for (const f of runtime) {
      const [header, ...rest] = f.content.split("\n");
      const path = f.path.slice("src/".length);
      expect(header).toBe(`// A copy of smithy-ts-codegen's ${path}, written by the generator: do not edit.`);
      expect(rest.join("\n")).toBe(readFileSync(new URL(`../../${path}`, import.meta.url), "utf8"));
    }
  });

  it("a package without serde (no supported protocol) has only what its validators and error classes use", async () => {
    const m = model();
    (m.shapes[`${NS}#Svc`] as { traits: object }).traits = {};
    const other = await generate(modelFromJson({ "json.json": m }));
    const runtime = other.filter((f) => f.path.startsWith("src/runtime/")).map((f) => f.path);
    expect(runtime.length).toBeGreaterThan(0);
    expect(runtime.filter((path) => !path.startsWith("src/runtime/validators/"))).toEqual(["src/runtime/client/service-exception.ts"]);
  });
});

describe("shapes named like runtime exports", () => {
  it("are imported from models.ts beside the runtime's, which take a $ alias", () => {
    const protocol = fileOf(files, "src/protocol.ts");
    expect(protocol).toMatch(/import \{[^}]*\breceive as \$receive\b[^}]*\} from "\.\/runtime\/client\/response\.js";/);
    expect(protocol).toMatch(/import \{[^}]*\brequest as \$request\b[^}]*\} from "\.\/runtime\/http\/request\.js";/);
    expect(protocol).toMatch(/\blabel as \$label\b/);
    expect(protocol).toMatch(/import type \{[^}]*\brequest\b[^}]*\} from "\.\/models\.js";/);
    const client = fileOf(files, "src/client.ts");
    expect(client).toMatch(/import \{[^}]*\bClient as \$Client\b[^}]*\bCommand as \$Command\b[^}]*\} from "\.\/runtime\/client\/client\.js";/);
    expect(client).toContain("extends $Client {");
  });

  it("the package type-checks and its serde works", async () => {
    await typecheck(files, "claimed-names", { noUnusedLocals: true });
    const { mod } = await loadGenerated<Record<string, (...args: unknown[]) => any>>(files);
    const input = { id: "a b", ...Object.fromEntries(CLAIMED.filter((n) => n !== "ErrorEntry").map((n) => [`m_${n}`, { value: n }])) };
    const request = mod["serializeStoreRequest"]!(input, "https://example.com");
    expect(request.path).toBe("/things/a%20b");
    expect(JSON.parse(request.body)).toEqual(Object.fromEntries(CLAIMED.filter((n) => n !== "ErrorEntry").map((n) => [`m_${n}`, { value: n }])));
    const output = await mod["deserializeStoreResponse"]!({ statusCode: 200, headers: {}, body: '{"items":{"k":{"value":"v"}},"m_put":{"value":"p"}}' });
    expect(output).toMatchObject({ items: { k: { value: "v" } }, m_put: { value: "p" } });
    await expect(mod["deserializeStoreResponse"]!({ statusCode: 409, headers: { "x-amzn-errortype": "ErrorEntry" }, body: "{}" })).rejects.toBeInstanceOf(mod["ErrorEntry"]);
  }, 60_000);
});
