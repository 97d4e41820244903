// Classifies the differences between two public API surfaces by what they do to downstream
// code that compiles against the old one. A change is breaking when some program that both
// writes values of the type (builds an input, mocks an output) or reads them (handles an output)
// stops compiling or gets a value it did not expect; additive otherwise.
//
// Rules, and where they come from:
// - removing an export, an operation, a member, an error, an enum value or a union variant
//   breaks code that names it (Smithy's "Evolving models": removals are not backward-compatible);
// - a member that becomes required (`X?:` → `X:`) breaks code that builds the type without it;
//   a required member that becomes optional breaks readers only if `undefined` is new to them;
// - any other change of a member's or alias's type breaks: narrowing breaks writers, widening
//   breaks readers; the type checker decides which (probes.ts), so a mere respelling is no change;
// - adding optional members, exports, operations, errors, enum values and union variants is
//   additive: Smithy enums and unions are open (clients must accept unknown values), so the
//   `Visitor` of a union gaining a function for a new variant is reported with the variant.

import type { EmittedFile } from "../emit/context.js";
import { loadPackagePair, type PackagePair, type Probe, type Relation } from "./probes.js";
import { surfaceKey, type ApiExport, type ApiSurface } from "./surface.js";

export type Severity = "breaking" | "additive";

export type ChangeKind =
  | "operation-removed" | "operation-added"
  | "error-removed" | "error-added"
  | "export-removed" | "export-added"
  | "member-removed" | "member-added" | "required-member-added"
  | "member-required" | "member-optional"
  | "type-narrowed" | "type-widened" | "type-changed"
  | "enum-value-removed" | "enum-value-added" | "enum-value-changed"
  | "union-variant-removed" | "union-variant-added"
  | "signature-changed";

export interface ApiChange {
  readonly severity: Severity;
  readonly kind: ChangeKind;
  /** What changed: `CreateRouteRequest.Target`, `AuthorizationType.JWT`, `CreateRoute`. */
  readonly subject: string;
  readonly message: string;
}

export interface ApiDiff {
  readonly breaking: readonly ApiChange[];
  readonly additive: readonly ApiChange[];
}

/** The API changes from one version of a generated package to another (loads ts-morph). */
export async function compareApis(oldFiles: readonly EmittedFile[], newFiles: readonly EmittedFile[]): Promise<ApiDiff> {
  return diffApi(await loadPackagePair(oldFiles, newFiles));
}

/** Compares the two surfaces; type questions go to the checker in one batch. */
export function diffApi(pair: PackagePair): ApiDiff {
  // Pass 1 records which types need the checker; pass 2 classifies with its answers.
  const asked: Probe[] = [];
  diffSurfaces(pair.old, pair.new, (p) => (asked.push(p), "changed"));
  const answers = new Map<string, Relation>();
  pair.relate(asked).forEach((r, i) => answers.set(JSON.stringify(asked[i]), r));
  const changes = diffSurfaces(pair.old, pair.new, (p) => answers.get(JSON.stringify(p)) ?? "changed");
  const order = (a: ApiChange, b: ApiChange) => (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : a.kind < b.kind ? -1 : 1);
  return {
    breaking: changes.filter((c) => c.severity === "breaking").sort(order),
    additive: changes.filter((c) => c.severity === "additive").sort(order),
  };
}

type Relate = (probe: Probe) => Relation;

function diffSurfaces(old: ApiSurface, neu: ApiSurface, relate: Relate): ApiChange[] {
  const changes: ApiChange[] = [];
  const push = (severity: Severity, kind: ChangeKind, subject: string, message: string) => changes.push({ severity, kind, subject, message });
  const oldOps = operations(old);
  const newOps = operations(neu);
  const oldErrors = errorClasses(old);
  const newErrors = errorClasses(neu);
  // Exports that belong to a removed or added operation or error are reported with it.
  const grouped = new Set<string>();
  for (const op of oldOps) {
    if (newOps.has(op)) continue;
    push("breaking", "operation-removed", op, `operation ${op} was removed`);
    for (const name of operationExports(op)) grouped.add(name);
  }
  for (const op of newOps) {
    if (oldOps.has(op)) continue;
    push("additive", "operation-added", op, `new operation ${op}`);
    for (const name of operationExports(op)) grouped.add(name);
  }
  for (const e of oldErrors) {
    if (newErrors.has(e)) continue;
    push("breaking", "error-removed", e, `error ${e} was removed`);
    grouped.add(e).add(`is${e}`);
  }
  for (const e of newErrors) {
    if (oldErrors.has(e)) continue;
    push("additive", "error-added", e, `new error ${e}`);
    grouped.add(e).add(`is${e}`);
  }
  const explained = explainedByUnions(old, neu, push);
  const goneErrors = new Set([...oldErrors].filter((e) => !newErrors.has(e)));

  for (const [key, before] of old) {
    const after = neu.get(key);
    if (after === undefined) {
      if (!grouped.has(before.name) && !explained(before.name)) push("breaking", "export-removed", before.name, `${describeKind(before)} ${before.name} was removed`);
      continue;
    }
    diffExport(before, after, { relate, push, explained, goneErrors, errors: new Set([...oldErrors, ...newErrors]) });
  }
  for (const [key, after] of neu) {
    if (!old.has(key) && !grouped.has(after.name) && !explained(after.name)) push("additive", "export-added", after.name, `new ${describeKind(after)} ${after.name}`);
  }
  return changes;
}

