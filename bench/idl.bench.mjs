// IDL parser speed: parse every .smithy file of the restJson1 protocol tests in process, after
// warm-up (median of rounds), against reading the same files' JSON-sized work: JSON.parse of
// the JSON AST the parser produced (the floor a JSON AST model would cost).

import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { median, report } from "./lib.mjs";

export default async function run() {
  const root = new URL("..", import.meta.url).pathname;
  const dir = join(root, "..", "shared", "smithy", "protocol-tests", "restJson1");
  if (!existsSync(dir)) {
    console.log("skip: ../shared is absent");
    return true;
  }
  const { parseIdl } = await import(join(root, "dist", "idl", "index.js"));
  const files = readdirSync(dir, { recursive: true }).filter((f) => f.endsWith(".smithy")).sort().map((f) => ({ file: f, text: readFileSync(join(dir, f), "utf8") }));
  const parseAll = () => files.map(({ file, text }) => parseIdl(text, file));
  const asJson = parseAll().map((r) => JSON.stringify(r.ast));
  const time = (fn) => {
    for (let i = 0; i < 5; i++) fn();
    const rounds = [];
    for (let i = 0; i < 15; i++) {
      const start = performance.now();
      fn();
      rounds.push(performance.now() - start);
    }
    return median(rounds);
  };
  const idl = time(parseAll);
  const json = time(() => asJson.map((t) => JSON.parse(t)));
  const kib = files.reduce((n, f) => n + f.text.length, 0) / 1024;
  return report(
    `parse ${files.length} restJson1 .smithy files (${kib.toFixed(0)} KiB), in process after warm-up`,
    `${idl.toFixed(1)} ms = ${(idl / json).toFixed(1)}× JSON.parse of the same models as JSON AST`,
    "≤ 150 ms",
    idl <= 150,
  );
}
