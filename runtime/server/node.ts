// node:http: `http.createServer(createNodeListener(handler))` serves a generated handler. The
// request and response are declared by what is used of them: the package needs no Node types.

import type { HeaderBag, HttpRequest, HttpResponse, QueryParameterBag } from "@smithy/types";
import { utf8 } from "../text.js";
import { malformed, percentDecode, RequestError } from "./request-error.js";
import { concatBytes } from "../bytes.js";
import { internalFailureResponse, requestErrorResponse, type ErrorDocuments } from "./response.js";

/** What the listener reads of a node:http IncomingMessage. */
export interface NodeRequestLike {
  readonly method?: string | undefined;
  readonly url?: string | undefined;
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  on(event: "data" | "end" | "error" | "close", listener: (...args: any[]) => void): unknown;
}

/** What the listener uses of a node:http ServerResponse. */
export interface NodeResponseLike {
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  end(body?: string | Uint8Array): unknown;
}

export type NodeListener = (req: NodeRequestLike, res: NodeResponseLike) => void;

/**
 * A node:http request listener that serves `handler`: `http.createServer(createNodeListener(handler))`.
 * A body over `maxBodyBytes` (default 1 MiB) is read to its end without being kept and answered
 * 413. A handler that takes a context needs `context`, which makes it from each request.
 */
export interface CreateNodeListener {
  (
    handler: (request: HttpRequest, context: void) => Promise<HttpResponse>,
    options?: { readonly maxBodyBytes?: number | undefined },
  ): NodeListener;
  <Context>(
    handler: (request: HttpRequest, context: Context) => Promise<HttpResponse>,
    options: { readonly maxBodyBytes?: number | undefined; readonly context: (req: NodeRequestLike) => Context },
  ): NodeListener;
}

/** The `createNodeListener` of a protocol that writes its own error documents as `documents` says. */
export function nodeListenerFactory(documents: ErrorDocuments): CreateNodeListener {
  return <Context>(
    handler: (request: HttpRequest, context: Context | undefined) => Promise<HttpResponse>,
    options: { readonly maxBodyBytes?: number | undefined; readonly context?: (req: NodeRequestLike) => Context } = {},
  ): NodeListener => {
    const limit = options.maxBodyBytes ?? 1048576;
    const contextOf = options.context;
    return (req, res) => {
      void serveNode(req, res, limit, documents, async (request) => handler(request, contextOf?.(req)));
    };
  };
}

async function serveNode(
  req: NodeRequestLike,
  res: NodeResponseLike,
  limit: number,
  documents: ErrorDocuments,
  handle: (request: HttpRequest) => Promise<HttpResponse>,
): Promise<void> {
  let response: HttpResponse;
  try {
    const url = req.url ?? "/";
    const mark = url.indexOf("?");
    const host = req.headers["host"];
    const request: HttpRequest = {
      method: req.method ?? "GET",
      protocol: "http:",
      hostname: typeof host === "string" ? host.replace(/:\d+$/, "") : "",
      path: mark < 0 ? url : url.slice(0, mark),
      query: parseQueryString(mark < 0 ? "" : url.slice(mark + 1)),
      headers: nodeHeaders(req.headers),
      body: await nodeBody(req, limit),
    };
    response = await handle(request);
  } catch (e) {
    response = e instanceof RequestError ? requestErrorResponse(e, documents) : internalFailureResponse(documents);
  }
  try {
    send(res, response);
  } catch {
    // node:http refused a header value (a character it cannot send), or the connection is gone.
    try {
      send(res, internalFailureResponse(documents));
    } catch {
      // There is no one left to answer.
    }
  }
}

function send(res: NodeResponseLike, response: HttpResponse): void {
  res.statusCode = response.statusCode;
  for (const name of Object.keys(response.headers)) res.setHeader(name, response.headers[name]!);
  res.end(response.body);
}

/**
 * The body, up to `limit` bytes; past it the rest is read and dropped, then 413 is the answer.
 * Stream events, not `for await`: a promise per chunk costs more than the rest of a small request.
 */
function nodeBody(req: NodeRequestLike, limit: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let length = 0;
    req.on("data", (chunk: Uint8Array | string) => {
      const bytes = typeof chunk === "string" ? utf8(chunk) : chunk;
      length += bytes.length;
      if (length <= limit) chunks.push(bytes);
    });
    req.on("end", () => {
      if (length > limit) reject(new RequestError(413, "RequestEntityTooLargeException", `the request body is over ${limit} bytes`));
      else resolve(concatBytes(chunks));
    });
    req.on("error", reject);
    // A client that goes away mid-body: no "end" comes, and the request must not wait forever.
    req.on("close", () => reject(new RequestError(400, "SerializationException", "the request ended before its body")));
  });
}

/** Node's headers (lower case already; repeated ones as arrays) as one string per name. */
function nodeHeaders(headers: Readonly<Record<string, string | readonly string[] | undefined>>): HeaderBag {
  const h: HeaderBag = Object.create(null);
  for (const name of Object.keys(headers)) {
    const v = headers[name];
    if (v !== undefined) h[name] = typeof v === "string" ? v : v.join(", ");
  }
  return h;
}

/** A query string as decoded values by key (form encoding: `+` is a space; a key without `=` is null). */
export function parseQueryString(text: string): QueryParameterBag {
  const query: QueryParameterBag = Object.create(null);
  for (const pair of text.split("&")) {
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    const key = formDecode(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? null : formDecode(pair.slice(eq + 1));
    const before = query[key];
    if (before === undefined) query[key] = value;
    else query[key] = [...(Array.isArray(before) ? before : [before ?? ""]), value ?? ""];
  }
  return query;
}

function formDecode(s: string): string {
  const value = percentDecode(s.replace(/\+/g, " "));
  if (value === undefined) throw malformed("the query string is not valid percent-encoding");
  return value;
}