type Push = (severity: Severity, kind: ChangeKind, subject: string, message: string) => void;

interface DiffContext {
  readonly relate: Relate;
  readonly push: Push;
  /** True for what a union-variant change already reports. */
  readonly explained: (subject: string) => boolean;
  /** Error classes that were removed (reported once, not again in each error union). */
  readonly goneErrors: ReadonlySet<string>;
  /** Error classes of either version. */
  readonly errors: ReadonlySet<string>;
}

function diffExport(before: ApiExport, after: ApiExport, ctx: DiffContext): void {
  const { relate, push } = ctx;
  const name = before.name;
  if (before.kind === "enum" && after.kind === "enum") {
    diffEnum(before, after, push);
    return;
  }
  if (before.kind === "type" && after.kind === "type") {
    if (ctx.explained(name) || before.text === after.text) return;
    const variants = (e: ApiExport) => (e.union ?? [e.text]).filter((t) => t !== "never");
    // An operation's error union: errors come and go one by one (one variant is not a union).
    const all = [...variants(before), ...variants(after)];
    if (all.length > 0 && all.every((t) => ctx.errors.has(t))) {
      diffErrorUnion(variants(before), variants(after), name, push, ctx.goneErrors);
    } else {
      typeChange(relate({ old: before.text, new: after.text, typeParameters: before.typeParameters }), name, before.text, after.text, push);
    }
    return;
  }
  if (before.members.size > 0 || after.members.size > 0) {
    diffMembers(before, after, relate, push, ctx.explained);
    if (before.constructorType !== undefined && after.constructorType !== undefined && before.constructorType !== after.constructorType) {
      signatureChange(relate({ old: before.constructorType, new: after.constructorType, typeParameters: [] }), `${name}.constructor`, before.constructorType, after.constructorType, push);
    }
    if (before.base !== after.base) push("breaking", "type-changed", name, `${name} now extends ${after.base ?? "nothing"} instead of ${before.base ?? "nothing"}`);
    return;
  }
  if (before.space === "value" && before.text !== after.text) {
    signatureChange(relate({ old: before.text, new: after.text, typeParameters: [] }), name, before.text, after.text, push);
  }
}

/** Old calls must still compile and old uses of the result still hold: the new type must be assignable to the old. */
function signatureChange(r: Relation, subject: string, from: string, to: string, push: Push): void {
  if (r === "same") return;
  const compatible = r === "narrowed";
  push(compatible ? "additive" : "breaking", "signature-changed", subject, `${subject} changed${compatible ? " compatibly" : ""}: ${from} → ${to}`);
}

function diffMembers(before: ApiExport, after: ApiExport, relate: Relate, push: Push, explained: (subject: string) => boolean): void {
  for (const [key, m] of before.members) {
    const subject = `${before.name}.${m.name}`;
    const n = after.members.get(key);
    if (n === undefined) {
      if (!explained(subject)) push("breaking", "member-removed", subject, `member ${subject} was removed`);
      continue;
    }
    if (!m.optional && n.optional && !hasUndefined(m.type)) {
      push("breaking", "member-optional", subject, `${subject} is now optional: readers may get undefined`);
    } else if (m.optional && !n.optional) {
      push("breaking", "member-required", subject, `${subject} is now required: code that builds a ${before.name} must set it`);
    } else if (!m.optional && n.optional) {
      push("additive", "member-optional", subject, `${subject} may now be omitted`);
    }
    // `X: T` becoming `X?: T | undefined` is one change (optionality), not also a type change.
    const sameType = m.optional === n.optional ? m.type === n.type : withoutUndefined(m.type) === withoutUndefined(n.type);
    if (!sameType) typeChange(relate({ old: m.type, new: n.type, typeParameters: before.typeParameters }), subject, m.type, n.type, push);
  }
  for (const [key, n] of after.members) {
    if (before.members.has(key)) continue;
    const subject = `${before.name}.${n.name}`;
    if (explained(subject)) continue;
    if (n.optional || before.kind === "class") push("additive", "member-added", subject, `new member ${subject}`);
    else push("breaking", "required-member-added", subject, `new required member ${subject}: code that builds a ${before.name} must set it`);
  }
}

function typeChange(r: Relation, subject: string, from: string, to: string, push: Push): void {
  if (r === "same") return;
  const what = { narrowed: "narrowed (breaks code that sets it)", widened: "widened (breaks code that reads it)", changed: "changed" }[r];
  push("breaking", `type-${r}`, subject, `type of ${subject} ${what}: ${from} → ${to}`);
}

