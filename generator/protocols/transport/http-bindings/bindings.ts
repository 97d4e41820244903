// The HTTP bindings of an operation (http-bindings.rst): method, URI pattern, which input
// members go to labels, the query string, headers or the payload, and which output and error
// members come from headers, the status code or the payload. Everything else is in the JSON body.
// A model that breaks a binding rule is a CodegenError naming the shape.

import { CodegenError, type Diagnostic } from "../../../diagnostics.js";
import type { ShapeIndex } from "../../../index/shape-index.js";
import type { Member, Shape } from "../../../model/model.js";
import { UNIT } from "../../../model/shape-id.js";

export { UNIT };

/** A piece of the URI path: literal text, or a label bound to an input member. */
export type PathSegment =
  | { readonly kind: "literal"; readonly text: string }
  | { readonly kind: "label"; readonly member: Member; readonly greedy: boolean };

export interface RequestBindings {
  readonly method: string;
  readonly path: readonly PathSegment[];
  /** Constant query parameters of the URI pattern; null: a key without a value. */
  readonly queryLiterals: ReadonlyArray<readonly [string, string | null]>;
  readonly query: ReadonlyArray<{ readonly member: Member; readonly name: string }>;
  readonly queryParams: Member | undefined;
  readonly headers: ReadonlyArray<{ readonly member: Member; readonly name: string }>;
  readonly prefixHeaders: { readonly member: Member; readonly prefix: string } | undefined;
  readonly payload: Member | undefined;
  /** Members serialized in the JSON document body (none when a payload is bound). */
  readonly body: readonly Member[];
  /** The input shape, or undefined for Unit input. */
  readonly input: Shape | undefined;
  /** `@endpoint(hostPrefix)` split into literal text and host labels. */
  readonly hostPrefix: ReadonlyArray<{ readonly text: string } | { readonly member: Member }> | undefined;
  /**
   * `@httpChecksumRequired`, or `aws.protocols#httpChecksum` with `requestChecksumRequired` (S3's
   * DeleteObjects…): the request carries a Content-MD5 header, which services that want a checksum take.
   */
  readonly checksumRequired: boolean;
}

export interface ResponseBindings {
  readonly headers: ReadonlyArray<{ readonly member: Member; readonly name: string }>;
  readonly prefixHeaders: { readonly member: Member; readonly prefix: string } | undefined;
  readonly statusCode: Member | undefined;
  readonly payload: Member | undefined;
  readonly body: readonly Member[];
  readonly shape: Shape | undefined;
}

const PAYLOAD_TYPES = new Set(["structure", "union", "document", "string", "enum", "blob"]);

