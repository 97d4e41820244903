// The type-check that guards every write: the native compiler under the strict flags, its
// diagnostics as `file:line:column: message` with the source line, and @smithy/types resolving.

import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CodegenError } from "../../generator/diagnostics.js";
import { parseDiagnostics, typecheckPackage } from "../../generator/typecheck/typecheck.js";
import { codegen, CREATE_ROUTE } from "../cli/helpers.js";

const failure = async (content: string, extra?: { noUnusedLocals?: boolean }) => {
  try {
    await typecheckPackage([{ path: "src/models.ts", content }, { path: "package.json", content: "{}" }], "pkg", extra);
  } catch (e) {
    if (e instanceof CodegenError) return e;
    throw e;
  }
  return undefined;
};

describe("typecheckPackage", () => {
  it("passes well-typed code that imports @smithy/types", async () => {
    expect(await failure('import type { HttpRequest } from "@smithy/types";\nexport const f = (r: HttpRequest): string => r.method;\n')).toBeUndefined();
  });

  it("reports each error as file:line:column with the source line", async () => {
    const error = await failure('export const a = 1;\nexport const b: number = "two";\n');
    expect(error?.diagnostics).toEqual([
      expect.objectContaining({ file: "pkg/src/models.ts", line: 2, column: 14, sourceLine: 'export const b: number = "two";' }),
    ]);
    expect(error?.message).toContain("pkg/src/models.ts:2:14: emitted code does not type-check");
    expect(error?.message).toContain("TS2322");
    expect(error?.message).toContain('\n  export const b: number = "two";\n');
  });

  it.each([
    ["noUncheckedIndexedAccess", "export const f = (xs: string[]): string => xs[0];\n"],
    ["exactOptionalPropertyTypes", "const o: { a?: string } = { a: undefined };\nexport { o };\n"],
    ["strict", "export function f(x) { return x; }\n"],
    ["verbatimModuleSyntax", 'import { HttpRequest } from "@smithy/types";\nexport const f = (r: HttpRequest) => r;\n'],
    ["lib ES2022 only (no DOM, no Node globals)", "export const b = Buffer.from('x');\n"],
  ])("enforces %s", async (_flag, content) => {
    expect(await failure(content)).toBeInstanceOf(CodegenError);
  });

  it("adds noUnusedLocals when asked", async () => {
    const content = "const unused = 1;\nexport const a = 2;\n";
    expect(await failure(content)).toBeUndefined();
    expect((await failure(content, { noUnusedLocals: true }))?.diagnostics[0]?.line).toBe(1);
  });
});

describe("without the native compiler", () => {
  it("generate fails with an error saying what is missing and what to do, and writes nothing", () => {
    const out = join(mkdtempSync(join(tmpdir(), "no-tsgo-")), "pkg");
    const hide = ["--import", join(import.meta.dirname, "..", "cli", "fixtures", "hide-tsgo.mjs")];
    const run = codegen(["generate", "--model", CREATE_ROUTE, "--out", out], { node: hide });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot type-check the emitted code: the native TypeScript compiler's executable .*tsgo is missing\. Reinstall .*--no-typecheck/);
    expect(existsSync(out)).toBe(false);
    expect(codegen(["generate", "--model", CREATE_ROUTE, "--out", out, "--no-typecheck"], { node: hide }).code).toBe(0);
  });
});

describe("parseDiagnostics", () => {
  it("joins continuation lines and keeps errors without a file", () => {
    const output = "src/a.ts(3,7): error TS2322: Type 'A' is not assignable to type 'B'.\n  Property 'x' is missing.\nerror TS5023: Unknown compiler option 'x'.\n";
    expect(parseDiagnostics(output, "pkg", new Map([["src/a.ts", "1\n2\nconst a: B = y;\n"]]))).toEqual([
      expect.objectContaining({ file: "pkg/src/a.ts", line: 3, column: 7, sourceLine: "const a: B = y;", message: expect.stringMatching(/TS2322: .*\n  Property 'x' is missing\.$/) }),
      expect.objectContaining({ file: "pkg", message: expect.stringContaining("TS5023: Unknown compiler option 'x'.") }),
    ]);
  });
});
