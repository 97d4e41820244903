// CBOR codec speed: runtime/cbor's encode and decode of a representative rpcv2Cbor payload (a
// 50-member structure with nested lists, maps, blobs and timestamps) against AWS SDK v3's codec
// (@smithy/core/cbor, the one its rpcv2Cbor clients use) and cbor-x (the fastest on npm).
// Each contender gets the payload in its own value model (the SDK: timestamps as its tag 1
// objects); every decoder reads the same bytes. Rounds alternate between the contenders, each
// ratio is the median of per-round ratios of CPU time.
// Targets: encode and decode ≥ 1.5× the SDK and ≥ 0.8× cbor-x.
// Then one operation end to end: marketplace-entitlement-service generated with
// `--protocol rpcv2Cbor`, its GetEntitlements request serializer and 200 response deserializer
// (50 entitlements) against SDK v3's client protocol switched to rpcv2Cbor
// (AwsSmithyRpcV2CborProtocol), called as its serde middleware calls it. Target: ≥ 3× each.

import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { generatePackage } from "./awsjson.bench.mjs";
import { fmt, median, report } from "./lib.mjs";

const MES = join(fileURLToPath(new URL("..", import.meta.url)), "..", "shared", "models", "aws", "marketplace-entitlement-service-2017-01-11.json");
const MES_ENDPOINT = "https://entitlement.marketplace.us-east-1.amazonaws.com";
const GET_ENTITLEMENTS = {
  ProductCode: "6n7j3ehmqk2wqzy6fjrz1rdzd",
  Filter: { CUSTOMER_IDENTIFIER: ["cust-0001", "cust-0002", "cust-0003"], DIMENSION: ["seats", "storage-gb"] },
  NextToken: "eyJvZmZzZXQiOjUwfQ==",
  MaxResults: 50,
};
/** 50 entitlements, each value kind in turn, as our server would write them. */
const ENTITLEMENTS = {
  Entitlements: Array.from({ length: 50 }, (_, i) => ({
    ProductCode: "6n7j3ehmqk2wqzy6fjrz1rdzd",
    Dimension: ["seats", "storage-gb", "tier", "premium"][i % 4],
    CustomerIdentifier: `cust-${String(i).padStart(4, "0")}`,
    CustomerAWSAccountId: String(100000000000 + i * 7919),
    Value: [{ IntegerValue: i * 10 }, { DoubleValue: i / 3 }, { StringValue: `plan-${i}` }, { BooleanValue: i % 8 === 3 }][i % 4],
    ExpirationDate: new Date(Date.UTC(2027, i % 12, 1 + (i % 28), 12, 0, 0, (i * 125) % 1000)),
  })),
  NextToken: "eyJvZmZzZXQiOjEwMH0=",
};

