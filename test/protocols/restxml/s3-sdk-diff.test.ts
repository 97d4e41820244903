// Differential test against AWS SDK for JavaScript v3's S3 client (path-style, checksums only when
// required): for every S3 operation whose wire format needs no S3-only customization, fast-check
// inputs are serialized by ours and by the SDK, and the same synthetic responses (XML bodies made
// from the model by test/serde/support/xml-wire.ts, every modeled error, an unknown error) are read by both. Any
// difference fails; the customizations either side applies alone are listed below (and in
// docs/serde-differences.md) and normalized or skipped.
// Runs per operation and direction: RESTXML_DIFF_RUNS (default 10; 200 for the full check).

import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { serviceClosure, ShapeIndex } from "../../../generator/index/shape-index.js";
import { loadModelFiles } from "../../../generator/load/load.js";
import type { Member, Shape } from "../../../generator/model/model.js";
import { nameOf } from "../../../generator/model/shape-id.js";
import { readXml } from "../../../runtime/xml/reader.js";
import { writeXml, xmlElement } from "../../../runtime/xml/writer.js";
import { generate, loadGenerated, SHARED_DIR, SHARED_MISSING } from "../../helpers/codegen.js";
import { operationInput } from "../../serde/support/arbitraries.js";
import { comparableError, comparableOutput, plainRequest } from "../../serde/support/compare.js";
import type { CannedResponse, PlainRequest } from "../../serde/support/sdk.js";
import { sdkReference } from "../awsjson/sdk.js";
import { xmlTree } from "./xml-compare.js";
import { structureElement, xmlText } from "../../serde/support/xml-wire.js";

const RUNS = Number(process.env["RESTXML_DIFF_RUNS"] ?? 10);
const ENDPOINT = "https://s3.us-east-1.amazonaws.com";
/** The endpoint S3's rules give path-style: the bucket (left out of our request path) is the endpoint's path. */
const endpointOf = (input: Record<string, unknown>) => (typeof input["Bucket"] === "string" ? `${ENDPOINT}/${input["Bucket"]}` : ENDPOINT);

/** Operations whose wire format needs an S3-only customization, with what it would need. */
const S3_CUSTOMIZED: Record<string, string> = {
  SelectObjectContent: "an event stream output (restXml event streams are not specified yet)",
  WriteGetObjectResponse: "S3 Object Lambda addressing: the `{RequestRoute}.` host prefix and the endpoint rules' UseObjectLambdaEndpoint",
  CreateSession: "S3 Express session auth: the SDK signs it with its own session scheme",
};

/**
 * Input members the SDK rewrites (S3-only middleware), left out of the inputs: SSE-C keys are
 * base64-encoded and their MD5 added by the SDK (middleware-ssec); checksum algorithm members
 * make the SDK compute that checksum over the body (middleware-flexible-checksums).
 */
const REWRITTEN_INPUTS = new Set(["SSECustomerKey", "CopySourceSSECustomerKey", "ChecksumAlgorithm", "ChecksumMode"]);

/**
 * Request headers not compared: those the SDK adds outside serialization, and the checksums of
 * `requestChecksumRequired` operations (the SDK sends a CRC32, ours Content-MD5; both accepted).
 */
const UNCOMPARED_HEADER = /^(user-agent|x-amz-user-agent|amz-sdk-invocation-id|amz-sdk-request|x-amz-date|x-amz-content-sha256|x-amz-security-token|authorization|host|expect|content-md5|x-amz-checksum-[a-z0-9]+|x-amz-sdk-checksum-algorithm)$/;

/** Bucket names the SDK's endpoint rules take path-style (no ARNs, no S3 Express `--x-s3` suffix). */
const bucket = fc.stringMatching(/^[a-z0-9][a-z0-9.]{1,10}[a-z0-9]$/);

type Generated = Record<string, (...args: unknown[]) => unknown>;

const loaded = SHARED_DIR === undefined ? undefined : await load(join(SHARED_DIR, "models", "aws", "s3-2006-03-01.json"));

