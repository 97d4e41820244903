// Differential test against AWS SDK for JavaScript v3 for the awsJson services: every operation
// of the shared dynamodb, sqs, kinesis, pricing, resource-groups-tagging-api and
// marketplace-entitlement-service models is
// generated, and for each, fast-check inputs are serialized by ours and by the SDK's client,
// and the same synthetic responses (success, every modeled error with its code in each place a
// client must look, an unknown error, a body that is not JSON) are read by both. Any
// difference fails; deliberate ones are listed in docs/serde-differences.md.
// Runs per operation and direction: AWSJSON_DIFF_RUNS (default 25; 200 for the full check).

import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { serviceClosure, ShapeIndex } from "../../../generator/index/shape-index.js";
import { loadModelFiles } from "../../../generator/load/load.js";
import type { Shape } from "../../../generator/model/model.js";
import { nameOf } from "../../../generator/model/shape-id.js";
import { generate, loadGenerated, SHARED_DIR, SHARED_MISSING } from "../../helpers/codegen.js";
import { operationInput, text, wireObject } from "../../serde/support/arbitraries.js";
import { comparableError, comparableOutput, copyResponse, plainRequest, withDefaults } from "../../serde/support/compare.js";
import type { CannedResponse, PlainRequest } from "../../serde/support/sdk.js";
import { sdkReference } from "./sdk.js";

const RUNS = Number(process.env["AWSJSON_DIFF_RUNS"] ?? 25);
const ENDPOINT = "https://service.us-east-1.amazonaws.com";

/** Operations not compared here, with the reason. */
const NOT_COMPARED: Record<string, string> = {
  SubscribeToShard: "its output is an event stream, not a JSON document: event-stream-sdk-diff.test.ts compares it",
};

/** The services, their SDK client packages and client classes. (@aws-sdk/client-kendra-ranking is not served by the registry here.) */
const SERVICES: { model: string; sdk: string; client: string; config?: Record<string, unknown> }[] = [
  { model: "dynamodb-2012-08-10.json", sdk: "@aws-sdk/client-dynamodb", client: "DynamoDBClient" },
  // md5: false turns off an SQS customization (MD5 checks of message bodies), not part of the protocol.
  { model: "sqs-2012-11-05.json", sdk: "@aws-sdk/client-sqs", client: "SQSClient", config: { md5: false } },
  { model: "kinesis-2013-12-02.json", sdk: "@aws-sdk/client-kinesis", client: "KinesisClient" },
  { model: "pricing-2017-10-15.json", sdk: "@aws-sdk/client-pricing", client: "PricingClient" },
  { model: "resource-groups-tagging-api-2017-01-26.json", sdk: "@aws-sdk/client-resource-groups-tagging-api", client: "ResourceGroupsTaggingAPIClient" },
  // It declares rpcv2Cbor too; its SDK client (and our default) speaks awsJson1_1 (test/protocols/rpcv2cbor/ has the CBOR side).
  { model: "marketplace-entitlement-service-2017-01-11.json", sdk: "@aws-sdk/client-marketplace-entitlement-service", client: "MarketplaceEntitlementServiceClient" },
];

type Generated = Record<string, (...args: unknown[]) => unknown>;

