// One tiny model per shape kind (test/fixtures/*.json): each generates a package that
// type-checks, and the emitted types, enums, unions, errors and TSDoc follow the contract
// (../shared/docs/generated-api.md, "Types" and "Errors"). Type-level expectations are written
// as a consumer file compiled together with the package, so a wrong type fails the compile
// (`@ts-expect-error` lines fail when the error they expect does not happen).

import { describe, expect, it } from "vitest";
import ts from "typescript";
import type { EmittedFile } from "../../generator/emit/context.js";
import { fileOf, generate, loadGenerated, typecheck } from "../helpers/codegen.js";

const fixture = (name: string) => `test/fixtures/${name}.json`;

/** Generates a fixture and type-checks it together with a consumer file written against it. */
async function build(name: string, consumer = ""): Promise<EmittedFile[]> {
  const files = await generate([fixture(name)]);
  const withConsumer = consumer === "" ? files : [...files, { path: "src/consumer.ts", content: consumer }];
  await typecheck(withConsumer, `fixture-${name}`);
  return files;
}

function parse(source: string): ts.SourceFile {
  return ts.createSourceFile("models.ts", source, ts.ScriptTarget.ES2022, true);
}

/** Top-level declarations: name → the kinds declared under it (interface, const, type, class, ...). */
function declarations(source: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (name: string, kind: string) => out.set(name, [...(out.get(name) ?? []), kind]);
  for (const s of parse(source).statements) {
    if (ts.isInterfaceDeclaration(s)) add(s.name.text, "interface");
    else if (ts.isTypeAliasDeclaration(s)) add(s.name.text, "type");
    else if (ts.isClassDeclaration(s) && s.name) add(s.name.text, "class");
    else if (ts.isFunctionDeclaration(s) && s.name) add(s.name.text, "function");
    else if (ts.isModuleDeclaration(s)) add(s.name.text, "namespace");
    else if (ts.isVariableStatement(s)) for (const d of s.declarationList.declarations) add(d.name.getText(), "const");
  }
  return out;
}

function findInterface(source: string, name: string): ts.InterfaceDeclaration {
  const found = parse(source).statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name);
  if (found === undefined) throw new Error(`no interface ${name}`);
  return found;
}

/** `Name: T` / `Name?: T` of every member of an interface, in order, as written. */
function members(source: string, iface: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of findInterface(source, iface).members) {
    if (!ts.isPropertySignature(m)) continue;
    const name = m.name.getText().replace(/^"|"$/g, "");
    out[name] = `${m.questionToken ? "?" : ""}: ${m.type!.getText()}`;
  }
  return out;
}

/** The TSDoc block right before a declaration or interface member ("" when none). */
function docOf(source: string, name: string, member?: string): string {
  const file = parse(source);
  let node: ts.Node | undefined = file.statements.find((s) => {
    if (ts.isVariableStatement(s)) return s.declarationList.declarations.some((d) => d.name.getText() === name);
    return (ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s) || ts.isClassDeclaration(s)) && s.name?.text === name;
  });
  if (node === undefined) throw new Error(`no declaration ${name}`);
  if (member !== undefined) {
    const containers: ts.Node[] = [node];
    if (ts.isVariableStatement(node)) {
      const init = node.declarationList.declarations[0]!.initializer;
      containers.push(ts.isAsExpression(init!) ? init.expression : init!);
    }
    node = undefined;
    for (const c of containers) {
      c.forEachChild((child) => {
        const childName = (child as { name?: ts.Node }).name;
        if (childName !== undefined && childName.getText().replace(/^\[?"|"\]?$/g, "") === member) node = child;
      });
      if (node === undefined && ts.isObjectLiteralExpression(c)) {
        node = c.properties.find((p) => p.name?.getText() === member);
      }
    }
    if (node === undefined) throw new Error(`no member ${member} in ${name}`);
  }
  const ranges = ts.getLeadingCommentRanges(source, node.getFullStart()) ?? [];
  const docs = ranges.map((r) => source.slice(r.pos, r.end)).filter((c) => c.startsWith("/**"));
  return docs.at(-1) ?? "";
}

