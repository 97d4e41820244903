// The statements of an HTTP-bindings operation that do not depend on the body's media type: a
// request's path, query and headers around a body the codec makes, and what a response's headers
// and status code give the output or an error. restJson1 and restXml both write their
// serializers and readers with these.

import type { RuntimeImports } from "../../../codegen/runtime-imports.js";
import type { Member } from "../../../model/model.js";
import { literalKey, readProperty, writeProperty } from "../../codec/json/values.js";
import type { RequestBindings, ResponseBindings } from "./bindings.js";
import type { HttpCode } from "./http-code.js";

/** `source.key` and `target.key = value;` in generated code, safe for keys Object.prototype has. */
export class PropertyCode {
  constructor(private readonly runtime: RuntimeImports) {}

  read(source: string, key: string): string {
    return readProperty(source, key, () => this.runtime.use("own"));
  }

  write(target: string, key: string, value: string): string {
    return writeProperty(target, key, value, () => this.runtime.use("put"));
  }
}

/** A request body expression (undefined: none) and its default content type. */
export interface RequestBody {
  readonly body: string;
  readonly contentType: string | undefined;
}

/**
 * A serializer's statements and the arguments of its `request(…)` call: the path (labels checked
 * first), query, headers, the body the codec gives, its Content-MD5 when required, the host prefix.
 */
export function requestCode(b: RequestBindings, http: HttpCode, runtime: RuntimeImports, props: PropertyCode, requested: RequestBody) {
  const read = (m: Member) => props.read("input", m.name);
  const isToken = (m: Member) => m.traits.has("smithy.api#idempotencyToken");
  const statements: string[] = [];

  const path = b.path.length === 0
    ? `"/"`
    : b.path.map((s) => (s.kind === "literal" ? JSON.stringify(s.text) : http.label(s.member, read(s.member), s.greedy))).join(" + ");

  const literals = b.queryLiterals.map(([k, v]) => `${literalKey(k)}: ${JSON.stringify(v)}`);
  const hasQuery = b.query.length > 0 || b.queryParams !== undefined;
  for (const { member, name } of b.query) {
    const target = `query[${JSON.stringify(name)}]`;
    if (isToken(member)) statements.push(`${target} = ${read(member)} ?? ${runtime.use("uuid")}();`);
    else statements.push(`if (${read(member)} != null) ${target} = ${http.query(member, read(member))};`);
  }
  // After the named parameters: a named parameter wins over the same key in the map.
  if (b.queryParams !== undefined) {
    statements.push(`if (${read(b.queryParams)} != null) ${runtime.use("queryParams")}(query, ${read(b.queryParams)});`);
  }

  const checksum = b.checksumRequired && (b.payload !== undefined || b.body.length > 0);
  const hasHeaders = b.headers.length > 0 || b.prefixHeaders !== undefined || checksum;
  // Before the named headers: a named header wins over the same name from the prefix map.
  if (b.prefixHeaders !== undefined) {
    const { member, prefix } = b.prefixHeaders;
    statements.push(`if (${read(member)} != null) ${runtime.use("prefixHeaders")}(headers, ${JSON.stringify(prefix)}, ${read(member)});`);
  }
  for (const { member, name } of b.headers) {
    const target = `headers[${JSON.stringify(name)}]`;
    if (isToken(member)) statements.push(`${target} = ${http.header(member, name, `(${read(member)} ?? ${runtime.use("uuid")}())`)};`);
    else statements.push(`if (${read(member)} != null) ${target} = ${http.header(member, name, read(member))};`);
  }

  const { contentType } = requested;
  let body = requested.body;
  if (checksum && body !== "undefined") {
    // @httpChecksumRequired: the body is made first, its MD5 goes in a header.
    statements.push(`const body = ${body};`, `if (body !== undefined) headers["content-md5"] = ${runtime.use("contentMd5")}(body);`);
    body = "body";
  }
  const host = b.hostPrefix?.map((p) => ("text" in p ? JSON.stringify(p.text) : `${runtime.use("hostLabel")}(${read(p.member)}, ${JSON.stringify(p.member.name)})`)).join(" + ");
  const args = [
    "endpoint",
    JSON.stringify(b.method),
    statements.length > 0 ? "path" : path,
    hasQuery ? "query" : `{ ${literals.join(", ")} }`,
    hasHeaders ? "headers" : "{}",
    body,
  ];
  if (contentType !== undefined || host !== undefined) args.push(contentType === undefined ? "undefined" : JSON.stringify(contentType));
  if (host !== undefined) args.push(host);
  // The path comes first so a missing label fails before any other work.
  const setup = [
    ...(statements.length > 0 ? [`const path = ${path};`] : []),
    ...(hasQuery ? [`const query: ${runtime.smithyType("QueryParameterBag")} = { ${literals.join(", ")} };`] : []),
    ...(hasHeaders ? [`const headers: ${runtime.smithyType("HeaderBag")} = {};`] : []),
  ];
  return { serializeStatements: [...setup, ...statements], requestArgs: args.join(", ") };
}

/** A reader's statements for the output members bound to headers (`h`), prefix headers and the status code (`r`). */
export function responseBindingStatements(b: ResponseBindings, http: HttpCode, runtime: RuntimeImports, props: PropertyCode): string[] {
  const statements: string[] = [];
  for (const { member, name } of b.headers) {
    statements.push(`{ const s = h[${JSON.stringify(name)}]; if (s !== undefined) ${props.write("o", member.name, http.fromHeader(member, "s"))} }`);
  }
  if (b.prefixHeaders !== undefined) {
    statements.push(props.write("o", b.prefixHeaders.member.name, `${runtime.use("readPrefixHeaders")}(h, ${JSON.stringify(b.prefixHeaders.prefix)})`));
  }
  if (b.statusCode !== undefined) statements.push(props.write("o", b.statusCode.name, "r.statusCode"));
  return statements;
}

/**
 * The value of an error member bound to a header (from `h`), prefix headers, or the status code
 * (from `r`), and which of the two it reads; undefined for a member of the body.
 */
export function errorBindingValue(m: Member, b: ResponseBindings, http: HttpCode, runtime: RuntimeImports): { value: string; reads: "h" | "r" } | undefined {
  const headerBinding = b.headers.find((x) => x.member === m);
  if (headerBinding !== undefined) {
    const name = JSON.stringify(headerBinding.name);
    return { value: `h[${name}] === undefined ? undefined : ${http.fromHeader(m, `h[${name}]!`)}`, reads: "h" };
  }
  if (b.prefixHeaders?.member === m) return { value: `${runtime.use("readPrefixHeaders")}(h, ${JSON.stringify(b.prefixHeaders.prefix)})`, reads: "h" };
  if (b.statusCode === m) return { value: "r.statusCode", reads: "r" };
  return undefined;
}
