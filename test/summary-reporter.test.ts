// The closing line of test/summary-reporter.ts on runs that fail outside a test: vitest runs
// tiny fixture files as a subprocess with only that reporter, and the printed line and exit code
// must agree (never `0 failed` on a red run).

import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import SummaryReporter from "./summary-reporter.js";

const root = join(import.meta.dirname, "..");
const fixtures: Record<string, string> = {
  "passing": 'it("passes", () => { expect(1).toBe(1); });\nit.skip("is skipped", () => {});\n',
  "failing-test": 'it("passes", () => {});\nit("fails", () => { expect(1).toBe(2); });\n',
  "before-all-in-suite": 'describe("s", () => {\n  beforeAll(() => { throw new Error("hook"); });\n  it("a", () => {});\n  it("b", () => {});\n});\n',
  "before-all-in-file": 'beforeAll(() => { throw new Error("hook"); });\nit("a", () => {});\n',
  "after-all": 'afterAll(() => { throw new Error("hook"); });\nit("a", () => {});\n',
  "import-error": 'import "./does-not-exist.js";\nit("a", () => {});\n',
  "syntax-error": 'it("a", () => { const = ; });\n',
  "unhandled-rejection": 'it("a", async () => {\n  void Promise.reject(new Error("nobody waits"));\n  await new Promise((r) => setTimeout(r, 50));\n});\n',
};
const runs = new Map<string, { code: number | null; lastLine: string }>();
let dir = "";

function vitest(file: string): Promise<{ code: number | null; lastLine: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, "node_modules/vitest/vitest.mjs"), "run", "--config", "vitest.config.mjs", "--root", ".", `${file}.fixture.ts`], {
      cwd: dir,
      stdio: ["ignore", "pipe", "ignore"],
      env: { ...process.env, CI: "true", FORCE_COLOR: "0" },
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("close", (code) => resolve({ code, lastLine: out.trimEnd().split("\n").pop() ?? "" }));
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "summary-reporter-"));
  const reporter = pathToFileURL(join(root, "test", "summary-reporter.ts")).href;
  writeFileSync(
    join(dir, "vitest.config.mjs"),
    `import SummaryReporter from ${JSON.stringify(reporter)};\nexport default { test: { include: ["*.fixture.ts"], globals: true, reporters: [new SummaryReporter()] } };\n`,
  );
  for (const [name, code] of Object.entries(fixtures)) writeFileSync(join(dir, `${name}.fixture.ts`), code);
  for (const [name, run] of await Promise.all(Object.keys(fixtures).map(async (f) => [f, await vitest(f)] as const))) runs.set(name, run);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

it.each([
  ["passing", 0, "1 passed, 0 failed, 1 skipped"],
  ["failing-test", 1, "1 passed, 1 failed, 0 skipped"],
  // vitest skips the tests of a suite whose beforeAll failed: the file is the failure.
  ["before-all-in-suite", 1, "0 passed, 1 failed, 2 skipped"],
  ["before-all-in-file", 1, "0 passed, 1 failed, 1 skipped"],
  // The test passed, then the file's afterAll failed.
  ["after-all", 1, "1 passed, 1 failed, 0 skipped"],
  ["import-error", 1, "0 passed, 1 failed, 0 skipped"],
  ["syntax-error", 1, "0 passed, 1 failed, 0 skipped"],
  ["unhandled-rejection", 1, "1 passed, 1 failed, 0 skipped"],
])("%s: exit %i, closing line %s", (name, code, line) => {
  expect(runs.get(name)).toEqual({ code, lastLine: line });
});

it("counts a run that vitest ends as failed with nothing else to show for it as one failure", () => {
  const written: string[] = [];
  const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => (written.push(String(chunk)), true));
  try {
    new SummaryReporter().onTestRunEnd([], [], "failed");
    new SummaryReporter().onTestRunEnd([], [], "passed");
  } finally {
    write.mockRestore();
  }
  expect(written).toEqual(["\n0 passed, 1 failed, 0 skipped\n", "\n0 passed, 0 failed, 0 skipped\n"]);
});
