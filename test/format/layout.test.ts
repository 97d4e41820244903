// The layout step: hand-written expectations for each rule, error cases, and properties over
// everything the generator emits for the reference models (tokens kept, fixed point, width,
// still parses) and over a small generated-code grammar.

import { readdirSync } from "node:fs";
import { basename, join } from "node:path";
import fc from "fast-check";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import type { EmitContext, GenerateOptions } from "../../generator/emit/context.js";
import { SOURCE_EMITTERS } from "../../generator/emit/emitters.js";
import { emitPackageFiles } from "../../generator/emit/package-files.js";
import { layoutTypeScript } from "../../generator/format/layout.js";
import { BLOCK_COMMENT, LINE_COMMENT, REGEX, STRING, TEMPLATE, lexTypeScript } from "../../generator/format/tokens.js";
import { ShapeIndex, serviceClosure } from "../../generator/index/shape-index.js";
import { loadModelFiles } from "../../generator/load/load.js";
import { SymbolProvider } from "../../generator/symbols/symbol-provider.js";
import { SHARED_DIR, SHARED_MISSING } from "../helpers/codegen.js";

const layout = (code: string) => layoutTypeScript(code, "t.ts");
const lines = (...l: string[]) => l.join("\n") + "\n";

/** Token texts, with the leading whitespace of block comment lines (which layout re-indents) dropped. */
function tokenTexts(code: string): string[] {
  const t = lexTypeScript(code, "t.ts");
  const out: string[] = [];
  for (let i = 0; i < t.count; i++) {
    const text = code.slice(t.start[i], t.end[i]);
    out.push(t.kind[i] === BLOCK_COMMENT ? text.replace(/\n[ \t]*(?=\*)/g, "\n") : text);
  }
  return out;
}

function expectPreserved(input: string, output: string): void {
  expect(output.replace(/\s+/g, "")).toBe(input.replace(/\s+/g, ""));
  expect(tokenTexts(output)).toEqual(tokenTexts(input));
}

function parseErrors(code: string, file: string): string[] {
  const sf = ts.createSourceFile(file, code, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const diagnostics = (sf as unknown as { parseDiagnostics: readonly ts.Diagnostic[] }).parseDiagnostics;
  return diagnostics.map((d) => `${file}@${d.start}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
}

describe("layoutTypeScript: rules", () => {
  const cases: Array<[string, string, string]> = [
    ["indents blocks two spaces a level", "function f() {\nif (a) {\nreturn 1;\n}\n}", lines("function f() {", "  if (a) {", "    return 1;", "  }", "}")],
    ["fixes wrong indentation", "    const a = 1;\n        const b = 2;", lines("const a = 1;", "const b = 2;")],
    ["brackets opened together indent once", "foo({\na: 1,\n})", lines("foo({", "  a: 1,", "})")],
    ["a line starting with closers sits at its opener's line", "x = f(a, [\n1,\n2], {\nb,\n});", lines("x = f(a, [", "  1,", "  2], {", "    b,", "  });")],
    ["continuation after a trailing operator, one level", "const x =\na &&\nb &&\nc;\nnext();", lines("const x =", "  a &&", "  b &&", "  c;", "next();")],
    ["continuation for leading union bars and ternary parts", "type T =\n| A\n| B;\nconst y = c\n? d\n: e;", lines("type T =", "  | A", "  | B;", "const y = c", "  ? d", "  : e;")],
    ["a continued line that opens brackets", "const f = () =>\ng({\na,\n});\nh();", lines("const f = () =>", "  g({", "    a,", "  });", "h();")],
    ["case bodies one level under their label", "switch (x) {\ncase 1:\nreturn a;\ndefault: {\nb();\n}\n}", lines("switch (x) {", "  case 1:", "    return a;", "  default: {", "    b();", "  }", "}")],
    ["an object key named default is no case label", "const o = {\ndefault: 1,\nb: 2,\n};", lines("const o = {", "  default: 1,", "  b: 2,", "};")],
    ["re-indents JSDoc continuation lines", "class A {\n/**\n      * Doc.\n*/\nf(): void;\n}", lines("class A {", "  /**", "   * Doc.", "   */", "  f(): void;", "}")],
    ["keeps the text of multi-line templates", "function f() {\nreturn `a\n    b ${c}\nd`;\n}", lines("function f() {", "  return `a", "    b ${c}", "d`;", "}")],
    ["nested templates, strings and braces in a substitution", "const s = `${ a ? `x${b}` : \"y\" }{ }`  ;", lines("const s = `${ a ? `x${b}` : \"y\" }{ }`;")],
    ["collapses spaces, none before , and ; (others kept)", "const  a =  f( x ,  y ) ;\t", lines("const a = f( x, y );")],
    ["removes spaces inside empty brackets", "f(  ); g({  }, [ ]);", lines("f(); g({}, []);")],
    ["collapses blank lines", "\n\n\na();\n\n\n\nb();\n\n\n", lines("a();", "", "b();")],
    ["no blank line after { or before }", "if (a) {\n\nb();\n\n}", lines("if (a) {", "  b();", "}")],
    ["a regex with / in a class, after return", "function f(s) {\nreturn /[/]a\\/b/g.test(s);\n}", lines("function f(s) {", "  return /[/]a\\/b/g.test(s);", "}")],
    ["division after a name, a ) and a number", "x = a / b / (c) / 2;  y = /re/ ;", lines("x = a / b / (c) / 2; y = /re/;")],
  ];
  it.each(cases)("%s", (_name, input, expected) => {
    const out = layout(input);
    expect(out).toBe(expected);
    expect(layout(out)).toBe(out);
    expectPreserved(input, out);
  });
});

