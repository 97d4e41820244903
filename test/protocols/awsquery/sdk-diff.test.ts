// Differential test against AWS SDK for JavaScript v3 for the awsQuery services: every operation
// of the shared sts and sns models is generated, and for each, fast-check inputs are serialized by
// ours and by the SDK's client (the form bodies compared byte for byte), and the same synthetic
// XML responses (success, every modeled error under its code, an unknown error, a body that is
// not XML) are read by both. Any difference fails; deliberate ones are listed in
// docs/serde-differences.md and normalized here, each where it applies.
// Runs per operation and direction: QUERY_DIFF_RUNS (default 200).

import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { serviceClosure, ShapeIndex } from "../../../generator/index/shape-index.js";
import { loadModelFiles } from "../../../generator/load/load.js";
import type { Shape } from "../../../generator/model/model.js";
import { nameOf } from "../../../generator/model/shape-id.js";
import type { XmlElement } from "../../../runtime/xml/reader.js";
import { writeXml, xmlElement } from "../../../runtime/xml/writer.js";
import { generate, loadGenerated, SHARED_DIR, SHARED_MISSING } from "../../helpers/codegen.js";
import { operationInput } from "../../serde/support/arbitraries.js";
import { comparableError, comparableOutput, plainRequest, withDefaults } from "../../serde/support/compare.js";
import type { CannedResponse, PlainRequest } from "../../serde/support/sdk.js";
import { structureElement, xmlText } from "../../serde/support/xml-wire.js";
import { sdkReference } from "../awsjson/sdk.js";

const RUNS = Number(process.env["QUERY_DIFF_RUNS"] ?? 200);
const ENDPOINT = "https://service.us-east-1.amazonaws.com";

const SERVICES = [
  { model: "sts-2011-06-15.json", sdk: "@aws-sdk/client-sts", client: "STSClient" },
  { model: "sns-2010-03-31.json", sdk: "@aws-sdk/client-sns", client: "SNSClient" },
];

type Generated = Record<string, (...args: unknown[]) => unknown>;