for (const service of SERVICES) {
  const path = SHARED_DIR === undefined ? "" : join(SHARED_DIR, "models", "aws", service.model);
  const loaded = SHARED_DIR === undefined ? undefined : await load(path, service.sdk, service.client, service.config ?? {});

  describe.skipIf(loaded === undefined)(`${service.model} awsJson serde matches ${service.sdk}${loaded === undefined ? ` (${SHARED_MISSING})` : ""}`, () => {
    const { mod, index, closure, sdk, contentType, queryCompatible } = loaded ?? ({} as NonNullable<typeof loaded>);

    for (const op of closure?.operations ?? []) {
      const name = nameOf(op.id);
      const input = index.shape(op.input!);
      const skip = NOT_COMPARED[name];
      if (skip !== undefined) {
        it.skip(`${name} (skipped: ${skip})`, () => {});
        continue;
      }
      const token = input.members.find((m) => m.traits.has("smithy.api#idempotencyToken"))?.name;

      it(`${name}: requests`, async () => {
        expect(sdk.has(name)).toBe(true);
        await fc.assert(
          fc.asyncProperty(operationInput(index, input), async (value) => {
            const ours = plainRequest(mod[`serialize${name}Request`]!(value, ENDPOINT) as Record<string, unknown>);
            // A token the caller left out is a random UUID on both sides. (Given null, the SDK writes
            // `"ClientToken":}`, which is not JSON: it is asked with the token left out instead.)
            const generated = token !== undefined && value[token] == null ? token : undefined;
            const theirs = await sdk.request(name, generated === undefined ? value : { ...value, [generated]: undefined });
            expect(comparable(ours, generated)).toEqual(comparable(theirs, generated));
          }),
          { numRuns: RUNS, seed: 15 },
        );
      }, 120_000);

      it(`${name}: responses (success, modeled errors, unknown error, body not JSON)`, async () => {
        const errors = [...new Set([...(op.errors ?? []), ...(closure.service.errors ?? [])])].map((id) => index.shape(id));
        await fc.assert(
          fc.asyncProperty(responseCase(index, op, errors, contentType, queryCompatible), async (c) => {
            const theirs = await sdk.response(name, {}, c.response);
            const ours = await (mod[`deserialize${name}Response`]!(copyResponse(c.response)) as Promise<unknown>).then(
              (output) => ({ output, error: undefined }),
              (error: unknown) => ({ output: undefined, error }),
            );
            if (theirs.error === undefined) {
              expect(ours.error, "ours rejected where the SDK resolved").toBeUndefined();
              const output = withDefaults(index, index.shape(op.output!), unwrapStrings(theirs.output));
              expect(comparableOutput(ours.output)).toEqual(comparableOutput(output));
              return;
            }
            expect(ours.error, "ours resolved where the SDK rejected").toBeDefined();
            if (c.kind === "notJson") {
              // Deliberate: the SDK throws a SyntaxError, ours a service exception; both keep the text.
              expect(comparableError(ours.error, []).$metadata).toEqual(comparableError(theirs.error, []).$metadata);
              expect((ours.error as { $response: { body: unknown } }).$response.body).toBe(c.response.body);
              return;
            }
            const members = c.error?.members ?? [];
            expect(comparableError(ours.error, members)).toEqual(comparableError(theirs.error, members));
          }),
          { numRuns: RUNS, seed: 15 },
        );
      }, 120_000);
    }
  });
}

/** The model's generated package and index, and the SDK reference; undefined without ../shared. */
async function load(path: string, sdkPackage: string, clientName: string, config: Record<string, unknown>) {
  const [files, model, sdkModule] = await Promise.all([generate([path]), loadModelFiles([path]), import(sdkPackage) as Promise<Record<string, unknown>>]);
  const { mod } = await loadGenerated<Generated>(files);
  const index = new ShapeIndex(model);
  const service = index.services()[0]!;
  const version = service.traits.has("aws.protocols#awsJson1_0") ? "1.0" : "1.1";
  return {
    mod,
    index,
    closure: serviceClosure(index, service),
    sdk: sdkReference(sdkModule, clientName, ENDPOINT, config),
    contentType: `application/x-amz-json-${version}`,
    queryCompatible: service.traits.has("aws.protocols#awsQueryCompatible"),
  };
}

/**
 * A request with its JSON body parsed, so key order does not matter, and content-length checked
 * against that body's bytes; `token` names an idempotency token the client generated (a random
 * UUID on both sides): it must be a v4 UUID, then it is masked. The SDK's `{"$unknown": [k, v]}` for an unknown union
 * member becomes `{k: v}`, as ours writes it (a listed difference).
 */
function comparable(request: PlainRequest, token: string | undefined): Record<string, unknown> {
  const body = request.body === undefined ? undefined : unknownMembers(JSON.parse(request.body));
  const { "content-length": length, ...headers } = request.headers;
  expect(length).toBe(String(Buffer.byteLength(request.body ?? "")));
  if (token !== undefined) {
    expect(body?.[token]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    body[token] = "<token>";
  }
  return { ...request, headers, body };
}

function unknownMembers(value: any): any {
  if (Array.isArray(value)) return value.map(unknownMembers);
  if (value === null || typeof value !== "object") return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === "$unknown" && Array.isArray(value.$unknown)) return { [value.$unknown[0]]: unknownMembers(value.$unknown[1]) };
  return Object.fromEntries(keys.map((k) => [k, unknownMembers(value[k])]));
}

