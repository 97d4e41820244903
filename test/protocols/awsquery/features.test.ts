// What the compliance suites leave out, on one small model served by awsQuery and by ec2Query:
// member names Object.prototype also has, recursive structures, lists of lists, unions, flattened
// maps, attributes and big numbers, each written to a form body and read back from XML.

import { describe, expect, it } from "vitest";
import { parseQueryForm } from "../../../runtime/query/form.js";
import { generate, loadGenerated, modelFromJson, typecheck } from "../../helpers/codegen.js";

type Generated = Record<string, (...args: any[]) => any>;

const str = { target: "smithy.api#String" };
const model = (protocol: "awsQuery" | "ec2Query") =>
  modelFromJson({
    "m.json": {
      smithy: "2.0",
      shapes: {
        "ex#Svc": { type: "service", version: "2020-01-01", operations: [{ target: "ex#Op" }], traits: { [`aws.protocols#${protocol}`]: {}, "smithy.api#xmlNamespace": { uri: "https://ex.com/" } } },
        "ex#Op": { type: "operation", input: { target: "ex#OpInput" }, output: { target: "ex#OpOutput" }, errors: [{ target: "ex#Bad" }] },
        "ex#OpInput": {
          type: "structure",
          traits: { "smithy.api#input": {} },
          members: {
            constructor: str,
            nested: { target: "ex#Nested" },
            grid: { target: "ex#Grid" },
            flat: { target: "ex#Strings", traits: { "smithy.api#xmlFlattened": {} } },
            byName: { target: "ex#NestedMap" },
            choice: { target: "ex#Choice" },
            when: { target: "smithy.api#Timestamp", traits: { "smithy.api#timestampFormat": "epoch-seconds" } },
            ratio: { target: "smithy.api#Double" },
            renamed: { target: "smithy.api#String", traits: { "smithy.api#xmlName": "other", "aws.protocols#ec2QueryName": "Ec2Other" } },
          },
        },
        "ex#OpOutput": {
          type: "structure",
          traits: { "smithy.api#output": {} },
          members: {
            id: { target: "smithy.api#String", traits: { "smithy.api#xmlAttribute": {}, "smithy.api#xmlName": "xid" } },
            constructor: { target: "ex#Strings", traits: { "smithy.api#xmlFlattened": {} } },
            toString: str,
            nested: { target: "ex#Nested" },
            grid: { target: "ex#Grid" },
            pairs: { target: "ex#StringMap", traits: { "smithy.api#xmlFlattened": {}, "smithy.api#xmlName": "Pair" } },
            choice: { target: "ex#Choice" },
            big: { target: "smithy.api#BigInteger" },
            data: { target: "smithy.api#Blob" },
            count: { target: "smithy.api#Integer", traits: { "smithy.api#default": 7 } },
          },
        },
        "ex#Nested": { type: "structure", members: { name: str, child: { target: "ex#Nested" } } },
        "ex#Strings": { type: "list", member: str },
        "ex#Grid": { type: "list", member: { target: "ex#Strings" } },
        "ex#NestedMap": { type: "map", key: str, value: { target: "ex#Nested" } },
        "ex#StringMap": { type: "map", key: { target: "smithy.api#String", traits: { "smithy.api#xmlName": "K" } }, value: { target: "smithy.api#String", traits: { "smithy.api#xmlName": "V" } } },
        "ex#Choice": { type: "union", members: { text: str, number: { target: "smithy.api#Integer" } } },
        "ex#Bad": {
          type: "structure",
          traits: { "smithy.api#error": "client", "aws.protocols#awsQueryError": { code: "Bad.Thing", httpResponseCode: 400 } },
          members: { Message: str, reason: str },
        },
      },
    },
  });

const INPUT = {
  constructor: "c",
  nested: { name: "a", child: { name: "b", child: { name: "c" } } },
  grid: [["x", "y"], [], ["z"]],
  flat: ["f1", "f2"],
  byName: { k: { name: "v" } },
  choice: { number: 3 },
  when: new Date(1_600_000_000_500),
  ratio: -Infinity,
  renamed: "r",
};

const OUTPUT_XML = `<OpResponse xmlns="https://ex.com/"><OpResult xid="the-id">
  <constructor>one</constructor><toString>ts</toString><constructor>two</constructor>
  <nested><name>a</name><child><name>b</name></child></nested>
  <grid><member><member>x</member><member>y</member></member><member/></grid>
  <Pair><K>a</K><V>1</V></Pair><Pair><K>constructor</K><V>2</V></Pair>
  <choice><number>5</number></choice>
  <big>123456789012345678901234567890</big>
  <data>AQID</data>
</OpResult><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></OpResponse>`;

const EXPECTED_OUTPUT = {
  id: "the-id",
  constructor: ["one", "two"],
  toString: "ts",
  nested: { name: "a", child: { name: "b" } },
  grid: [["x", "y"], []],
  pairs: { a: "1", constructor: "2" },
  choice: { number: 5 },
  big: 123456789012345678901234567890n,
  data: new Uint8Array([1, 2, 3]),
  count: 7,
};

/** One operation without input or output members, one error with only a message: nothing to read but the wrappers. */
const bare = (protocol: "awsQuery" | "ec2Query") =>
  modelFromJson({
    "m.json": {
      smithy: "2.0",
      shapes: {
        "ex#Svc": { type: "service", version: "1", operations: [{ target: "ex#Ping" }], traits: { [`aws.protocols#${protocol}`]: {} } },
        "ex#Ping": { type: "operation", errors: [{ target: "ex#Oops" }] },
        "ex#Oops": { type: "structure", traits: { "smithy.api#error": "server" }, members: { message: str } },
      },
    },
  });

