// One tiny case per IDL rule that Smithy's own conformance files check and the shared corpus
// does not: mixin members in the JSON AST (idl.rst "Mixins", mixins.rst), `use` of shapes defined
// elsewhere, and forms the spec rejects (model-validation.rst, simple-types.rst, idl.rst).

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { astCommand } from "../../generator/cli/ast-command.js";
import type { CodegenError } from "../../generator/diagnostics.js";
import { IdlSyntaxError, parseIdl } from "../../generator/idl/index.js";
import { loadModel } from "../../generator/load/load.js";
import { modelToAst } from "../../generator/model/to-ast.js";

type Shapes = Record<string, Record<string, unknown>>;

const idl = (body: string, version = "2.0") => `$version: "${version}"\nnamespace a.b\n${body}\n`;
const parsed = (body: string, version?: string): Shapes => parseIdl(idl(body, version), "t.smithy").ast.shapes as unknown as Shapes;
/** The same file through the loader, printed back as `codegen ast` prints it. */
const printed = (body: string): Shapes => modelToAst(loadModel([{ file: "t.smithy", text: idl(body) }])).shapes as Shapes;

function rejection(text: string): IdlSyntaxError {
  try {
    parseIdl(text, "t.smithy");
  } catch (e) {
    if (e instanceof IdlSyntaxError) return e;
    throw e;
  }
  throw new Error("expected the file to be rejected");
}

const LIST_MIXIN = "@mixin\nlist ML { member: String }\n@mixin\nmap MM { key: String, value: String }";
const STRUCT_MIXIN = "@mixin\nstructure MS { foo: String }\n@mixin\nunion MU { one: String }";

describe("elided members taken from a mixin are the mixin's (not repeated in the JSON AST)", () => {
  it.each([["parser", parsed], ["loader", printed]] as const)("lists and maps (%s)", (_, read) => {
    const shapes = read(`${LIST_MIXIN}\nlist L with [ML] { $member }\nmap M with [MM] {\n $key\n $value\n}\nlist LT with [ML] {\n @length(min: 1)\n $member\n}`);
    expect(shapes["a.b#L"]).toEqual({ type: "list", mixins: [{ target: "a.b#ML" }] });
    expect(shapes["a.b#M"]).toEqual({ type: "map", mixins: [{ target: "a.b#MM" }] });
    // Traits written on the elided member apply to the inherited one.
    expect(shapes["a.b#LT"]).toEqual({ type: "list", mixins: [{ target: "a.b#ML" }] });
    expect(shapes["a.b#LT$member"]).toEqual({ type: "apply", traits: { "smithy.api#length": { min: 1 } } });
  });

  it.each([["parser", parsed], ["loader", printed]] as const)("structures and unions (%s)", (_, read) => {
    const shapes = read(`${STRUCT_MIXIN}\nstructure S with [MS] {\n @required\n $foo\n}\nunion U with [MU] { $one }`);
    expect(shapes["a.b#S"]).toEqual({ type: "structure", mixins: [{ target: "a.b#MS" }], members: {} });
    expect(shapes["a.b#S$foo"]).toEqual({ type: "apply", traits: { "smithy.api#required": {} } });
    expect(shapes["a.b#U"]).toEqual({ type: "union", mixins: [{ target: "a.b#MU" }], members: {} });
  });

  it("an elided member from the bound resource (not a mixin) stays a member", () => {
    const shapes = parsed(`resource R { identifiers: { id: String } }\n${STRUCT_MIXIN}\nstructure S for R with [MS] {\n $id\n $foo\n}`);
    expect(shapes["a.b#S"]?.["members"]).toEqual({ id: { target: "smithy.api#String" } });
  });

  it("the flattened model still has the inherited members", () => {
    const model = loadModel([{ file: "t.smithy", text: idl(`${LIST_MIXIN}\nlist L with [ML] {\n @length(min: 1)\n $member\n}`) }]);
    const member = model.shapes.get("a.b#L")!.members[0]!;
    expect(member.target).toBe("smithy.api#String");
    expect(member.traits.get("smithy.api#length")).toEqual({ min: 1 });
  });
});

describe("enum mixins", () => {
  const body = '@mixin\nenum E { A = "a"\n B }\nenum F with [E] {\n @documentation("d")\n A\n C = "c"\n}\nenum G with [E] {}\n@mixin\nintEnum IE {\n ONE = 1\n}\nintEnum IF with [IE] {}';

  it.each([["parser", parsed], ["loader", printed]] as const)("an inherited member's enumValue stays with the mixin (%s)", (_, read) => {
    const shapes = read(body);
    expect(shapes["a.b#F"]?.["members"]).toEqual({
      A: { target: "smithy.api#Unit", traits: { "smithy.api#documentation": "d" } },
      C: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "c" } },
    });
    expect(shapes["a.b#G"]).toEqual({ type: "enum", mixins: [{ target: "a.b#E" }], members: {} });
    expect(shapes["a.b#IF"]).toEqual({ type: "intEnum", mixins: [{ target: "a.b#IE" }], members: {} });
  });

  it("the flattened enum takes the mixin's values", () => {
    const model = loadModel([{ file: "t.smithy", text: idl(body) }]);
    const values = Object.fromEntries(model.shapes.get("a.b#F")!.members.map((m) => [m.name, m.traits.get("smithy.api#enumValue")]));
    expect(values).toEqual({ A: "a", B: "B", C: "c" });
  });

  it("an enum without mixins still needs a member", () => {
    expect(rejection(idl("enum E {}")).message).toContain("must have at least one member");
  });
});

