import { defineConfig } from "vitest/config";
import SummaryReporter from "./test/summary-reporter.js";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/consumer/**", "node_modules/**"],
    globalSetup: ["test/global-setup.ts"],
    setupFiles: ["test/setup/fast-check.ts"],
    reporters: ["default", new SummaryReporter()],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