describe("simple types", () => {
  const consumer = `
import type { AllTypes, PutValuesInput, PutValuesOutput } from "./index.js";

export const all: Required<AllTypes> = {
  BlobValue: new Uint8Array([1, 2]), BooleanValue: true, StringValue: "s", ByteValue: 1, ShortValue: 2,
  IntegerValue: 3, LongValue: 4, FloatValue: 1.5, DoubleValue: 2.5, BigIntegerValue: 10n,
  BigDecimalValue: "1.50", TimestampValue: new Date(0), DocumentValue: { list: [1, "two", null, { nested: true }] },
  CustomString: "abc", CustomTimestamp: new Date(1), PrimitiveFlag: false,
};
// @ts-expect-error a timestamp is a Date, not a string
export const badTimestamp: AllTypes = { TimestampValue: "1970-01-01T00:00:00Z", PrimitiveFlag: false };
// @ts-expect-error a bigInteger is a bigint
export const badBigInteger: AllTypes = { BigIntegerValue: 1, PrimitiveFlag: false };
// @ts-expect-error a blob is a Uint8Array
export const badBlob: AllTypes = { BlobValue: "AQI=", PrimitiveFlag: false };

// @required in an @input structure: the key must be written, its value may be undefined.
export const input: PutValuesInput = { Name: undefined };
// @ts-expect-error Name must be written
export const inputWithoutName: PutValuesInput = {};
// @required and @default outside @input are always present; @clientOptional makes a member optional again.
export const output: PutValuesOutput = { Id: "id", Version: 2, Hint: undefined };
// @ts-expect-error Id is @required in an output
export const outputWithoutId: PutValuesOutput = { Id: undefined, Version: 2, Hint: undefined };
// @ts-expect-error Version has a @default, so it is always present in an output
export const outputWithoutVersion: PutValuesOutput = { Id: "id", Hint: undefined };
`;

  it("maps every simple type to the contract's TypeScript type", async () => {
    const files = await build("simple-types", consumer);
    const src = fileOf(files, "src/models.ts");
    expect(members(src, "AllTypes")).toEqual({
      BlobValue: "?: Uint8Array | undefined",
      BooleanValue: "?: boolean | undefined",
      StringValue: "?: string | undefined",
      ByteValue: "?: number | undefined",
      ShortValue: "?: number | undefined",
      IntegerValue: "?: number | undefined",
      LongValue: "?: number | undefined",
      FloatValue: "?: number | undefined",
      DoubleValue: "?: number | undefined",
      BigIntegerValue: "?: bigint | undefined",
      BigDecimalValue: "?: string | undefined",
      TimestampValue: "?: Date | undefined",
      // document → a JSON value type: @smithy/types' DocumentType, imported under an alias.
      DocumentValue: expect.stringMatching(/^\?: (\w+) \| undefined$/),
      CustomString: "?: string | undefined",
      CustomTimestamp: "?: Date | undefined",
      PrimitiveFlag: ": boolean",
    });
    const documentAlias = /^\?: (\w+)/.exec(members(src, "AllTypes")["DocumentValue"]!)![1]!;
    expect(src).toMatch(new RegExp(`import type \\{[^}]*\\bDocumentType as ${documentAlias}\\b[^}]*\\} from "@smithy/types"`));
    // Simple shapes are inlined: no declaration for Token or When.
    expect([...declarations(src).keys()].sort()).toEqual(["AllTypes", "PutValuesInput", "PutValuesOutput"]);
  });

  it("types member optionality by the Smithy 2.0 client rules", async () => {
    const files = await build("simple-types");
    const src = fileOf(files, "src/models.ts");
    expect(members(src, "PutValuesInput")).toEqual({
      Name: ": string | undefined",
      Count: "?: number | undefined", // @default in an @input structure is optional for clients
      Note: "?: string | undefined",
      Values: "?: AllTypes | undefined",
    });
    expect(members(src, "PutValuesOutput")).toEqual({
      Id: ": string",
      Version: ": number",
      Hint: ": string | undefined",
      Ratio: "?: number | undefined", // @clientOptional wins over @default (aggregate-types.rst)
      Cleared: "?: string | undefined", // @default(null) means no default
      Values: "?: AllTypes | undefined",
    });
  });
});