describe("mixins with no members of their own", () => {
  it.each([["parser", parsed], ["loader", printed]] as const)("have no `members` (%s); other structures keep `{}`", (_, read) => {
    const shapes = read("@mixin\nstructure A {}\n@mixin\nstructure B with [A] {}\nstructure C with [A] {}\nstructure D {}\n@mixin\nunion MU { x: String }\n@mixin\nunion V with [MU] {}");
    expect(shapes["a.b#A"]).toEqual({ type: "structure", traits: { "smithy.api#mixin": {} } });
    expect(shapes["a.b#B"]).toEqual({ type: "structure", mixins: [{ target: "a.b#A" }], traits: { "smithy.api#mixin": {} } });
    expect(shapes["a.b#V"]).toEqual({ type: "union", mixins: [{ target: "a.b#MU" }], traits: { "smithy.api#mixin": {} } });
    expect(shapes["a.b#C"]).toEqual({ type: "structure", mixins: [{ target: "a.b#A" }], members: {} });
    expect(shapes["a.b#D"]).toEqual({ type: "structure", members: {} });
  });
});

describe("one file that uses shapes another file defines", () => {
  const text = idl("use other.ns#Thing\nuse other.ns#Base\nstructure S with [Base] {\n t: Thing\n u: other.ns#Other\n}\napply other.ns#Thing @documentation(\"d\")");

  it("codegen ast prints it with the targets as written", async () => {
    const dir = mkdtempSync(join(tmpdir(), "idl-use-"));
    const file = join(dir, "one.smithy");
    writeFileSync(file, text);
    const out: string[] = [];
    expect(await astCommand([file], (line) => out.push(line))).toBe(0);
    const shapes = (JSON.parse(out.join("\n")) as { shapes: Shapes }).shapes;
    expect(shapes["a.b#S"]).toEqual({
      type: "structure",
      mixins: [{ target: "other.ns#Base" }],
      members: { t: { target: "other.ns#Thing" }, u: { target: "other.ns#Other" } },
    });
    expect(shapes["other.ns#Thing"]).toEqual({ type: "apply", traits: { "smithy.api#documentation": "d" } });
  });

  it("generation still validates: every missing shape is named", () => {
    const failure = (source: string) => {
      try {
        loadModel([{ file: "one.smithy", text: source }]);
      } catch (e) {
        return (e as Error).message;
      }
      return "";
    };
    const merging = failure(text);
    expect(merging).toContain("mixin other.ns#Base does not exist");
    expect(merging).toContain("apply targets a shape that does not exist: other.ns#Thing");
    const targets = failure(idl("use other.ns#Thing\nstructure S {\n t: Thing\n u: other.ns#Other\n}"));
    expect(targets).toContain("member t targets other.ns#Thing, which is not defined");
    expect(targets).toContain("member u targets other.ns#Other, which is not defined");
  });
});