function diffEnum(before: ApiExport, after: ApiExport, push: Push): void {
  for (const [key, m] of before.members) {
    const n = after.members.get(key);
    const subject = `${before.name}.${key}`;
    if (n === undefined) push("breaking", "enum-value-removed", subject, `enum value ${subject} (${m.type}) was removed`);
    else if (n.type !== m.type) push("breaking", "enum-value-changed", subject, `enum value ${subject} changed: ${m.type} → ${n.type}`);
  }
  for (const [key, n] of after.members) {
    if (!before.members.has(key)) push("additive", "enum-value-added", `${before.name}.${key}`, `new enum value ${before.name}.${key} (${n.type})`);
  }
}

function diffErrorUnion(before: readonly string[], after: readonly string[], name: string, push: Push, goneErrors: ReadonlySet<string>): void {
  for (const t of before) {
    if (!after.includes(t) && !goneErrors.has(t)) push("breaking", "error-removed", `${name}.${t}`, `${name} no longer includes ${t}`);
  }
  for (const t of after) {
    if (!before.includes(t)) push("additive", "error-added", `${name}.${t}`, `${name} now includes ${t}`);
  }
}

/**
 * A Smithy union is `type U = U.AMember | … | U.$UnknownMember` plus a namespace U. A variant
 * added or removed also adds or removes `U.<V>Member`, a `V?: never` in every other variant and
 * `U.Visitor.V`; those are reported once, as the variant.
 */
function explainedByUnions(old: ApiSurface, neu: ApiSurface, push: Push): (subject: string) => boolean {
  const covered = new Set<string>();
  const everything = [...old.values(), ...neu.values()];
  for (const [key, before] of old) {
    const after = neu.get(key);
    const union = before.name;
    if (before.union === undefined || after?.union === undefined || !before.union.includes(`${union}.$UnknownMember`)) continue;
    const variants = (types: readonly string[]) =>
      new Set(types.filter((t) => t.startsWith(`${union}.`) && t.endsWith("Member") && t !== `${union}.$UnknownMember`).map((t) => t.slice(union.length + 1, -"Member".length)));
    const was = variants(before.union);
    const is = variants(after.union);
    const cover = (v: string) => {
      covered.add(union).add(`${union}.${v}Member`);
      for (const e of everything) if (e.name.startsWith(`${union}.`)) covered.add(`${e.name}.${v}`);
    };
    for (const v of was) {
      if (is.has(v)) continue;
      push("breaking", "union-variant-removed", `${union}.${v}`, `union ${union} lost its ${v} variant`);
      cover(v);
    }
    for (const v of is) {
      if (was.has(v)) continue;
      push("additive", "union-variant-added", `${union}.${v}`, `union ${union} has a new variant ${v} (code implementing ${union}.Visitor must handle it)`);
      cover(v);
    }
  }
  return (subject) => covered.has(subject);
}

/** Operations are the names X with both `XInput` and `XOutput` exported as types. */
function operations(surface: ApiSurface): Set<string> {
  const ops = new Set<string>();
  for (const e of surface.values()) {
    const m = /^(.+)Input$/.exec(e.name);
    // A client's `<Op>CommandInput` / `<Op>CommandOutput` belong to the operation, not to one named `<Op>Command`.
    const command = m !== null && surface.get(surfaceKey("type", m[1]!))?.kind === "class";
    if (e.space === "type" && m !== null && !command && surface.has(surfaceKey("type", `${m[1]}Output`))) ops.add(m[1]!);
  }
  return ops;
}

function operationExports(op: string): string[] {
  return [`${op}Input`, `${op}Output`, `${op}Error`, `${op}CommandInput`, `${op}CommandOutput`, `${op}CommandError`,
    `serialize${op}Request`, `deserialize${op}Response`, `deserialize${op}Request`, `serialize${op}Response`, `serialize${op}Error`];
}

/**
 * Errors are the exported classes that extend another exported class (the service exception) and
 * have an `is<Error>` guard (the aggregated client extends the client class, and has none).
 */
function errorClasses(surface: ApiSurface): Set<string> {
  const classes = new Set([...surface.values()].filter((e) => e.kind === "class").map((e) => e.name));
  return new Set([...surface.values()]
    .filter((e) => e.kind === "class" && e.base !== undefined && classes.has(e.base) && surface.has(surfaceKey("value", `is${e.name}`)))
    .map((e) => e.name));
}

/** True when the written type has a top-level `undefined` variant (types of members are simple unions). */
const hasUndefined = (type: string) => type.split("|").some((t) => t.trim() === "undefined");
const withoutUndefined = (type: string) => type.split("|").map((t) => t.trim()).filter((t) => t !== "undefined").join(" | ");

function describeKind(e: ApiExport): string {
  return { interface: "type", type: "type", class: "class", enum: "enum", const: "value", function: "function" }[e.kind];
}