describe.skipIf(loaded === undefined)(`s3 restXml serde matches @aws-sdk/client-s3${loaded === undefined ? ` (${SHARED_MISSING})` : ""}`, () => {
  const { mod, index, closure, sdk } = loaded ?? ({} as NonNullable<typeof loaded>);

  for (const op of closure?.operations ?? []) {
    const name = nameOf(op.id);
    const skip = S3_CUSTOMIZED[name];
    if (skip !== undefined) {
      it.skip(`${name} (skipped: ${skip})`, () => {});
      continue;
    }
    const input = index.shape(op.input!);

    it(`${name}: requests`, async () => {
      expect(sdk.has(name)).toBe(true);
      await fc.assert(
        fc.asyncProperty(inputs(index, input), async (value) => {
          let raw: { headers: Record<string, string>; body?: unknown };
          try {
            raw = mod[`serialize${name}Request`]!(value, endpointOf(value)) as typeof raw;
          } catch (e) {
            // Deliberate: ours refuses a header value with a line break, which the SDK passes on to the
            // HTTP client, and a character XML cannot carry (U+0000…), which the SDK writes as is.
            fc.pre(!/line break|cannot be written in XML/.test(String(e)));
            throw e;
          }
          const body = raw.body as string | Uint8Array | undefined;
          if (body !== undefined) expect(raw.headers["content-length"]).toBe(String(typeof body === "string" ? Buffer.byteLength(body) : body.length));
          const ours = plainRequest(raw);
          const theirs = await sdk.request(name, value);
          expect(comparable(ours)).toEqual(comparable(theirs));
        }),
        { numRuns: RUNS, seed: 16 },
      );
    }, 120_000);

    it(`${name}: responses (success, modeled errors, unknown error)`, async () => {
      const errors = (op.errors ?? []).map((id) => index.shape(id));
      await fc.assert(
        fc.asyncProperty(responseCase(index, op, errors), async (c) => {
          const theirs = await sdk.response(name, { Bucket: "bucket", Key: "key" }, c.response);
          const ours = await (mod[`deserialize${name}Response`]!(copy(c.response)) as Promise<unknown>).then(
            (output) => ({ output, error: undefined }),
            (error: unknown) => ({ output: undefined, error }),
          );
          if (theirs.error === undefined) {
            expect(ours.error, `ours rejected where the SDK resolved: ${String(ours.error)}`).toBeUndefined();
            expect(outputOf(ours.output)).toEqual(outputOf(await collected(theirs.output)));
            return;
          }
          expect(ours.error, `ours resolved where the SDK rejected: ${String(theirs.error)}`).toBeDefined();
          const members = c.error?.members ?? [];
          expect(comparableError(ours.error, members)).toEqual(comparableError(theirs.error, members));
        }),
        { numRuns: RUNS, seed: 16 },
      );
    }, 120_000);
  }
});

async function load(path: string) {
  const [files, model, sdkModule] = await Promise.all([generate([path]), loadModelFiles([path]), import("@aws-sdk/client-s3") as Promise<Record<string, unknown>>]);
  const { mod } = await loadGenerated<Generated>(files);
  const index = new ShapeIndex(model);
  const service = index.services()[0]!;
  const sdk = sdkReference(sdkModule, "S3Client", ENDPOINT, {
    forcePathStyle: true,
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    disableS3ExpressSessionAuth: true,
  });
  return { mod, index, closure: serviceClosure(index, service), sdk };
}

/** Operation inputs with a path-style bucket name, without the members the SDK rewrites. */
function inputs(index: ShapeIndex, input: Shape): fc.Arbitrary<Record<string, unknown>> {
  const kept = { ...input, members: input.members.filter((m) => !REWRITTEN_INPUTS.has(m.name)) };
  const hasBucket = kept.members.some((m) => m.name === "Bucket");
  return operationInput(index, kept).chain((value) => (hasBucket ? bucket.map((Bucket) => ({ ...value, Bucket })) : fc.constant(value)));
}

/**
 * A request with uncompared headers dropped and its XML body as a tree. One listed difference
 * is normalized: the SDK sends `Content-Type: application/xml` on requests without a body.
 * Content-Length (ours checked against its body) is dropped with a body; http-date years are unpadded.
 */
function comparable(request: PlainRequest): Record<string, unknown> {
  const headers = Object.fromEntries(Object.entries(request.headers).filter(([k]) => !UNCOMPARED_HEADER.test(k.toLowerCase())));
  if (request.body === undefined) delete headers["content-type"];
  // With a body, each side's Content-Length is its own (the SDK's body starts with an XML
  // declaration, ours does not; the SDK keeps a caller's ContentLength, ours measures the body).
  if (request.body !== undefined) delete headers["content-length"];

  // A query key without a value: null in ours, "" in the SDK's (both written `?key`).
  const query = Object.fromEntries(Object.entries(request.query).map(([k, v]) => [k, v === null ? "" : v]));
  const xml = request.body !== undefined && request.body.trimStart().startsWith("<");
  return unpadYears({ ...request, query, headers, body: xml ? xmlTree(readXml(request.body!)) : request.body }) as Record<string, unknown>;
}

/** An http-date before year 1000 anywhere: ours pads the year to four digits as IMF-fixdate requires, the SDK does not. */
function unpadYears(value: unknown): unknown {
  if (typeof value === "string") return value.replace(/^(\w{3}, \d{2} \w{3} )0+(\d{1,3} \d{2}:\d{2}:\d{2} GMT)$/, "$1$2");
  if (Array.isArray(value)) return value.map(unpadYears);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unpadYears(v)]));
}

/** The SDK's streaming Body collected to bytes (an empty one is no body, as ours reads it). */
async function collected(output: any): Promise<any> {
  const body = output?.Body;
  if (body === undefined || body === null || typeof body.transformToByteArray !== "function") return output;
  const bytes: Uint8Array = await body.transformToByteArray();
  const { Body: _unused, ...rest } = output;
  return bytes.length === 0 ? rest : { ...rest, Body: bytes };
}

