// A copy of smithy-ts-codegen's runtime/client/node-http-handler.ts, written by the generator: do not edit.
// A `node:http(s)` transport with keep-alive agents, for Node users who ask for it
// (`requestHandler: new NodeHttpHandler({ ... })`): reused connections, a connection timeout and
// a request timeout, as SDK v3's @smithy/node-http-handler offers. Node's modules are taken with
// `process.getBuiltinModule` on the first request, never imported, so the module costs nothing
// until used and a browser bundle that leaves it out never sees `node:http`.

import type { HttpRequest, HttpResponse } from "@smithy/types";
import { pathAndQuery, type HandlerOptions, type RequestHandler } from "./fetch-handler.js";
import { abortError, platform, timeoutError } from "./platform.js";

/** The parts of node:http's Agent, ClientRequest, IncomingMessage and Socket used here. */
interface Agent {
  destroy(): void;
}
interface Socket {
  readonly connecting: boolean;
  once(event: "connect" | "secureConnect", listener: () => void): void;
}
interface IncomingMessage extends AsyncIterable<Uint8Array> {
  readonly statusCode?: number;
  readonly statusMessage?: string;
  readonly headers: Record<string, string | string[] | undefined>;
  destroy(error?: Error): void;
  once(event: "close", listener: () => void): void;
}
interface ClientRequest {
  on(event: "socket", listener: (socket: Socket) => void): void;
  on(event: "response", listener: (response: IncomingMessage) => void): void;
  on(event: "error", listener: (error: Error) => void): void;
  write(chunk: Uint8Array | string): boolean;
  once(event: "drain", listener: () => void): void;
  end(chunk?: Uint8Array | string): void;
  destroy(error?: Error): void;
}
interface HttpModule {
  Agent: new (options: { keepAlive: boolean; maxSockets?: number }) => Agent;
  request(options: object): ClientRequest;
}

export interface NodeHttpHandlerOptions {
  /** Milliseconds until the response's headers arrive; 0 or undefined waits forever. */
  requestTimeout?: number;
  /** Milliseconds until a new connection is established, TLS included (a reused one has none); 0 or undefined waits forever. */
  connectionTimeout?: number;
  /** Sockets per origin of the agents made here (SDK v3's default: 50). */
  maxSockets?: number;
  /** Agents to use instead of the handler's own keep-alive ones (a proxy's, say). */
  httpAgent?: Agent;
  httpsAgent?: Agent;
}

export class NodeHttpHandler implements RequestHandler {
  readonly #options: NodeHttpHandlerOptions;
  #agents: { "http:": Agent; "https:": Agent } | undefined;

  constructor(options: NodeHttpHandlerOptions = {}) {
    this.#options = options;
  }

  handle(request: HttpRequest, options: HandlerOptions = {}): Promise<{ response: HttpResponse }> {
    const outer = options.abortSignal;
    if (outer?.aborted) return Promise.reject(abortError(outer));
    const secure = request.protocol === "https:";
    const module = builtin(secure ? "node:https" : "node:http");
    const agents = (this.#agents ??= {
      "http:": this.#options.httpAgent ?? new (builtin("node:http").Agent)(this.#agentOptions()),
      "https:": this.#options.httpsAgent ?? new (builtin("node:https").Agent)(this.#agentOptions()),
    });
    const requestTimeout = options.requestTimeout ?? this.#options.requestTimeout;
    const connectionTimeout = this.#options.connectionTimeout;
    return new Promise((resolve, reject) => {
      const req = module.request({
        method: request.method,
        hostname: request.hostname.replace(/^\[(.*)\]$/, "$1"),
        port: request.port,
        path: pathAndQuery(request),
        headers: request.headers,
        agent: agents[secure ? "https:" : "http:"],
      });
      const timers: unknown[] = [];
      let response: IncomingMessage | undefined;
      const settle = () => {
        for (const t of timers) platform.clearTimeout(t);
        timers.length = 0;
      };
      // Ends the attempt: before the headers the promise rejects, after them the body fails to read.
      const fail = (error: Error) => {
        settle();
        if (response === undefined) reject(error);
        (response ?? req).destroy(error);
      };
      const onAbort = () => fail(abortError(outer!));
      outer?.addEventListener("abort", onAbort, { once: true });
      const after = (ms: number | undefined, error: () => Error) => {
        if (ms) timers.push(platform.setTimeout(() => fail(error()), ms));
      };
      after(requestTimeout, () => timeoutError(`Request did not complete within ${requestTimeout} ms`));
      req.on("socket", (socket) => {
        if (!socket.connecting || !connectionTimeout) return;
        const timer = platform.setTimeout(() => fail(timeoutError(`Socket timed out without establishing a connection within ${connectionTimeout} ms`)), connectionTimeout);
        timers.push(timer);
        socket.once(secure ? "secureConnect" : "connect", () => platform.clearTimeout(timer));
      });
      req.on("error", (error) => {
        settle();
        outer?.removeEventListener("abort", onAbort);
        reject(error);
      });
      req.on("response", (res) => {
        settle();
        response = res;
        res.once("close", () => outer?.removeEventListener("abort", onAbort));
        const headers: Record<string, string> = {};
        for (const name in res.headers) {
          const value = res.headers[name];
          if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
        }
        const reason = res.statusMessage === undefined ? {} : { reason: res.statusMessage };
        resolve({ response: { statusCode: res.statusCode ?? 0, ...reason, headers, body: res } });
      });
      writeBody(req, request.body).catch((error: Error) => fail(error));
    });
  }

  /** Closes the kept-alive connections (SDK v3's `destroy`). */
  destroy(): void {
    this.#agents?.["http:"].destroy();
    this.#agents?.["https:"].destroy();
    this.#agents = undefined;
  }

  #agentOptions() {
    return { keepAlive: true, maxSockets: this.#options.maxSockets ?? 50 };
  }
}

function builtin(id: "node:http" | "node:https"): HttpModule {
  const module = platform.process?.getBuiltinModule?.(id) as HttpModule | undefined;
  if (module === undefined) throw new Error("NodeHttpHandler needs Node ≥ 20.16 (process.getBuiltinModule); use the default fetch handler elsewhere");
  return module;
}

/** Sends the body: bytes or text at once, an async iterable (a stream) chunk by chunk. */
async function writeBody(req: ClientRequest, body: unknown): Promise<void> {
  if (body == null || typeof body === "string" || body instanceof Uint8Array) return req.end(body ?? undefined);
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
    if (!req.write(chunk)) await new Promise<void>((resolve) => req.once("drain", resolve));
  }
  req.end();
}
