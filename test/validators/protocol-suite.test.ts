// Every httpMalformedRequestTests case of the RestJsonValidation service, read at run time from
// ../shared/smithy/protocol-tests (the real model, parsed from IDL): the request is bound to the
// operation input (JSON body by member name, @httpQuery, @httpHeader), validated by the
// validators generated from that model, and the failures and summary must equal the expected
// response's `fieldList` and `message` byte for byte.

import { describe, expect, it } from "vitest";
import { generatePackage } from "../../generator/generate.js";
import type { Shape } from "../../generator/model/model.js";
import { DEFAULT_OPTIONS, loadGenerated, SHARED_DIR, SHARED_MISSING } from "../helpers/codegen.js";
import { loadRestJsonSuites, toTypeScriptValue, type ProtocolSuite } from "../helpers/protocol-tests.js";
import { thrown, validatorFiles, type Validate } from "./load.js";

const SERVICE = "aws.protocoltests.restjson.validation#RestJsonValidation";
const suite: ProtocolSuite | undefined = SHARED_DIR === undefined ? undefined : (await loadRestJsonSuites(SHARED_DIR)).find((s) => s.service.id === SERVICE);

/** A JSON body value as the runtime value of `shape` (base64 blobs, epoch-second or text timestamps). */
function fromWire(shape: Shape, value: unknown): unknown {
  if (value === null || value === undefined || suite === undefined) return value;
  const target = (id: string) => suite.index.shape(id);
  switch (shape.type) {
    case "blob": return typeof value === "string" ? new Uint8Array(Buffer.from(value, "base64")) : value;
    case "timestamp": return typeof value === "number" ? new Date(value * 1000) : typeof value === "string" ? new Date(value) : value;
    case "list": return Array.isArray(value) ? value.map((v) => fromWire(target(shape.members[0]!.target), v)) : value;
    case "map": return typeof value === "object" ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromWire(target(shape.members[1]!.target), v)])) : value;
    case "structure": case "union": {
      if (typeof value !== "object") return value;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        const member = shape.members.find((m) => m.name === k);
        out[k] = member === undefined ? v : fromWire(target(member.target), v);
      }
      return out;
    }
    default: return value;
  }
}

function boundInput(input: Shape, request: { queryParams?: string[]; headers?: Record<string, string>; body?: string }): Record<string, unknown> {
  const value = fromWire(input, request.body === undefined || request.body.trim() === "" ? {} : JSON.parse(request.body)) as Record<string, unknown>;
  for (const m of input.members) {
    const query = m.traits.get("smithy.api#httpQuery");
    const header = m.traits.get("smithy.api#httpHeader");
    if (typeof query === "string") {
      // A query parameter without `=` has the empty string as its value.
      const param = (request.queryParams ?? []).map((q) => q.split("=")).find(([name]) => decodeURIComponent(name!) === query);
      if (param !== undefined) value[m.name] = decodeURIComponent(param[1] ?? "");
    }
    if (typeof header === "string") {
      const found = Object.entries(request.headers ?? {}).find(([name]) => name.toLowerCase() === header.toLowerCase());
      if (found !== undefined) value[m.name] = found[1];
    }
  }
  return value;
}

describe.skipIf(suite === undefined)(`RestJsonValidation malformed-request cases (${suite === undefined ? SHARED_MISSING : `${suite.malformed.length} cases`})`, async () => {
  const files = suite === undefined ? [] : await generatePackage({ model: suite.model, modelFiles: ["validation"], service: SERVICE, options: DEFAULT_OPTIONS });
  const { mod } = suite === undefined ? { mod: {} as Record<string, unknown> } : await loadGenerated(validatorFiles(files));

  it("has the cases of every constraint trait", () => {
    const ids = suite!.malformed.map((c) => c.testCase.id).join(" ");
    for (const kind of ["Length", "Pattern", "Range", "Enum", "Required", "UniqueItems", "RecursiveStructures", "PatternSensitive"]) expect(ids).toContain(kind);
  });

  for (const { operation, testCase } of suite?.requests ?? []) {
    it(`${testCase.id}: the params of a well-formed request are valid`, () => {
      const input = suite!.index.shape(operation.input!);
      const validate = mod[`validate${input.id.slice(input.id.indexOf("#") + 1)}`] as Validate;
      expect(validate(toTypeScriptValue(suite!.index, input, testCase.params ?? {}))).toEqual([]);
    });
  }

  for (const { operation, testCase } of suite?.malformed ?? []) {
    it(testCase.id, () => {
      const input = suite!.index.shape(operation.input!);
      const name = input.id.slice(input.id.indexOf("#") + 1);
      const contents = testCase.response.body?.assertion.contents;
      expect(contents, "the case states its expected body").toBeDefined();
      // `$$` is the test format's escape of `$`; the shared reader unescapes it only in cases with testParameters.
      const unescaped = /_case\d+$/.test(testCase.id) ? contents! : contents!.replace(/\$\$/g, "$");
      const expected = JSON.parse(unescaped) as { message: string; fieldList: Array<{ message: string; path: string }> };
      const value = boundInput(input, testCase.request);
      const failures = (mod[`validate${name}`] as Validate)(value);
      expect(failures.map((f) => ({ message: f.message, path: f.path }))).toEqual(expected.fieldList);
      const error = thrown(() => (mod[`assertValid${name}`] as (v: unknown) => void)(value));
      expect(error?.message).toBe(expected.message);
    });
  }
});
