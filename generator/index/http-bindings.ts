// The HTTP bindings of a service's operations (http-bindings.rst), computed and checked once per
// service closure: the request bindings of every operation and the response bindings of every
// output and error. A model that breaks the binding rules gets every problem in one error, not
// the first one an emitter happens to meet; client and server then read the same bindings.

import { CodegenError, type Diagnostic } from "../diagnostics.js";
import type { Shape } from "../model/model.js";
import { requestBindings, responseBindings, type RequestBindings, type ResponseBindings } from "../protocols/transport/http-bindings/bindings.js";
import { operationErrors, type ServiceClosure, type ShapeIndex } from "./shape-index.js";

export interface HttpBindings {
  /** Of an operation's input. */
  request(op: Shape): RequestBindings;
  /** Of an output or error structure (undefined or the unit: no members). */
  response(shapeId: string | undefined): ResponseBindings;
}

const computed = new WeakMap<ServiceClosure, HttpBindings>();

/** The bindings of every operation of the closure; throws one CodegenError with every problem. */
export function httpBindings(index: ShapeIndex, closure: ServiceClosure): HttpBindings {
  const known = computed.get(closure);
  if (known !== undefined) return known;
  const problems: Diagnostic[] = [];
  const attempt = <T>(compute: () => T): T | undefined => {
    try {
      return compute();
    } catch (e) {
      if (!(e instanceof CodegenError)) throw e;
      problems.push(...e.diagnostics);
      return undefined;
    }
  };
  const requests = new Map<string, RequestBindings | undefined>();
  const responses = new Map<string | undefined, ResponseBindings | undefined>();
  for (const op of closure.operations) {
    requests.set(op.id, attempt(() => requestBindings(index, op)));
    for (const id of [op.output, ...operationErrors(closure, op)]) {
      if (!responses.has(id)) responses.set(id, attempt(() => responseBindings(index, id)));
    }
  }
  if (problems.length > 0) throw new CodegenError(problems);
  const bindings: HttpBindings = {
    request: (op) => requests.get(op.id) ?? requestBindings(index, op),
    response: (shapeId) => responses.get(shapeId) ?? responseBindings(index, shapeId),
  };
  computed.set(closure, bindings);
  return bindings;
}
