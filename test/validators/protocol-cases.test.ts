// The restJson1 validation protocol tests (shared/smithy/protocol-tests/restJson1/validation/),
// case by case: each fixture model mirrors the shapes of one test file, each row is one test
// case (its id, the request body as the deserialized value, the expected path and message,
// copied from the test's `fieldList`). The summary is the test's `message`.

import { describe, expect, it } from "vitest";
import { fixturePackage, thrown, validatorOf, type Failure } from "./load.js";

interface Case {
  readonly id: string;
  readonly input: Record<string, unknown>;
  readonly path: string;
  readonly constraint: Failure["constraint"];
  readonly message: string;
}

const bytes = (text: string) => new TextEncoder().encode(text);
const list = (n: number, item = "abc") => Array.from({ length: n }, () => item);
const mapOf = (keys: string[], value: unknown = ["abc", "def", "efg"]) => Object.fromEntries(keys.map((k) => [k, value]));

function run(fixture: string, shape: string, cases: readonly Case[]): void {
  describe(`${fixture}: ${shape}`, () => {
    for (const c of cases) {
      it(`${c.id} (${c.path})`, async () => {
        const validate = await validatorOf(fixture, shape);
        expect(validate(c.input)).toEqual([{ path: c.path, constraint: c.constraint, message: c.message }]);
        const { mod } = await fixturePackage(fixture);
        const assertValid = mod[`assertValid${shape}`] as (v: unknown) => void;
        expect(thrown(() => assertValid(c.input))).toMatchObject({ name: "ValidationException", message: `1 validation error detected. ${c.message}` });
      });
    }
  });
}

const between28 = "failed to satisfy constraint: Member must have length between 2 and 8, inclusive";
const between46 = "failed to satisfy constraint: Member must have length between 4 and 6, inclusive";

run("length", "MalformedLengthInput", [
  { id: "RestJsonMalformedLengthBlob", input: { blob: bytes("a") }, path: "/blob", constraint: "length", message: `Value with length 1 at '/blob' ${between28}` },
  { id: "RestJsonMalformedLengthBlob", input: { blob: bytes("abcdefghijklmnopqrstuvwxyz") }, path: "/blob", constraint: "length", message: `Value with length 26 at '/blob' ${between28}` },
  { id: "RestJsonMalformedLengthString", input: { string: "a" }, path: "/string", constraint: "length", message: `Value with length 1 at '/string' ${between28}` },
  { id: "RestJsonMalformedLengthString", input: { string: "abcdefghijklmnopqrstuvwxyz" }, path: "/string", constraint: "length", message: `Value with length 26 at '/string' ${between28}` },
  { id: "RestJsonMalformedLengthString", input: { string: "👍" }, path: "/string", constraint: "length", message: `Value with length 1 at '/string' ${between28}` },
  { id: "RestJsonMalformedLengthMinString", input: { minString: "a" }, path: "/minString", constraint: "length", message: "Value with length 1 at '/minString' failed to satisfy constraint: Member must have length greater than or equal to 2" },
  { id: "RestJsonMalformedLengthMaxString", input: { maxString: "abcdefghijklmnopqrstuvwxyz" }, path: "/maxString", constraint: "length", message: "Value with length 26 at '/maxString' failed to satisfy constraint: Member must have length less than or equal to 8" },
  { id: "RestJsonMalformedLengthList", input: { list: ["abc"] }, path: "/list", constraint: "length", message: `Value with length 1 at '/list' ${between28}` },
  { id: "RestJsonMalformedLengthList", input: { list: list(10) }, path: "/list", constraint: "length", message: `Value with length 10 at '/list' ${between28}` },
  { id: "RestJsonMalformedLengthListValue", input: { list: ["a", "abc"] }, path: "/list/0", constraint: "length", message: `Value with length 1 at '/list/0' ${between28}` },
  { id: "RestJsonMalformedLengthListValue", input: { list: ["abcdefghijklmnopqrstuvwxyz", "abc"] }, path: "/list/0", constraint: "length", message: `Value with length 26 at '/list/0' ${between28}` },
  { id: "RestJsonMalformedLengthMap", input: { map: { abc: ["def", "efg", "fgh"] } }, path: "/map", constraint: "length", message: `Value with length 1 at '/map' ${between28}` },
  { id: "RestJsonMalformedLengthMap", input: { map: mapOf(["abc", "bcd", "cde", "def", "efg", "fgh", "ghi", "jkl", "klm", "lmn"]) }, path: "/map", constraint: "length", message: `Value with length 10 at '/map' ${between28}` },
  { id: "RestJsonMalformedLengthMapKey", input: { map: mapOf(["a", "bcd", "cde"]) }, path: "/map", constraint: "length", message: `Value with length 1 at '/map' ${between28}` },
  { id: "RestJsonMalformedLengthMapKey", input: { map: mapOf(["abcdefghijklmnopqrstuvwxyz", "bcd", "cde"]) }, path: "/map", constraint: "length", message: `Value with length 26 at '/map' ${between28}` },
  { id: "RestJsonMalformedLengthMapValue", input: { map: { abc: ["def"], bcd: ["abc", "def", "efg"], cde: ["abc", "def", "efg"] } }, path: "/map/abc", constraint: "length", message: `Value with length 1 at '/map/abc' ${between28}` },
  { id: "RestJsonMalformedLengthMapValue", input: { map: { abc: list(10, "def"), bcd: ["abc", "def", "efg"], cde: ["abc", "def", "efg"] } }, path: "/map/abc", constraint: "length", message: `Value with length 10 at '/map/abc' ${between28}` },
]);

