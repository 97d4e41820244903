// Differential test against AWS SDK for JavaScript v3: the whole apigatewayv2 model (72
// operations) is generated into a temporary package, and for every operation, fast-check
// inputs derived from the model are serialized by ours and by the SDK's own request path, and
// the same synthetic responses (success, every modeled error, an unknown error, a body that
// is not JSON) are read by both. Any difference fails; deliberate ones are normalized in
// support/compare.ts and listed in docs/serde-differences.md.

import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { serviceClosure, ShapeIndex } from "../../generator/index/shape-index.js";
import { loadModelFiles } from "../../generator/load/load.js";
import type { Shape } from "../../generator/model/model.js";
import { nameOf } from "../../generator/model/shape-id.js";
import { generate, loadGenerated, SHARED_DIR, SHARED_MISSING, typecheck } from "../helpers/codegen.js";
import { operationInput, text, wireObject } from "./support/arbitraries.js";
import { comparableError, comparableOutput, comparableRequest, plainRequest } from "./support/compare.js";
import { sdkHasOperation, sdkRequest, sdkResponse, SDK_ENDPOINT, type CannedResponse } from "./support/sdk.js";
import { runs } from "../helpers/property-runs.js";

/** fast-check runs per operation, for requests and for responses each. */
const RUNS = runs(200);
const MODEL = SHARED_DIR === undefined ? "" : join(SHARED_DIR, "models", "aws", "apigatewayv2-2018-11-29.json");

type Generated = Record<string, (...args: unknown[]) => unknown>;

/** The model and its generated package, loaded once; undefined without ../shared. */
async function load() {
  const files = await generate([MODEL]);
  const { mod } = await loadGenerated<Generated>(files);
  const index = new ShapeIndex(await loadModelFiles([MODEL]));
  const service = index.services()[0]!;
  return { files, mod, index, service, closure: serviceClosure(index, service) };
}

const loaded = SHARED_DIR === undefined ? undefined : await load();

describe.skipIf(loaded === undefined)(`apigatewayv2 serde matches AWS SDK v3 (${loaded === undefined ? SHARED_MISSING : "72 operations"})`, () => {
  const { files, mod, index, service, closure } = loaded ?? ({} as Partial<Awaited<ReturnType<typeof load>>>);

  it("generates protocol.ts for all 72 operations, and the package type-checks", async () => {
    expect(closure!.operations).toHaveLength(72);
    const protocol = files!.find((f) => f.path === "src/protocol.ts")!.content;
    for (const op of closure!.operations) {
      expect(protocol).toContain(`export function serialize${nameOf(op.id)}Request(`);
      expect(protocol).toContain(`export function deserialize${nameOf(op.id)}Response(`);
    }
    await typecheck(files!, "apigatewayv2");
  }, 120_000);

  for (const op of closure?.operations ?? []) {
    const name = nameOf(op.id);
    const input = op.input === "smithy.api#Unit" ? undefined : index!.shape(op.input!);

    it(`${name}: requests`, async () => {
      expect(sdkHasOperation(name)).toBe(true);
      await fc.assert(
        fc.asyncProperty(operationInput(index!, input), async (value) => {
          const ours = plainRequest(mod![`serialize${name}Request`]!(value, SDK_ENDPOINT) as Record<string, unknown>);
          const theirs = await sdkRequest(name, value);
          expect(comparableRequest(ours)).toEqual(comparableRequest(theirs));
        }),
        { numRuns: RUNS },
      );
    }, 120_000);

    it(`${name}: responses (success, modeled errors, unknown error, body not JSON)`, async () => {
      const errors = [...new Set([...(op.errors ?? []), ...(service!.errors ?? [])])].map((id) => index!.shape(id));
      const labels = Object.fromEntries((input?.members ?? []).filter((m) => m.traits.has("smithy.api#httpLabel")).map((m) => [m.name, "x"]));
      await fc.assert(
        fc.asyncProperty(responseCase(index!, op, errors), async (c) => {
          const theirs = await sdkResponse(name, labels, c.response);
          const ours = await (mod![`deserialize${name}Response`]!(copy(c.response)) as Promise<unknown>).then(
            (output) => ({ output, error: undefined }),
            (error: unknown) => ({ output: undefined, error }),
          );
          if (theirs.error === undefined) {
            expect(ours.error, "ours rejected where the SDK resolved").toBeUndefined();
            expect(comparableOutput(ours.output)).toEqual(comparableOutput(theirs.output));
            return;
          }
          expect(ours.error, "ours resolved where the SDK rejected").toBeDefined();
          if (c.kind === "notJson") {
            // Deliberate: the SDK throws a SyntaxError, ours a service exception; both keep the text.
            expect(comparableError(ours.error, []).$metadata).toEqual(comparableError(theirs.error, []).$metadata);
            expect((ours.error as { $response: { body: unknown } }).$response.body).toBe(c.response.body);
            expect(bodyText((theirs.error as { $response: { body: unknown } }).$response.body)).toBe(c.response.body);
            return;
          }
          const members = c.error?.members ?? [];
          expect(comparableError(ours.error, members)).toEqual(comparableError(theirs.error, members));
        }),
        { numRuns: RUNS },
      );
    }, 120_000);
  }
});