for (const service of SERVICES) {
  const path = SHARED_DIR === undefined ? "" : join(SHARED_DIR, "models", "aws", service.model);
  const loaded = SHARED_DIR === undefined ? undefined : await load(path, service.sdk, service.client);

  describe.skipIf(loaded === undefined)(`${service.model} awsQuery serde matches ${service.sdk}${loaded === undefined ? ` (${SHARED_MISSING})` : ""}`, () => {
    const { mod, index, closure, sdk, namespace } = loaded ?? ({} as NonNullable<typeof loaded>);

    for (const op of closure?.operations ?? []) {
      const name = nameOf(op.id);
      const input = index.shape(op.input!);

      it(`${name}: requests`, async () => {
        expect(sdk.has(name)).toBe(true);
        await fc.assert(
          fc.asyncProperty(operationInput(index, input), async (value) => {
            const theirs = await sdk.request(name, value).catch((e: unknown) => e as Error);
            let ours: PlainRequest | Error;
            try {
              ours = plainRequest(mod[`serialize${name}Request`]!(value, ENDPOINT) as Record<string, unknown>);
            } catch (e) {
              ours = e as Error;
            }
            if (ours instanceof Error || theirs instanceof Error) {
              // A lone surrogate cannot be percent-encoded: neither side sends a request.
              expect([ours instanceof Error, theirs instanceof Error, String(ours)]).toEqual([true, true, expect.stringMatching(/lone surrogate/)]);
              return;
            }
            expect(ours.headers["content-length"]).toBe(String(Buffer.byteLength(ours.body ?? "")));
            expect(pairsInAnyOrder(ours)).toEqual(pairsInAnyOrder(theirs));
          }),
          { numRuns: RUNS, seed: 16 },
        );
      }, 300_000);

      it(`${name}: responses (success, modeled errors, unknown error, body not XML)`, async () => {
        const errors = [...new Set([...(op.errors ?? []), ...(closure.service.errors ?? [])])].map((id) => index.shape(id));
        await fc.assert(
          fc.asyncProperty(responseCase(index, op, errors, namespace), async (c) => {
            const theirs = await sdk.response(name, {}, c.response);
            const ours = await (mod[`deserialize${name}Response`]!(copy(c.response)) as Promise<unknown>).then(
              (output) => ({ output, error: undefined }),
              (error: unknown) => ({ output: undefined, error }),
            );
            const result = (ours.output ?? ours.error) as { $metadata: { requestId?: string } };
            if (c.bodyRequestId !== undefined && c.response.headers["x-amzn-requestid"] === undefined) {
              // Deliberate: without the header, ours takes the request id the body carries; the SDK has none.
              expect(result.$metadata.requestId).toBe(c.bodyRequestId);
              delete result.$metadata.requestId;
            }
            if (theirs.error === undefined) {
              expect(ours.error, "ours rejected where the SDK resolved").toBeUndefined();
              const output = withDefaults(index, index.shape(op.output!), theirs.output);
              expect(comparableOutput(ours.output)).toEqual(comparableOutput(output));
              return;
            }
            expect(ours.error, "ours resolved where the SDK rejected").toBeDefined();
            if (c.emptyError === true) {
              // Deliberate: the SDK fails reading an empty `<Error/>` (a TypeError: it reads the element as ""); ours rejects with the error of code Unknown (NotFound for a 404, as the SDK names a codeless 404).
              expect([(theirs.error as Error).name, (ours.error as Error).name, (ours.error as Error).message]).toEqual(["TypeError", c.response.statusCode === 404 ? notFoundName(closure.errors) : "Unknown", "Unknown"]);
              return;
            }
            if (c.kind === "notXml") {
              // Deliberate: the SDK throws its XML parser's error, ours a service exception; both keep the text.
              expect(comparableError(ours.error, []).$metadata).toEqual(comparableError(theirs.error, []).$metadata);
              expect((ours.error as { $response: { body: unknown } }).$response.body).toBe(c.response.body);
              return;
            }
            const members = c.error?.members ?? [];
            expect(comparableError(ours.error, members)).toEqual(comparableError(theirs.error, members));
          }),
          { numRuns: RUNS, seed: 16 },
        );
      }, 300_000);
    }
  });
}

/**
 * The request with its body as its encoded `key=value` pairs, sorted. Deliberate: the SDK writes a
 * structure's @required members first (its schemas list them first), ours in model order; a
 * service reads the pairs by key.
 */
function pairsInAnyOrder(request: PlainRequest): Record<string, unknown> {
  return { ...request, body: request.body?.split("&").sort() };
}

/** The model's generated package and index, and the SDK reference; undefined without ../shared. */
async function load(path: string, sdkPackage: string, clientName: string) {
  const [files, model, sdkModule] = await Promise.all([generate([path]), loadModelFiles([path]), import(sdkPackage) as Promise<Record<string, unknown>>]);
  const { mod } = await loadGenerated<Generated>(files);
  const index = new ShapeIndex(model);
  const service = index.services()[0]!;
  const xmlNamespace = service.traits.get("smithy.api#xmlNamespace") as { uri?: string } | undefined;
  return {
    mod,
    index,
    closure: serviceClosure(index, service),
    sdk: sdkReference(sdkModule, clientName, ENDPOINT),
    namespace: xmlNamespace?.uri ?? "https://example.com/",
  };
}

interface ResponseCase {
  kind: "output" | "error" | "unknown" | "notXml";
  /** For a modeled error: its name and members other than the message. */
  error?: { name: string; members: string[] };
  /** An unknown error whose `<Error>` element is empty. */
  emptyError?: boolean;
  /** The request id the body carries, if any. */
  bodyRequestId?: string | undefined;
  response: CannedResponse;
}

const requestIdHeaders = fc.record({ "x-amzn-requestid": fc.uuid() }, { requiredKeys: [] });
const requestId = fc.option(fc.uuid(), { nil: undefined });
const xml = (root: XmlElement) => writeXml(root, { declaration: true });
const ids = (id: string | undefined, name: string) => (id === undefined ? [] : [xmlElement(name, id)]);

