// awsQuery serde speed on STS: the generated package's AssumeRole response deserializer (XML
// body to output, the request id from the body) and request serializer (form body) against AWS
// SDK v3's schema serde (the protocol object its client uses). Both start from the body bytes.
// Rounds alternate between the contenders; each ratio is the median of per-round ratios, in CPU
// time (the machine is shared: wall time would count other processes).
// Target: deserializing ≥ 2× the SDK (issue 16); the serializer's ratio is printed.

import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { compareCpu, fmt, generatePackage, report } from "./lib.mjs";
import { ASSUME_ROLE } from "./xml.bench.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const MODEL = join(root, "..", "shared", "models", "aws", "sts-2011-06-15.json");
const ENDPOINT = "https://sts.us-east-1.amazonaws.com";
const BODY = new TextEncoder().encode(ASSUME_ROLE);
const HEADERS = { "content-type": "text/xml" };
const INPUT = {
  RoleArn: "arn:aws:iam::123456789012:role/demo", RoleSessionName: "John", DurationSeconds: 3600,
  PolicyArns: [{ arn: "arn:aws:iam::123456789012:policy/one" }, { arn: "arn:aws:iam::123456789012:policy/two" }],
  Tags: [{ Key: "project", Value: "bench" }, { Key: "team", Value: "platform" }], TransitiveTagKeys: ["project"],
  Policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] }),
};

/** The SDK's own serde: the protocol object of a client, called as its serde middleware calls it. */
async function loadSdk() {
  const sdk = await import("@aws-sdk/client-sts");
  const { operation } = await import("@smithy/core/schema");
  const { HttpResponse } = await import("@smithy/core/transport");
  const client = new sdk.STSClient({ region: "us-east-1", credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" } });
  const protocol = client.config.protocol;
  const assumeRole = operation(sdk.AssumeRole$[1], sdk.AssumeRole$[2], sdk.AssumeRole$[3], sdk.AssumeRole$[4], sdk.AssumeRole$[5]);
  const url = new URL(ENDPOINT);
  const context = { ...client.config, endpoint: async () => ({ protocol: url.protocol, hostname: url.hostname, path: "/", query: {} }) };
  return {
    serialize: () => protocol.serializeRequest(assumeRole, INPUT, context),
    deserialize: () => protocol.deserializeResponse(assumeRole, client.config, new HttpResponse({ statusCode: 200, headers: { ...HEADERS }, body: BODY })),
  };
}

export default async function run() {
  if (!existsSync(MODEL)) {
    console.log("     skipped: ../shared is absent (the STS model is read from there)");
    return true;
  }
  const pkg = generatePackage(MODEL);
  const ours = await import(pathToFileURL(join(pkg.js, "protocol.js")).href);
  const sdk = await loadSdk();
  // Both read the same document: check they agree before timing.
  const [mine, theirs] = await Promise.all([ours.deserializeAssumeRoleResponse({ statusCode: 200, headers: HEADERS, body: BODY }), sdk.deserialize()]);
  if (mine.Credentials.Expiration.getTime() !== theirs.Credentials.Expiration.getTime() || mine.Credentials.SessionToken !== theirs.Credentials.SessionToken || mine.PackedPolicySize !== 6) {
    throw new Error("unexpected AssumeRole output");
  }
  const deser = await compareCpu({ ours: () => ours.deserializeAssumeRoleResponse({ statusCode: 200, headers: HEADERS, body: BODY }), sdk: sdk.deserialize });
  const ser = await compareCpu({ ours: () => ours.serializeAssumeRoleRequest(INPUT, ENDPOINT), sdk: sdk.serialize });
  const line = (figures) => `${fmt(figures.ours.ops)} ops per CPU second = ${figures.sdk.ratio.toFixed(2)}× SDK v3 (${fmt(figures.sdk.ops)})`;
  const ok = report(`deserialize STS AssumeRole 200 (${(BODY.length / 1024).toFixed(1)} KiB)`, line(deser), "≥ 2×", deser.sdk.ratio >= 2);
  console.log(`     serialize STS AssumeRole (policies, tags): ${line(ser)}`);
  return ok;
}
