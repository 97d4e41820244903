// Merges the documents of several files into one Model: identical duplicate shapes are fine,
// conflicting ones are errors; `apply` traits are added; the prelude is added; mixins are
// flattened (a pure transform, so later steps never see a mixin). 1.0 documents are upgraded to
// 2.0 semantics on the way (non-boxed numbers and booleans get their zero default).

import type { Diagnostic } from "../diagnostics.js";
import type { Member, Model, Shape, SourceRef } from "../model/model.js";
import { PRELUDE_SHAPES } from "../model/prelude.js";
import { prelude } from "../model/shape-id.js";
import type { AstDocument, RawApply, RawShape } from "./read-ast.js";

const PRELUDE_SOURCE: SourceRef = { file: "<prelude>" };

/** `checkReferences` off: a mixin or `apply` target missing from these files is left as written. */
export function assembleModel(documents: readonly AstDocument[], problems: Diagnostic[], checkReferences = true): Model {
  const shapes = new Map<string, RawShape>();
  const metadata = new Map<string, unknown>();
  const report = (message: string, source: SourceRef, shape?: string) => problems.push({ ...source, message, shape });
  const missing: Report = checkReferences ? report : () => {};

  for (const [name, type, zero] of PRELUDE_SHAPES) {
    const id = prelude(name);
    const traits = new Map<string, unknown>(zero === undefined ? [] : [["smithy.api#default", zero]]);
    if (name === "Unit") traits.set("smithy.api#unitType", {});
    shapes.set(id, { id, type, traits, members: [], mixins: [], source: PRELUDE_SOURCE, fingerprint: "" });
  }
  for (const doc of documents) {
    for (const [key, value] of doc.metadata) mergeMetadata(metadata, key, value);
    for (const shape of doc.shapes) {
      const existing = shapes.get(shape.id);
      if (existing === undefined) shapes.set(shape.id, shape);
      else if (existing.source === PRELUDE_SOURCE) {
        // A model that brings Smithy's own prelude file: its definitions stand in for the
        // built-in ones, which must agree on the type.
        if (existing.type === shape.type) shapes.set(shape.id, shape);
        else report(`shape ${shape.id} is a ${existing.type} in the Smithy prelude, not a ${shape.type}`, shape.source, shape.id);
      }
      else if (existing.fingerprint !== shape.fingerprint) {
        report(`shape is defined twice with different definitions (also at ${where(existing.source)})`, shape.source, shape.id);
      }
    }
  }
  const applies = documents.flatMap((d) => d.applies);
  const pendingMemberApplies = applyTraits(shapes, applies, report, false, missing);
  // The declared view keeps what the files say; the 1.0 upgrade then works on copies.
  const declared = new Map<string, Shape>(shapes);
  const v1 = documents.filter((d) => d.version === "1.0").flatMap((d) => d.shapes.map((s) => s.id));
  upgradeV1(shapes, v1);
  const flat = flattenMixins(shapes, report, missing);
  applyTraits(flat, pendingMemberApplies, report, true, missing);
  checkCaseInsensitiveIds(flat, report);
  const version = documents.length > 0 && documents.every((d) => d.version === "1.0") ? "1.0" : "2.0";
  return { shapes: flat, declared, declaredApplies: pendingMemberApplies, metadata, version };
}

function where(source: SourceRef): string {
  return source.line === undefined ? source.file : `${source.file}:${source.line}`;
}

function mergeMetadata(metadata: Map<string, unknown>, key: string, value: unknown): void {
  const existing = metadata.get(key);
  if (Array.isArray(existing) && Array.isArray(value)) metadata.set(key, [...existing, ...value]);
  else metadata.set(key, value);
}

