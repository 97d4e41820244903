// The AST is plain JSON (and independent of line endings); lexer edge cases (text blocks,
// escapes, numbers) and shape ID resolution behave as the IDL spec says.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { IdlSyntaxError, parseIdl, type NodeValue } from "../../generator/idl/index.js";
import { Lexer, Tok } from "../../generator/idl/lexer.js";

const VALID = fileURLToPath(new URL("../../../shared/smithy/idl-conformance/valid", import.meta.url));

/**
 * Number literals beyond the double range become ±Infinity, exactly as JSON.parse reads the
 * same literal from a JSON AST, and JSON can't carry them. These are the corpus' only ones.
 */
const NON_FINITE: Record<string, string[]> = {
  "traits.smithy": [
    "shapes/com.example#X/traits/com.example#bDecimal",
    "shapes/com.example#Y/traits/com.example#bDecimal",
    "shapes/com.example#Z/traits/com.example#bDecimal",
  ],
};

/** Paths of non-finite numbers; fails on anything that is not a JSON value. */
function nonFinitePaths(value: unknown, path: string, out: string[]): string[] {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) out.push(path);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => nonFinitePaths(v, `${path}/${i}`, out));
  } else if (typeof value === "object" && value !== null) {
    expect(Object.getPrototypeOf(value), path).toBe(Object.prototype);
    for (const [k, v] of Object.entries(value)) nonFinitePaths(v, path ? `${path}/${k}` : k, out);
  } else {
    expect(["string", "boolean"].includes(typeof value) || value === null, path).toBe(true);
  }
  return out;
}

if (existsSync(VALID)) {
  describe("IDL AST JSON round trip", () => {
    const files = readdirSync(VALID, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && e.name.endsWith(".smithy"))
      .map((e) => join(e.parentPath, e.name))
      .sort();
    for (const file of files) {
      const name = relative(VALID, file);
      it(name, () => {
        const source = readFileSync(file, "utf8");
        const { ast } = parseIdl(source, name);
        // CRLF line endings are normalized: same AST.
        expect(parseIdl(source.replace(/\n/g, "\r\n"), name).ast).toEqual(ast);
        const nonFinite = nonFinitePaths(ast, "", []);
        expect(nonFinite).toEqual(NON_FINITE[name] ?? []);
        const roundTripped = JSON.parse(JSON.stringify(ast)) as unknown;
        // JSON.stringify writes non-finite numbers as null.
        const expected = JSON.parse(JSON.stringify(ast, (_, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? null : v))) as unknown;
        expect(roundTripped).toEqual(expected);
      });
    }
  });
} else {
  describe.skip("IDL AST JSON round trip: skipped, ../shared/smithy is not available", () => {
    it("needs the corpus", () => {});
  });
}

/** Value of `metadata v = <source>`. */
function metadataValue(source: string): NodeValue | undefined {
  return parseIdl(`$version: "2"\nmetadata v = ${source}\n`, "t.smithy").ast.metadata?.v;
}

function tokens(source: string): [string, string | number][] {
  const lx = new Lexer(source, "t.smithy");
  const out: [string, string | number][] = [];
  for (; lx.peek() !== Tok.EOF; lx.next()) {
    const t = lx.peek();
    const name = Object.keys(Tok).find((k) => Tok[k as keyof typeof Tok] === t) ?? "?";
    out.push([name, t === Tok.NUMBER ? lx.num : lx.src.slice(lx.start, lx.end)]);
  }
  return out;
}

