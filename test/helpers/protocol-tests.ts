// The official protocol compliance cases (smithy.test traits) read from a loaded model, and
// their `params` turned into the values the generated TypeScript code takes and returns
// (timestamps as Date, blobs as Uint8Array, "NaN"/"Infinity" floats as numbers, …), as
// http-protocol-compliance-tests.rst defines the parameter format.

import { join } from "node:path";
import { serviceClosure, ShapeIndex } from "../../generator/index/shape-index.js";
import { loadModelFiles } from "../../generator/load/load.js";
import type { Model, Shape } from "../../generator/model/model.js";

/** What request and response cases share (the HttpRequestMixin/HttpResponseMixin fields). */
interface HttpMessageTestCase {
  id: string;
  protocol: string;
  headers?: Record<string, string>;
  forbidHeaders?: string[];
  requireHeaders?: string[];
  body?: string;
  bodyMediaType?: string;
  params?: Record<string, unknown>;
  appliesTo?: "client" | "server";
  tags?: string[];
}

export interface HttpRequestTestCase extends HttpMessageTestCase {
  method: string;
  uri: string;
  host?: string;
  resolvedHost?: string;
  queryParams?: string[];
  forbidQueryParams?: string[];
  requireQueryParams?: string[];
}

export interface HttpResponseTestCase extends HttpMessageTestCase {
  code: number;
}

export interface MalformedRequestTestCase {
  id: string;
  protocol: string;
  request: { method: string; uri: string; host?: string; queryParams?: string[]; headers?: Record<string, string>; body?: string };
  response: {
    code: number;
    headers?: Record<string, string>;
    body?: { mediaType: string; assertion: { contents?: string; messageRegex?: string } };
  };
  tags?: string[];
  documentation?: string;
}

/** One event of an event stream case: the union value (`params`) and its exact message bytes (base64). */
export interface StreamEvent {
  type: "request" | "response";
  params?: Record<string, unknown>;
  bytes?: string;
}

/** An eventStreamTests case (smithy.test.smithy `EventStreamTestCase`). */
export interface EventStreamTestCase {
  id: string;
  protocol: string;
  initialRequestParams?: Record<string, unknown>;
  initialRequest?: { method: string; uri: string; headers?: Record<string, string> };
  initialResponseParams?: Record<string, unknown>;
  initialResponse?: { code: number; headers?: Record<string, string>; body?: string };
  events?: StreamEvent[];
  expectation?: { success?: unknown; failure?: { errorId?: string } };
  appliesTo?: "client" | "server";
}

export interface ProtocolCase<T> {
  /** The operation (for request tests and operation response tests) or error shape. */
  readonly shape: Shape;
  /** The operation whose deserializer/serializer runs the case (for errors: one that can return it). */
  readonly operation: Shape;
  readonly testCase: T;
}

export interface ProtocolSuite {
  readonly model: Model;
  readonly index: ShapeIndex;
  readonly service: Shape;
  readonly requests: ProtocolCase<HttpRequestTestCase>[];
  readonly responses: ProtocolCase<HttpResponseTestCase>[];
  readonly malformed: ProtocolCase<MalformedRequestTestCase>[];
  readonly streams: ProtocolCase<EventStreamTestCase>[];
}

export const RESTJSON1 = "aws.protocols#restJson1";

/**
 * Every restJson1 service of the protocol tests under ../shared/smithy (RestJson itself, the
 * RestJsonValidation service of the validation/ folder, and the AWS service customisations
 * under services/), each with its cases.
 */
export const loadRestJsonSuites = (sharedDir: string): Promise<ProtocolSuite[]> => loadProtocolSuites(sharedDir, RESTJSON1);

/** Every service of the protocol tests that speaks `protocol` (a protocol trait id), each with its cases for that protocol. */
export async function loadProtocolSuites(sharedDir: string, protocol: string): Promise<ProtocolSuite[]> {
  const model = await loadModelFiles([join(sharedDir, "smithy", "protocol-tests"), join(sharedDir, "smithy", "traits")]);
  const index = new ShapeIndex(model);
  return index.services().filter((s) => s.traits.has(protocol)).map((service) => suiteOf(model, index, service, protocol));
}