describe("lists and maps", () => {
  it("lists are T[], maps Record<string, T>, @sparse adds null", async () => {
    const files = await build("collections", `
import type { GetCollectionsInput, GetCollectionsOutput } from "./index.js";
export const out: GetCollectionsOutput = {
  Names: ["a"], Matrix: [[1, 2], []], Gaps: ["a", null], Tags: { k: "v" }, SparseTags: { k: null },
  Items: [{ Id: "1" }], ItemsById: { one: { Id: "1" } }, Groups: { g: ["a"] }, UniqueNames: ["x"],
};
// @ts-expect-error a list that is not @sparse holds no nulls
export const dense: GetCollectionsOutput = { Names: ["a", null] };
// @ts-expect-error a map that is not @sparse holds no nulls
export const denseMap: GetCollectionsOutput = { Tags: { k: null } };
// An operation without input takes an empty object.
export const noInput: GetCollectionsInput = {};
`);
    expect(members(fileOf(files, "src/models.ts"), "GetCollectionsOutput")).toEqual({
      Names: "?: string[] | undefined",
      Matrix: "?: number[][] | undefined",
      Gaps: "?: (string | null)[] | undefined",
      Tags: "?: Record<string, string> | undefined",
      SparseTags: "?: Record<string, string | null> | undefined",
      Items: "?: Item[] | undefined",
      ItemsById: "?: Record<string, Item> | undefined",
      Groups: "?: Record<string, string[]> | undefined",
      UniqueNames: "?: string[] | undefined",
    });
  });
});

describe("nested and recursive structures", () => {
  it("compile, and a recursive union can be walked with visit", async () => {
    const files = await build("structures", `
import type { Company, Person, TreeNode } from "./index.js";
const root: TreeNode = { Value: "root", Children: [], Attributes: {} };
const child: TreeNode = { Value: "child", Parent: root, Children: [{ Value: "grandchild" }] };
root.Children!.push(child);
export const tree = root;
const acme: Company = { Name: "Acme", Employees: [] };
export const person: Person = { Name: "Ada", Address: { City: "London" }, Employer: acme };
acme.Employees!.push(person);
// @ts-expect-error City is @required in Address
export const noCity: Person = { Name: "Ada", Address: {} };
`);
    const src = fileOf(files, "src/models.ts");
    expect(members(src, "TreeNode")).toEqual({
      Value: ": string",
      Children: "?: TreeNode[] | undefined",
      Parent: "?: TreeNode | undefined",
      Attributes: "?: Record<string, TreeNode> | undefined",
    });
    expect(members(src, "Operands")).toEqual({ Left: ": Expression", Right: ": Expression" });

    type Expr = Record<string, unknown>;
    const { mod } = await loadGenerated<{ Expression: { visit: (v: Expr, visitor: Record<string, (...a: any[]) => number>) => number } }>(files);
    const evaluate = (e: Expr): number =>
      mod.Expression.visit(e, {
        Literal: (n: number) => n,
        Sum: (o: { Left: Expr; Right: Expr }) => evaluate(o.Left) + evaluate(o.Right),
        Negate: (inner: Expr) => -evaluate(inner),
        _: () => Number.NaN,
      });
    // -(1 + (2 + -(0))) = -3; the literal 0 is set even though it is falsy.
    const expr = { Negate: { Sum: { Left: { Literal: 1 }, Right: { Sum: { Left: { Literal: 2 }, Right: { Negate: { Literal: 0 } } } } } } };
    expect(evaluate(expr)).toBe(-3);
  });
});

