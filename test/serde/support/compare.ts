// Turning our requests, outputs and errors and the SDK's into plain values that compare equal
// when they mean the same thing. Each normalization is a listed deliberate difference
// (docs/serde-differences.md) or a representation detail (classes, byte containers).

import type { ShapeIndex } from "../../../generator/index/shape-index.js";
import type { Shape } from "../../../generator/model/model.js";
import type { PlainRequest } from "./sdk.js";

const decoder = new TextDecoder();

/** Our HttpRequest as plain data, the body as text. */
export function plainRequest(request: Record<string, unknown>): PlainRequest {
  const body = request["body"];
  return {
    method: request["method"] as string,
    protocol: request["protocol"] as string,
    hostname: request["hostname"] as string,
    port: request["port"] as number | undefined,
    path: request["path"] as string,
    query: (request["query"] as Record<string, unknown> | undefined) ?? {},
    headers: request["headers"] as Record<string, string>,
    body: body == null ? undefined : typeof body === "string" ? body : decoder.decode(body as Uint8Array),
  };
}

/** A request with its JSON body parsed, so key order does not matter. */
export function comparableRequest(request: PlainRequest): Record<string, unknown> {
  const json = request.headers["content-type"] === "application/json" && request.body !== undefined;
  return { ...request, body: json ? JSON.parse(request.body!) : request.body };
}

/** The four fields of `$metadata` that deserialization fills (the SDK's retry step adds attempts). */
export function metadata(value: unknown): Record<string, unknown> {
  const m = (value ?? {}) as Record<string, unknown>;
  return { httpStatusCode: m["httpStatusCode"], requestId: m["requestId"], extendedRequestId: m["extendedRequestId"], cfId: m["cfId"] };
}

/**
 * Plain data: byte containers (the SDK's Uint8ArrayBlobAdapter, Buffer) become number arrays,
 * undefined members go. `nullIsAbsent` drops null members too (the SDK sets a missing
 * @httpPayload member to null; ours leaves it out, as its type has no null).
 */
export function plain(value: unknown, nullIsAbsent = false): unknown {
  if (value instanceof Uint8Array) return Array.from(value);
  if (value instanceof Date || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => plain(v));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined || (nullIsAbsent && v === null)) continue;
    Object.defineProperty(out, key, { value: plain(v), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** An output without `$metadata`, plus its comparable metadata. */
export function comparableOutput(output: unknown): Record<string, unknown> {
  const { $metadata, ...rest } = output as Record<string, unknown>;
  return { members: plain(rest, true), $metadata: metadata($metadata) };
}

/**
 * What an error says: name, fault, message, its modeled members, metadata. A member that is
 * null in the body is null on the SDK's error and left out of ours (its type has no null).
 */
export function comparableError(error: unknown, members: readonly string[]): Record<string, unknown> {
  const e = error as Record<string, unknown>;
  return {
    name: e["name"],
    $fault: e["$fault"],
    message: e["message"],
    members: plain(Object.fromEntries(members.map((m) => [m, e[m]])), true),
    $metadata: metadata(e["$metadata"]),
  };
}

/** The SDK's output with each structure's missing `@default` members filled in, as the compliance tests require of a client and ours does (a listed difference). */
export function withDefaults(index: ShapeIndex, shape: Shape, value: any): any {
  if (value === null || typeof value !== "object" || value instanceof Date || value instanceof Uint8Array) return value;
  switch (shape.type) {
    case "list": return Array.isArray(value) ? value.map((v) => withDefaults(index, index.target(shape.members[0]!), v)) : value;
    case "map": return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withDefaults(index, index.target(shape.members[1]!), v)]));
    case "structure": case "union": {
      const out: Record<string, unknown> = { ...value };
      for (const m of shape.members) {
        const fallback = m.traits.get("smithy.api#default");
        if (out[m.name] !== undefined) out[m.name] = withDefaults(index, index.target(m), out[m.name]);
        else if (shape.type === "structure" && fallback !== undefined && fallback !== null) out[m.name] = index.target(m).type === "timestamp" ? new Date(Number(fallback) * 1000) : fallback;
      }
      return out;
    }
    default: return value;
  }
}