run("length", "MalformedLengthOverrideInput", [
  { id: "RestJsonMalformedLengthBlobOverride", input: { blob: bytes("abc") }, path: "/blob", constraint: "length", message: `Value with length 3 at '/blob' ${between46}` },
  { id: "RestJsonMalformedLengthBlobOverride", input: { blob: bytes("abcdefg") }, path: "/blob", constraint: "length", message: `Value with length 7 at '/blob' ${between46}` },
  { id: "RestJsonMalformedLengthStringOverride", input: { string: "abc" }, path: "/string", constraint: "length", message: `Value with length 3 at '/string' ${between46}` },
  { id: "RestJsonMalformedLengthStringOverride", input: { string: "abcdefg" }, path: "/string", constraint: "length", message: `Value with length 7 at '/string' ${between46}` },
  { id: "RestJsonMalformedLengthStringOverride", input: { string: "👍👍👍" }, path: "/string", constraint: "length", message: `Value with length 3 at '/string' ${between46}` },
  { id: "RestJsonMalformedLengthMinStringOverride", input: { minString: "abc" }, path: "/minString", constraint: "length", message: "Value with length 3 at '/minString' failed to satisfy constraint: Member must have length greater than or equal to 4" },
  { id: "RestJsonMalformedLengthMaxStringOverride", input: { maxString: "abcdefg" }, path: "/maxString", constraint: "length", message: "Value with length 7 at '/maxString' failed to satisfy constraint: Member must have length less than or equal to 6" },
  { id: "RestJsonMalformedLengthListOverride", input: { list: ["abc", "def", "ghi"] }, path: "/list", constraint: "length", message: `Value with length 3 at '/list' ${between46}` },
  { id: "RestJsonMalformedLengthListOverride", input: { list: list(7) }, path: "/list", constraint: "length", message: `Value with length 7 at '/list' ${between46}` },
  { id: "RestJsonMalformedLengthMapOverride", input: { map: mapOf(["abc", "bcd", "def"]) }, path: "/map", constraint: "length", message: `Value with length 3 at '/map' ${between46}` },
  { id: "RestJsonMalformedLengthMapOverride", input: { map: mapOf(["abc", "bcd", "cde", "def", "efg", "fgh", "ghi"]) }, path: "/map", constraint: "length", message: `Value with length 7 at '/map' ${between46}` },
]);

run("length", "MalformedLengthQueryStringInput", [
  { id: "RestJsonMalformedLengthQueryStringNoValue", input: { string: "" }, path: "/string", constraint: "length", message: `Value with length 0 at '/string' ${between28}` },
]);

const am = "failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-m]+$";
const gm = "failed to satisfy constraint: Member must satisfy regular expression pattern: ^[g-m]+$";
run("pattern", "MalformedPatternInput", [
  ...["ABC", "xyz"].flatMap((value): Case[] => [
    { id: "RestJsonMalformedPatternString", input: { string: value }, path: "/string", constraint: "pattern", message: `Value at '/string' ${am}` },
    { id: "RestJsonMalformedPatternList", input: { list: [value] }, path: "/list/0", constraint: "pattern", message: `Value at '/list/0' ${am}` },
    { id: "RestJsonMalformedPatternMapKey", input: { map: { [value]: "abc" } }, path: "/map", constraint: "pattern", message: `Value at '/map' ${am}` },
    { id: "RestJsonMalformedPatternMapValue", input: { map: { abc: value } }, path: "/map/abc", constraint: "pattern", message: `Value at '/map/abc' ${am}` },
    { id: "RestJsonMalformedPatternUnion", input: { union: { first: value } }, path: "/union/first", constraint: "pattern", message: `Value at '/union/first' ${am}` },
  ]),
  {
    id: "RestJsonMalformedPatternReDOSString",
    input: { evilString: "000000000000000000000000000000000000000000000000000000000000000000000000000000000000!" },
    path: "/evilString",
    constraint: "pattern",
    message: "Value at '/evilString' failed to satisfy constraint: Member must satisfy regular expression pattern: ^([0-9]+)+$",
  },
]);

