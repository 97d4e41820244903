// awsJson1_0 serde speed and size on DynamoDB: the generated package's PutItem request serializer
// (a 20-attribute item with nested maps and lists) and GetItem 200 response deserializer against
// AWS SDK v3's own serde (the protocol object its commands' serde middleware calls, with the
// operation's schema: no client send) and against the floor any JSON serde pays, bare
// JSON.stringify of the wire value / JSON.parse of the body; and the browser bundle of GetItem's
// serializer, deserializer and error classes against the SDK's GetItemCommand (esbuild min +
// gzip). Every contender gets the same input and is checked to produce the same request body or
// output; rounds alternate between the contenders after a warm-up round each; each ratio is the
// median of per-round ratios. Targets: both ≥ 3× the SDK and ≥ 0.8× the floor; bundle ≤ 0.15×
// the SDK's.

import { existsSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { compare, fmt, generatePackage, report } from "./lib.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const MODEL = join(root, "..", "shared", "models", "aws", "dynamodb-2012-08-10.json");
const ENDPOINT = "https://dynamodb.us-east-1.amazonaws.com";

/** A 20-attribute item: every AttributeValue kind, maps and lists nested two levels. */
const ITEM = {
  pk: { S: "customer#4411" }, sk: { S: "order#2026-12-06#0042" }, status: { S: "SHIPPED" }, total: { N: "1249.95" },
  quantity: { N: "3" }, paid: { BOOL: true }, gift: { BOOL: false }, note: { NULL: true },
  tags: { SS: ["priority", "fragile", "eu"] }, scores: { NS: ["4.5", "3", "5"] }, thumbprint: { B: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]) },
  chunks: { BS: [new Uint8Array([9, 8, 7]), new Uint8Array([6, 5])] },
  address: { M: { street: { S: "1 Main St" }, city: { S: "Lisbon" }, zip: { S: "1100-148" }, geo: { M: { lat: { N: "38.7223" }, lon: { N: "-9.1393" } } } } },
  items: { L: [
    { M: { sku: { S: "A-1" }, qty: { N: "1" }, price: { N: "999.99" } } },
    { M: { sku: { S: "B-2" }, qty: { N: "2" }, price: { N: "124.98" }, options: { L: [{ S: "red" }, { S: "xl" }] } } },
  ] },
  history: { L: [{ S: "CREATED" }, { S: "PAID" }, { S: "SHIPPED" }] },
  carrier: { S: "DHL" }, tracking: { S: "JD014600006251234567" }, createdAt: { N: "1765000000" }, updatedAt: { N: "1765003600" },
  meta: { M: { source: { S: "web" }, version: { N: "7" }, flags: { L: [{ BOOL: true }, { NULL: true }] } } },
};
const INPUT = { TableName: "orders", Item: ITEM, ReturnValues: "NONE", ConditionExpression: "attribute_not_exists(pk)" };
/** The same item as it is on the wire (blobs base64), for the GetItem response. */
const wire = (value) => JSON.parse(JSON.stringify(value, (_k, v) => (v instanceof Uint8Array ? Buffer.from(v).toString("base64") : v)));
const OK_BODY = new TextEncoder().encode(JSON.stringify({ Item: wire(ITEM) }));
const OK_HEADERS = { "content-type": "application/x-amz-json-1.0", "x-amzn-requestid": "0f1e2d3c4b5a69788a9b0c1d2e3f4a5b" };

/** The SDK's own serde: the protocol object of a client, called as its serde middleware calls it. */
async function loadSdk() {
  const sdk = await import("@aws-sdk/client-dynamodb");
  const { operation } = await import("@smithy/core/schema");
  const { HttpResponse } = await import("@smithy/core/transport");
  const client = new sdk.DynamoDBClient({ region: "us-east-1", credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" } });
  const protocol = client.config.protocol;
  const schema = (tuple) => operation(tuple[1], tuple[2], tuple[3], tuple[4], tuple[5]);
  const putItem = schema(sdk.PutItem$);
  const getItem = schema(sdk.GetItem$);
  const url = new URL(ENDPOINT);
  const endpoint = { protocol: url.protocol, hostname: url.hostname, path: "/", query: {} };
  const context = { ...client.config, endpoint: async () => endpoint };
  return {
    serialize: () => protocol.serializeRequest(putItem, INPUT, context),
    deserialize: () => protocol.deserializeResponse(getItem, client.config, new HttpResponse({ statusCode: 200, headers: { ...OK_HEADERS }, body: OK_BODY })),
  };
}

/** The floor of a PutItem serializer: JSON.stringify of the wire value (blobs already base64), the three headers. */
function bareSerialize(wireInput) {
  const body = JSON.stringify(wireInput);
  return { method: "POST", path: "/", headers: { "content-type": "application/x-amz-json-1.0", "x-amz-target": "DynamoDB_20120810.PutItem", "content-length": String(Buffer.byteLength(body)) }, body };
}

/** The floor of a GetItem reader: decode and JSON.parse the body (its blobs stay base64), add `$metadata`. */
function bareDeserialize(response) {
  const output = JSON.parse(new TextDecoder().decode(response.body));
  output.$metadata = { httpStatusCode: response.statusCode, requestId: response.headers["x-amzn-requestid"] };
  return output;
}

async function gzippedBundle(contents) {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: "ts", sourcefile: "entry.ts" },
    bundle: true, minify: true, platform: "browser", format: "esm", target: "es2022", write: false, logLevel: "silent", metafile: true,
  });
  const code = result.outputFiles[0].contents;
  // What each module contributes (minified bytes), largest first: where the size is.
  const inputs = Object.entries(Object.values(result.metafile.outputs)[0].inputs).filter(([, v]) => v.bytesInOutput > 0);
  const modules = inputs.sort(([, a], [, b]) => b.bytesInOutput - a.bytesInOutput).map(([path, v]) => `${path.replace(/^.*\/src\//, "")} ${v.bytesInOutput}`);
  return { raw: code.length, gzip: gzipSync(code, { level: 9 }).length, modules };
}