/** Request bindings of an operation's input; throws a CodegenError listing every problem. */
/** `endpointLabels`: labels whose value the endpoint carries (S3's Bucket): left out of the path, with the `/` before them. */
export function requestBindings(index: ShapeIndex, op: Shape, endpointLabels: ReadonlySet<string> = new Set()): RequestBindings {
  const problems: Diagnostic[] = [];
  const http = op.traits.get("smithy.api#http") as { method?: unknown; uri?: unknown } | undefined;
  if (http === undefined || typeof http.method !== "string" || typeof http.uri !== "string") {
    throw new CodegenError([{ ...op.source, shape: op.id, message: "restJson1 needs an @http trait with a method and a uri on every operation" }]);
  }
  const input = op.input === undefined || op.input === UNIT ? undefined : index.shape(op.input);
  const members = input?.members ?? [];
  const [fullPath, queryPattern] = splitOnce(http.uri, "?");
  const pathPattern = [...endpointLabels].reduce((p, label) => p.replace(`/{${label}}`, ""), fullPath) || "/";
  const path = parsePath(pathPattern, members, op, problems);
  const queryLiterals = queryPattern === undefined ? [] : parseQueryLiterals(queryPattern);

  const query: Array<{ member: Member; name: string }> = [];
  const headers: Array<{ member: Member; name: string }> = [];
  const body: Member[] = [];
  let queryParams: Member | undefined;
  let prefixHeaders: { member: Member; prefix: string } | undefined;
  let payload: Member | undefined;
  for (const m of members) {
    const t = m.traits;
    if (t.has("smithy.api#httpLabel")) {
      if (!endpointLabels.has(m.name) && !path.some((s) => s.kind === "label" && s.member === m)) {
        problems.push(at(m, `@httpLabel member ${m.name} has no {${m.name}} label in the URI ${http.uri}`));
      }
    } else if (t.has("smithy.api#httpQuery")) {
      query.push({ member: m, name: String(t.get("smithy.api#httpQuery")) });
      checkHttpValue(index, m, "@httpQuery", problems);
    } else if (t.has("smithy.api#httpQueryParams")) {
      queryParams = m;
      const target = index.target(m);
      const value = target.type === "map" ? index.target(target.members[1]!) : undefined;
      const ok = value !== undefined && (isStringLike(value) || (value.type === "list" && isStringLike(index.target(value.members[0]!))));
      if (!ok) problems.push(at(m, "@httpQueryParams must target a map of strings or a map of lists of strings"));
    } else if (t.has("smithy.api#httpHeader")) {
      headers.push({ member: m, name: String(t.get("smithy.api#httpHeader")).toLowerCase() });
      checkHttpValue(index, m, "@httpHeader", problems);
    } else if (t.has("smithy.api#httpPrefixHeaders")) {
      prefixHeaders = { member: m, prefix: String(t.get("smithy.api#httpPrefixHeaders")).toLowerCase() };
      checkPrefixHeaders(index, m, problems);
    } else if (t.has("smithy.api#httpPayload")) {
      payload = m;
      checkPayload(index, m, problems);
    } else {
      body.push(m);
    }
  }
  const hostPrefix = parseHostPrefix(op, members, problems);
  if (problems.length > 0) throw new CodegenError(problems);
  return {
    method: http.method, path, queryLiterals, query, queryParams, headers, prefixHeaders, payload,
    body: payload === undefined ? body : [], input, hostPrefix,
    checksumRequired: op.traits.has("smithy.api#httpChecksumRequired")
      || (op.traits.get("aws.protocols#httpChecksum") as { requestChecksumRequired?: unknown } | undefined)?.requestChecksumRequired === true,
  };
}

/** Bindings of an output or error structure: headers, status code, payload, body. */
export function responseBindings(index: ShapeIndex, shapeId: string | undefined): ResponseBindings {
  const shape = shapeId === undefined || shapeId === UNIT ? undefined : index.shape(shapeId);
  const problems: Diagnostic[] = [];
  const headers: Array<{ member: Member; name: string }> = [];
  const body: Member[] = [];
  let prefixHeaders: { member: Member; prefix: string } | undefined;
  let statusCode: Member | undefined;
  let payload: Member | undefined;
  for (const m of shape?.members ?? []) {
    const t = m.traits;
    if (t.has("smithy.api#httpHeader")) {
      headers.push({ member: m, name: String(t.get("smithy.api#httpHeader")).toLowerCase() });
      checkHttpValue(index, m, "@httpHeader", problems);
    } else if (t.has("smithy.api#httpPrefixHeaders")) {
      prefixHeaders = { member: m, prefix: String(t.get("smithy.api#httpPrefixHeaders")).toLowerCase() };
      checkPrefixHeaders(index, m, problems);
    } else if (t.has("smithy.api#httpResponseCode")) {
      statusCode = m;
    } else if (t.has("smithy.api#httpPayload")) {
      payload = m;
      checkPayload(index, m, problems);
    } else {
      // @httpLabel and @httpQuery mean nothing in a response: those members are in the body.
      body.push(m);
    }
  }
  if (problems.length > 0) throw new CodegenError(problems);
  return { headers, prefixHeaders, statusCode, payload, body: payload === undefined ? body : [], shape };
}

/** The status code of a successful response (`@http(code)`, 200 when absent). */
export function successCode(op: Shape): number {
  const http = op.traits.get("smithy.api#http") as { code?: unknown } | undefined;
  return typeof http?.code === "number" ? http.code : 200;
}