describe("layoutTypeScript: breaking lines over 100 columns", () => {
  const long = "x".repeat(30);
  it("breaks the outermost group past column 100, one item a line, the closer at the line's level", () => {
    const input = `function f() {\nreturn request(endpoint, "POST", "/v2/apis/" + label(input.ApiId, "ApiId"), {}, ${long}, ${long});\n}`;
    expect(layout(input)).toBe(lines(
      "function f() {",
      "  return request(",
      "    endpoint,",
      '    "POST",',
      '    "/v2/apis/" + label(input.ApiId, "ApiId"),',
      "    {},",
      `    ${long},`,
      `    ${long}`,
      "  );",
      "}",
    ));
  });

  it("breaks nested groups again when an item is still too long", () => {
    const input = `outer(a, inner(${long}, ${long}, ${long}, ${long}), b);`;
    expect(layout(input)).toBe(lines(
      "outer(",
      "  a,",
      "  inner(",
      `    ${long},`,
      `    ${long},`,
      `    ${long},`,
      `    ${long}`,
      "  ),",
      "  b",
      ");",
    ));
  });

  it("puts a single item on its own line", () => {
    const input = `throw new Error("${"m".repeat(100)}");`;
    expect(layout(input)).toBe(lines("throw new Error(", `  "${"m".repeat(100)}"`, ");"));
  });

  it("hugs a last object argument", () => {
    const input = `send(a, { first: ${long}, second: ${long}, third: ${long} });`;
    expect(layout(input)).toBe(lines(
      "send(a, {",
      `  first: ${long},`,
      `  second: ${long},`,
      `  third: ${long}`,
      "});",
    ));
  });

  it("splits type literals at semicolons and keeps type arguments whole", () => {
    const input = `type T = { readonly a: Record<string, ${long}>; readonly b: Map<string, ${long}> };`;
    expect(layout(input)).toBe(lines(
      "type T = {",
      `  readonly a: Record<string, ${long}>;`,
      `  readonly b: Map<string, ${long}>`,
      "};",
    ));
  });

  it("breaks a signature's parameters when the return type runs past the width", () => {
    const input = `export function serialize(input: CreateRouteInput, endpoint: string): Promise<CreateRouteOutput & Metadata> {\nreturn x;\n}`;
    expect(layout(input)).toBe(lines(
      "export function serialize(",
      "  input: CreateRouteInput,",
      "  endpoint: string",
      "): Promise<CreateRouteOutput & Metadata> {",
      "  return x;",
      "}",
    ));
  });

  it("breaks a chain around the group it holds, the loosest operator first", () => {
    const input = `const o = {\nscopes: input.AuthorizationScopes == null ? undefined : dense(input.AuthorizationScopes, ${long}),\n};`;
    expect(layout(input)).toBe(lines(
      "const o = {",
      "  scopes: input.AuthorizationScopes == null",
      "    ? undefined",
      `    : dense(input.AuthorizationScopes, ${long}),`,
      "};",
    ));
  });

  it("breaks a union before its bars", () => {
    const input = `export type E = ${long}A | ${long}B | ${long}C;`;
    expect(layout(input)).toBe(lines(`export type E = ${long}A`, `  | ${long}B`, `  | ${long}C;`));
  });

  it("breaks after = when the right-hand side then fits", () => {
    const input = `export const ${long}Schema: Schema<${long}> = make<${long}>(v);`;
    expect(layout(input)).toBe(lines(`export const ${long}Schema: Schema<${long}> =`, `  make<${long}>(v);`));
  });

  it("moves the closer of a group left open on the line to its own line", () => {
    const input = `call(${long}, ${long}, ${long}, {\na: 1,\n});`;
    expect(layout(input)).toBe(lines("call(", `  ${long},`, `  ${long},`, `  ${long},`, "  {", "    a: 1,", "  }", ");"));
  });

  it("leaves unbreakable lines long and never breaks empty groups", () => {
    const str = `"${"s".repeat(120)}"`;
    for (const input of [`return ${str};`, `// ${"c".repeat(120)}`, `/** ${"d".repeat(120)} */`, `${"a".repeat(100)}.b({}).c([]).d();`]) {
      expect(layout(input)).toBe(input + "\n");
    }
  });

  it("is a fixed point", () => {
    const input = `if (typeof x0 !== "number" || x0 < 0) (f ??= []).push($failAt(p, k, "/priority", "type", "' failed to satisfy", "Value at '/priority' failed to satisfy constraint"));`;
    const out = layout(input);
    expect(layout(out)).toBe(out);
    expect(out.split("\n").every((l) => l.length <= 100)).toBe(true);
    expectPreserved(input, out);
  });
});

