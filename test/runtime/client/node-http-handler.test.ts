// The node:http(s) transport against a node:http server on 127.0.0.1: the request as sent
// (method, path and query, headers, bytes and streamed bodies), the response as read, connections
// kept alive and reused, the request timeout, the connection timeout (a DNS lookup that never
// answers keeps the socket connecting), and abort before and after the headers.

import { Agent, createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { HttpRequest } from "@smithy/types";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { NodeHttpHandler } from "../../../runtime/client/node-http-handler.js";

let server: Server;
let port: number;
let connections = 0;
/** What the server does with the next request; it echoes the request by default. */
let behave: ((req: IncomingMessage, body: string, res: import("node:http").ServerResponse) => void) | undefined;

beforeAll(async () => {
  server = createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    if (behave) return behave(req, body, res);
    res.setHeader("set-cookie", ["a=1", "b=2"]);
    res.writeHead(201, "Made", { "content-type": "application/json" });
    res.end(JSON.stringify({ method: req.method, url: req.url, host: req.headers.host, custom: req.headers["x-custom"], body }));
  });
  server.on("connection", () => connections++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

afterEach(() => {
  behave = undefined;
});

const request = (extra: Partial<HttpRequest> = {}): HttpRequest => ({
  method: "POST",
  protocol: "http:",
  hostname: "127.0.0.1",
  port,
  path: "/things/a%20b",
  query: { q: "x y", list: ["1", "2"] },
  headers: { host: `127.0.0.1:${port}`, "x-custom": "yes" },
  body: "hello",
  ...extra,
});

async function text(body: unknown): Promise<string> {
  let out = "";
  for await (const chunk of body as AsyncIterable<Uint8Array>) out += new TextDecoder().decode(chunk);
  return out;
}

describe("NodeHttpHandler", () => {
  it("sends the method, escaped path and query, headers and body; reads status, reason, headers (joined) and the streamed body", async () => {
    const handler = new NodeHttpHandler();
    const { response } = await handler.handle(request());
    expect(response).toMatchObject({ statusCode: 201, reason: "Made", headers: { "content-type": "application/json", "set-cookie": "a=1, b=2" } });
    expect(JSON.parse(await text(response.body))).toEqual({ method: "POST", url: "/things/a%20b?q=x%20y&list=1&list=2", host: `127.0.0.1:${port}`, custom: "yes", body: "hello" });
    handler.destroy();
  });

  it("sends an async iterable body chunk by chunk, and bytes as they are", async () => {
    const handler = new NodeHttpHandler();
    const chunks = (async function* () {
      yield new TextEncoder().encode("one,");
      yield new TextEncoder().encode("two");
    })();
    const streamed = await handler.handle(request({ body: chunks }));
    expect(JSON.parse(await text(streamed.response.body)).body).toBe("one,two");
    const bytes = await handler.handle(request({ body: new Uint8Array([104, 105]) }));
    expect(JSON.parse(await text(bytes.response.body)).body).toBe("hi");
    handler.destroy();
  });

  it("keeps the connection alive: sequential requests share one socket", async () => {
    const handler = new NodeHttpHandler();
    const before = connections;
    for (let i = 0; i < 3; i++) await text((await handler.handle(request())).response.body);
    expect(connections - before).toBe(1);
    handler.destroy();
  });

  it("a response whose headers are late fails with TimeoutError after requestTimeout (per call or per handler)", async () => {
    behave = (_req, _body, res) => setTimeout(() => res.end("late"), 500);
    const handler = new NodeHttpHandler({ requestTimeout: 50 });
    await expect(handler.handle(request())).rejects.toMatchObject({ name: "TimeoutError", message: "Request did not complete within 50 ms" });
    behave = (_req, _body, res) => setTimeout(() => res.end("late"), 500);
    await expect(new NodeHttpHandler().handle(request(), { requestTimeout: 30 })).rejects.toMatchObject({ name: "TimeoutError" });
    handler.destroy();
  });

  it("a connection not established within connectionTimeout fails with TimeoutError", async () => {
    // The agent's connections resolve names with a lookup that never answers: the socket stays connecting.
    const stuck = new Agent({ lookup: () => undefined } as object);
    const handler = new NodeHttpHandler({ connectionTimeout: 50, httpAgent: stuck });
    const started = Date.now();
    await expect(handler.handle(request({ hostname: "unresolved.example" }))).rejects.toMatchObject({
      name: "TimeoutError",
      message: "Socket timed out without establishing a connection within 50 ms",
    });
    expect(Date.now() - started).toBeLessThan(2000);
    stuck.destroy();
  });

  it("aborts: an aborted signal before sending, and an abort while waiting, reject with AbortError", async () => {
    const handler = new NodeHttpHandler();
    await expect(handler.handle(request(), { abortSignal: AbortSignal.abort() })).rejects.toMatchObject({ name: "AbortError" });
    behave = (_req, _body, res) => setTimeout(() => res.end("late"), 500);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    await expect(handler.handle(request(), { abortSignal: controller.signal })).rejects.toMatchObject({ name: "AbortError" });
    handler.destroy();
  });

  it("passes a connection failure through with its code (retried by the client as a network error)", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(new NodeHttpHandler().handle(request({ port: deadPort }))).rejects.toMatchObject({ code: "ECONNREFUSED" });
  });

  it("an abort after the headers fails the body as it is read", async () => {
    behave = (_req, _body, res) => {
      res.writeHead(200);
      res.write("part");
      setTimeout(() => res.end("rest"), 500);
    };
    const handler = new NodeHttpHandler();
    const controller = new AbortController();
    const { response } = await handler.handle(request(), { abortSignal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    await expect(text(response.body)).rejects.toMatchObject({ name: "AbortError" });
    handler.destroy();
  });
});