export default async function run() {
  if (!existsSync(MODEL)) {
    console.log("     skipped: ../shared is absent (the DynamoDB model is read from there)");
    return true;
  }
  const pkg = generatePackage(MODEL);
  const ours = await import(pathToFileURL(join(pkg.js, "protocol.js")).href);
  const sdk = await loadSdk();
  // The same work: the SDK's request body and output are ours, byte for byte and value for value.
  const request = ours.serializePutItemRequest(INPUT, ENDPOINT);
  if (new TextDecoder().decode((await sdk.serialize()).body) !== request.body) throw new Error("the SDK's PutItem body differs from ours");
  const got = await ours.deserializeGetItemResponse({ statusCode: 200, headers: OK_HEADERS, body: OK_BODY });
  if (got.Item.thumbprint.B[7] !== 8 || got.Item.address.M.geo.M.lon.N !== "-9.1393") throw new Error("unexpected GetItem output");
  if (!isDeepStrictEqual({ ...(await sdk.deserialize()) }, { ...got })) throw new Error("the SDK's GetItem output differs from ours");
  const wireInput = JSON.parse(request.body);

  const ser = await compare({ ours: () => ours.serializePutItemRequest(INPUT, ENDPOINT), sdk: sdk.serialize, floor: () => bareSerialize(wireInput) });
  const deser = await compare({
    ours: () => ours.deserializeGetItemResponse({ statusCode: 200, headers: OK_HEADERS, body: OK_BODY }),
    sdk: sdk.deserialize,
    floor: () => bareDeserialize({ statusCode: 200, headers: OK_HEADERS, body: OK_BODY }),
  });

  // Every error GetItem can return, and the service's base exception.
  const errors = "DynamoDBServiceException, InternalServerError, InvalidEndpointException, ProvisionedThroughputExceededException, RequestLimitExceeded, ResourceNotFoundException";
  const bundle = await gzippedBundle([
    `export { serializeGetItemRequest, deserializeGetItemResponse } from "${pkg.src}/protocol.js";`,
    `export { ${errors} } from "${pkg.src}/errors.js";`,
  ].join("\n"));
  const sdkBundle = await gzippedBundle(`export { GetItemCommand } from "@aws-sdk/client-dynamodb";`);
  console.log(`     bundle: ours ${bundle.raw} bytes minified, ${bundle.gzip} gzipped; SDK GetItemCommand ${sdkBundle.raw} minified, ${sdkBundle.gzip} gzipped`);
  console.log(`     ours by module (minified bytes): ${bundle.modules.join(", ")}`);

  const line = (figures, vs) => `${fmt(figures.ours.ops)} ops/s = ${figures[vs].ratio.toFixed(2)}× ${vs} (${fmt(figures[vs].ops)})`;
  // What the floor allows: a serde no faster than bare JSON.stringify / JSON.parse is at most this many times the SDK.
  const ceiling = (figures) => (figures.floor.ops / figures.sdk.ops).toFixed(2);
  console.log(`     the floor is ${ceiling(ser)}× the SDK's serializer and ${ceiling(deser)}× its deserializer`);
  let ok = report("serialize PutItem (20 attributes, nested) vs SDK v3 serializer", line(ser, "sdk"), "≥ 3×", ser.sdk.ratio >= 3);
  ok = report("serialize PutItem vs bare JSON.stringify floor", line(ser, "floor"), "≥ 0.8×", ser.floor.ratio >= 0.8) && ok;
  ok = report("deserialize GetItem 200 vs SDK v3", line(deser, "sdk"), "≥ 3×", deser.sdk.ratio >= 3) && ok;
  ok = report("deserialize GetItem 200 vs bare JSON.parse floor", line(deser, "floor"), "≥ 0.8×", deser.floor.ratio >= 0.8) && ok;
  const ratio = bundle.gzip / sdkBundle.gzip;
  ok = report("GetItem serializer + deserializer + errors, esbuild minified + gzip", `${bundle.gzip} bytes = ${ratio.toFixed(3)}× the SDK's ${sdkBundle.gzip}`, "≤ 0.15×", ratio <= 0.15) && ok;
  return ok;
}
