// The default transport: an @smithy/types HttpRequest sent with `fetch` (global by default), the
// response an HttpResponse whose body is the stream as it arrives. The interface is SDK v3's
// `requestHandler` (`handle(request, { abortSignal, requestTimeout })`), so its handlers plug in.

import type { HttpRequest, HttpResponse, QueryParameterBag } from "@smithy/types";
import { abortError, platform, timeoutError, type AbortSignalLike, type FetchFunction } from "./platform.js";

export interface HandlerOptions {
  abortSignal?: AbortSignalLike | undefined;
  /** Milliseconds until the response's headers have arrived; 0 or undefined waits forever. */
  requestTimeout?: number | undefined;
}

export interface RequestHandler {
  handle(request: HttpRequest, options?: HandlerOptions): Promise<{ response: HttpResponse }>;
}

export interface FetchHandlerOptions {
  /** The `fetch` to call; the global one by default. */
  fetch?: FetchFunction;
  requestTimeout?: number;
}

export class FetchHttpHandler implements RequestHandler {
  private readonly fetch: FetchFunction | undefined;
  readonly requestTimeout: number | undefined;

  constructor(options: FetchHandlerOptions = {}) {
    this.fetch = options.fetch;
    this.requestTimeout = options.requestTimeout;
  }

  async handle(request: HttpRequest, options: HandlerOptions = {}): Promise<{ response: HttpResponse }> {
    const send = this.fetch ?? platform.fetch;
    if (send === undefined) throw new Error("No global fetch: pass `requestHandler` or `fetch` in the client config");
    const outer = options.abortSignal;
    if (outer?.aborted) throw abortError(outer);
    const timeout = options.requestTimeout ?? this.requestTimeout;
    // One controller per attempt for the timeout. The caller's signal must also reach the body
    // as it streams: combined with AbortSignal.any where there is one, else forwarded until the
    // response's headers arrive.
    const controller = new platform.AbortController();
    let timedOut = false;
    const combine = platform.AbortSignal?.any !== undefined;
    const signal = outer !== undefined && combine ? platform.AbortSignal!.any!([outer, controller.signal]) : controller.signal;
    const onAbort = () => controller.abort(outer?.reason);
    const forward = outer !== undefined && !combine;
    if (forward) outer.addEventListener("abort", onAbort, { once: true });
    const timer = timeout
      ? platform.setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, timeout)
      : undefined;
    const headers: Record<string, string> = {};
    // fetch sets host and content-length itself (and may refuse them): the same values.
    for (const name in request.headers) {
      const lower = name.toLowerCase();
      if (lower !== "host" && lower !== "content-length") headers[name] = request.headers[name]!;
    }
    const body = request.body;
    const streamed = body != null && typeof body !== "string" && !(body instanceof Uint8Array);
    try {
      const response = await send(url(request), {
        method: request.method,
        headers,
        body: streamed ? toReadableStream(body) : body,
        signal,
        ...(streamed ? { duplex: "half" as const } : {}),
      });
      const responseHeaders: Record<string, string> = {};
      for (const [name, value] of response.headers) responseHeaders[name] = value;
      return {
        response: {
          statusCode: response.status,
          reason: response.statusText,
          headers: responseHeaders,
          // A HEAD or 204 response has no body: an empty one reads as empty text.
          body: response.body ?? new Uint8Array(0),
        },
      };
    } catch (e) {
      if (timedOut) {
        throw timeoutError(`Request did not complete within ${timeout} ms`);
      }
      if (outer?.aborted) throw abortError(outer);
      throw e;
    } finally {
      if (timer !== undefined) platform.clearTimeout(timer);
      if (forward) outer.removeEventListener("abort", onAbort);
    }
  }
}

/** The request's URL: its path is already escaped by the serializer; the query is escaped here as SigV4 signs it. */
export function url(request: HttpRequest): string {
  const port = request.port ? `:${request.port}` : "";
  return `${request.protocol}//${request.hostname}${port}${pathAndQuery(request)}`;
}

/** The request's path with its query string, as sent on the request line. */
export function pathAndQuery(request: HttpRequest): string {
  const query = queryString(request.query);
  return `${request.path}${query ? `?${query}` : ""}`;
}

function queryString(query: QueryParameterBag | undefined): string {
  const parts: string[] = [];
  for (const key in query) {
    const value = query[key];
    const name = escape(key);
    if (Array.isArray(value)) for (const v of value) parts.push(`${name}=${escape(v)}`);
    else parts.push(value == null ? name : `${name}=${escape(value)}`);
  }
  return parts.join("&");
}

/** RFC 3986 escaping, as SigV4's canonical query string uses. */
const escape = (s: string): string =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** An async iterable body (an event stream, a Node stream) as the ReadableStream fetch takes. */
function toReadableStream(body: unknown): unknown {
  if (typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] !== "function") return body;
  const iterator = (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
  const Stream = platform.ReadableStream;
  if (Stream === undefined) throw new Error("A streamed request body needs ReadableStream");
  return new Stream({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
  });
}