describe("layoutTypeScript: code the lexer cannot close is a generator bug", () => {
  const cases: Array<[string, string, string]> = [
    ["an unterminated string", 'a();\nconst s = "abc;\n', "an unterminated string literal at bad.ts:2:11"],
    ["an unterminated template", "a();\nb(`x ${c}\n", "an unterminated template literal at bad.ts:2:3"],
    ["an unterminated template substitution", "x = `a ${ f(\n", "an unterminated template literal at bad.ts:1:5"],
    ["an unterminated comment", "a();\n  /* note\n", "an unterminated block comment at bad.ts:2:3"],
    ["an unterminated regex", "x = /ab[/]\n", "an unterminated regular expression at bad.ts:1:5"],
    ["an unclosed bracket", "f(a, {\nb();\n", "an unclosed `{` at bad.ts:1:6"],
    ["a stray closer", "a();\nb());\n", "an unbalanced `)` at bad.ts:2:4"],
    ["a mismatched closer", "f(a];\n", "`]` closing the `(` of line 1 at bad.ts:1:4"],
  ];
  it.each(cases)("%s", (_name, input, message) => {
    expect(() => layoutTypeScript(input, "bad.ts")).toThrow(`internal: emitted bad.ts has ${message}`);
  });
});

describe("layoutTypeScript: a small generated-code grammar", () => {
  const name = fc.constantFrom("a", "input.Value", "$fail", "x0", "__Endpoint", "veryLongIdentifierNameForWidth");
  const atom = fc.oneof(name, fc.constantFrom('"s"', "'t'", "`u${v}`", "1.5e-3", "/[/]x/g", "[]", "{}", `"${"w".repeat(60)}"`));
  const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
    e: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      atom,
      fc.tuple(name, fc.array(tie("e"), { maxLength: 5 })).map(([f, args]) => `${f}(${args.join(", ")})`),
      fc.array(fc.tuple(name, tie("e")), { maxLength: 4 }).map((ps) => `({ ${ps.map(([k, v]) => `${k.replace(/\W/g, "")}: ${v}`).join(", ")} })`),
      fc.tuple(tie("e"), fc.constantFrom("||", "&&", "+", "??", "/"), tie("e")).map(([l, op, r]) => `${l} ${op} ${r}`),
      fc.tuple(tie("e"), tie("e"), tie("e")).map(([c, t, e]) => `(${c} ? ${t} : ${e})`),
    ),
  })).e;
  const program = fc.array(fc.tuple(expr, fc.constantFrom("", "  ", "\n", "\n\n\n")), { minLength: 1, maxLength: 6 })
    .map((ss) => `function f() {\n${ss.map(([e, ws], i) => `const v${i} =${ws} ${e};`).join("\n")}\n}\n`);

  it("keeps tokens, is a fixed point, and still parses", () => {
    fc.assert(fc.property(program, (input) => {
      const out = layout(input);
      expectPreserved(input, out);
      expect(layout(out)).toBe(out);
      expect(parseErrors(out, "p.ts")).toEqual([]);
    }), { numRuns: 300 });
  });
});

