// @requestCompression end to end: the generated client of a tiny restJson1 model sends to its
// generated server on 127.0.0.1 behind a SigV4 check and a gunzipping front (what a service does
// with Content-Encoding: gzip; a generated server itself reads the body as sent). A body at or
// over the minimum arrives gzipped and signed as compressed; a smaller one, a disabled client and
// an operation without the trait send it as it is; a streamed body is gzipped as a stream.

import { readFileSync } from "node:fs";
import type { Server } from "node:http";
import { gunzipSync } from "node:zlib";
import type { HttpRequest, HttpResponse } from "@smithy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CodegenError } from "../../generator/diagnostics.js";
import type { EmittedFile } from "../../generator/emit/context.js";
import { loadModel } from "../../generator/load/load.js";
import { fileOf, generate, loadGenerated, typecheck } from "../helpers/codegen.js";
import { verifyingSignatures } from "../runtime/client/sigv4-server.js";
import { close, listen } from "../server/create-route-package.js";
import { clientPackage } from "./client-package.js";

const MODEL = "test/client/fixtures/request-compression.smithy";

type Ctor = new (...args: any[]) => any;
interface Package {
  CompressedClient: Ctor;
  PutLogCommand: Ctor;
  PutStreamCommand: Ctor;
  PutPlainCommand: Ctor;
  createCompressedHandler(operations: object): (request: HttpRequest) => Promise<HttpResponse>;
  createNodeListener(handler: (request: HttpRequest) => Promise<HttpResponse>): Parameters<typeof listen>[0];
}

/** A request as it reached the front: its headers and the size of its body on the wire. */
interface Arrival {
  headers: Record<string, string>;
  wireBytes: number;
}

let files: EmittedFile[];
let mod: Package;
let server: Server;
let endpoint: string;
const arrivals: Arrival[] = [];
const refused: string[] = [];
const inputs: Record<string, unknown>[] = [];

/** A service's front: a request whose last coding is gzip goes on with its body gunzipped and that coding taken off. */
function gunzipping(handler: (request: HttpRequest) => Promise<HttpResponse>) {
  return async (request: HttpRequest): Promise<HttpResponse> => {
    const body = request.body as Uint8Array;
    arrivals.push({ headers: { ...request.headers }, wireBytes: body.length });
    const codings = (request.headers["content-encoding"] ?? "").split(",").map((c) => c.trim()).filter((c) => c !== "");
    if (codings.at(-1) !== "gzip") return handler(request);
    const { "content-encoding": _coding, ...headers } = request.headers;
    const plain = new Uint8Array(gunzipSync(body));
    if (codings.length > 1) headers["content-encoding"] = codings.slice(0, -1).join(", ");
    return handler({ ...request, headers: { ...headers, "content-length": String(plain.length) }, body: plain });
  };
}

async function lengthOf(data: unknown): Promise<number> {
  if (data instanceof Uint8Array) return data.length;
  let length = 0;
  for await (const chunk of data as AsyncIterable<Uint8Array>) length += chunk.length;
  return length;
}

beforeAll(async () => {
  files = await clientPackage([MODEL]);
  ({ mod } = await loadGenerated<Package>(files));
  const handler = mod.createCompressedHandler({
    PutLog: async (input: { message?: string; encoding?: string }) => {
      inputs.push(input);
      return { length: input.message?.length ?? 0 };
    },
    PutStream: async (input: { data?: unknown }) => ({ length: await lengthOf(input.data) }),
    PutPlain: async (input: { message?: string }) => ({ length: input.message?.length ?? 0 }),
  });
  const secrets = { AKIDCOMPRESS: "compress-secret" };
  const verified = verifyingSignatures(gunzipping(handler), secrets, refused);
  // A streamed body is signed as UNSIGNED-PAYLOAD (runtime/client/sigv4.ts), which the check, hashing the body, refuses.
  const front = (request: HttpRequest) => (request.path === "/stream" ? gunzipping(handler)(request) : verified(request));
  ({ server, endpoint } = await listen(mod.createNodeListener(front)));
}, 120_000);

afterAll(() => close(server));

const client = (extra: object = {}) =>
  new mod.CompressedClient({ region: "eu-west-1", endpoint, credentials: { accessKeyId: "AKIDCOMPRESS", secretAccessKey: "compress-secret" }, ...extra });
const last = () => arrivals.at(-1)!;
const big = "log line with some repetition\n".repeat(1000);

