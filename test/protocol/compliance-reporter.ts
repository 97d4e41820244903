// `npm run -s protocol-tests`: runs the compliance cases alone and closes with one line per
// side, e.g. `restJson1 client: requests P/T, responses P/T, event streams P/T, skipped S`, after listing every
// skipped case with its reason.

import type { Reporter, TestCase, TestModule } from "vitest/node";

/** The suites whose cases are counted, and the label each is counted under. */
const GROUPS: Record<string, { side: "client" | "server"; kind: "requests" | "responses" | "malformed" | "event streams" }> = {
  "restJson1 client requests": { side: "client", kind: "requests" },
  "restJson1 client event streams": { side: "client", kind: "event streams" },
  "restJson1 client responses": { side: "client", kind: "responses" },
  "restJson1 server requests": { side: "server", kind: "requests" },
  "restJson1 server responses": { side: "server", kind: "responses" },
  "restJson1 server malformed requests": { side: "server", kind: "malformed" },
};

type Tally = { passed: number; total: number };

export default class ComplianceReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const tallies = new Map<string, Tally>();
    const skipped = new Map<string, string[]>();
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const group = groupOf(test);
        if (group === undefined) continue;
        const state = test.result().state;
        if (state === "skipped") {
          skipped.set(group.side, [...(skipped.get(group.side) ?? []), test.name]);
          continue;
        }
        const key = `${group.side} ${group.kind}`;
        const tally = tallies.get(key) ?? { passed: 0, total: 0 };
        tally.total++;
        if (state === "passed") tally.passed++;
        tallies.set(key, tally);
      }
    }
    const out: string[] = [];
    for (const [side, kinds] of [["client", ["requests", "responses", "event streams"]], ["server", ["requests", "responses", "malformed"]]] as const) {
      if (![...tallies.keys()].some((k) => k.startsWith(side)) && !skipped.has(side)) continue;
      for (const name of skipped.get(side) ?? []) out.push(`skipped (${side}): ${name}`);
      const figures = kinds.map((kind) => {
        const t = tallies.get(`${side} ${kind}`) ?? { passed: 0, total: 0 };
        return `${kind} ${t.passed}/${t.total}`;
      });
      out.push(`restJson1 ${side}: ${figures.join(", ")}, skipped ${skipped.get(side)?.length ?? 0}`);
    }
    process.stdout.write(`\n${out.join("\n")}\n`);
  }
}

function groupOf(test: TestCase) {
  for (let parent = test.parent; parent.type === "suite"; parent = parent.parent) {
    const group = GROUPS[parent.name];
    if (group !== undefined) return group;
  }
  return undefined;
}