const OPTIONS: GenerateOptions = { optionality: "client", targets: ["client", "server"], packageName: "x", packageVersion: "0.0.0" };

/** The emitted .ts files of a model before any formatting, as generator/generate.ts builds them. */
async function rawFiles(modelPath: string): Promise<Array<{ path: string; content: string }>> {
  const model = await loadModelFiles([modelPath]);
  const index = new ShapeIndex(model);
  const service = index.services()[0]!;
  const closure = serviceClosure(index, service, undefined);
  const ctx: EmitContext = { index, closure, symbols: new SymbolProvider(index, closure), options: OPTIONS, modelFiles: [basename(modelPath)] };
  const sources = SOURCE_EMITTERS.flatMap((emit) => emit(ctx) ?? []);
  const modules = sources.filter((f) => !f.path.startsWith("src/runtime/")).map((f) => f.path.replace(/^src\//, "").replace(/\.ts$/, ""));
  return [...sources, ...emitPackageFiles(ctx, modules)]
    .filter((f) => f.path.endsWith(".ts"))
    .map((f) => ({ path: `${basename(modelPath, ".json")}/${f.path}`, content: f.content }));
}

const LITERALS = new Set([STRING, TEMPLATE, REGEX, LINE_COMMENT, BLOCK_COMMENT]);

describe.skipIf(!SHARED_DIR)("layoutTypeScript over every emitted file of the reference models", () => {
  it.runIf(!SHARED_DIR)(SHARED_MISSING, () => {});

  it("keeps tokens, is a fixed point, fits 100 columns but for long literals, and parses", async () => {
    const root = join(import.meta.dirname, "..", "..");
    const aws = join(SHARED_DIR!, "models", "aws");
    const models = [join(root, "models", "apigatewayv2-create-route.json"), ...readdirSync(aws).sort().map((f) => join(aws, f))];
    let files = 0;
    let bytes = 0;
    let overLong = 0;
    const unexplained: string[] = [];
    for (const model of models) {
      for (const { path, content } of await rawFiles(model)) {
        files++;
        bytes += content.length;
        const out = layoutTypeScript(content, path);
        expectPreserved(content, out);
        expect(layoutTypeScript(out, path)).toBe(out);
        expect(parseErrors(out, path)).toEqual([]);
        // A line may stay long only where a single literal or comment token reaches past the width.
        const t = lexTypeScript(out, path);
        let lineStart = 0;
        let line = 0;
        const ends = out.split("\n").map((l) => (lineStart += l.length + 1));
        let tok = 0;
        for (const text of out.split("\n")) {
          const end = ends[line++]!;
          if (text.length <= 100) continue;
          overLong++;
          const begin = end - text.length - 1;
          while (tok < t.count && t.end[tok]! <= begin) tok++;
          let literal = false;
          for (let i = tok; i < t.count && t.start[i]! < end; i++) {
            if (LITERALS.has(t.kind[i]!) && t.end[i]! - begin > 100) literal = true;
          }
          if (!literal) unexplained.push(`${path}: ${text.trim().slice(0, 120)}`);
        }
      }
    }
    console.log(`layout corpus: ${files} files, ${(bytes / 1e6).toFixed(1)} MB; ${overLong} lines over 100 columns, ${unexplained.length} of them not from a long literal or comment`);
    expect(files).toBeGreaterThan(50);
    expect(unexplained.length).toBeLessThan(overLong / 20);
  });
});