function responseCase(index: ShapeIndex, op: Shape, errors: readonly Shape[], namespace: string): fc.Arbitrary<ResponseCase> {
  const action = nameOf(op.id);
  const output = index.shape(op.output!);
  const contentType = { "content-type": "text/xml" };
  const success = fc.record({ headers: requestIdHeaders, id: requestId, result: structureElement(index, output.members, `${action}Result`), empty: fc.boolean() }).map(
    ({ headers, id, result, empty }): ResponseCase => {
      // An output without members may come as an empty body.
      const bodyless = empty && output.members.length === 0;
      const root = xmlElement(`${action}Response`, [result, xmlElement("ResponseMetadata", ids(id, "RequestId"))], { xmlns: namespace });
      return { kind: "output", bodyRequestId: bodyless ? undefined : id, response: { statusCode: 200, headers: { ...contentType, ...headers }, body: bodyless ? "" : xml(root) } };
    },
  );

  const modeled = errors.map((error) => {
    const name = nameOf(error.id);
    const trait = error.traits.get("aws.protocols#awsQueryError") as { code?: string; httpResponseCode?: number } | undefined;
    const server = error.traits.get("smithy.api#error") === "server";
    const status = trait?.httpResponseCode ?? (server ? 500 : 400);
    const message = error.members.find((m) => m.name.toLowerCase() === "message");
    const members = error.members.filter((m) => m !== message);
    return fc.record({ headers: requestIdHeaders, id: requestId, fields: structureElement(index, members, "Error"), message: fc.option(xmlText, { nil: undefined }) }).map(
      ({ headers, id, fields, message: text }): ResponseCase => {
        const head = [xmlElement("Type", server ? "Receiver" : "Sender"), xmlElement("Code", trait?.code ?? name), ...(text === undefined ? [] : [xmlElement("Message", text)])];
        const root = xmlElement("ErrorResponse", [xmlElement("Error", [...head, ...fields.children]), ...ids(id, "RequestId")], { xmlns: namespace });
        return {
          kind: "error",
          error: { name, members: members.map((m) => m.name) },
          bodyRequestId: id,
          response: { statusCode: status, headers: { ...contentType, ...headers }, body: xml(root) },
        };
      },
    );
  });

  const unknown = fc.record({ status: fc.constantFrom(400, 403, 404, 500, 503), message: fc.option(xmlText, { nil: undefined }), code: fc.option(fc.constantFrom("SomethingNew", "Throttling"), { nil: undefined }), headers: requestIdHeaders, id: requestId }).map(
    ({ status, message, code, headers, id }): ResponseCase => {
      const fields = [...(code === undefined ? [] : [xmlElement("Code", code)]), ...(message === undefined ? [] : [xmlElement("Message", message)])];
      const root = xmlElement("ErrorResponse", [xmlElement("Error", fields), ...ids(id, "RequestId")]);
      return { kind: "unknown", emptyError: fields.length === 0, bodyRequestId: id, response: { statusCode: status, headers: { ...contentType, ...headers }, body: xml(root) } };
    },
  );
  const notXml = fc.record({ status: fc.constantFrom(400, 404, 500, 502), html: fc.constantFrom("<html>Bad Gateway", "not xml", "{\"json\": true}"), headers: requestIdHeaders }).map(
    ({ status, html, headers }): ResponseCase => ({ kind: "notXml", response: { statusCode: status, headers, body: html } }),
  );
  return fc.oneof({ weight: 4, arbitrary: success }, ...modeled.map((arbitrary) => ({ weight: 2, arbitrary })), { weight: 1, arbitrary: unknown }, { weight: 1, arbitrary: notXml });
}

/** The name of the error a codeless 404 is: the service error whose code is NotFound (SNS's NotFoundException), else NotFound. */
function notFoundName(errors: readonly Shape[]): string {
  const error = errors.find((e) => ((e.traits.get("aws.protocols#awsQueryError") as { code?: string } | undefined)?.code ?? nameOf(e.id)) === "NotFound");
  return error === undefined ? "NotFound" : nameOf(error.id);
}

function copy(response: CannedResponse): CannedResponse {
  return { statusCode: response.statusCode, headers: { ...response.headers }, body: typeof response.body === "string" ? response.body : response.body.slice() };
}