describe("IDL lexer", () => {
  it("tokenizes whitespace, commas and comments as tokens with 1-based positions", () => {
    const lx = new Lexer("a ,\n  // c\n  b", "t.smithy");
    const seen: string[] = [];
    for (; lx.peek() !== Tok.EOF; lx.next()) seen.push(`${lx.peek()}@${lx.line}:${lx.column}`);
    expect(seen).toEqual([
      `${Tok.IDENTIFIER}@1:1`, `${Tok.SPACE}@1:2`, `${Tok.COMMA}@1:3`, `${Tok.NEWLINE}@1:4`,
      `${Tok.SPACE}@2:1`, `${Tok.COMMENT}@2:3`, `${Tok.SPACE}@3:1`, `${Tok.IDENTIFIER}@3:3`,
    ]);
  });

  it("splits shape IDs into identifier and punctuation tokens", () => {
    expect(tokens("a.b#C$d := :").map(([t]) => t)).toEqual([
      "IDENTIFIER", "DOT", "IDENTIFIER", "POUND", "IDENTIFIER", "DOLLAR", "IDENTIFIER", "SPACE", "WALRUS", "SPACE", "COLON",
    ]);
  });

  it("reads numbers as JSON does", () => {
    expect(tokens("1e10 -0.5 0 10E+2 -10e-2 1.25").filter(([t]) => t === "NUMBER").map(([, v]) => v)).toEqual([
      1e10, -0.5, 0, 1000, -0.1, 1.25,
    ]);
    expect(metadataValue("9223372036854775808")).toBe(9223372036854775808);
  });

  it.each([
    ["1.", 1, "'.' must be followed by a digit"],
    ["x 1.0e", 3, "'e', '+', and '-' must be followed by a digit"],
    ["-", 1, "'-' must be followed by a digit"],
  ])("rejects the malformed number %s", (source, column, message) => {
    expect(() => tokens(source)).toThrow(expect.objectContaining({ column, message: expect.stringContaining(message) }));
  });

  it("expands string escapes", () => {
    expect(metadataValue(String.raw`"q\" b\\ s\/ \b\f\n\r\t"`)).toBe('q" b\\ s/ \b\f\n\r\t');
    expect(metadataValue(String.raw`"\u00e9\u0041"`)).toBe("éA");
    expect(metadataValue('"a\\\nb"')).toBe("ab"); // escaped newline expands to nothing
    expect(metadataValue('"a\r\nb"')).toBe("a\nb"); // CRLF is normalized
  });

  it("combines \\u surrogate pairs into one code point", () => {
    const value = metadataValue(String.raw`"\uD83D\uDE00"`);
    expect(value).toBe("😀");
    expect((value as string).codePointAt(0)).toBe(0x1f600);
  });

  it.each([
    [String.raw`"\'"`, "Invalid escape found in string: `\\'`"],
    [String.raw`"\uaa"`, "Invalid unclosed unicode escape found in string"],
    [String.raw`"\uaaat"`, "Invalid unicode escape character: `t`"],
  ])("rejects the bad escape %s", (source, message) => {
    expect(() => metadataValue(source)).toThrow(message);
  });

  it("strips incidental whitespace from text blocks", () => {
    expect(metadataValue('"""\n    <div>\n        <p>Hi</p>\n    </div>\n    """')).toBe("<div>\n    <p>Hi</p>\n</div>\n");
    expect(metadataValue('"""\n    Foo\n        Baz\n    Bar"""')).toBe("Foo\n    Baz\nBar");
    // A closing delimiter left of the content keeps the indentation.
    expect(metadataValue('"""\n    Foo\n  """')).toBe("  Foo\n");
    // ...and one to its right doesn't count.
    expect(metadataValue('"""\n    Foo\n          """')).toBe("Foo\n");
    // Blank lines don't count either, and trailing spaces are removed.
    expect(metadataValue('"""\n    Foo   \n\n  \n    Bar\n    """')).toBe("Foo\n\n\nBar\n");
  });

  it("interprets text block escapes after stripping whitespace", () => {
    expect(metadataValue('"""\n  <div>\n    <p>Hi\\n    bar</p>\n  </div>"""')).toBe("<div>\n  <p>Hi\n    bar</p>\n</div>");
    expect(metadataValue('"""\n    Foo \\\n    Baz \\\n    Bam"""')).toBe("Foo Baz Bam");
    expect(metadataValue('"""\n    foo \\"""\n    baz"""')).toBe('foo """\nbaz');
    expect(metadataValue('"""\n    "hello!"\n    """')).toBe('"hello!"\n');
  });

  it("requires a new line after the text block opening delimiter", () => {
    expect(() => metadataValue('"""foo"""')).toThrow(IdlSyntaxError);
  });

  it("treats /// as documentation only at the start of a line", () => {
    const { ast } = parseIdl(
      '$version: "2"\nnamespace a.b\nstring A /// not docs\n/// Docs\n///   indented\nstring B\n',
      "t.smithy",
    );
    expect(ast.shapes["a.b#A"]).toEqual({ type: "string" });
    expect(ast.shapes["a.b#B"]).toEqual({ type: "string", traits: { "smithy.api#documentation": "Docs\n  indented" } });
  });
});