describe("a client of operations with @requestCompression", () => {
  it("passes the encodings to the commands that have the trait, and type-checks", async () => {
    const source = fileOf(files, "src/client.ts");
    expect(source).toContain("export interface CompressedClientConfig extends ClientConfig, CompressionConfig {}");
    expect(source).toContain("super(withCompressionConfig(config), {");
    expect(source).toContain('compress: (request, config) => compressRequest(request, config, ["gzip"]),');
    expect(source.match(/compressRequest\(/g)).toHaveLength(2); // PutLog and PutStream, not PutPlain
    expect(files.map((f) => f.path)).toContain("src/runtime/client/compression.ts");
    await typecheck(files, "request-compression");
  }, 120_000);

  it("gzips a body over the minimum before signing: the service verifies the signature and reads the input", async () => {
    const output = await client().send(new mod.PutLogCommand({ message: big }));
    expect(output.length).toBe(big.length);
    expect(last().headers["content-encoding"]).toBe("gzip");
    expect(last().wireBytes).toBeLessThan(big.length / 10);
    expect(last().headers["content-length"]).toBe(String(last().wireBytes));
    expect(inputs.at(-1)).toEqual({ message: big });
    expect(refused).toEqual([]);
  });

  it("appends gzip after the encoding a header member sets", async () => {
    await client().send(new mod.PutLogCommand({ message: big, encoding: "custom" }));
    expect(last().headers["content-encoding"]).toBe("custom, gzip");
    expect(inputs.at(-1)).toEqual({ message: big, encoding: "custom" });
  });

  it("sends a body under the minimum (10240 bytes by default) as it is", async () => {
    const small = "x".repeat(10_000);
    await client().send(new mod.PutLogCommand({ message: small }));
    expect(last().headers["content-encoding"]).toBeUndefined();
    expect(last().wireBytes).toBe(JSON.stringify({ message: small }).length);
  });

  it("requestMinCompressionSizeBytes: 0 compresses a small body too", async () => {
    await client({ requestMinCompressionSizeBytes: 0 }).send(new mod.PutLogCommand({ message: "hi" }));
    expect(last().headers["content-encoding"]).toBe("gzip");
    expect(inputs.at(-1)).toEqual({ message: "hi" });
  });

  it("disableRequestCompression: true sends every body as it is", async () => {
    await client({ disableRequestCompression: true }).send(new mod.PutLogCommand({ message: big }));
    expect(last().headers["content-encoding"]).toBeUndefined();
    expect(last().wireBytes).toBe(JSON.stringify({ message: big }).length);
  });

  it("an operation without the trait is never compressed", async () => {
    await client({ requestMinCompressionSizeBytes: 0 }).send(new mod.PutPlainCommand({ message: big }));
    expect(last().headers["content-encoding"]).toBeUndefined();
  });

  it("a streamed payload is gzipped as a stream, whatever its size", async () => {
    async function* chunks() {
      for (let i = 0; i < 4; i++) yield new TextEncoder().encode(`chunk ${i};`);
    }
    const output = await client().send(new mod.PutStreamCommand({ data: chunks() }));
    expect(output.length).toBe("chunk 0;".length * 4);
    expect(last().headers["content-encoding"]).toBe("gzip");
    expect(last().headers["content-length"]).toBeUndefined();
    expect(last().headers["x-amz-content-sha256"]).toBe("UNSIGNED-PAYLOAD");
  });

  it("a bad setting fails the client's construction with what is wrong", () => {
    expect(() => client({ requestMinCompressionSizeBytes: 10_485_761 })).toThrow(
      "The client config's requestMinCompressionSizeBytes must be an integer from 0 to 10485760 (got 10485761)",
    );
  });
});

describe("@requestCompression the spec forbids", () => {
  it("is reported at generation: no encodings, an unsupported one, a @streaming @requiresLength input member", async () => {
    const text = readFileSync(MODEL, "utf8")
      .replace('@requestCompression(encodings: ["gzip"])', '@requestCompression(encodings: ["gzip", "br"])')
      .replace('@requestCompression(encodings: ["GZIP"])', "@requestCompression(encodings: [])")
      .replace("@streaming\nblob", "@streaming\n@requiresLength\nblob");
    const model = loadModel([{ file: "bad-compression.smithy", text }]);
    const error = await generate(model).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(CodegenError);
    const messages = (error as CodegenError).diagnostics.map((d) => d.message);
    expect(messages).toEqual([
      'operation example.compression#PutLog: @requestCompression names the encoding "br", which is not supported (only gzip is)',
      "operation example.compression#PutStream: @requestCompression needs at least one encoding",
      "operation example.compression#PutStream: @requestCompression cannot apply: input member data is @streaming with @requiresLength, whose length would need the whole stream compressed first",
    ]);
  });
});
