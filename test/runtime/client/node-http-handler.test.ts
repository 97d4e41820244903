// The node:http(s) transport against a real server on 127.0.0.1: what goes out and comes back,
// keep-alive socket reuse, streamed bodies both ways, request and connection timeouts, abort.

import { createServer, Agent, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Duplex } from "node:stream";
import type { HttpRequest } from "@smithy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NodeHttpHandler } from "../../../runtime/client/node-http-handler.js";

let server: Server;
let port: number;
const remotePorts: number[] = [];

beforeAll(async () => {
  server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    remotePorts.push(req.socket.remotePort!);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.url?.startsWith("/slow")) await new Promise((r) => setTimeout(r, 2_000));
    if (res.destroyed) return;
    res.writeHead(201, { "x-echo-method": req.method!, "x-echo-url": req.url!, "x-echo-header": String(req.headers["x-custom"]), "set-cookie": ["a=1", "b=2"] });
    if (req.url?.startsWith("/stream")) {
      res.write("first ");
      await new Promise((r) => setTimeout(r, 20));
    }
    res.end(Buffer.concat(chunks));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const request = (path: string, body?: unknown, query: Record<string, string | string[]> = {}): HttpRequest =>
  ({ protocol: "http:", hostname: "127.0.0.1", port, method: "POST", path, query, headers: { "x-custom": "v" }, body }) as HttpRequest;

async function text(body: unknown): Promise<string> {
  let out = "";
  for await (const chunk of body as AsyncIterable<Buffer>) out += chunk.toString();
  return out;
}

describe("NodeHttpHandler", () => {
  it("sends method, path, escaped query, headers and body; returns status, headers and the body as a stream", async () => {
    const handler = new NodeHttpHandler();
    const { response } = await handler.handle(request("/echo", "hello", { "a b": "c/d", list: ["1", "2"] }));
    expect(response.statusCode).toBe(201);
    expect(response.headers["x-echo-method"]).toBe("POST");
    expect(response.headers["x-echo-url"]).toBe("/echo?a%20b=c%2Fd&list=1&list=2");
    expect(response.headers["x-echo-header"]).toBe("v");
    expect(response.headers["set-cookie"]).toBe("a=1, b=2");
    expect(await text(response.body)).toBe("hello");
    handler.destroy();
  });

  it("keeps the connection alive: sequential requests share one socket", async () => {
    const handler = new NodeHttpHandler();
    remotePorts.length = 0;
    for (let i = 0; i < 3; i++) await text((await handler.handle(request("/echo", `n${i}`))).response.body);
    expect(remotePorts).toHaveLength(3);
    expect(new Set(remotePorts).size).toBe(1);
    handler.destroy();
  });

  it("streams a request body from an async iterable and a response body as it arrives", async () => {
    const handler = new NodeHttpHandler();
    async function* chunks() {
      yield new TextEncoder().encode("one,");
      yield "two";
    }
    const { response } = await handler.handle(request("/stream", chunks()));
    expect(await text(response.body)).toBe("first one,two");
    handler.destroy();
  });

  it("fails with TimeoutError when the headers do not arrive within requestTimeout (the call's value wins)", async () => {
    const handler = new NodeHttpHandler({ requestTimeout: 60_000 });
    const error = await handler.handle(request("/slow", "x"), { requestTimeout: 100 }).catch((e: Error) => e);
    expect(error).toMatchObject({ name: "TimeoutError", message: "Request did not complete within 100 ms" });
    handler.destroy();
  });

  it("fails with TimeoutError when the socket does not connect within connectionTimeout", async () => {
    // A socket that never connects: an agent handing out a stream that stays `connecting`.
    class NeverConnects extends Agent {
      override createConnection(): Duplex {
        return Object.assign(new Duplex({ read() {}, write(_chunk, _encoding, done) { done(); } }), { connecting: true });
      }
    }
    const handler = new NodeHttpHandler({ connectionTimeout: 50, httpAgent: new NeverConnects() });
    const error = await handler.handle(request("/echo", "x")).catch((e: Error) => e);
    expect(error).toMatchObject({ name: "TimeoutError", message: "Socket did not connect within 50 ms" });
  });

  it("rejects with AbortError at once for an aborted signal, and when the signal aborts in flight", async () => {
    const handler = new NodeHttpHandler();
    const aborted = new AbortController();
    aborted.abort();
    expect(await handler.handle(request("/echo"), { abortSignal: aborted.signal }).catch((e: Error) => e.name)).toBe("AbortError");
    const controller = new AbortController();
    const pending = handler.handle(request("/slow", "x"), { abortSignal: controller.signal }).catch((e: Error) => e.name);
    setTimeout(() => controller.abort(), 50);
    expect(await pending).toBe("AbortError");
    handler.destroy();
  });

  it("passes a connection failure through with its code (retried by the client as a network error)", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await new NodeHttpHandler().handle({ ...request("/"), port: deadPort } as HttpRequest).catch((e: { code?: string }) => e);
    expect(error).toMatchObject({ code: "ECONNREFUSED" });
  });
});
