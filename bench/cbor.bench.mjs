// CBOR codec speed: runtime/cbor's encode and decode of a representative rpcv2Cbor payload (a
// 50-member structure with nested lists, maps, blobs and timestamps) against AWS SDK v3's codec
// (@smithy/core/cbor, the one its rpcv2Cbor clients use) and cbor-x (the fastest on npm).
// Each contender gets the payload in its own value model (the SDK: timestamps as its tag 1
// objects); every decoder reads the same bytes. Rounds alternate between the contenders, each
// ratio is the median of per-round ratios of CPU time.
// Targets: encode and decode ≥ 1.5× the SDK and ≥ 0.8× cbor-x.

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { fmt, median, report } from "./lib.mjs";

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

/**
 * Median of per-round ratios of speed, `ours` over `theirs`, rounds interleaved. Measured in CPU
 * time, not wall time: on a shared machine wall time counts the time other processes hold the
 * cores, which swamps differences of 10% (two runs of one codec differ by that much in wall time).
 */
function ratio(ours, theirs, rounds = 15) {
  for (const fn of [ours, theirs]) cpuMicros(fn, 300); // warm up
  const n = Math.max(50, Math.round((40_000 / cpuMicros(ours, 50)) * 50)); // calls per ~40 ms
  const ratios = [];
  let oursMicros = 0;
  for (let r = 0; r < rounds; r++) {
    oursMicros = cpuMicros(ours, n);
    ratios.push(cpuMicros(theirs, n) / oursMicros);
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
  const line = (name, ours, theirs, target) => {
    const { ratio: r, ours: ops } = ratio(ours, theirs);
    ok = report(name, `${r.toFixed(2)}× (ours ${fmt(ops)} ops/s of CPU time)`, `≥ ${target}×`, r >= target) && ok;
  };
  line("encode vs SDK v3", () => encode(value), () => cbor.serialize(sdkValue), 1.5);
  line("encode vs cbor-x", () => encode(value), () => cborx.encoder.encode(value), 0.8);
  line("decode vs SDK v3", () => decode(bytes), () => cbor.deserialize(bytes), 1.5);
  line("decode vs cbor-x", () => decode(bytes), () => cborx.decoder.decode(bytes), 0.8);
  return ok;
}