describe("unions", () => {
  it("emit the discriminated union, the namespace with visit, and an $unknown variant", async () => {
    const files = await build("unions", `
import { Content } from "./index.js";
export const text: Content = { Text: "hi" };
export const empty: Content = { Empty: {} };
export const unknown: Content = { $unknown: ["Video", { url: "x" }] };
// @ts-expect-error exactly one member may be set
export const two: Content = { Text: "hi", Count: 1 };
// @ts-expect-error the visitor must handle every member
export const partial: number = Content.visit(text, { Text: () => 1, _: () => 0 });
`);
    const src = fileOf(files, "src/models.ts");
    expect(declarations(src).get("Content")?.sort()).toEqual(["namespace", "type"]);
    expect(docOf(src, "Content")).toContain("What a message carries: exactly one of its members.");
    const ns = parse(src).statements.find((s): s is ts.ModuleDeclaration => ts.isModuleDeclaration(s) && s.name.text === "Content")!;
    const nsText = ns.getText();
    for (const variant of ["TextMember", "ImageMember", "PartsMember", "CountMember", "FlagMember", "EmptyMember", "$UnknownMember", "Visitor"]) {
      expect(nsText).toContain(`interface ${variant}`);
    }
    expect(nsText).toMatch(/\$unknown: \[string, any\]/);
    expect(nsText).toMatch(/export const visit\b/);
  });

  it("visit calls the visitor function of the member that is set, falsy values included", async () => {
    const files = await build("unions");
    type Visit = (value: unknown, visitor: Record<string, (...args: unknown[]) => unknown>) => unknown;
    const { mod } = await loadGenerated<{ Content: { visit: Visit } }>(files);
    const visitor = Object.fromEntries(
      ["Text", "Image", "Parts", "Count", "Flag", "Empty"].map((k) => [k, (v: unknown) => [k, v]]),
    ) as Record<string, (...args: unknown[]) => unknown>;
    visitor["_"] = (name, value) => ["_", name, value];
    const visit = (v: unknown) => mod.Content.visit(v, visitor);
    expect(visit({ Text: "" })).toEqual(["Text", ""]);
    expect(visit({ Count: 0 })).toEqual(["Count", 0]);
    expect(visit({ Flag: false })).toEqual(["Flag", false]);
    expect(visit({ Empty: {} })).toEqual(["Empty", {}]);
    expect(visit({ Image: { Url: "u" } })).toEqual(["Image", { Url: "u" }]);
    expect(visit({ Parts: [{ Text: "a" }] })).toEqual(["Parts", [{ Text: "a" }]]);
    expect(visit({ $unknown: ["Video", { url: "x" }] })).toEqual(["_", "Video", { url: "x" }]);
    // A value with nothing set (malformed input) reaches `_` instead of throwing a TypeError.
    expect(() => visit({})).not.toThrow();
    expect((visit({}) as unknown[])[0]).toBe("_");
  });
});

