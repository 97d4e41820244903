// Which members of an operation's input and output are event streams (streaming unions): one
// rule for every emitter that treats streaming operations apart.

import type { ShapeIndex } from "./shape-index.js";
import { isEventStream, type Member, type Shape } from "../model/model.js";
import { UNIT } from "../model/shape-id.js";

/** The event-stream member of an input or output structure, if it has one. */
export function eventStreamMember(index: ShapeIndex, shapeId: string | undefined): Member | undefined {
  if (shapeId === undefined || shapeId === UNIT) return undefined;
  return index.shape(shapeId).members.find((m) => isEventStream(index.target(m)));
}

/** Whether an operation streams events either way. */
export function usesEventStream(index: ShapeIndex, op: Shape): boolean {
  return eventStreamMember(index, op.input) !== undefined || eventStreamMember(index, op.output) !== undefined;
}