describe.each(["awsQuery", "ec2Query"] as const)("%s features", (protocol) => {
  const ec2 = protocol === "ec2Query";

  it("generates a package that type-checks", async () => {
    await typecheck(await generate(model(protocol)), protocol, { noUnusedLocals: true });
  }, 120_000);

  it("a service with nothing to read but the wrappers type-checks, sends Action and Version, reads its error", async () => {
    const files = await generate(bare(protocol));
    await typecheck(files, `${protocol}-bare`, { noUnusedLocals: true });
    const { mod } = await loadGenerated<Generated>(files);
    expect(mod["serializePingRequest"]!({}, "https://ex.com").body).toBe("Action=Ping&Version=1");
    const ok = await mod["deserializePingResponse"]!({ statusCode: 200, headers: {}, body: "" });
    expect(ok.$metadata.httpStatusCode).toBe(200);
    const body = "<ErrorResponse><Error><Code>Oops</Code><Message>down</Message></Error></ErrorResponse>";
    const e = await mod["deserializePingResponse"]!({ statusCode: 500, headers: {}, body }).catch((x: unknown) => x);
    expect([e.name, e.message, e.$fault]).toEqual(["Oops", "down", "server"]);
  }, 120_000);

  it("writes names Object.prototype has, recursion, lists of lists, maps, unions, epoch seconds and -Infinity", async () => {
    const { mod } = await loadGenerated<Generated>(await generate(model(protocol)));
    const request = mod["serializeOpRequest"]!(INPUT, "https://ex.com");
    expect(request.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    const key = (name: string) => (ec2 ? name.charAt(0).toUpperCase() + name.slice(1) : name);
    const expected: [string, string][] = [
      ["Action", "Op"], ["Version", "2020-01-01"],
      [key("constructor"), "c"],
      [`${key("nested")}.${key("name")}`, "a"], [`${key("nested")}.${key("child")}.${key("name")}`, "b"],
      [`${key("nested")}.${key("child")}.${key("child")}.${key("name")}`, "c"],
      ...(ec2
        ? [["Grid.1.1", "x"], ["Grid.1.2", "y"], ["Grid.3.1", "z"]] as [string, string][]
        : [["grid.member.1.member.1", "x"], ["grid.member.1.member.2", "y"], ["grid.member.2", ""], ["grid.member.3.member.1", "z"]] as [string, string][]),
      [`${key("flat")}.1`, "f1"], [`${key("flat")}.2`, "f2"],
      [`${key("byName")}.entry.1.key`, "k"], [`${key("byName")}.entry.1.value.${key("name")}`, "v"],
      [`${key("choice")}.${key("number")}`, "3"],
      [key("when"), "1600000000.5"],
      [key("ratio"), "-Infinity"],
      [ec2 ? "Ec2Other" : "other", "r"],
    ];
    expect(parseQueryForm(request.body)).toEqual(expected);
  });

  it("reads attributes, flattened lists and maps among other members, lists of lists, unions, big integers, blobs and defaults", async () => {
    const { mod } = await loadGenerated<Generated>(await generate(model(protocol)));
    // ec2Query has no Result wrapper: the members sit in <OpResponse>, the request id beside them.
    const body = ec2 ? OUTPUT_XML.replace(/<OpResult xid="the-id">/, "").replace("</OpResult><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata>", "<requestId>req-1</requestId>").replace("<OpResponse ", '<OpResponse xid="the-id" ') : OUTPUT_XML;
    const output = await mod["deserializeOpResponse"]!({ statusCode: 200, headers: {}, body });
    const { $metadata, ...members } = output;
    expect(members).toEqual(EXPECTED_OUTPUT);
    expect(Object.hasOwn(members.pairs, "constructor") && Object.getPrototypeOf(members.pairs) === Object.prototype).toBe(true);
    expect($metadata.requestId).toBe("req-1");
  });

  it("finds an error by its @awsQueryError code, with its members, name and request id; refuses hostile XML", async () => {
    const { mod } = await loadGenerated<Generated>(await generate(model(protocol)));
    const error = ec2
      ? "<Response><Errors><Error><Code>Bad.Thing</Code><Message>no</Message><reason>why</reason></Error></Errors><RequestID>req-2</RequestID></Response>"
      : "<ErrorResponse><Error><Type>Sender</Type><Code>Bad.Thing</Code><Message>no</Message><reason>why</reason></Error><RequestId>req-2</RequestId></ErrorResponse>";
    const e = await mod["deserializeOpResponse"]!({ statusCode: 400, headers: {}, body: error }).catch((x: unknown) => x);
    expect([e.name, e.message, e.reason, e.$fault, e.$metadata.requestId]).toEqual(["Bad", "no", "why", "client", "req-2"]);
    const hostile = '<!DOCTYPE x [<!ENTITY a "aaaa">]><OpResponse><OpResult><toString>&a;</toString></OpResult></OpResponse>';
    const refused = await mod["deserializeOpResponse"]!({ statusCode: 200, headers: {}, body: hostile }).catch((x: unknown) => x);
    expect([refused.name, refused.message]).toEqual(["DeserializationError", expect.stringContaining("DOCTYPE and entity declarations are refused")]);
  });
});
