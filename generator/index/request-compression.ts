// An operation's @requestCompression (behavior-traits.rst): the encodings its client may
// compress a request with, in the model's order of preference, checked as the spec asks.

import type { Diagnostic } from "../diagnostics.js";
import type { Shape } from "../model/model.js";
import { UNIT } from "../model/shape-id.js";
import type { ShapeIndex } from "./shape-index.js";

/** The compression algorithms the spec defines (and the client runtime implements). */
const SUPPORTED = new Set(["gzip"]);

/**
 * The encodings (lower case) of the operation's @requestCompression, or undefined without the
 * trait; a trait the spec forbids adds to `problems`: no encodings, one that is not supported,
 * or an input member that is both @streaming and @requiresLength (its length would need the
 * whole stream compressed first).
 */
export function requestCompressionOf(index: ShapeIndex, op: Shape, problems: Diagnostic[]): readonly string[] | undefined {
  const trait = op.traits.get("smithy.api#requestCompression") as { encodings?: string[] } | undefined;
  if (trait === undefined) return undefined;
  const encodings = (trait.encodings ?? []).map((e) => e.toLowerCase());
  const fail = (message: string) => problems.push({ ...op.source, shape: op.id, message: `operation ${op.id}: @requestCompression ${message}` });
  if (encodings.length === 0) fail("needs at least one encoding");
  for (const encoding of encodings) if (!SUPPORTED.has(encoding)) fail(`names the encoding "${encoding}", which is not supported (only gzip is)`);
  if (op.input !== undefined && op.input !== UNIT) {
    for (const member of index.shape(op.input).members) {
      const target = index.target(member);
      if (target.traits.has("smithy.api#streaming") && target.traits.has("smithy.api#requiresLength")) {
        fail(`cannot apply: input member ${member.name} is @streaming with @requiresLength, whose length would need the whole stream compressed first`);
      }
    }
  }
  return encodings;
}
