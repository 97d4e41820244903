// A transport over node:http / node:https with keep-alive agents, for Node programs that send
// many requests (SDK v3's default in Node). It is not in the client's import graph: the client
// sends with `fetch` unless given `requestHandler: new NodeHttpHandler(…)`, so browsers and
// bundles that do not ask for it never load node:http. Same interface as FetchHttpHandler.

import { Agent as HttpAgent, request as httpRequest, type IncomingMessage, type ClientRequest } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import type { HttpRequest, HttpResponse } from "@smithy/types";
import { url, type HandlerOptions, type RequestHandler } from "./fetch-handler.js";
import { abortError } from "./platform.js";

export interface NodeHttpHandlerOptions {
  /** Milliseconds until the socket is connected (TCP and TLS); 0 or undefined waits forever. */
  connectionTimeout?: number;
  /** Milliseconds until the response's headers have arrived; a call's own value wins. */
  requestTimeout?: number;
  /** Agents to use instead of the keep-alive ones made here (e.g. with a proxy or CA). */
  httpAgent?: HttpAgent;
  httpsAgent?: HttpsAgent;
  /** Sockets per host of the agents made here (SDK v3's default: 50). */
  maxSockets?: number;
}

export class NodeHttpHandler implements RequestHandler {
  readonly connectionTimeout: number | undefined;
  readonly requestTimeout: number | undefined;
  private readonly httpAgent: HttpAgent;
  private readonly httpsAgent: HttpsAgent;

  constructor(options: NodeHttpHandlerOptions = {}) {
    this.connectionTimeout = options.connectionTimeout;
    this.requestTimeout = options.requestTimeout;
    const agentOptions = { keepAlive: true, maxSockets: options.maxSockets ?? 50 };
    this.httpAgent = options.httpAgent ?? new HttpAgent(agentOptions);
    this.httpsAgent = options.httpsAgent ?? new HttpsAgent(agentOptions);
  }

  handle(request: HttpRequest, options: HandlerOptions = {}): Promise<{ response: HttpResponse }> {
    const signal = options.abortSignal;
    if (signal?.aborted) return Promise.reject(abortError(signal));
    const requestTimeout = options.requestTimeout ?? this.requestTimeout;
    const secure = request.protocol === "https:";
    return new Promise((resolve, reject) => {
      const timers: ReturnType<typeof setTimeout>[] = [];
      let settled = false;
      const finish = (error: unknown, response?: HttpResponse) => {
        if (settled) return;
        settled = true;
        for (const timer of timers) clearTimeout(timer);
        if (response !== undefined) resolve({ response });
        else {
          signal?.removeEventListener("abort", onAbort);
          reject(error);
        }
      };
      const fail = (req: ClientRequest, name: string, message: string) => {
        const error = Object.assign(new Error(message), { name });
        finish(error);
        req.destroy(error);
      };
      const send = secure ? httpsRequest : httpRequest;
      const req = send(url(request), { method: request.method, headers: request.headers, agent: secure ? this.httpsAgent : this.httpAgent });
      // Before the headers the call fails; after them the body streaming in is cut.
      const onAbort = () => {
        const error = abortError(signal!);
        finish(error);
        req.destroy(error);
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      if (requestTimeout) timers.push(setTimeout(() => fail(req, "TimeoutError", `Request did not complete within ${requestTimeout} ms`), requestTimeout));
      const connectionTimeout = this.connectionTimeout;
      if (connectionTimeout) {
        req.once("socket", (socket) => {
          // A reused keep-alive socket is already connected.
          if (!socket.connecting) return;
          const timer = setTimeout(() => fail(req, "TimeoutError", `Socket did not connect within ${connectionTimeout} ms`), connectionTimeout);
          timers.push(timer);
          socket.once(secure ? "secureConnect" : "connect", () => clearTimeout(timer));
        });
      }
      req.once("error", (e) => finish(e));
      req.once("response", (res: IncomingMessage) => {
        const headers: Record<string, string> = {};
        for (const name in res.headers) {
          const value = res.headers[name];
          if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
        }
        res.once("close", () => signal?.removeEventListener("abort", onAbort));
        finish(undefined, { statusCode: res.statusCode ?? 0, reason: res.statusMessage ?? "", headers, body: res });
      });
      writeBody(req, request.body).catch((e: unknown) => {
        finish(e);
        req.destroy(e as Error);
      });
    });
  }

  /** Closes the agents' idle sockets (the client's `destroy`). */
  destroy(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}

/** Writes a string, bytes or an async iterable of chunks (a stream) as the request body, then ends it. */
async function writeBody(req: ClientRequest, body: unknown): Promise<void> {
  if (body == null || typeof body === "string" || body instanceof Uint8Array) {
    req.end(body ?? undefined);
    return;
  }
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
    if (!req.write(chunk)) await new Promise((resolve) => req.once("drain", resolve));
  }
  req.end();
}
