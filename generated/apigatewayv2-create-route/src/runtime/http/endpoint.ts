// A copy of smithy-ts-codegen's runtime/http/endpoint.ts, written by the generator: do not edit.
// Where requests go: an endpoint given as a URL string, a URL or @smithy/types' Endpoint.

import type { Endpoint, QueryParameterBag } from "@smithy/types";

/** What `new URL()` gives; declared here because the package compiles without the DOM library. */
export interface URL {
  readonly protocol: string;
  readonly hostname: string;
  readonly port: string;
  readonly pathname: string;
  readonly searchParams: Iterable<[string, string]>;
}
declare const URL: new (url: string) => URL;

/** An endpoint as a request needs it: its parts, `path` without a trailing slash. */
export interface ResolvedEndpoint {
  readonly protocol: string;
  readonly hostname: string;
  readonly port: number | undefined;
  readonly path: string;
  readonly query: QueryParameterBag | undefined;
}

let lastEndpoint: string | undefined;
let lastResolved: ResolvedEndpoint;

/** Resolves an endpoint; a string is parsed once and remembered, as a client reuses one. */
export function resolveEndpoint(endpoint: string | URL | Endpoint): ResolvedEndpoint {
  if (typeof endpoint === "string") {
    if (endpoint !== lastEndpoint) {
      lastResolved = resolveEndpoint(new URL(endpoint));
      lastEndpoint = endpoint;
    }
    return lastResolved;
  }
  const url = "pathname" in endpoint;
  const query = url ? Object.fromEntries(endpoint.searchParams) : endpoint.query ?? {};
  return {
    protocol: endpoint.protocol,
    hostname: endpoint.hostname,
    port: endpoint.port ? Number(endpoint.port) : undefined,
    path: (url ? endpoint.pathname : endpoint.path).replace(/\/$/, ""),
    query: Object.keys(query).length > 0 ? query : undefined,
  };
}
