// `npm run -s endpoint-tests`: runs the shared models' endpoint test cases and closes with
// `endpoint tests: P/T, skipped S`, after a line per model and every failed or skipped case.

import type { Reporter, TestModule } from "vitest/node";

const SUITE = "endpoint tests";

export default class EndpointReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const perModel = new Map<string, { passed: number; total: number }>();
    const skipped: string[] = [];
    const failed: string[] = [];
    let passed = 0;
    let total = 0;
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const model = test.parent.type === "suite" ? test.parent : undefined;
        if (model === undefined || model.parent.type !== "suite" || model.parent.name !== SUITE) continue;
        const state = test.result().state;
        if (state === "skipped") {
          skipped.push(`skipped: ${model.name} ${test.name}`);
          continue;
        }
        const tally = perModel.get(model.name) ?? { passed: 0, total: 0 };
        tally.total++;
        total++;
        if (state === "passed") {
          tally.passed++;
          passed++;
        } else {
          failed.push(`failed: ${model.name} ${test.name}: ${test.result().errors?.[0]?.message ?? state}`);
        }
        perModel.set(model.name, tally);
      }
    }
    const out = [...[...perModel].map(([name, t]) => `  ${name}: ${t.passed}/${t.total}`), ...failed, ...skipped, `endpoint tests: ${passed}/${total}, skipped ${skipped.length}`];
    process.stdout.write(`\n${out.join("\n")}\n`);
  }
}