/** GetEntitlements over rpcv2Cbor: ours (generated with --target client --target server) and the SDK's protocol object. */
async function loadOperation() {
  const pkg = generatePackage(MES, ["--protocol", "rpcv2Cbor", "--target", "client", "--target", "server"]);
  const ours = await import(pathToFileURL(join(pkg.js, "index.js")).href);
  const sdk = await import("@aws-sdk/client-marketplace-entitlement-service");
  const { AwsSmithyRpcV2CborProtocol } = await import("@aws-sdk/core/protocols");
  const { operation } = await import("@smithy/core/schema");
  const { HttpResponse } = await import("@smithy/core/transport");
  const client = new sdk.MarketplaceEntitlementServiceClient({
    region: "us-east-1", credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" }, protocol: AwsSmithyRpcV2CborProtocol,
  });
  const t = sdk.GetEntitlements$;
  const schema = operation(t[1], t[2], t[3], t[4], t[5]);
  const url = new URL(MES_ENDPOINT);
  // The service and operation names the SDK's middleware puts in the context (the request path is made of them).
  const context = {
    ...client.config,
    endpoint: async () => ({ protocol: url.protocol, hostname: url.hostname, path: "/", query: {} }),
    __smithy_context: { service: "AWSMPEntitlementService", operation: "GetEntitlements" },
  };
  const response = ours.serializeGetEntitlementsResponse(ENTITLEMENTS);
  const body = Buffer.from(response.body);
  const headers = { ...response.headers, "x-amzn-requestid": "0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b" };
  const sdkRequest = await client.config.protocol.serializeRequest(schema, GET_ENTITLEMENTS, context);
  if (sdkRequest.path !== ours.serializeGetEntitlementsRequest(GET_ENTITLEMENTS, MES_ENDPOINT).path) throw new Error(`the SDK's request path is ${sdkRequest.path}`);
  const sdkOutput = await client.config.protocol.deserializeResponse(schema, client.config, new HttpResponse({ statusCode: 200, headers: { ...headers }, body }));
  const output = await ours.deserializeGetEntitlementsResponse({ statusCode: 200, headers, body });
  if (output.Entitlements.length !== 50 || sdkOutput.Entitlements.length !== 50 || output.Entitlements[49].ExpirationDate.getTime() !== sdkOutput.Entitlements[49].ExpirationDate.getTime()) {
    throw new Error("unexpected GetEntitlements output");
  }
  return {
    ours: {
      serialize: () => ours.serializeGetEntitlementsRequest(GET_ENTITLEMENTS, MES_ENDPOINT),
      deserialize: () => ours.deserializeGetEntitlementsResponse({ statusCode: 200, headers: { ...headers }, body }),
    },
    sdk: {
      serialize: () => client.config.protocol.serializeRequest(schema, GET_ENTITLEMENTS, context),
      deserialize: () => client.config.protocol.deserializeResponse(schema, client.config, new HttpResponse({ statusCode: 200, headers: { ...headers }, body })),
    },
    bytes: body.length,
  };
}

/** runtime/cbor, bundled from its TypeScript sources into a temporary module. */
async function loadCodec() {
  const outfile = join(mkdtempSync(join(tmpdir(), "bench-cbor-")), "cbor.mjs");
  await build({ entryPoints: [new URL("../runtime/cbor/index.ts", import.meta.url).pathname], bundle: true, format: "esm", outfile, logLevel: "warning" });
  return import(pathToFileURL(outfile).href);
}

/** 50 members: scalars of every kind, nested lists and maps, blobs and timestamps. */
export function payload() {
  const bytes = (n, seed) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff);
  const at = (i) => new Date(Date.UTC(2026, 0, 1 + i, 8, 30, i, i % 3 === 0 ? 0 : 125 * i));
  const item = (i) => ({
    id: `item-${i}`,
    quantity: i * 7,
    price: 19.99 + i,
    tags: ["red", "green", `size-${i}`],
    created: at(i),
    attributes: { color: "blue", weight: `${i}kg`, origin: "Zürich" },
  });
  const out = {};
  for (let i = 0; i < 50; i++) {
    switch (i % 10) {
      case 0: out[`name${i}`] = `member number ${i} of the structure, with some text`; break;
      case 1: out[`count${i}`] = i * 1013; break;
      case 2: out[`ratio${i}`] = i / 7; break;
      case 3: out[`enabled${i}`] = i % 4 === 3; break;
      case 4: out[`when${i}`] = at(i); break;
      case 5: out[`blob${i}`] = bytes(64 + i, i); break;
      case 6: out[`items${i}`] = Array.from({ length: 5 }, (_, k) => item(i + k)); break;
      case 7: out[`labels${i}`] = Object.fromEntries(Array.from({ length: 8 }, (_, k) => [`key-${k}`, `value ${k} ${"·".repeat(k)}`])); break;
      case 8: out[`matrix${i}`] = Array.from({ length: 4 }, (_, r) => Array.from({ length: 6 }, (_, c) => r * 6 + c - 10)); break;
      default: out[`nested${i}`] = { level: i, child: { list: [1, 2, 3], map: { a: "x", b: at(i) }, big: 2 ** 40 + i } };
    }
  }
  return out;
}

