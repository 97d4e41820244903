// Prints one closing line `N passed, N failed, N skipped` after vitest's own summary, the
// plain form CI reads in any language. It must never say `0 failed` for a red run, so besides
// failed tests it counts as one failure each: a test file that failed outside its tests (an
// import or syntax error, a failing beforeAll/afterAll hook: vitest then skips or passes its
// tests), and an unhandled error or rejection; and a run that vitest ends as failed for a reason
// none of these show counts at least one.

import type { SerializedError } from "vitest";
import type { Reporter, TestModule, TestRunEndReason } from "vitest/node";

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>, reason: TestRunEndReason): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of testModules) {
      let failedTests = 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") passed++;
        else if (state === "failed") failedTests++;
        else skipped++;
      }
      failed += failedTests;
      if (failedTests === 0 && failedOutsideTests(module)) failed++;
    }
    failed += unhandledErrors.length;
    if (reason === "failed" && failed === 0) failed = 1;
    process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}

function failedOutsideTests(module: TestModule): boolean {
  if (module.state() === "failed" || module.errors().length > 0) return true;
  for (const suite of module.children.allSuites()) if (suite.state() === "failed" || suite.errors().length > 0) return true;
  return false;
}