/** Trait values from two places: lists concatenate, equal values are fine, others conflict. */
function mergeTrait(
  traits: Map<string, unknown>,
  id: string,
  value: unknown,
  onConflict: () => void,
): void {
  if (!traits.has(id)) {
    traits.set(id, value);
    return;
  }
  const existing = traits.get(id);
  if (Array.isArray(existing) && Array.isArray(value)) traits.set(id, [...existing, ...value]);
  else if (JSON.stringify(existing) !== JSON.stringify(value)) onConflict();
}

type Report = (message: string, source: SourceRef, shape?: string) => void;

/**
 * Adds `apply` traits to shapes and members. Member applies whose member only exists after
 * mixins are flattened are returned for a second pass (`final`), where they override what the
 * member inherited, as Smithy lets `apply` do on inherited members.
 */
function applyTraits(shapes: Map<string, Shape>, applies: readonly RawApply[], report: Report, final: boolean, missing: Report): RawApply[] {
  const pending: RawApply[] = [];
  for (const apply of applies) {
    const [shapeId, memberName] = apply.target.split("$") as [string, string | undefined];
    const shape = shapes.get(shapeId);
    if (shape === undefined) {
      if (final) missing(`apply targets a shape that does not exist: ${apply.target}`, apply.source, apply.target);
      else pending.push(apply); // reported in the final pass; kept as declared when references go unchecked
      continue;
    }
    let traits: Map<string, unknown>;
    if (memberName === undefined) {
      traits = shape.traits as Map<string, unknown>;
    } else {
      const member = shape.members.find((m) => m.name === memberName);
      if (member === undefined) {
        if (final) missing(`apply targets a member that does not exist: ${apply.target}`, apply.source, apply.target);
        else pending.push(apply);
        continue;
      }
      traits = member.traits as Map<string, unknown>;
    }
    for (const [id, value] of apply.traits) {
      if (final) traits.set(id, value);
      else mergeTrait(traits, id, value, () => report(`trait ${id} conflicts with the value applied at ${where(apply.source)}`, apply.source, apply.target));
    }
  }
  return pending;
}

/** Copies mixin members and traits into the shapes that use them, mixins first. */
function flattenMixins(shapes: Map<string, RawShape>, report: Report, missing: Report): Map<string, Shape> {
  const done = new Map<string, Shape>();
  const visiting = new Set<string>();
  const flatten = (shape: RawShape): Shape => {
    const ready = done.get(shape.id);
    if (ready !== undefined) return ready;
    if (shape.mixins.length === 0) {
      done.set(shape.id, shape);
      return shape;
    }
    if (visiting.has(shape.id)) {
      report(`mixins form a cycle through ${shape.id}`, shape.source, shape.id);
      return shape;
    }
    visiting.add(shape.id);
    const traits = new Map<string, unknown>();
    const members = new Map<string, Member>();
    const memberFrom = new Map<string, string>();
    for (const mixinId of shape.mixins) {
      const raw = shapes.get(mixinId);
      if (raw === undefined) {
        missing(`mixin ${mixinId} does not exist`, shape.source, shape.id);
        continue;
      }
      if (!raw.traits.has("smithy.api#mixin")) {
        report(`${mixinId} is used as a mixin but has no @mixin trait`, shape.source, shape.id);
        continue;
      }
      if (raw.type !== shape.type) {
        report(`a ${shape.type} cannot use the ${raw.type} mixin ${mixinId}`, shape.source, shape.id);
        continue;
      }
      const mixin = flatten(raw);
      const local = new Set<string>(["smithy.api#mixin", ...localTraits(mixin)]);
      for (const [id, value] of mixin.traits) if (!local.has(id)) traits.set(id, value);
      for (const m of mixin.members) {
        const inherited = members.get(m.name);
        if (inherited !== undefined && inherited.target !== m.target) {
          report(`mixins ${memberFrom.get(m.name)} and ${mixinId} both define member ${m.name}, with different targets (${inherited.target}, ${m.target})`, shape.source, shape.id);
        }
        members.set(m.name, { ...m, id: `${shape.id}$${m.name}`, traits: new Map(m.traits) });
        memberFrom.set(m.name, mixinId);
      }
    }
    for (const [id, value] of shape.traits) traits.set(id, value);
    for (const own of shape.members) {
      const inherited = members.get(own.name);
      if (inherited !== undefined && inherited.target !== own.target) {
        report(`member ${own.name} redefines a mixin member with a different target`, own.source, own.id);
      }
      const merged = new Map(inherited?.traits ?? []);
      for (const [id, value] of own.traits) merged.set(id, value);
      members.set(own.name, { ...own, traits: merged });
    }
    visiting.delete(shape.id);
    const byLowerName = new Map<string, string>();
    for (const name of members.keys()) {
      const other = byLowerName.get(name.toLowerCase());
      if (other !== undefined) report(`members ${other} and ${name} differ only in case once mixins are applied; member names must be case-insensitively unique`, shape.source, shape.id);
      byLowerName.set(name.toLowerCase(), name);
    }
    const flat: Shape = { ...shape, traits, members: [...members.values()], mixins: [] };
    done.set(shape.id, flat);
    return flat;
  };
  for (const shape of shapes.values()) flatten(shape);
  return done;
}