describe("enums", () => {
  it("emit a const object with the model's values and a type of those values", async () => {
    const files = await build("enums", `
import { Color, LegacyShade, Priority, type SetColorInput } from "./index.js";
export const red: Color = Color.RED;
export const green: Color = "green";
// @ts-expect-error the type holds the enum values, not the member names
export const byName: Color = "GREEN";
// @ts-expect-error BLUE has no @enumValue, so its value is its name "BLUE"
export const blue: Color = "blue";
export const high: Priority = Priority.HIGH;
export const medium: Priority = 5;
// @ts-expect-error 2 is not a Priority
export const two: Priority = 2;
export const dark: LegacyShade = "dark";
// @ts-expect-error "dim" is not a LegacyShade
export const dim: LegacyShade = "dim";
export const input: SetColorInput = { Color: Color.BLUE, Palette: [Color.RED, "BLUE"] };
`);
    const src = fileOf(files, "src/models.ts");
    for (const name of ["Color", "Priority", "LegacyShade", "Suit"]) {
      expect(declarations(src).get(name)?.sort(), name).toEqual(["const", "type"]);
    }
    const { mod } = await loadGenerated<Record<string, Record<string, unknown>>>(files);
    expect(mod["Color"]).toEqual({ RED: "red", GREEN: "green", BLUE: "BLUE" });
    expect(mod["Priority"]).toEqual({ LOW: 1, MEDIUM: 5, HIGH: 10 });
    expect(mod["LegacyShade"]).toEqual({ LIGHT: "light", DARK: "dark" });
    // Definitions without a name still get a key; the values are what matter.
    expect(Object.values(mod["Suit"]!)).toEqual(["hearts", "spades"]);
    expect(members(src, "SetColorInput")).toEqual({
      Color: ": Color",
      Priority: "?: Priority | undefined",
      Shade: "?: LegacyShade | undefined",
      Palette: "?: Color[] | undefined",
    });
    expect(members(src, "SetColorOutput")).toEqual({
      Previous: "?: Color | undefined",
      Suit: "?: Suit | undefined",
      Counts: "?: Record<string, number> | undefined",
    });
    expect(docOf(src, "Color")).toContain("A primary color.");
    expect(docOf(src, "Color", "GREEN")).toContain("The color of grass.");
    expect(docOf(src, "LegacyShade", "DARK")).toContain("Low luminance.");
  });
});