run("pattern", "MalformedPatternOverrideInput", [
  ...["abc", "xyz"].flatMap((value): Case[] => [
    { id: "RestJsonMalformedPatternStringOverride", input: { string: value }, path: "/string", constraint: "pattern", message: `Value at '/string' ${gm}` },
    { id: "RestJsonMalformedPatternListOverride", input: { list: [value] }, path: "/list/0", constraint: "pattern", message: `Value at '/list/0' ${gm}` },
    { id: "RestJsonMalformedPatternMapKeyOverride", input: { map: { [value]: "ghi" } }, path: "/map", constraint: "pattern", message: `Value at '/map' ${gm}` },
    { id: "RestJsonMalformedPatternMapValueOverride", input: { map: { ghi: value } }, path: "/map/ghi", constraint: "pattern", message: `Value at '/map/ghi' ${gm}` },
    { id: "RestJsonMalformedPatternUnionOverride", input: { union: { first: value } }, path: "/union/first", constraint: "pattern", message: `Value at '/union/first' ${gm}` },
  ]),
]);

const rangeCases = (kinds: string[], lo: string, hi: string, below: number, above: number, suffix: string): Case[] =>
  kinds.flatMap((kind) => {
    const cap = kind[0]!.toUpperCase() + kind.slice(1);
    const at = (member: string, rule: string) => `Value at '/${member}' failed to satisfy constraint: Member ${rule}`;
    return [
      ...[below, above].map((value) => ({ id: `RestJsonMalformedRange${cap}${suffix}`, input: { [kind]: value }, path: `/${kind}`, constraint: "range", message: at(kind, `must be between ${lo} and ${hi}, inclusive`) })),
      { id: `RestJsonMalformedRangeMin${cap}${suffix}`, input: { [`min${cap}`]: below }, path: `/min${cap}`, constraint: "range", message: at(`min${cap}`, `must be greater than or equal to ${lo}`) },
      { id: `RestJsonMalformedRangeMax${cap}${suffix}`, input: { [`max${cap}`]: above }, path: `/max${cap}`, constraint: "range", message: at(`max${cap}`, `must be less than or equal to ${hi}`) },
    ];
  });
run("range", "MalformedRangeInput", [
  ...rangeCases(["byte", "short", "integer", "long"], "2", "8", 1, 9, ""),
  ...rangeCases(["float"], "2.2", "8.8", 2.1, 8.9, ""),
]);
run("range", "MalformedRangeOverrideInput", [
  ...rangeCases(["byte", "short", "integer", "long"], "4", "6", 3, 7, "Override"),
  ...rangeCases(["float"], "4.4", "6.6", 4.3, 6.7, "Override"),
]);

const enumSet = "failed to satisfy constraint: Member must satisfy enum value set: [abc, def, jkl]";
run("enum", "MalformedEnumInput", [
  ...["ABC", "XYZ"].flatMap((value): Case[] => [
    { id: "RestJsonMalformedEnumString", input: { string: value }, path: "/string", constraint: "enum", message: `Value at '/string' ${enumSet}` },
    { id: "RestJsonMalformedEnumTraitString", input: { stringWithEnumTrait: value }, path: "/stringWithEnumTrait", constraint: "enum", message: "Value at '/stringWithEnumTrait' failed to satisfy constraint: Member must satisfy enum value set: [abc, def]" },
    { id: "RestJsonMalformedEnumList", input: { list: [value] }, path: "/list/0", constraint: "enum", message: `Value at '/list/0' ${enumSet}` },
    { id: "RestJsonMalformedEnumMapKey", input: { map: { [value]: "abc" } }, path: "/map", constraint: "enum", message: `Value at '/map' ${enumSet}` },
    { id: "RestJsonMalformedEnumMapValue", input: { map: { abc: value } }, path: "/map/abc", constraint: "enum", message: `Value at '/map/abc' ${enumSet}` },
    { id: "RestJsonMalformedEnumUnion", input: { union: { first: value } }, path: "/union/first", constraint: "enum", message: `Value at '/union/first' ${enumSet}` },
  ]),
]);

