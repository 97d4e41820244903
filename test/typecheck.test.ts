// The whole project (generator, tests with their @ts-expect-error type assertions, benchmarks)
// type-checks under the strict flags. vitest itself strips types without checking them.

import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { expect, it } from "vitest";

it("tsc -p tsconfig.json reports no errors", () => {
  const root = join(import.meta.dirname, "..");
  let output = "";
  try {
    execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json", "--noEmit"], { cwd: root, encoding: "utf8" });
  } catch (e) {
    output = String((e as { stdout?: string }).stdout ?? e);
  }
  expect(output).toBe("");
}, 120_000);
