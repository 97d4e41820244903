// runtime/client/compression.ts: @requestCompression's settings (config, environment, default,
// checked) and the request it compresses (size threshold, streams, Content-Encoding order).

import { gunzipSync } from "node:zlib";
import type { HttpRequest } from "@smithy/types";
import { afterEach, describe, expect, it, vi } from "vitest";
import { compressRequest, withCompressionConfig, type CompressionConfig } from "../../../runtime/client/compression.js";

const request = (body: unknown, headers: Record<string, string> = {}): HttpRequest =>
  ({ method: "POST", protocol: "https:", hostname: "example.com", path: "/", query: {}, headers, body }) as HttpRequest;

const text = (n: number) => "x".repeat(n);

async function collect(body: unknown): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of body as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe("withCompressionConfig", () => {
  it("defaults to enabled with a 10240-byte minimum", () => {
    vi.stubEnv("AWS_DISABLE_REQUEST_COMPRESSION", undefined);
    vi.stubEnv("AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES", undefined);
    const config: CompressionConfig & { region: string } = { region: "r" };
    expect(withCompressionConfig(config)).toEqual({ region: "r", disableRequestCompression: false, requestMinCompressionSizeBytes: 10240 });
  });

  it("reads the environment when the config leaves a setting out, and the config wins over it", () => {
    vi.stubEnv("AWS_DISABLE_REQUEST_COMPRESSION", "true");
    vi.stubEnv("AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES", "0");
    expect(withCompressionConfig({})).toMatchObject({ disableRequestCompression: true, requestMinCompressionSizeBytes: 0 });
    expect(withCompressionConfig({ disableRequestCompression: false, requestMinCompressionSizeBytes: 5 })).toMatchObject({
      disableRequestCompression: false,
      requestMinCompressionSizeBytes: 5,
    });
  });

  it("accepts both ends of the range", () => {
    expect(withCompressionConfig({ requestMinCompressionSizeBytes: 0 }).requestMinCompressionSizeBytes).toBe(0);
    expect(withCompressionConfig({ requestMinCompressionSizeBytes: 10485760 }).requestMinCompressionSizeBytes).toBe(10485760);
  });

  it("refuses a minimum outside 0..10485760 or not an integer, naming the setting", () => {
    for (const bad of [-1, 10485761, 1.5, Number.NaN]) {
      expect(() => withCompressionConfig({ requestMinCompressionSizeBytes: bad })).toThrow(
        /^The client config's requestMinCompressionSizeBytes must be an integer from 0 to 10485760/,
      );
    }
    expect(() => withCompressionConfig({ requestMinCompressionSizeBytes: "10" as unknown as number })).toThrow(RangeError);
  });

  it("refuses environment values that are not a boolean or an integer in range, naming the variable", () => {
    vi.stubEnv("AWS_DISABLE_REQUEST_COMPRESSION", "yes");
    expect(() => withCompressionConfig({})).toThrow('The environment variable AWS_DISABLE_REQUEST_COMPRESSION must be true or false (got "yes")');
    vi.stubEnv("AWS_DISABLE_REQUEST_COMPRESSION", "false");
    vi.stubEnv("AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES", "lots");
    expect(() => withCompressionConfig({})).toThrow('The environment variable AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES must be an integer from 0 to 10485760 (got "lots")');
  });

  it("refuses a config disableRequestCompression that is not a boolean", () => {
    expect(() => withCompressionConfig({ disableRequestCompression: "true" as unknown as boolean })).toThrow(
      "The client config's disableRequestCompression must be true or false (got \"true\")",
    );
  });
});

describe("compressRequest", () => {
  const config = { disableRequestCompression: false, requestMinCompressionSizeBytes: 100 };

  it("gzips a text body of at least the minimum size, with content-encoding and the compressed content-length", async () => {
    const r = request(text(100), { "content-length": "100", "content-type": "application/json" });
    await compressRequest(r, config, ["gzip"]);
    const body = r.body as Uint8Array;
    expect(gunzipSync(body).toString()).toBe(text(100));
    expect(r.headers).toEqual({ "content-length": String(body.length), "content-type": "application/json", "content-encoding": "gzip" });
  });

  it("leaves a body under the minimum size, an empty body and no body alone", async () => {
    for (const body of [text(99), "", new Uint8Array(0), undefined]) {
      const r = request(body, { "content-length": "99" });
      await compressRequest(r, config, ["gzip"]);
      expect(r.body).toBe(body);
      expect(r.headers).toEqual({ "content-length": "99" });
    }
  });

  it("counts the minimum in bytes, not characters", async () => {
    const r = request("é".repeat(50)); // 100 bytes in UTF-8
    await compressRequest(r, config, ["gzip"]);
    expect(gunzipSync(r.body as Uint8Array).toString()).toBe("é".repeat(50));
  });

  it("does nothing when disabled", async () => {
    const r = request(text(1000));
    await compressRequest(r, { ...config, disableRequestCompression: true }, ["gzip"]);
    expect(r.body).toBe(text(1000));
    expect(r.headers["content-encoding"]).toBeUndefined();
  });

  it("does nothing when no encoding of the operation's is supported", async () => {
    const r = request(text(1000));
    await compressRequest(r, config, ["br"]);
    expect(r.body).toBe(text(1000));
  });

  it("appends gzip to a Content-Encoding a header member set, keeping its name", async () => {
    const r = request(text(1000), { "Content-Encoding": "custom" });
    await compressRequest(r, config, ["gzip"]);
    expect(r.headers["Content-Encoding"]).toBe("custom, gzip");
    expect(Object.keys(r.headers).filter((k) => k.toLowerCase() === "content-encoding")).toHaveLength(1);
  });

  it("gzips a streamed body whatever its size, as a stream, without a content-length", async () => {
    async function* source() {
      yield new TextEncoder().encode("ab");
      yield "c";
    }
    const r = request(source(), { "Content-Length": "3" });
    await compressRequest(r, { ...config, requestMinCompressionSizeBytes: 10485760 }, ["gzip"]);
    expect(gunzipSync(await collect(r.body)).toString()).toBe("abc");
    expect(r.headers).toEqual({ "content-encoding": "gzip" });
  });

  it("pipes a web ReadableStream body through CompressionStream", async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(text(10)));
        controller.close();
      },
    });
    const r = request(stream);
    await compressRequest(r, config, ["gzip"]);
    expect(r.body).toBeInstanceOf(ReadableStream);
    expect(gunzipSync(await collect(r.body)).toString()).toBe(text(10));
  });

  it("a failing source fails the compressed stream", async () => {
    async function* source() {
      yield new Uint8Array([1]);
      throw new Error("source broke");
    }
    const r = request(source());
    await compressRequest(r, config, ["gzip"]);
    await expect(collect(r.body)).rejects.toThrow("source broke");
  });

  it("without node:zlib (a browser), bytes are gzipped with CompressionStream", async () => {
    const builtin = process.getBuiltinModule.bind(process);
    vi.spyOn(process, "getBuiltinModule").mockImplementation(((id: string) => (id === "node:zlib" ? undefined : builtin(id))) as typeof process.getBuiltinModule);
    const r = request(new TextEncoder().encode(text(500)));
    await compressRequest(r, config, ["gzip"]);
    expect(process.getBuiltinModule).toHaveBeenCalledWith("node:zlib");
    expect(gunzipSync(r.body as Uint8Array).toString()).toBe(text(500));
  });
});
