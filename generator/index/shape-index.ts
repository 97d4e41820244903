// ShapeIndex: the loaded model plus the lookups every emitter needs, and the closure of one
// service (the operations it exposes and every shape they reach).

import { CodegenError } from "../diagnostics.js";
import type { Member, Model, Shape } from "../model/model.js";

export class ShapeIndex {
  constructor(readonly model: Model) {}

  shape(id: string): Shape {
    const shape = this.model.shapes.get(id);
    if (shape === undefined) throw new Error(`internal: shape ${id} is not in the model`);
    return shape;
  }

  target(member: Member): Shape {
    return this.shape(member.target);
  }

  services(): Shape[] {
    return [...this.model.shapes.values()].filter((s) => s.type === "service").sort((a, b) => (a.id < b.id ? -1 : 1));
  }
}

export interface ServiceClosure {
  readonly service: Shape;
  /** Operations in a stable order (by name). */
  readonly operations: readonly Shape[];
  /** Data shapes the operations reach (inputs, outputs, errors and everything they target), by id. */
  readonly shapes: ReadonlyMap<string, Shape>;
  /** Error shapes any operation (or the service itself) can return, and those reached as data. */
  readonly errors: readonly Shape[];
}

/** The operations of a service, including those bound through resources, and what they need. */
export function serviceClosure(index: ShapeIndex, service: Shape, only?: readonly string[]): ServiceClosure {
  const operations = new Map<string, Shape>();
  const seenResources = new Set<string>();
  const visitContainer = (container: Shape) => {
    for (const id of [...(container.operations ?? []), ...(container.collectionOperations ?? []), ...(container.lifecycle?.values() ?? [])]) {
      operations.set(id, index.shape(id));
    }
    for (const id of container.resources ?? []) {
      if (seenResources.has(id)) continue;
      seenResources.add(id);
      visitContainer(index.shape(id));
    }
  };
  visitContainer(service);

  let selected = [...operations.values()];
  if (only !== undefined && only.length > 0) {
    const byName = new Map(selected.map((op) => [op.id.slice(op.id.indexOf("#") + 1), op]));
    const missing = only.filter((name) => !byName.has(name) && !operations.has(name));
    if (missing.length > 0) {
      throw new CodegenError([{ shape: service.id, message: `the service has no operation named ${missing.join(", ")}` }]);
    }
    selected = only.map((name) => byName.get(name) ?? operations.get(name)!);
  }
  selected.sort((a, b) => compareNames(a.id, b.id));

  const shapes = new Map<string, Shape>();
  const errorIds = new Set<string>(service.errors ?? []);
  const visit = (id: string) => {
    if (shapes.has(id) || id === "smithy.api#Unit") return;
    const shape = index.shape(id);
    shapes.set(id, shape);
    for (const member of shape.members) visit(member.target);
  };
  for (const op of selected) {
    visit(op.input!);
    visit(op.output!);
    for (const e of op.errors ?? []) errorIds.add(e);
  }
  for (const id of errorIds) visit(id);
  // Error shapes reached as data (event-stream union members) are errors too: they get classes.
  for (const shape of shapes.values()) if (shape.traits.has("smithy.api#error")) errorIds.add(shape.id);
  const errors = [...errorIds].map((id) => index.shape(id)).sort((a, b) => compareNames(a.id, b.id));
  return { service, operations: selected, shapes, errors };
}

/** The ids of the errors an operation can return: its own, then the service's (service-types.rst), each once. */
export function operationErrors(closure: ServiceClosure, op: Shape): string[] {
  return [...new Set([...(op.errors ?? []), ...(closure.service.errors ?? [])])];
}

/** Orders shape ids by name, then namespace, so output does not depend on file order. */
export function compareNames(a: string, b: string): number {
  const na = a.slice(a.indexOf("#") + 1);
  const nb = b.slice(b.indexOf("#") + 1);
  if (na !== nb) return na < nb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
