// Writes runtime/endpoints/partitions-data.ts from a partitions.json: the partition data every
// generated package carries, as a TypeScript module. To move to newer data:
//   npm run -s build && node dist/client/endpoints/partitions-module.js path/to/partitions.json
// (then run the endpoint tests: the shared models' cases were written against one version).

import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { projectRoot } from "../../project-root.js";

/** partitions.json as read here (runtime/endpoints/partition.ts types it fully). */
interface PartitionsJson {
  readonly version: string;
  readonly partitions: readonly {
    readonly id: string;
    readonly regionRegex: string;
    readonly regions: Readonly<Record<string, object>>;
    readonly outputs: object;
  }[];
}

/** The module's text for `data` (a parsed partitions.json). */
export function partitionsModule(data: PartitionsJson): string {
  const value = (v: unknown) => JSON.stringify(v);
  const object = (o: object) => `{ ${Object.entries(o).map(([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : value(k)}: ${value(v)}`).join(", ")} }`;
  const partitions = data.partitions.map((p) => [
    "    {",
    `      id: ${value(p.id)},`,
    `      regionRegex: ${value(p.regionRegex)},`,
    `      regions: { ${Object.entries(p.regions).map(([region, overrides]) => `${value(region)}: ${Object.keys(overrides).length === 0 ? "{}" : object(overrides)}`).join(", ")} },`,
    `      outputs: ${object(p.outputs)},`,
    "    },",
  ]);
  return [
    `// AWS partitions (version ${data.version}), the data \`aws.partition\` reads by default: the version the shared`,
    "// AWS models' endpoint tests agree with. A newer partitions.json, parsed, can be passed instead.",
    "// Written by generator/client/endpoints/partitions-module.ts from partitions.json.",
    "",
    `import type { PartitionData } from "./partition.js";`,
    "",
    "export const PARTITIONS: PartitionData = {",
    `  version: ${value(data.version)},`,
    "  partitions: [",
    ...partitions.flat(),
    "  ],",
    "};",
    "",
  ].join("\n");
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const source = process.argv[2];
  if (source === undefined) {
    process.stderr.write("usage: node dist/client/endpoints/partitions-module.js <partitions.json>\n");
    process.exit(2);
  }
  const data = JSON.parse(readFileSync(source, "utf8")) as PartitionsJson;
  writeFileSync(join(projectRoot(), "runtime", "endpoints", "partitions-data.ts"), partitionsModule(data));
}