function suiteOf(model: Model, index: ShapeIndex, service: Shape, protocol: string): ProtocolSuite {
  const closure = serviceClosure(index, service);
  const requests: ProtocolCase<HttpRequestTestCase>[] = [];
  const responses: ProtocolCase<HttpResponseTestCase>[] = [];
  const malformed: ProtocolCase<MalformedRequestTestCase>[] = [];
  const streams: ProtocolCase<EventStreamTestCase>[] = [];
  const ofProtocol = <T extends { protocol: string }>(value: unknown): T[] =>
    ((value as T[] | undefined) ?? []).filter((c) => c.protocol === protocol);
  for (const operation of closure.operations) {
    for (const testCase of ofProtocol<HttpRequestTestCase>(operation.traits.get("smithy.test#httpRequestTests"))) {
      requests.push({ shape: operation, operation, testCase });
    }
    for (const testCase of ofProtocol<HttpResponseTestCase>(operation.traits.get("smithy.test#httpResponseTests"))) {
      responses.push({ shape: operation, operation, testCase });
    }
    for (const testCase of ofProtocol<MalformedRequestTestCase & { testParameters?: Record<string, string[]> }>(
      operation.traits.get("smithy.test#httpMalformedRequestTests"),
    )) {
      for (const expanded of expandParameters(testCase)) malformed.push({ shape: operation, operation, testCase: expanded });
    }
    for (const testCase of ofProtocol<EventStreamTestCase>(operation.traits.get("smithy.test#eventStreamTests"))) {
      streams.push({ shape: operation, operation, testCase });
    }
  }
  for (const error of closure.errors) {
    const operation = closure.operations.find((op) => op.errors?.includes(error.id));
    if (operation === undefined) continue;
    for (const testCase of ofProtocol<HttpResponseTestCase>(error.traits.get("smithy.test#httpResponseTests"))) {
      responses.push({ shape: error, operation, testCase });
    }
  }
  return { model, index, service, requests, responses, malformed, streams };
}

/**
 * One case per index of the `testParameters` lists, with `$name:S` / `$name:L` substituted in
 * every string of the case (CodeWriter conventions: S quotes as a JSON string, L as is; `$$`
 * is a literal `$`). The ids get the index so each permutation is its own test.
 */
export function expandParameters<T extends { id: string; testParameters?: Record<string, string[]> }>(testCase: T): T[] {
  const params = testCase.testParameters;
  if (params === undefined || Object.keys(params).length === 0) return [testCase];
  const count = Object.values(params)[0]!.length;
  const out: T[] = [];
  for (let i = 0; i < count; i++) {
    const substitute = (text: string) =>
      text.replace(/\$(\$|([A-Za-z_][A-Za-z0-9_]*):([SL]))/g, (_all, dollar: string, name: string | undefined, format: string | undefined) => {
        if (dollar === "$") return "$";
        const value = params[name!]?.[i];
        if (value === undefined) throw new Error(`${testCase.id}: no test parameter ${name}`);
        return format === "S" ? JSON.stringify(value) : value;
      });
    const walk = (value: unknown): unknown => {
      if (typeof value === "string") return substitute(value);
      if (Array.isArray(value)) return value.map(walk);
      if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
      return value;
    };
    const { testParameters: _unused, ...rest } = testCase;
    out.push({ ...(walk(rest) as T), id: `${testCase.id}_case${i}` });
  }
  return out;
}

/** Converts a test's `params` node value to the TypeScript value of the shape. */
export function toTypeScriptValue(index: ShapeIndex, shape: Shape, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  switch (shape.type) {
    case "structure":
    case "union": {
      const out: Record<string, unknown> = {};
      for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
        // A null member is an absent one: the generated types have no null for members.
        if (v === null) continue;
        const member = shape.members.find((m) => m.name === name);
        if (member === undefined) throw new Error(`${shape.id} has no member ${name}`);
        out[name] = toTypeScriptValue(index, index.target(member), v);
      }
      return out;
    }
    case "list":
      return (value as unknown[]).map((v) => toTypeScriptValue(index, index.target(shape.members[0]!), v));
    case "map": {
      const target = index.target(shape.members[1]!);
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toTypeScriptValue(index, target, v)]));
    }
    case "timestamp":
      return typeof value === "string" ? new Date(value) : new Date((value as number) * 1000);
    case "blob":
      return typeof value === "string" ? new TextEncoder().encode(value) : value;
    case "float":
    case "double":
      return typeof value === "string" ? Number(value) : value;
    case "bigInteger":
      return BigInt(value as number | string);
    case "bigDecimal":
      return String(value);
    default:
      return value;
  }
}