interface ResponseCase {
  kind: "output" | "error" | "unknown" | "notJson";
  /** For a modeled error: its name and members other than the message. */
  error?: { name: string; members: string[] };
  response: CannedResponse;
}

const requestIdHeaders = fc.record(
  { "x-amzn-requestid": fc.uuid(), "x-amz-id-2": fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 8 }), "x-amz-cf-id": fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 8 }) },
  { requiredKeys: [] },
);

function responseCase(index: ShapeIndex, op: Shape, errors: readonly Shape[]): fc.Arbitrary<ResponseCase> {
  const http = op.traits.get("smithy.api#http") as { code?: number };
  const output = op.output === "smithy.api#Unit" ? undefined : index.shape(op.output!);
  const payload = output?.members.find((m) => m.traits.has("smithy.api#httpPayload"));
  const body: fc.Arbitrary<string | Uint8Array> = payload !== undefined
    ? fc.uint8Array({ maxLength: 16 })
    : output === undefined || output.members.length === 0
      ? fc.constantFrom("", "{}")
      : fc.oneof({ weight: 1, arbitrary: fc.constantFrom("", "{}") }, { weight: 8, arbitrary: wireObject(index, output.members).map((o) => JSON.stringify(o)) });
  const success = fc.record({ headers: requestIdHeaders, body }).map(({ headers, body }): ResponseCase => ({
    kind: "output",
    response: { statusCode: http.code ?? 200, headers: { "content-type": "application/json", ...headers }, body },
  }));

  const modeled = errors.map((error) => {
    const name = nameOf(error.id);
    const status = (error.traits.get("smithy.api#httpError") as number | undefined) ?? (error.traits.get("smithy.api#error") === "server" ? 500 : 400);
    // The code in each place a restJson1 client must look, with the decorations it must strip.
    const placement = fc.constantFrom(
      { header: name },
      { header: `${name}:http://internal.amazon.com/coral/com.amazonaws.apigatewayv2/` },
      { header: `com.amazonaws.apigatewayv2#${name}` },
      { code: name },
      { __type: `com.amazonaws.apigatewayv2#${name}` },
    );
    return fc.record({ placement, members: wireObject(index, error.members), headers: requestIdHeaders }).map(({ placement, members, headers }): ResponseCase => {
      const codeHeader = "header" in placement ? { "x-amzn-errortype": placement.header } : {};
      const codeBody = "header" in placement ? {} : placement;
      const memberNames = error.members.filter((m) => m.name.toLowerCase() !== "message").map((m) => m.name);
      return { kind: "error", error: { name, members: memberNames }, response: { statusCode: status, headers: { "content-type": "application/json", ...codeHeader, ...headers }, body: JSON.stringify({ ...members, ...codeBody }) } };
    });
  });

  const unknown = fc.record({ status: fc.constantFrom(400, 403, 409, 500, 503), message: fc.option(text, { nil: undefined }), headers: requestIdHeaders }).map(
    ({ status, message, headers }): ResponseCase => ({
      kind: "unknown",
      response: { statusCode: status, headers: { "x-amzn-errortype": "SomethingNewException", ...headers }, body: JSON.stringify(message === undefined ? {} : { message }) },
    }),
  );
  const notJson = fc.record({ status: fc.constantFrom(400, 404, 500, 502), html: fc.constantFrom("<html>Bad Gateway</html>", "not json", "{\"truncated\":"), headers: requestIdHeaders }).map(
    ({ status, html, headers }): ResponseCase => ({ kind: "notJson", response: { statusCode: status, headers, body: html } }),
  );
  return fc.oneof({ weight: 4, arbitrary: success }, ...modeled.map((arbitrary) => ({ weight: 2, arbitrary })), { weight: 1, arbitrary: unknown }, { weight: 1, arbitrary: notJson });
}

const decoder = new TextDecoder();
function bodyText(body: unknown): unknown {
  return body instanceof Uint8Array ? decoder.decode(body) : body;
}

function copy(response: CannedResponse): CannedResponse {
  return { statusCode: response.statusCode, headers: { ...response.headers }, body: typeof response.body === "string" ? response.body : response.body.slice() };
}
