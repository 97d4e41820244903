// Which shapes get a validator function, and where recursion needs guarding. Validators cover
// every operation input and every aggregate it reaches; outputs are not validated (Smithy:
// constraints are not enforced when deserializing output).

import type { ShapeIndex, ServiceClosure } from "../../index/shape-index.js";
import { isEventStream, type Shape } from "../../model/model.js";
import { compareNames } from "../../index/shape-index.js";

const AGGREGATES: ReadonlySet<string> = new Set(["structure", "union", "list", "map"]);

export interface ValidatorPlan {
  /** Structures and unions reached from operation inputs: each gets exported validators. */
  readonly exported: readonly Shape[];
  /** Shapes on a cycle of the shape graph: their functions guard against cycles in the value. */
  readonly recursive: ReadonlySet<string>;
  /** Shapes from which a recursive shape is reachable: their functions carry the guard's set. */
  readonly carriesGuard: ReadonlySet<string>;
  /** Maps whose keys are sensitive data: failure paths name them by a placeholder, not the key. */
  readonly redactedKeys: ReadonlySet<string>;
}

/** What a failure path shows in place of a sensitive map key. */
export const REDACTED_KEY = "***SensitiveInformation***";

const SENSITIVE = "smithy.api#sensitive";

export function planValidators(index: ShapeIndex, closure: ServiceClosure): ValidatorPlan {
  const reached = new Map<string, Shape>();
  const visit = (id: string) => {
    if (reached.has(id) || id === "smithy.api#Unit") return;
    const shape = index.shape(id);
    // An event stream's events are not checked by the input's validator (they arrive later).
    if (!AGGREGATES.has(shape.type) || isEventStream(shape)) return;
    reached.set(id, shape);
    for (const m of shape.members) visit(m.target);
  };
  for (const op of closure.operations) visit(op.input!);

  const edges = (shape: Shape) => shape.members.map((m) => m.target).filter((t) => reached.has(t));
  const all = [...reached.values()];
  const recursive = cyclic(all, (s) => edges(s));

  const carriesGuard = new Set<string>();
  for (const shape of all) {
    const seen = new Set<string>([shape.id]);
    const queue = [shape.id];
    while (queue.length > 0) {
      const id = queue.pop()!;
      if (recursive.has(id)) {
        carriesGuard.add(shape.id);
        break;
      }
      for (const next of edges(reached.get(id)!)) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
  }
  const exported = all.filter((s) => s.type === "structure" || s.type === "union").sort((a, b) => compareNames(a.id, b.id));
  return { exported, recursive, carriesGuard, redactedKeys: redactedKeys(index, all) };
}

/**
 * Maps with sensitive keys: the key (member or shape) or the map is @sensitive, or the map is
 * reached from a @sensitive shape or member. A map's function serves every use site, so a map
 * reached from a sensitive one anywhere is redacted everywhere: safe over informative.
 */
function redactedKeys(index: ShapeIndex, shapes: readonly Shape[]): Set<string> {
  const out = new Set<string>();
  const seen = new Set<string>();
  const below = (id: string): void => {
    if (seen.has(id) || id === "smithy.api#Unit") return;
    seen.add(id);
    const shape = index.shape(id);
    if (shape.type === "map") out.add(id);
    for (const m of shape.members) below(m.target);
  };
  for (const shape of shapes) {
    if (shape.traits.has(SENSITIVE)) below(shape.id);
    for (const m of shape.members) if (m.traits.has(SENSITIVE)) below(m.target);
    const key = shape.type === "map" ? shape.members[0]! : undefined;
    if (key !== undefined && (key.traits.has(SENSITIVE) || index.target(key).traits.has(SENSITIVE))) out.add(shape.id);
  }
  return out;
}

/** Ids of the shapes that lie on a cycle (Tarjan's strongly connected components). */
function cyclic(shapes: readonly Shape[], next: (s: Shape) => string[]): Set<string> {
  const byId = new Map(shapes.map((s) => [s.id, s]));
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out = new Set<string>();
  let counter = 0;
  const strongConnect = (id: string) => {
    indexOf.set(id, counter);
    low.set(id, counter);
    counter++;
    stack.push(id);
    onStack.add(id);
    const targets = next(byId.get(id)!).filter((t) => byId.has(t));
    for (const t of targets) {
      if (!indexOf.has(t)) {
        strongConnect(t);
        low.set(id, Math.min(low.get(id)!, low.get(t)!));
      } else if (onStack.has(t)) low.set(id, Math.min(low.get(id)!, indexOf.get(t)!));
    }
    if (low.get(id) === indexOf.get(id)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== id);
      if (component.length > 1 || targets.includes(id)) for (const c of component) out.add(c);
    }
  };
  for (const s of shapes) if (!indexOf.has(s.id)) strongConnect(s.id);
  return out;
}
