// `npm run bench`: runs every bench/*.bench.mjs in name order. Each prints its figures and
// ratios against baselines measured in the same run, and returns whether its targets were met.

import { readdirSync } from "node:fs";

const only = process.argv[2];
const files = readdirSync(new URL(".", import.meta.url)).filter((f) => f.endsWith(".bench.mjs") && (!only || f.includes(only))).sort();
let missed = 0;
for (const file of files) {
  console.log(`\n== ${file}`);
  const { default: run } = await import(new URL(file, import.meta.url));
  if ((await run()) === false) missed++;
}
console.log(`\n${files.length - missed}/${files.length} benchmarks met their targets`);