const notNull = (path: string) => `Value at '${path}' failed to satisfy constraint: Member must not be null`;
run("required", "MalformedRequiredInput", [
  { id: "RestJsonMalformedRequiredBodyUnset", input: { stringInQuery: "abc", stringInHeader: "abc" }, path: "/string", constraint: "required", message: notNull("/string") },
  { id: "RestJsonMalformedRequiredBodyExplicitNull", input: { string: null, stringInQuery: "abc", stringInHeader: "abc" }, path: "/string", constraint: "required", message: notNull("/string") },
  { id: "RestJsonMalformedRequiredHeaderUnset", input: { string: "abc", stringInQuery: "abc" }, path: "/stringInHeader", constraint: "required", message: notNull("/stringInHeader") },
]);

const unique = (member: string, items: unknown[]): Case => ({
  id: `RestJsonMalformedUniqueItems${member[0]!.toUpperCase()}${member.slice(1).replace(/List$/, "")}List`,
  input: { [member]: items },
  path: `/${member}`,
  constraint: "uniqueItems",
  message: `Value at '/${member}' failed to satisfy constraint: Member must have unique values`,
});
const instant = (text: string) => new Date(text);
run("unique-items", "MalformedUniqueItemsInput", [
  unique("blobList", [bytes("a"), bytes("a")]),
  unique("booleanList", [true, true]),
  unique("booleanList", [false, false]),
  unique("stringList", ["abc", "abc"]),
  unique("byteList", [1, 1]),
  unique("shortList", [2, 2]),
  unique("integerList", [3, 3]),
  unique("longList", [4, 4]),
  unique("timestampList", [new Date(1676660607 * 1000), new Date(1676660607 * 1000)]),
  // RestJsonMalformedUniqueItemsDateTimeList / HttpDateList: the same instants in other wire formats.
  { ...unique("timestampList", [instant("1985-04-12T23:20:50.52Z"), instant("1985-04-12T23:20:50.52Z")]), id: "RestJsonMalformedUniqueItemsDateTimeList" },
  { ...unique("timestampList", [instant("Tue, 29 Apr 2014 18:30:38 GMT"), instant("Tue, 29 Apr 2014 18:30:38 GMT")]), id: "RestJsonMalformedUniqueItemsHttpDateList" },
  unique("enumList", ["Foo", "Foo"]),
  unique("intEnumList", [3, 3]),
  unique("listList", [["foo", "bar"], ["foo", "bar"]]),
  unique("structureList", [{ hi: "hello" }, { hi: "hello" }]),
  {
    id: "RestJsonMalformedUniqueItemsStructureMissingKeyList",
    input: { structureListWithNoKey: [{ hi2: "bar" }] },
    path: "/structureListWithNoKey/0/hi",
    constraint: "required",
    message: notNull("/structureListWithNoKey/0/hi"),
  },
  unique("unionList", [{ string: "foo" }, { string: "foo" }]),
  unique("unionList", [{ integer: 1 }, { integer: 1 }]),
]);

run("recursive", "RecursiveStructuresInput", [
  {
    id: "RestJsonMalformedRecursiveStructures",
    input: { union: { union: { union: { string: "XYZ" } } } },
    path: "/union/union/union/string",
    constraint: "enum",
    message: "Value at '/union/union/union/string' failed to satisfy constraint: Member must satisfy enum value set: [abc, def]",
  },
]);

run("sensitive", "SensitiveValidationInput", [
  { id: "RestJsonMalformedPatternSensitiveString", input: { string: "ABC" }, path: "/string", constraint: "pattern", message: "Value at '/string' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-m]+$" },
]);

describe("protocol tests that expect success", () => {
  it("RestJsonRecursiveStructuresValidate: a valid recursive value", async () => {
    const validate = await validatorOf("recursive", "RecursiveStructuresInput");
    expect(validate({ union: { union: { union: { string: "abc" } } } })).toEqual([]);
  });

  it("the summary line is the protocol test's `message` verbatim", async () => {
    const { mod } = await fixturePackage("required");
    const assertValid = mod.assertValidMalformedRequiredInput as (v: unknown) => void;
    expect(thrown(() => assertValid({ stringInQuery: "abc", stringInHeader: "abc" }))?.message).toBe(
      "1 validation error detected. Value at '/string' failed to satisfy constraint: Member must not be null",
    );
  });
});
