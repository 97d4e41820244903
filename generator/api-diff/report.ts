// How an API comparison is shown: lines for a terminal, and a Markdown changelog fragment in the
// changesets format (front matter naming the package and the release type it calls for), which
// can be dropped into .changeset/ as it is or pasted into a CHANGELOG.

import type { ApiChange, ApiDiff } from "./compare.js";

export type ReleaseType = "major" | "minor" | "none";

/** Semantic versioning: breaking changes need a major release, additions a minor one. */
export function releaseType(diff: ApiDiff): ReleaseType {
  return diff.breaking.length > 0 ? "major" : diff.additive.length > 0 ? "minor" : "none";
}

export function summaryLine(diff: ApiDiff): string {
  if (diff.breaking.length === 0 && diff.additive.length === 0) return "no public API changes";
  return `${count(diff.breaking.length, "breaking change")}, ${count(diff.additive.length, "addition")}`;
}

/** One line per change, breaking first: `breaking  member-removed  CreateRouteRequest.Target: …`. */
export function changeLines(diff: ApiDiff, paint: (severity: ApiChange["severity"], text: string) => string = (_, t) => t): string[] {
  return [...diff.breaking, ...diff.additive].map((c) => `  ${paint(c.severity, c.severity === "breaking" ? "breaking" : "additive")}  ${c.message} [${c.kind}]`);
}

/** A changeset: front matter with each changed package's release type, then its changes. */
export function changelogFragment(packages: ReadonlyArray<{ readonly packageName: string; readonly diff: ApiDiff }>): string {
  const changed = packages.filter((p) => releaseType(p.diff) !== "none");
  const lines: string[] = [];
  if (changed.length > 0) lines.push("---", ...changed.map((p) => `${JSON.stringify(p.packageName)}: ${releaseType(p.diff)}`), "---", "");
  if (changed.length === 0) lines.push(`No changes to the public API of ${packages.map((p) => `\`${p.packageName}\``).join(", ")}.`);
  for (const { packageName, diff } of changed) {
    lines.push(changed.length > 1 ? `## \`${packageName}\`` : `API changes in \`${packageName}\`.`);
    const section = (title: string, changes: readonly ApiChange[]) => {
      if (changes.length > 0) lines.push("", `### ${title}`, "", ...changes.map((c) => `- \`${c.subject}\`: ${markdownText(c.message)}`));
    };
    section("Breaking changes", diff.breaking);
    section("Additions", diff.additive);
    lines.push("");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

/** Type texts go in code spans; other text is escaped where Markdown would read it. */
function markdownText(message: string): string {
  const arrow = message.indexOf(": ");
  if (arrow !== -1 && message.includes(" → ")) {
    const [from, to] = message.slice(arrow + 2).split(" → ");
    return `${escape(message.slice(0, arrow))}: \`${from}\` → \`${to}\``;
  }
  return escape(message);
}

const escape = (text: string) => text.replace(/([\\`*_[\]<>|])/g, "\\$1");

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;
