// `npm run -s protocol-tests`: runs the compliance cases alone and closes with one line per
// protocol and side, e.g. `restJson1 client: requests P/T, responses P/T, event streams P/T,
// skipped S`, after listing every skipped case with its reason. Any protocol whose suites are
// named `<protocol> <side> <kind>` (compliance.ts names them so) is reported.

import type { Reporter, TestCase, TestModule } from "vitest/node";

/** The suites whose cases are counted: `<protocol> <side> <kind>`. */
const GROUP = /^(\w+) (client|server) (requests|responses|malformed requests|event streams)$/;

/** The order of the report's lines; a protocol not listed comes after these, by name. */
const ORDER = ["restJson1", "awsJson1_0", "awsJson1_1", "restXml", "restXmlWithNamespace", "awsQuery", "ec2Query", "rpcv2Cbor"];

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
          skipped.set(`${group.protocol} ${group.side}`, [...(skipped.get(`${group.protocol} ${group.side}`) ?? []), test.name]);
          continue;
        }
        const key = `${group.protocol} ${group.side} ${group.kind}`;
        const tally = tallies.get(key) ?? { passed: 0, total: 0 };
        tally.total++;
        if (state === "passed") tally.passed++;
        tallies.set(key, tally);
      }
    }
    const out: string[] = [];
    const seen = new Set([...tallies.keys(), ...skipped.keys()].map((key) => key.split(" ")[0]!));
    const protocols = [...ORDER.filter((p) => seen.has(p)), ...[...seen].filter((p) => !ORDER.includes(p)).sort()];
    for (const protocol of protocols) {
      for (const [side, kinds] of [["client", ["requests", "responses", "event streams"]], ["server", ["requests", "responses", "malformed"]]] as const) {
        const prefix = `${protocol} ${side}`;
        if (![...tallies.keys()].some((k) => k.startsWith(prefix)) && !skipped.has(prefix)) continue;
        for (const name of skipped.get(prefix) ?? []) out.push(`skipped (${prefix}): ${name}`);
        // restJson1 reports every kind; other protocols only the kinds they have cases of.
        const figures = kinds.flatMap((kind) => {
          const t = tallies.get(`${prefix} ${kind}`);
          if (t === undefined && protocol !== "restJson1") return [];
          return [`${kind} ${t?.passed ?? 0}/${t?.total ?? 0}`];
        });
        out.push(`${prefix}: ${figures.join(", ")}, skipped ${skipped.get(prefix)?.length ?? 0}`);
      }
    }
    process.stdout.write(`\n${out.join("\n")}\n`);
  }
}

function groupOf(test: TestCase) {
  for (let parent = test.parent; parent.type === "suite"; parent = parent.parent) {
    const match = GROUP.exec(parent.name);
    if (match !== null) {
      const kind = match[3] === "malformed requests" ? "malformed" : match[3]!;
      return { protocol: match[1]!, side: match[2] as "client" | "server", kind };
    }
  }
  return undefined;
}