describe("IdlSyntaxError", () => {
  it("formats file:line:column, the source line and a caret", () => {
    let error: unknown;
    try {
      parseIdl('$version: "2"\nnamespace a.b\nstring Foo Bar\n', "model/a.smithy");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(IdlSyntaxError);
    const e = error as IdlSyntaxError;
    expect([e.file, e.line, e.column]).toEqual(["model/a.smithy", 3, 12]);
    expect(e.message).toBe("Expected a line break, but found IDENTIFIER('Bar')");
    expect(e.format()).toBe("model/a.smithy:3:12: Expected a line break, but found IDENTIFIER('Bar')\nstring Foo Bar\n           ^");
    expect(String(e)).toBe(e.format());
  });
});

describe("IDL shape ID resolution", () => {
  const model = (body: string) => parseIdl(`$version: "2"\nnamespace a.b\nuse x.y#Imported\n${body}\n`, "t.smithy").ast;

  it("prefers use imports, then the file's shapes, then the prelude, then the namespace", () => {
    const ast = model("structure S { a: Imported, b: Local, c: String, d: Missing, e: Integer }\nstring Local\nstring Integer");
    expect(ast.shapes["a.b#S"]).toEqual({
      type: "structure",
      members: {
        a: { target: "x.y#Imported" },
        b: { target: "a.b#Local" },
        c: { target: "smithy.api#String" },
        d: { target: "a.b#Missing" },
        e: { target: "a.b#Integer" },
      },
    });
  });

  it("lets knownShapes from other files of the namespace win over the prelude", () => {
    const source = '$version: "2"\nnamespace a.b\nstructure S { d: Document }\n@tagList\nstring T\n';
    const knownShapes = new Map([["a.b#Document", "document"], ["a.b#tagList", "list"]] as const);
    const { ast } = parseIdl(source, "t.smithy", { knownShapes });
    expect(ast.shapes["a.b#S"]).toEqual({ type: "structure", members: { d: { target: "a.b#Document" } } });
    expect(ast.shapes["a.b#T"]?.traits).toEqual({ "a.b#tagList": [] });
  });

  it("keeps applies to shapes of other files as apply entries", () => {
    const ast = model("apply Imported @sensitive\napply Other$m {\n  @required\n  @tags([\"a\"])\n}\napply Other$m @tags([\"b\"])");
    expect(ast.shapes["x.y#Imported"]).toEqual({ type: "apply", traits: { "smithy.api#sensitive": {} } });
    expect(ast.shapes["a.b#Other$m"]).toEqual({
      type: "apply",
      traits: { "smithy.api#required": {}, "smithy.api#tags": ["a", "b"] },
    });
  });

  it("elides member targets from the bound resource first, then from mixins", () => {
    const ast = model("resource R { identifiers: { id: String } }\n@mixin\nstructure M { n: Integer }\nstructure S for R with [M] { $id\n $n }");
    // `$n` is M's member, inherited: Smithy's JSON AST leaves it to the mixin.
    expect(ast.shapes["a.b#S"]).toMatchObject({ members: { id: { target: "smithy.api#String" } } });
    expect((ast.shapes["a.b#S"] as { members: object }).members).not.toHaveProperty("n");
  });

  it.each([
    ["string Imported", "conflicts with `x.y#Imported`"],
    ["string A\nstring A", "Duplicate shape definition for `a.b#A`"],
    ['@since("1")\n@since("2")\nstring A', "Conflicting `smithy.api#since` trait values"],
    ["structure A { $x }", "no bound resource or mixin"],
  ])("rejects %j", (body, message) => {
    expect(() => model(body)).toThrow(message);
  });
});