function localTraits(mixin: Shape): string[] {
  const value = mixin.traits.get("smithy.api#mixin") as { localTraits?: unknown } | undefined;
  return Array.isArray(value?.localTraits) ? (value.localTraits as string[]) : [];
}

/** Smithy: no two shapes in a model may have the same case-insensitive shape id. */
function checkCaseInsensitiveIds(shapes: Map<string, Shape>, report: Report): void {
  const seen = new Map<string, string>();
  for (const id of shapes.keys()) {
    const key = id.toLowerCase();
    const other = seen.get(key);
    if (other !== undefined) {
      report(`shape ids ${other} and ${id} differ only in case, which Smithy does not allow in one model`, shapes.get(id)!.source, id);
    }
    seen.set(key, id);
  }
}

const ZERO_DEFAULT: Record<string, unknown> = {
  boolean: false, byte: 0, short: 0, integer: 0, long: 0, float: 0, double: 0,
};

/**
 * In IDL 1.0, numbers and booleans without @box are never null. Smithy 2.0 says the same with a
 * zero @default on the shape and on the members that target it (unless the member is boxed).
 */
function upgradeV1(shapes: Map<string, RawShape>, ids: readonly string[]): void {
  if (ids.length === 0) return;
  const fromV1 = new Set(ids);
  const boxed = (shape: Shape | undefined) => shape?.traits.has("smithy.api#box") ?? false;
  const primitive = (target: string): unknown => {
    const named = PRELUDE_SHAPES.find(([name]) => prelude(name) === target);
    if (named !== undefined) return named[2];
    const shape = fromV1.has(target) ? shapes.get(target) : undefined;
    return shape === undefined || boxed(shape) ? undefined : ZERO_DEFAULT[shape.type];
  };
  const upgraded = new Map<string, RawShape>();
  for (const id of ids) {
    const shape = shapes.get(id)!;
    const traits = new Map(shape.traits);
    const zero = ZERO_DEFAULT[shape.type];
    if (zero !== undefined && !boxed(shape)) traits.set("smithy.api#default", zero);
    traits.delete("smithy.api#box");
    const members = shape.members.map((member) => {
      const memberTraits = new Map(member.traits);
      const zeroValue = shape.type === "structure" ? primitive(member.target) : undefined;
      if (zeroValue !== undefined && !memberTraits.has("smithy.api#box") && !memberTraits.has("smithy.api#default")) {
        memberTraits.set("smithy.api#default", zeroValue);
      }
      memberTraits.delete("smithy.api#box");
      return { ...member, traits: memberTraits };
    });
    upgraded.set(id, { ...shape, traits, members });
  }
  for (const [id, shape] of upgraded) shapes.set(id, shape);
}
