// XML response parsing: the runtime's reader (runtime/xml/reader.ts) against fast-xml-parser
// configured as AWS SDK v3 configures it (@aws-sdk/xml-builder: the options below, two added
// entities, `parse(text, true)` which validates first). Both sides start from the body bytes.
// Documents: an STS AssumeRole response and an S3 ListObjectsV2 response of 1,000 keys.
// Rounds alternate between the contenders; each ratio is the median of per-round ratios.
// Target: ≥ 2× the SDK's parser on both (issue 16). Also printed: the size each adds to a bundle.

import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { XMLParser } from "fast-xml-parser";
import ts from "typescript";
import { gzippedBundle } from "./bundle.bench.mjs";
import { fmt, median, report } from "./lib.mjs";

/** The reader transpiled to a temporary folder (its .js imports resolve there). */
async function loadReader() {
  const dir = mkdtempSync(join(tmpdir(), "bench-xml-"));
  for (const file of ["reader", "chars", "deserialization-error"]) {
    const source = readFileSync(new URL(`../runtime/xml/${file}.ts`, import.meta.url), "utf8");
    const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 } });
    writeFileSync(join(dir, `${file}.js`), outputText);
  }
  return import(pathToFileURL(join(dir, "reader.js")).href);
}

function sdkParser() {
  const parser = new XMLParser({
    attributeNamePrefix: "",
    htmlEntities: true,
    ignoreAttributes: false,
    ignoreDeclaration: true,
    parseTagValue: false,
    trimValues: false,
    tagValueProcessor: (_, val) => (val.trim() === "" && val.includes("\n") ? "" : undefined),
  });
  parser.addEntity("#xD", "\r");
  parser.addEntity("#10", "\n");
  return (bytes) => parser.parse(new TextDecoder().decode(bytes), true);
}

export const ASSUME_ROLE = `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleResult>
    <SourceIdentity>DevUser123</SourceIdentity>
    <AssumedRoleUser>
      <Arn>arn:aws:sts::123456789012:assumed-role/demo/John</Arn>
      <AssumedRoleId>ARO123EXAMPLE123:John</AssumedRoleId>
    </AssumedRoleUser>
    <Credentials>
      <AccessKeyId>ASIAIOSFODNN7EXAMPLE</AccessKeyId>
      <SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY</SecretAccessKey>
      <SessionToken>${"AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==".repeat(3)}</SessionToken>
      <Expiration>2019-11-09T13:34:41Z</Expiration>
    </Credentials>
    <PackedPolicySize>6</PackedPolicySize>
  </AssumeRoleResult>
  <ResponseMetadata>
    <RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId>
  </ResponseMetadata>
</AssumeRoleResponse>`;

export const LIST_OBJECTS = `<?xml version="1.0" encoding="UTF-8"?>
<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Name>bench-bucket</Name><Prefix></Prefix><KeyCount>1000</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>true</IsTruncated>
  <NextContinuationToken>1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=</NextContinuationToken>
${Array.from({ length: 1000 }, (_, i) => `  <Contents>
    <Key>photos/2026/12/${String(i).padStart(4, "0")}-holiday &amp; family.jpg</Key>
    <LastModified>2026-12-0${(i % 9) + 1}T10:${String(i % 60).padStart(2, "0")}:00.000Z</LastModified>
    <ETag>&quot;${(i * 2654435761 >>> 0).toString(16).padStart(32, "0")}&quot;</ETag>
    <Size>${1000 + i * 37}</Size>
    <StorageClass>STANDARD</StorageClass>
  </Contents>`).join("\n")}
</ListBucketResult>`;

/** Median of per-round ratios ours/theirs (ops per second), alternating the contenders. */
function compare(ours, theirs, { rounds = 9, ms = 250 } = {}) {
  const rate = (fn) => {
    let n = 0;
    const start = performance.now();
    let now = start;
    while (now - start < ms) {
      fn();
      n++;
      now = performance.now();
    }
    return (n * 1000) / (now - start);
  };
  rate(ours);
  rate(theirs);
  const ratios = [];
  const oursRates = [];
  for (let r = 0; r < rounds; r++) {
    const a = rate(ours);
    const b = rate(theirs);
    ratios.push(a / b);
    oursRates.push(a);
  }
  return { ratio: median(ratios), ops: median(oursRates) };
}

export default async function run() {
  const { readXml } = await loadReader();
  const sdk = sdkParser();
  let ok = true;
  const documents = [
    ["STS AssumeRole", ASSUME_ROLE, ["AssumeRoleResponse", "ResponseMetadata", "RequestId"]],
    ["S3 ListObjectsV2, 1,000 keys", LIST_OBJECTS, ["ListBucketResult", "Contents", "Key"]],
  ];
  for (const [name, xml, path] of documents) {
    const bytes = new TextEncoder().encode(xml);
    // Both read the same document: check they agree on one leaf (the last one of `path`) before timing.
    const mine = path.slice(1).reduce((e, step) => e.children.findLast((c) => c.name === step), readXml(bytes)).text;
    const theirs = path.reduce((v, step) => (Array.isArray(v[step]) ? v[step].at(-1) : v[step]), sdk(bytes));
    if (mine !== theirs || mine === "") throw new Error(`${name}: the parsers disagree (${mine} / ${theirs})`);
    const { ratio, ops } = compare(() => readXml(bytes), () => sdk(bytes));
    ok = report(`${name} (${(bytes.length / 1024).toFixed(0)} KiB): reader ${fmt(ops)} ops/s`, `${ratio.toFixed(2)}× SDK v3 fast-xml-parser`, "≥ 2×", ratio >= 2) && ok;
  }
  const root = new URL("..", import.meta.url).pathname;
  const ours = await gzippedBundle(`export { readXml } from "./runtime/xml/reader.ts";`, root);
  const theirs = await gzippedBundle(`export { XMLParser } from "fast-xml-parser";`, root);
  console.log(`     bundle (esbuild min + gzip): reader ${ours.gzip} bytes, fast-xml-parser XMLParser ${theirs.gzip} bytes (${(ours.gzip / theirs.gzip).toFixed(2)}×)`);
  return ok;
}
