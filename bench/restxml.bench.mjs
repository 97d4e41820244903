// restXml serde speed and size on S3: the generated package's ListObjectsV2 deserializer on a
// 200 response of 1,000 keys (xml.bench.mjs's document) against AWS SDK v3's bare serde (the
// S3RestXmlProtocol object its client uses, called as its serde middleware calls it); and the
// browser bundle of GetObject's serializer, deserializer and error classes against the SDK's
// GetObjectCommand (esbuild min + gzip). Rounds alternate; each ratio is the median of per-round
// ratios of CPU time (wall time on this shared machine counts other processes).
// Targets (issue 16): deserialize ≥ 2× the SDK; bundle ≤ 0.2× the SDK's.

import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzippedBundle } from "./bundle.bench.mjs";
import { compareCpu, fmt, generatePackage, report } from "./lib.mjs";
import { LIST_OBJECTS } from "./xml.bench.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const MODEL = join(root, "..", "shared", "models", "aws", "s3-2006-03-01.json");
const BODY = new TextEncoder().encode(LIST_OBJECTS);
const HEADERS = { "content-type": "application/xml", "x-amz-request-id": "4442587FB7D0A2F9", "x-amz-id-2": "vlR7PnpV2Ce81l0PRw6jlUpck7Jo5ZsQjryTjKlc5aLWGVHPZLj5NeC6qMa0emYBDXOo6QBU0Wo=" };

async function loadSdk() {
  const sdk = await import("@aws-sdk/client-s3");
  const { operation } = await import("@smithy/core/schema");
  const { HttpResponse } = await import("@smithy/core/transport");
  const client = new sdk.S3Client({ region: "us-east-1", credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" } });
  const listObjectsV2 = operation(...sdk.ListObjectsV2$.slice(1, 6));
  return () => client.config.protocol.deserializeResponse(listObjectsV2, client.config, new HttpResponse({ statusCode: 200, headers: { ...HEADERS }, body: BODY }));
}

export default async function run() {
  if (!existsSync(MODEL)) {
    console.log("     skipped: ../shared is absent (the S3 model is read from there)");
    return true;
  }
  const pkg = generatePackage(MODEL);
  const ours = await import(pathToFileURL(join(pkg.js, "protocol.js")).href);
  const sdk = await loadSdk();
  // Both read the same document: check they agree before timing.
  const [mine, theirs] = [await ours.deserializeListObjectsV2Response({ statusCode: 200, headers: HEADERS, body: BODY }), await sdk()];
  const last = (o) => `${o.Contents.length} ${o.Contents[999].Key} ${o.Contents[999].Size} ${o.Contents[999].LastModified.toISOString()} ${o.IsTruncated} ${o.KeyCount}`;
  if (last(mine) !== last(theirs)) throw new Error(`the deserializers disagree: ${last(mine)} / ${last(theirs)}`);

  const deser = await compareCpu({ ours: () => ours.deserializeListObjectsV2Response({ statusCode: 200, headers: HEADERS, body: BODY }), sdk });
  let ok = report("deserialize S3 ListObjectsV2 200, 1,000 keys, vs SDK v3", `${fmt(deser.ours.ops)} ops per CPU s = ${deser.sdk.ratio.toFixed(2)}× sdk (${fmt(deser.sdk.ops)})`, "≥ 2×", deser.sdk.ratio >= 2);

  const bundle = await gzippedBundle([
    `export { serializeGetObjectRequest, deserializeGetObjectResponse } from "${pkg.src}/protocol.js";`,
    `export { S3ServiceException, InvalidObjectState, NoSuchKey } from "${pkg.src}/errors.js";`,
  ].join("\n"), root);
  const sdkBundle = await gzippedBundle(`export { GetObjectCommand } from "@aws-sdk/client-s3";`, root);
  console.log(`     bundle: ours ${bundle.raw} bytes minified, ${bundle.gzip} gzipped; SDK GetObjectCommand ${sdkBundle.raw} minified, ${sdkBundle.gzip} gzipped`);
  const ratio = bundle.gzip / sdkBundle.gzip;
  ok = report("GetObject serializer + deserializer + errors, esbuild minified + gzip", `${bundle.gzip} bytes = ${ratio.toFixed(3)}× the SDK's ${sdkBundle.gzip}`, "≤ 0.2×", ratio <= 0.2) && ok;
  return ok;
}