describe("forms the spec rejects", () => {
  it.each([
    ["A = 2147483648", 4, 2],
    ["A = -2147483649", 4, 2],
    ["@enumValue(2147483648)\n A", 4, 2],
  ])("an intEnum value outside the 32-bit range: %s", (member, line, column) => {
    const e = rejection(idl(`intEnum I {\n ${member}\n}`));
    expect(e.message).toMatch(/intEnum values must be 32-bit integers/);
    expect(e.line).toBeGreaterThanOrEqual(line);
    expect(e.column).toBe(column);
  });

  it("the 32-bit bounds themselves are fine", () => {
    const members = parsed("intEnum I {\n MIN = -2147483648\n MAX = 2147483647\n}")["a.b#I"]?.["members"];
    expect(members).toEqual({
      MIN: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": -2147483648 } },
      MAX: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": 2147483647 } },
    });
  });

  it("`set` shapes in IDL 2.0 (1.0 still reads them)", () => {
    const e = rejection(idl("set S { member: String }"));
    expect([e.line, e.column]).toEqual([3, 1]);
    expect(e.message).toMatch(/`set` shapes cannot be used in Smithy version 2\.0/);
    expect(parsed("set S { member: String }", "1.0")["a.b#S"]?.["type"]).toBe("set");
  });

  it("a syntactic shape ID that resolves to no shape, such as `truefalse`", () => {
    for (const [trait, column] of [["@documentation(truefalse)", 16], ["@tags([truefalse])", 8], ["@length(min: truefalse)", 14]] as const) {
      const e = rejection(idl(`${trait}\nstring S`));
      expect(e.message).toContain("Syntactic shape ID `truefalse` does not resolve to a shape");
      expect([e.line, e.column]).toEqual([3, column]);
    }
    // What does resolve stays a shape ID: the prelude, a shape of this file, a `use`, an absolute ID.
    const shapes = parsed("use x.y#Imported\n@tags([String, S, Imported, x.y#Abs, S$m])\nstructure S { m: String }");
    expect((shapes["a.b#S"]?.["traits"] as Record<string, unknown>)["smithy.api#tags"]).toEqual(["smithy.api#String", "a.b#S", "x.y#Imported", "x.y#Abs", "a.b#S$m"]);
  });

  it("a relative ID that another file of the model defines resolves when the files load together", () => {
    // Each file names a shape of the other: neither resolves alone, both do together.
    const model = loadModel([
      { file: "a.smithy", text: idl('@trait\nstring ref\n@ref(Other)\nstring S') },
      { file: "b.smithy", text: idl("@ref(S)\nstring Other") },
    ]);
    expect(model.shapes.get("a.b#S")!.traits.get("a.b#ref")).toBe("a.b#Other");
    expect(model.shapes.get("a.b#Other")!.traits.get("a.b#ref")).toBe("a.b#S");
  });

  it("a resource with the @mixin trait that defines properties", () => {
    for (const body of ["@mixin\nresource R {\n properties: { a: String }\n}", "resource R {\n properties: { a: String }\n}\napply R @mixin"]) {
      const e = rejection(idl(body));
      expect(e.message).toContain("Resource shapes with the mixin trait MAY NOT define any properties");
      expect(e.line).toBe(body.startsWith("@") ? 4 : 3);
    }
    expect(parsed("@mixin\nresource R { identifiers: { id: String } }")["a.b#R"]?.["type"]).toBe("resource");
  });
});

describe("the same rules for JSON AST models", () => {
  const load = (shapes: object) => () => loadModel([{ file: "m.json", text: JSON.stringify({ smithy: "2.0", shapes }) }]);
  const unit = { target: "smithy.api#Unit" };

  it("an intEnum value outside the 32-bit range", () => {
    expect(load({ "a.b#I": { type: "intEnum", members: { A: { ...unit, traits: { "smithy.api#enumValue": 2147483648 } } } } })).toThrow(
      /a\.b#I\$A: intEnum member A has @enumValue 2147483648, outside the 32-bit integer range/,
    );
    expect(load({ "a.b#I": { type: "intEnum", members: { A: { ...unit, traits: { "smithy.api#enumValue": -2147483648 } } } } })).not.toThrow();
  });

  it("a resource mixin with properties", () => {
    expect(load({ "a.b#R": { type: "resource", properties: { p: { target: "smithy.api#String" } }, traits: { "smithy.api#mixin": {} } } })).toThrow(
      /a\.b#R: a resource with the @mixin trait may not define properties/,
    );
  });

  it("an enum whose members all come from mixins (no `members` of its own)", () => {
    const model = load({
      "a.b#E": { type: "enum", members: { A: { ...unit, traits: { "smithy.api#enumValue": "a" } } }, traits: { "smithy.api#mixin": {} } },
      "a.b#F": { type: "enum", mixins: [{ target: "a.b#E" }] },
    })();
    expect(model.shapes.get("a.b#F")!.members.map((m) => m.name)).toEqual(["A"]);
    expect(load({ "a.b#G": { type: "enum" } })).toThrow(/an enum must have members/);
  });
});

describe("the unsupported-version error points at the version string's start", () => {
  it.each([
    ['$version: "3.0"\n', 1, 11],
    ['// c\n$version:   "3.0"\n', 2, 13],
    ['\t$version:\t"9"\n', 1, 12],
    ['$version: """\n    3.0"""\n', 1, 11],
    ['$foo: "x"\r\n$version: "2.0.0"\r\n', 2, 11],
  ])("%j", (text, line, column) => {
    const e = rejection(text);
    expect(e.message).toMatch(/^Unsupported Smithy IDL version `/);
    expect([e.line, e.column]).toEqual([line, column]);
  });

  it("in a JSON AST file too (the key only when the version is missing)", () => {
    const problem = (text: string) => {
      try {
        loadModel([{ file: "m.json", text }]);
      } catch (e) {
        return (e as CodegenError).diagnostics[0]!;
      }
      throw new Error("expected the file to be rejected");
    };
    expect(problem('{\n  "smithy":  "3.0",\n  "shapes": {}\n}')).toMatchObject({ line: 2, column: 14, message: expect.stringContaining('found "3.0"') });
    expect(problem('{ "shapes": {}, "smithy": 2 }')).toMatchObject({ line: 1, column: 27 });
    expect(problem('{ "shapes": {} }')).toMatchObject({ line: 1, column: 1, message: expect.stringContaining("found null") });
  });
});