/**
 * An output as comparable data. `Expires` is an S3 customization in the SDK (read leniently,
 * with the raw text in an extra `ExpiresString`): both are left out.
 */
function outputOf(output: any): Record<string, unknown> {
  const { Expires: _e, ExpiresString: _s, ...rest } = output as Record<string, unknown>;
  return comparableOutput(rest);
}

interface ResponseCase {
  kind: "output" | "error" | "unknown";
  error?: { name: string; members: string[] };
  response: CannedResponse;
}

const requestId = fc.record({ "x-amz-request-id": fc.stringMatching(/^[0-9A-F]{16}$/), "x-amz-id-2": fc.base64String({ minLength: 8, maxLength: 24 }) });

const xml = (root: Parameters<typeof writeXml>[0]) => writeXml(root, { declaration: true });
/** Text both parsers read alike (the SDK's trims it). */
const wireText = xmlText.filter((s) => s === s.trim() && s !== "");

function responseCase(index: ShapeIndex, op: Shape, errors: readonly Shape[]): fc.Arbitrary<ResponseCase> {
  const output = index.shape(op.output!);
  const bodyMembers = bodyOnly(output.members);
  const payload = output.members.find((m) => m.traits.has("smithy.api#httpPayload"));
  const rootName = (output.traits.get("smithy.api#xmlName") as string | undefined) ?? `${nameOf(op.id)}Result`;
  const body: fc.Arbitrary<string> = payload !== undefined
    ? payloadBody(index, payload)
    : bodyMembers.length === 0
      ? fc.constant("")
      : output.traits.has("aws.customizations#s3UnwrappedXmlOutput") || op.traits.has("aws.customizations#s3UnwrappedXmlOutput")
        // As S3 sends it: the SDK reads the value only after a declaration, with the namespace.
        ? fc.constantFrom("EU", "us-west-2", "").map((v) => xml(xmlElement(rootName, v, { xmlns: "http://s3.amazonaws.com/doc/2006-03-01/" })))
        : structureElement(index, bodyMembers, rootName).map(xml);
  const success = fc.record({ headers: requestId, body }).map(({ headers, body }): ResponseCase => ({
    kind: "output",
    response: { statusCode: 200, headers: { "content-type": "application/xml", ...headers }, body },
  }));
  // S3's errors are unwrapped (noErrorWrapping): <Error><Code/><Message/>…members…<RequestId/></Error>.
  const errorBody = (code: string, message: string | undefined, id: string, fields = xmlElement("Error")) =>
    xml(xmlElement("Error", [
      xmlElement("Code", code),
      ...(message === undefined ? [] : [xmlElement("Message", message)]),
      ...fields.children,
      xmlElement("RequestId", id),
    ], { ...fields.attributes }));
  const modeled = errors.map((error) => {
    const errorName = nameOf(error.id);
    const members = bodyOnly(error.members).filter((m) => m.name.toLowerCase() !== "message");
    return fc.record({ fields: structureElement(index, members, "Error"), message: fc.option(wireText, { nil: undefined }), headers: requestId, status: fc.constantFrom(400, 403, 404, 409) }).map(
      ({ fields, message, headers, status }): ResponseCase => ({
        kind: "error",
        error: { name: errorName, members: members.map((m) => m.name) },
        response: { statusCode: status, headers: { "content-type": "application/xml", ...headers }, body: errorBody(errorName, message, headers["x-amz-request-id"], fields) },
      }),
    );
  });
  const unknown = fc.record({ status: fc.constantFrom(400, 403, 500, 503), message: fc.option(wireText, { nil: undefined }), headers: requestId }).map(
    ({ status, message, headers }): ResponseCase => ({
      kind: "unknown",
      response: { statusCode: status, headers: { "content-type": "application/xml", ...headers }, body: errorBody("SomethingNew", message, headers["x-amz-request-id"]) },
    }),
  );
  return fc.oneof({ weight: 4, arbitrary: success }, ...modeled.map((arbitrary) => ({ weight: 2, arbitrary })), { weight: 1, arbitrary: unknown });
}

/** A structure payload's XML (its root named by the target), or a blob's or string's bytes. */
function payloadBody(index: ShapeIndex, payload: Member): fc.Arbitrary<string> {
  const target = index.target(payload);
  if (target.type !== "structure" && target.type !== "union") return wireText;
  const root = (payload.traits.get("smithy.api#xmlName") as string | undefined) ?? (target.traits.get("smithy.api#xmlName") as string | undefined) ?? nameOf(target.id);
  return structureElement(index, target.members, root).map(xml);
}

const bodyOnly = (members: readonly Member[]) =>
  members.filter((m) => !["smithy.api#httpHeader", "smithy.api#httpPrefixHeaders", "smithy.api#httpResponseCode", "smithy.api#httpPayload"].some((t) => m.traits.has(t)));

function copy(response: CannedResponse): CannedResponse {
  return { statusCode: response.statusCode, headers: { ...response.headers }, body: typeof response.body === "string" ? response.body : response.body.slice() };
}