describe("documentation, @deprecated and @sensitive", () => {
  it("become TSDoc on types and members", async () => {
    const files = await build("docs");
    const src = fileOf(files, "src/models.ts");
    const inputDoc = docOf(src, "LoginInput");
    expect(inputDoc).toContain("Credentials of a user.");
    expect(inputDoc).toContain("The second paragraph");
    // A `*/` in the documentation must not close the comment early: it is all one block.
    expect(inputDoc).toContain("must not end the TSDoc block.");
    expect(docOf(src, "LoginInput", "UserName")).toContain("The name the user signs in with.");
    expect(docOf(src, "LoginInput", "OneTimeCode")).toMatch(/A code from the user's authenticator app\.[\s\S]*@sensitive/);
    // @sensitive on the target shape makes the member sensitive too.
    expect(docOf(src, "LoginInput", "Password")).toContain("@sensitive");
    expect(docOf(src, "LoginInput", "UserName")).not.toContain("@sensitive");
    expect(docOf(src, "LoginInput", "LegacyToken")).toMatch(/@deprecated Use OneTimeCode instead\..*2023-06-01/);
    expect(docOf(src, "LoginInput", "OldFlag")).toContain("@deprecated");
    expect(docOf(src, "Session")).toMatch(/An authenticated session\.[\s\S]*@deprecated Sessions are replaced by tokens\./);
    expect(docOf(src, "Session", "Token")).toContain("@sensitive");
    expect(docOf(src, "LoginMethod")).toContain("How the user signed in.");
    expect(docOf(src, "LoginMethod", "PASSWORD")).toContain("With a password.");
    expect(docOf(src, "LoginMethod", "SMS")).toContain("@deprecated SMS codes are phased out.");
    expect(docOf(src, "Proof")).toContain("Evidence of the sign-in.");
    const proof = parse(src).statements.find((s) => ts.isModuleDeclaration(s) && s.name.text === "Proof")!.getText();
    expect(proof).toMatch(/A signed receipt\.\s*\*\/\s*export interface ReceiptMember/);
    expect(proof).toMatch(/@sensitive[^/]*\*\/\s*export interface ChallengeMember/);

    const errors = fileOf(files, "src/errors.ts");
    expect(docOf(errors, "LoginFailed")).toContain("The credentials were not accepted.");
    expect(docOf(errors, "LoginFailed", "Attempts")).toContain("How many attempts are left.");
  });
});

describe("errors", () => {
  it("emit a class per error with name, $fault, members, message, status and retryability", async () => {
    const files = await build("errors", `
import { InternalFailure, NotFound, type GetThingError, type PingError } from "./index.js";
const metadata = {};
// Errors the service lists are errors of every operation.
export const a: GetThingError = new InternalFailure({ $metadata: metadata });
export const b: PingError = new InternalFailure({ $metadata: metadata });
// @ts-expect-error NotFound is not an error of Ping
export const c: PingError = new NotFound({ $metadata: metadata, ResourceId: "r" });
// @ts-expect-error ResourceId is @required
export const d = new NotFound({ $metadata: metadata });
`);
    type ErrorClass = new (options: Record<string, unknown>) => Error & Record<string, unknown>;
    const { mod } = await loadGenerated<Record<string, any>>(files);
    const NotFound = mod["NotFound"] as ErrorClass & { httpStatus: number };
    const e = new NotFound({ message: "no such thing", $metadata: { httpStatusCode: 404 }, ResourceId: "r-1" });
    expect(e).toBeInstanceOf(Error);
    expect(e).toBeInstanceOf(mod["ErrorServiceServiceException"]);
    expect(e).toBeInstanceOf(NotFound);
    expect(e.name).toBe("NotFound");
    expect(e["$fault"]).toBe("client");
    expect(e.message).toBe("no such thing");
    expect(e["ResourceId"]).toBe("r-1");
    expect(e["$metadata"]).toEqual({ httpStatusCode: 404 });
    expect(NotFound.httpStatus).toBe(404);

    // A `message` member (any case) is Error's own message, not a second property.
    const throttled = new (mod["Throttled"] as ErrorClass)({ message: "slow down", $metadata: {}, RetryAfterSeconds: 3 });
    expect(throttled.message).toBe("slow down");
    expect(throttled["$retryable"]).toEqual({ throttling: true });
    expect(throttled["RetryAfterSeconds"]).toBe(3);

    const internal = new (mod["InternalFailure"] as ErrorClass)({ $metadata: {} });
    expect(internal["$fault"]).toBe("server");
    expect(internal["$retryable"]).toBeDefined();
    expect((internal["$retryable"] as { throttling?: boolean }).throttling).not.toBe(true);

    // Guards check name and $fault, so they work across copies of the package (no instanceof).
    expect(mod["isNotFound"]({ name: "NotFound", $fault: "client", $metadata: {} })).toBe(true);
    expect(mod["isNotFound"](internal)).toBe(false);
    expect(mod["isNotFound"](new Error("NotFound"))).toBe(false);
    expect(mod["isErrorServiceServiceException"](throttled)).toBe(true);
    expect(mod["isErrorServiceServiceException"]("NotFound")).toBe(false);

    const decl = declarations(fileOf(files, "src/errors.ts"));
    for (const name of ["GetThingError", "PingError"]) expect(decl.get(name), name).toEqual(["type"]);
  });
});

describe("IDL 1.0 model", () => {
  it("is read with 2.0 semantics: sets are lists, unboxed primitives are present", async () => {
    const files = await build("legacy-v1");
    const src = fileOf(files, "src/models.ts");
    expect(members(src, "ListThingsResponse")).toEqual({
      Names: "?: string[] | undefined",
      Count: ": number",
      Total: "?: number | undefined",
      PageSize: "?: number | undefined",
      Score: ": number",
      BoxedScore: "?: number | undefined",
    });
    expect(members(src, "ListThingsRequest")).toEqual({
      MaxResults: "?: number | undefined",
      Verbose: ": boolean",
    });
  });
});

describe("hostile names", () => {
  const consumer = `
import { Choice, Keyword, _Error, type Item, type LegacyItem, type StoreInput, type StoreOutput } from "./index.js";
export const input: StoreInput = {
  constructor: "c", ["__proto__"]: "p", default: 1, Date: new Date(0), Error: "e", toString: true,
  Item: { Name: "i" }, Legacy: { Code: 7 }, Choice: { default: false }, Keyword: Keyword.default,
};
export const output: StoreOutput = { Calendar: { Day: 1, At: new Date(0) }, Created: new Date(0), Lookup: { k: { Value: "v" } } };
// Timestamps are still the global Date, not the renamed Date shape.
export const year: number = output.Created.getUTCFullYear() + (output.Calendar.At?.getTime() ?? 0);
// @ts-expect-error the Date shape is a structure, not a timestamp
export const wrong: StoreOutput = { Calendar: new Date(0), Created: new Date(0) };
export const item: Item = { Name: "n" };
export const legacy: LegacyItem = { Code: 1 };
export const error: Error = new _Error({ $metadata: {}, Date: new Date(0), default: "d" });
export const choice: number = Choice.visit({ toString: "s" }, {
  constructor: () => 1, ["__proto__"]: () => 2, default: () => 3, Date: () => 4, Error: () => 5, toString: () => 6, _: () => 0,
});
`;

  it("compile, with globals renamed and the service rename used", async () => {
    const files = await build("hostile", consumer);
    const models = fileOf(files, "src/models.ts");
    const names = [...declarations(models).keys()];
    // Shapes named like globals get a `_` prefix (as AWS SDK v3 does); the renamed shape uses its new name.
    for (const name of ["_Date", "_Object", "_Promise", "_Record", "Item", "LegacyItem", "Choice", "Keyword"]) expect(names).toContain(name);
    for (const name of ["Date", "Object", "Promise", "Record", "item", "Error"]) expect(names).not.toContain(name);
    expect(members(models, "StoreOutput")).toMatchObject({
      Calendar: ": _Date",
      Created: ": Date",
      Failure: "?: Problem | undefined",
      Thing: "?: _Object | undefined",
      Later: "?: _Promise | undefined",
      Entries: "?: _Record | undefined",
      Lookup: "?: Record<string, _Record> | undefined",
    });
    expect(members(models, "StoreInput")).toMatchObject({
      constructor: ": string | undefined",
      __proto__: "?: string | undefined",
      default: "?: number | undefined",
      Date: "?: Date | undefined",
      Error: "?: string | undefined",
      Legacy: "?: LegacyItem | undefined",
    });
    expect(members(models, "Problem")).toEqual({ Error: "?: _Object | undefined", Date: "?: _Date | undefined", Object: "?: string | undefined" });
    const errors = declarations(fileOf(files, "src/errors.ts"));
    expect(errors.get("_Error")).toEqual(["class"]);
    expect(errors.get("is_Error_2")).toEqual(["function"]);
    expect(errors.has("Error")).toBe(false);
  });

  it("generated names yield to model shapes that hold them, by one rule (README: Deliberate choices)", async () => {
    const files = await build("hostile");
    const models = declarations(fileOf(files, "src/models.ts"));
    const taken = ["StoreError", "StoreCommandError", "is_Error", "validateItem", "assertValidItem", "ItemSchema", "ValidationException",
      "HostileValidationException", "ValidationFailure", "StandardSchemaV1", "HostileServiceException", "_Symbol"];
    for (const name of taken) expect(models.get(name), name).toEqual(["interface"]);
    // `Symbol` is a global: its `_Symbol` is the model's, so it takes the numbered fallback.
    expect(models.get("_Symbol_2")).toEqual(["interface"]);
    expect(members(fileOf(files, "src/models.ts"), "Taken")).toMatchObject({ Symbol: "?: _Symbol_2 | undefined" });
    // The error union: <Op>Error, then <Op>CommandError, then numbered; the same for the guard and the service exception.
    const errors = declarations(fileOf(files, "src/errors.ts"));
    expect(errors.get("StoreCommandError_2")).toEqual(["type"]);
    expect(errors.get("is_Error_2")).toEqual(["function"]);
    expect(errors.get("HostileServiceException_2")).toEqual(["class"]);
    expect(errors.get("HostileServiceException_2Options")).toEqual(["interface"]);
    expect(errors.get("isHostileServiceException_2")).toEqual(["function"]);
    for (const name of taken) expect(errors.has(name), name).toBe(false);
    // Validators: the service-prefixed name first for the shared declarations, then numbered.
    const validators = declarations(fileOf(files, "src/validators.ts"));
    expect(validators.get("HostileValidationException_2")).toEqual(["class"]);
    expect(validators.get("HostileValidationFailure")).toEqual(["type"]);
    expect(validators.get("HostileStandardSchemaV1")).toEqual(["type"]);
    for (const name of ["validateItem_2", "assertValidItem_2"]) expect(validators.get(name), name).toEqual(["function"]);
    expect(validators.get("ItemSchema_2")).toEqual(["const"]);
    for (const name of taken) expect(validators.has(name), name).toBe(false);
  });

  it("work when loaded: enum keys, union visit and the renamed error", async () => {
    const files = await build("hostile");
    const { mod } = await loadGenerated<Record<string, any>>(files);

    const keyword = mod["Keyword"] as Record<string, string>;
    expect(Object.getPrototypeOf(keyword)).toBe(Object.prototype);
    expect(Object.keys(keyword)).toEqual(["constructor", "__proto__", "default", "toString"]);
    expect(Object.getOwnPropertyDescriptor(keyword, "__proto__")?.value).toBe("__proto__");
    expect(keyword["constructor"]).toBe("constructor");
    expect(keyword["toString"]).toBe("to-string");

    const seen: unknown[] = [];
    // A computed key makes `__proto__` an own property instead of setting the prototype.
    const visitor: Record<string, (...args: unknown[]) => string> = {
      constructor: (v: unknown) => `constructor:${String(v)}`,
      ["__proto__"]: (v: unknown) => `__proto__:${String(v)}`,
      default: (v: unknown) => `default:${String(v)}`,
      Date: (v: unknown) => `Date:${(v as Date).toISOString()}`,
      Error: (v: unknown) => `Error:${(v as { Key: string }).Key}`,
      toString: (v: unknown) => `toString:${String(v)}`,
      _: (name: unknown, v: unknown) => `_:${String(name)}:${JSON.stringify(v)}`,
    };
    const visit = (value: unknown) => mod["Choice"].visit(value, visitor) as string;
    for (const value of [
      { constructor: "c" },
      JSON.parse('{"__proto__": 5}') as unknown,
      { default: false },
      { Date: new Date(0) },
      { Error: { Key: "k" } },
      { toString: "s" },
      { $unknown: ["Other", 1] },
    ]) {
      seen.push(visit(value));
    }
    expect(seen).toEqual([
      "constructor:c",
      "__proto__:5",
      "default:false",
      "Date:1970-01-01T00:00:00.000Z",
      "Error:k",
      "toString:s",
      '_:Other:1',
    ]);

    const error = new mod["_Error"]({ message: "boom", $metadata: {}, Date: new Date(0), default: "d" });
    expect(error).toBeInstanceOf(Error);
    // The model's HostileServiceException shape keeps its name: the base class takes the fallback.
    expect(error).toBeInstanceOf(mod["HostileServiceException_2"]);
    expect(error.name).toBe("Error");
    expect(error.message).toBe("boom");
    expect(error.Date).toEqual(new Date(0));
    expect(error.default).toBe("d");
    expect(mod["is_Error_2"](error)).toBe(true);
    expect(mod["is_Error_2"](new Error("plain"))).toBe(false);
  });
});
