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

export function assembleModel(documents: readonly AstDocument[], problems: Diagnostic[]): Model {
  const shapes = new Map<string, RawShape>();
  const metadata = new Map<string, unknown>();
  const report = (message: string, source: SourceRef, shape?: string) => problems.push({ ...source, message, shape });

  for (const [name, type, zero] of PRELUDE_SHAPES) {
    const id = prelude(name);
    const traits = new Map<string, unknown>(zero === undefined ? [] : [["smithy.api#default", zero]]);
    if (name === "Unit") traits.set("smithy.api#unitType", {});
    shapes.set(id, { id, type, traits, members: [], mixins: [], source: PRELUDE_SOURCE, fingerprint: "" });
  }
  for (const doc of documents) {
    for (const [key, value] of doc.metadata) mergeMetadata(metadata, key, value);
    for (const shape of doc.version === "1.0" ? upgradeV1(doc.shapes) : doc.shapes) {
      const existing = shapes.get(shape.id);
      if (existing === undefined) shapes.set(shape.id, shape);
      else if (existing.source === PRELUDE_SOURCE) report(`shape ${shape.id} is already defined by the Smithy prelude`, shape.source, shape.id);
      else if (existing.fingerprint !== shape.fingerprint) {
        report(`shape is defined twice with different definitions (also at ${where(existing.source)})`, shape.source, shape.id);
      }
    }
  }
  const applies = documents.flatMap((d) => d.applies);
  const pendingMemberApplies = applyTraits(shapes, applies, report, false);
  const flat = flattenMixins(shapes, report);
  applyTraits(flat, pendingMemberApplies, report, true);
  checkCaseInsensitiveIds(flat, report);
  return { shapes: flat, metadata };
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
 * mixins are flattened are returned for a second pass (`final` reports them as unknown).
 */
function applyTraits(shapes: Map<string, Shape>, applies: readonly RawApply[], report: Report, final: boolean): RawApply[] {
  const pending: RawApply[] = [];
  for (const apply of applies) {
    const [shapeId, memberName] = apply.target.split("$") as [string, string | undefined];
    const shape = shapes.get(shapeId);
    if (shape === undefined) {
      report(`apply targets a shape that does not exist: ${apply.target}`, apply.source, apply.target);
      continue;
    }
    let traits: Map<string, unknown>;
    if (memberName === undefined) {
      traits = shape.traits as Map<string, unknown>;
    } else {
      const member = shape.members.find((m) => m.name === memberName);
      if (member === undefined) {
        if (final) report(`apply targets a member that does not exist: ${apply.target}`, apply.source, apply.target);
        else pending.push(apply);
        continue;
      }
      traits = member.traits as Map<string, unknown>;
    }
    for (const [id, value] of apply.traits) {
      mergeTrait(traits, id, value, () =>
        report(`trait ${id} conflicts with the value applied at ${where(apply.source)}`, apply.source, apply.target),
      );
    }
  }
  return pending;
}

/** Copies mixin members and traits into the shapes that use them, mixins first. */
function flattenMixins(shapes: Map<string, RawShape>, report: Report): Map<string, Shape> {
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
    for (const mixinId of shape.mixins) {
      const raw = shapes.get(mixinId);
      if (raw === undefined) {
        report(`mixin ${mixinId} does not exist`, shape.source, shape.id);
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
        members.set(m.name, { ...m, id: `${shape.id}$${m.name}`, traits: new Map(m.traits) });
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
function upgradeV1(shapes: RawShape[]): RawShape[] {
  const byId = new Map(shapes.map((s) => [s.id, s]));
  const primitive = (target: string): unknown => {
    const named = PRELUDE_SHAPES.find(([name]) => prelude(name) === target);
    if (named !== undefined) return named[2];
    const shape = byId.get(target);
    if (shape === undefined || shape.traits.has("smithy.api#box")) return undefined;
    return ZERO_DEFAULT[shape.type];
  };
  for (const shape of shapes) {
    const zero = ZERO_DEFAULT[shape.type];
    if (zero !== undefined && !shape.traits.has("smithy.api#box")) (shape.traits as Map<string, unknown>).set("smithy.api#default", zero);
    if (shape.type !== "structure") continue;
    for (const member of shape.members) {
      const traits = member.traits as Map<string, unknown>;
      const zeroValue = primitive(member.target);
      if (zeroValue !== undefined && !traits.has("smithy.api#box") && !traits.has("smithy.api#default")) traits.set("smithy.api#default", zeroValue);
      traits.delete("smithy.api#box");
    }
  }
  for (const shape of shapes) (shape.traits as Map<string, unknown>).delete("smithy.api#box");
  return shapes;
}
