// The HTTP request a serializer returns.

import type { Endpoint, HeaderBag, HttpRequest, QueryParameterBag } from "@smithy/types";
import { byteLength } from "../text.js";
import { resolveEndpoint, type URL } from "./endpoint.js";

/**
 * The request; `content-type` (unless a header member set it) and `content-length` go with a body.
 * `hostPrefix` is an operation's resolved `@endpoint` host prefix. Its properties are written out,
 * not spread from the endpoint: V8 builds a spread object whose keys are then overwritten on a slow
 * path, which tripled the cost of a request.
 */
export function request(
  endpoint: string | URL | Endpoint,
  method: string,
  path: string,
  query: QueryParameterBag,
  headers: HeaderBag,
  body: unknown,
  contentType?: string,
  hostPrefix = "",
): HttpRequest {
  const t = resolveEndpoint(endpoint);
  // An empty Content-Type from a header member is none (as SDK v3 reads it): the default applies.
  if (contentType !== undefined && body !== undefined) headers["content-type"] ||= contentType;
  if (typeof body === "string" || body instanceof Uint8Array) headers["content-length"] = String(byteLength(body));
  const r: HttpRequest = {
    method,
    protocol: t.protocol,
    hostname: hostPrefix + t.hostname,
    path: t.path + path,
    query: t.query === undefined ? query : { ...t.query, ...query },
    headers,
    body,
  };
  if (t.port !== undefined) r.port = t.port;
  return r;
}