/** The same value in the SDK's model: a Date becomes its tag 1 object. */
export function forSdk(value, dateToTag) {
  if (value instanceof Date) return dateToTag(value);
  if (Array.isArray(value)) return value.map((v) => forSdk(v, dateToTag));
  if (value instanceof Uint8Array || value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, forSdk(v, dateToTag)]));
}

/** CPU time (user + system, µs) of `n` calls. */
function cpuMicros(fn, n) {
  const start = process.cpuUsage();
  for (let i = 0; i < n; i++) fn();
  const used = process.cpuUsage(start);
  return used.user + used.system;
}

/** The same for calls that return promises, each awaited (the microtasks run on this thread, so they count). */
async function cpuMicrosAwaited(fn, n) {
  const start = process.cpuUsage();
  for (let i = 0; i < n; i++) await fn();
  const used = process.cpuUsage(start);
  return used.user + used.system;
}

/**
 * Median of per-round ratios of speed, `ours` over `theirs`, rounds interleaved. Measured in CPU
 * time, not wall time: on a shared machine wall time counts the time other processes hold the
 * cores, which swamps differences of 10% (two runs of one codec differ by that much in wall time).
 */
async function ratio(ours, theirs, measureOurs = cpuMicros, measureTheirs = measureOurs, rounds = 15) {
  await measureOurs(ours, 300); // warm up
  await measureTheirs(theirs, 300);
  const n = Math.max(50, Math.round((40_000 / (await measureOurs(ours, 50))) * 50)); // calls per ~40 ms
  const ratios = [];
  let oursMicros = 0;
  for (let r = 0; r < rounds; r++) {
    oursMicros = await measureOurs(ours, n);
    ratios.push((await measureTheirs(theirs, n)) / oursMicros);
  }
  return { ratio: median(ratios), ours: (n * 1e6) / oursMicros };
}

export default async function run() {
  const { encode, decode } = await loadCodec();
  const { cbor, dateToTag } = await import("@smithy/core/cbor");
  const { Encoder, Decoder } = await import("cbor-x");
  const cborx = { encoder: new Encoder({ useRecords: false, tagUint8Array: false }), decoder: new Decoder({ useRecords: false, mapsAsObjects: true }) };
  const value = payload();
  const sdkValue = forSdk(value, dateToTag);
  // Every decoder reads the same bytes, as a Buffer (what a Node HTTP body is).
  const bytes = Buffer.from(encode(value));
  console.log(`payload: ${bytes.length} B (SDK ${cbor.serialize(sdkValue).length} B, cbor-x ${cborx.encoder.encode(value).length} B)`);

  let ok = true;
  const line = async (name, ours, theirs, target, measureOurs = cpuMicros, measureTheirs = measureOurs) => {
    const { ratio: r, ours: ops } = await ratio(ours, theirs, measureOurs, measureTheirs);
    ok = report(name, `${r.toFixed(2)}× (ours ${fmt(ops)} ops/s of CPU time)`, `≥ ${target}×`, r >= target) && ok;
  };
  await line("encode vs SDK v3", () => encode(value), () => cbor.serialize(sdkValue), 1.5);
  await line("encode vs cbor-x", () => encode(value), () => cborx.encoder.encode(value), 0.8);
  await line("decode vs SDK v3", () => decode(bytes), () => cbor.deserialize(bytes), 1.5);
  await line("decode vs cbor-x", () => decode(bytes), () => cborx.decoder.decode(bytes), 0.8);

  if (!existsSync(MES)) {
    console.log("     skipped GetEntitlements: ../shared is absent (the marketplace-entitlement-service model is read from there)");
    return ok;
  }
  // The SDK's calls are async and awaited; our serializer is synchronous (called as a caller
  // calls it), our deserializer returns a promise and is awaited.
  const op = await loadOperation();
  await line("GetEntitlements request serialize vs SDK v3 rpcv2Cbor", op.ours.serialize, op.sdk.serialize, 3, cpuMicros, cpuMicrosAwaited);
  await line(`GetEntitlements 200 response deserialize (${op.bytes} B, 50 entitlements) vs SDK v3 rpcv2Cbor`, op.ours.deserialize, op.sdk.deserialize, 3, cpuMicrosAwaited);
  return ok;
}
