// TSDoc comments from @documentation, @deprecated and @sensitive.

import type { Member, Shape, Traits } from "../model/model.js";

/** A `/** … *\/` block for the traits, indented for its place; empty when there is nothing to say. */
export function docComment(traits: Traits, extra: readonly string[] = []): string {
  const lines: string[] = [];
  const doc = traits.get("smithy.api#documentation");
  if (typeof doc === "string" && doc.trim() !== "") lines.push(...doc.trim().split(/\r?\n/));
  lines.push(...extra);
  if (traits.has("smithy.api#sensitive")) lines.push("@sensitive This value is sensitive: never log it or echo it in a message.");
  const deprecated = traits.get("smithy.api#deprecated") as { message?: string; since?: string } | undefined;
  if (deprecated !== undefined) {
    const since = deprecated.since !== undefined ? ` (since ${deprecated.since})` : "";
    lines.push(`@deprecated ${deprecated.message ?? "Deprecated."}${since}`.trimEnd());
  }
  if (lines.length === 0) return "";
  const safe = lines.map((l) => l.replace(/\*\//g, "*\\/").trimEnd());
  return `/**\n${safe.map((l) => (l === "" ? " *" : ` * ${l}`)).join("\n")}\n */`;
}

/** A member's doc block; @sensitive on the target shape makes every member targeting it sensitive. */
export function memberDocComment(member: Member, target: Shape): string {
  const sensitive = target.traits.has("smithy.api#sensitive") && !member.traits.has("smithy.api#sensitive");
  return docComment(sensitive ? new Map([...member.traits, ["smithy.api#sensitive", {}]]) : member.traits);
}

/** An operation function's TSDoc: what it does (`summary`), then the operation's own documentation and traits. */
export function operationDoc(op: Shape, summary: string): string {
  const doc = op.traits.get("smithy.api#documentation");
  const text = typeof doc === "string" && doc.trim() !== "" ? `${summary}\n\n${doc.trim()}` : summary;
  return docComment(new Map([...op.traits, ["smithy.api#documentation", text]]));
}