/** The SDK's LazyJsonString (a String object, for a @mediaType JSON string) as the plain string ours gives (a listed difference). */
function unwrapStrings(value: any): any {
  if (value instanceof String) return value.toString();
  if (Array.isArray(value)) return value.map(unwrapStrings);
  if (value === null || typeof value !== "object" || value instanceof Date || value instanceof Uint8Array) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unwrapStrings(v)]));
}

interface ResponseCase {
  kind: "output" | "error" | "unknown" | "notJson";
  /** For a modeled error: its name and members other than the message. */
  error?: { name: string; members: string[] };
  response: CannedResponse;
}

const requestIdHeaders = fc.record({ "x-amzn-requestid": fc.uuid() }, { requiredKeys: [] });

function responseCase(index: ShapeIndex, op: Shape, errors: readonly Shape[], contentType: string, queryCompatible: boolean): fc.Arbitrary<ResponseCase> {
  const output = index.shape(op.output!);
  const body = output.members.length === 0
    ? fc.constantFrom("", "{}")
    : fc.oneof({ weight: 1, arbitrary: fc.constantFrom("", "{}") }, { weight: 8, arbitrary: wireObject(index, output.members).map((o) => JSON.stringify(o)) });
  const success = fc.record({ headers: requestIdHeaders, body }).map(({ headers, body }): ResponseCase => ({
    kind: "output",
    response: { statusCode: 200, headers: { "content-type": contentType, ...headers }, body },
  }));

  const modeled = errors.map((error) => {
    const name = nameOf(error.id);
    const namespace = error.id.slice(0, error.id.indexOf("#"));
    const status = error.traits.get("smithy.api#error") === "server" ? 500 : 400;
    const queryCode = (error.traits.get("aws.protocols#awsQueryError") as { code?: string } | undefined)?.code;
    // The code in each place an awsJson client must look, with the decorations it must strip.
    const placement = fc.constantFrom<Record<string, string>[]>(
      [{ __type: `${namespace}#${name}` }, {}],
      [{ __type: name }, {}],
      [{ __type: `${namespace}#${name}:http://internal.amazon.com/coral/com.amazon.coral.validate/` }, {}],
      [{ code: name }, {}],
      [{}, { "x-amzn-errortype": name }],
      [{}, { "x-amzn-errortype": `${name}:http://internal.amazon.com/coral/com.amazon.coral.validate/` }],
      // What a query-compatible service (SQS) sends: the awsQuery code and fault besides __type.
      ...(queryCompatible ? [[{ __type: `${namespace}#${name}` }, { "x-amzn-query-error": `${queryCode ?? name};${status === 500 ? "Receiver" : "Sender"}` }]] : []),
    );
    return fc.record({ placement, members: wireObject(index, error.members), headers: requestIdHeaders }).map(({ placement: [inBody, inHeaders], members, headers }): ResponseCase => {
      const memberNames = error.members.filter((m) => m.name.toLowerCase() !== "message").map((m) => m.name);
      return {
        kind: "error",
        error: { name, members: memberNames },
        response: { statusCode: status, headers: { "content-type": contentType, ...inHeaders, ...headers }, body: JSON.stringify({ ...members, ...inBody }) },
      };
    });
  });

  const unknown = fc.record({ status: fc.constantFrom(400, 403, 500, 503), message: fc.option(text, { nil: undefined }), headers: requestIdHeaders }).map(
    ({ status, message, headers }): ResponseCase => ({
      kind: "unknown",
      response: { statusCode: status, headers: { "content-type": contentType, ...headers }, body: JSON.stringify({ __type: "com.amazon.coral.service#SomethingNewException", ...(message === undefined ? {} : { message }) }) },
    }),
  );
  const notJson = fc.record({ status: fc.constantFrom(400, 404, 500, 502), html: fc.constantFrom("<html>Bad Gateway</html>", "not json", "{\"truncated\":"), headers: requestIdHeaders }).map(
    ({ status, html, headers }): ResponseCase => ({ kind: "notJson", response: { statusCode: status, headers, body: html } }),
  );
  return fc.oneof({ weight: 4, arbitrary: success }, ...modeled.map((arbitrary) => ({ weight: 2, arbitrary })), { weight: 1, arbitrary: unknown }, { weight: 1, arbitrary: notJson });
}
