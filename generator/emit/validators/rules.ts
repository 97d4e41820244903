// The constraint traits that apply at one value position, and the wording of each failure.
// Wording is the Smithy server SDKs' (the restJson1 validation protocol tests pin it): a message
// is "Value at '<path>" (or "Value with length <n> at '<path>") followed by the constant tail
// "' failed to satisfy constraint: Member <rule>", which the generator writes out whole.

import type { Member, Shape } from "../../model/model.js";

export interface Bounds {
  readonly min: number | undefined;
  readonly max: number | undefined;
}

export interface EnumRule {
  /** Every accepted value (internal ones included). */
  readonly values: ReadonlyArray<string | number>;
  /** The values the failure message lists: internal values are left out. */
  readonly listed: ReadonlyArray<string | number>;
}

export interface Constraints {
  readonly length: Bounds | undefined;
  readonly range: Bounds | undefined;
  readonly pattern: string | undefined;
  readonly uniqueItems: boolean;
  readonly enumRule: EnumRule | undefined;
}

/**
 * A member's constraint traits supersede the same traits of its target (model.rst, "Scope of
 * member traits"); different traits of member and target all apply.
 */
export function constraintsAt(member: Member | undefined, target: Shape): Constraints {
  const trait = (id: string): unknown => (member?.traits.has(id) ? member.traits.get(id) : target.traits.get(id));
  return {
    length: bounds(trait("smithy.api#length")),
    range: bounds(trait("smithy.api#range")),
    pattern: typeof trait("smithy.api#pattern") === "string" ? (trait("smithy.api#pattern") as string) : undefined,
    uniqueItems: trait("smithy.api#uniqueItems") !== undefined,
    enumRule: enumRule(target),
  };
}

function bounds(value: unknown): Bounds | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { min, max } = value as { min?: unknown; max?: unknown };
  const b = { min: typeof min === "number" ? min : undefined, max: typeof max === "number" ? max : undefined };
  return b.min === undefined && b.max === undefined ? undefined : b;
}

/** Enum and intEnum shapes (minus @internal members in messages), or a string's @enum trait (minus tag "internal"). */
function enumRule(target: Shape): EnumRule | undefined {
  if (target.type === "enum" || target.type === "intEnum") {
    const entries = target.members.map((m) => ({
      value: (m.traits.has("smithy.api#enumValue") ? m.traits.get("smithy.api#enumValue") : m.name) as string | number,
      internal: m.traits.has("smithy.api#internal"),
    }));
    return { values: entries.map((e) => e.value), listed: entries.filter((e) => !e.internal).map((e) => e.value) };
  }
  const definitions = target.traits.get("smithy.api#enum");
  if (target.type === "string" && Array.isArray(definitions)) {
    const entries = definitions as Array<{ value: string; tags?: string[] }>;
    return {
      values: entries.map((e) => e.value),
      listed: entries.filter((e) => !(e.tags ?? []).includes("internal")).map((e) => e.value),
    };
  }
  return undefined;
}

/** Bounds as Smithy prints them (BigDecimal text: no exponent for large integers). */
export function formatNumber(n: number): string {
  return Number.isInteger(n) && Math.abs(n) >= 1e21 ? BigInt(n).toString() : String(n);
}

export const RULES = {
  required: "must not be null",
  uniqueItems: "must have unique values",
  pattern: (pattern: string) => `must satisfy regular expression pattern: ${pattern}`,
  enumSet: (listed: ReadonlyArray<string | number>) => `must satisfy enum value set: [${listed.join(", ")}]`,
  length: ({ min, max }: Bounds) =>
    min === undefined
      ? `must have length less than or equal to ${formatNumber(max!)}`
      : max === undefined
        ? `must have length greater than or equal to ${formatNumber(min)}`
        : `must have length between ${formatNumber(min)} and ${formatNumber(max)}, inclusive`,
  range: ({ min, max }: Bounds) =>
    min === undefined
      ? `must be less than or equal to ${formatNumber(max!)}`
      : max === undefined
        ? `must be greater than or equal to ${formatNumber(min)}`
        : `must be between ${formatNumber(min)} and ${formatNumber(max)}, inclusive`,
  // Not covered by the Smithy SDKs (their deserializers reject these before validation runs):
  type: (typeName: string) => `must be of type ${typeName}`,
  nullItem: "must not be null",
  unionOneMember: "must have exactly one member set",
  cycle: "must not contain a reference cycle",
  depth: (limit: number) => `must not be nested more than ${limit} levels deep`,
  unreadable: "must be a readable value",
} as const;

/** What follows the path in a message; a constant in the generated code. */
export function tail(rule: string): string {
  return `' failed to satisfy constraint: Member ${rule}`;
}

/** The type name a type failure mentions, in Smithy's terms. */
export function typeName(shape: Shape): string {
  if (shape.type === "enum") return "string";
  if (shape.type === "intEnum") return "integer";
  return shape.type;
}