function parsePath(pattern: string, members: readonly Member[], op: Shape, problems: Diagnostic[]): PathSegment[] {
  const segments: PathSegment[] = [];
  let text = "";
  for (const part of pattern.split(/(\{[^{}]*\})/)) {
    const match = /^\{([A-Za-z_][A-Za-z0-9_]*)(\+)?\}$/.exec(part);
    if (match === null) {
      if (part.includes("{") || part.includes("}")) problems.push({ ...op.source, shape: op.id, message: `malformed label ${part} in the URI ${pattern}` });
      text += part;
      continue;
    }
    const member = members.find((m) => m.name === match[1]);
    if (member === undefined || !member.traits.has("smithy.api#httpLabel")) {
      problems.push({ ...op.source, shape: op.id, message: `the URI label {${match[1]}} needs an input member ${match[1]} with @httpLabel` });
      continue;
    }
    if (text !== "") segments.push({ kind: "literal", text });
    text = "";
    segments.push({ kind: "label", member, greedy: match[2] === "+" });
  }
  if (text !== "") segments.push({ kind: "literal", text });
  return segments;
}

function parseQueryLiterals(pattern: string): Array<[string, string | null]> {
  return pattern.split("&").filter((p) => p !== "").map((pair) => {
    const [key, value] = splitOnce(pair, "=");
    return [decodeURIComponent(key), value === undefined ? null : decodeURIComponent(value)];
  });
}

export function parseHostPrefix(op: Shape, members: readonly Member[], problems: Diagnostic[]): RequestBindings["hostPrefix"] {
  const endpoint = op.traits.get("smithy.api#endpoint") as { hostPrefix?: unknown } | undefined;
  if (typeof endpoint?.hostPrefix !== "string") return undefined;
  const parts: Array<{ text: string } | { member: Member }> = [];
  for (const part of endpoint.hostPrefix.split(/(\{[^{}]*\})/)) {
    if (part === "") continue;
    const name = /^\{(.+)\}$/.exec(part)?.[1];
    if (name === undefined) {
      parts.push({ text: part });
      continue;
    }
    const member = members.find((m) => m.name === name && m.traits.has("smithy.api#hostLabel"));
    if (member === undefined) problems.push({ ...op.source, shape: op.id, message: `the host prefix label {${name}} needs an input member ${name} with @hostLabel` });
    else parts.push({ member });
  }
  return parts;
}

function checkHttpValue(index: ShapeIndex, m: Member, trait: string, problems: Diagnostic[]): void {
  const target = index.target(m);
  const value = target.type === "list" ? index.target(target.members[0]!) : target;
  if (!isScalar(value)) problems.push(at(m, `${trait} must target a string, number, boolean or timestamp, or a list of them (got ${target.type})`));
}

function checkPrefixHeaders(index: ShapeIndex, m: Member, problems: Diagnostic[]): void {
  const target = index.target(m);
  if (target.type !== "map" || !isStringLike(index.target(target.members[1]!))) {
    problems.push(at(m, "@httpPrefixHeaders must target a map of strings"));
  }
}

function checkPayload(index: ShapeIndex, m: Member, problems: Diagnostic[]): void {
  const type = index.target(m).type;
  if (!PAYLOAD_TYPES.has(type)) {
    problems.push(at(m, `restJson1 only allows @httpPayload on a structure, union, document, string or blob member (got ${type})`));
  }
}

const SCALARS = new Set(["string", "enum", "boolean", "byte", "short", "integer", "intEnum", "long", "float", "double", "bigInteger", "bigDecimal", "timestamp"]);
const isStringLike = (s: Shape) => s.type === "string" || s.type === "enum";
const isScalar = (s: Shape) => SCALARS.has(s.type);

function at(m: Member, message: string): Diagnostic {
  return { ...m.source, shape: m.id, message };
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const i = text.indexOf(separator);
  return i < 0 ? [text, undefined] : [text.slice(0, i), text.slice(i + 1)];
}
