// The S3 emulator s3rver on 127.0.0.1 (a free port, a fresh temporary directory), and requests
// signed with SigV4 as its default account expects, so S3 clients can be driven against a real server.
// s3rver checks the access key of a SigV4 request but not its signature: signer bugs go unseen here.

import { spawn } from "node:child_process";
import { createHash, createHmac } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SignatureV4 } from "@smithy/signature-v4";
import type { HttpRequest, HttpResponse } from "@smithy/types";

/** s3rver's built-in account. */
export const S3RVER_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

export interface RunningS3rver {
  /** `http://127.0.0.1:<port>`: address buckets path-style under it. */
  readonly endpoint: string;
  stop(): Promise<void>;
}

// s3rver makes ListObjectsV2 continuation tokens with DES, which OpenSSL 3 keeps in its legacy
// provider: the server runs in a child Node with that provider on, and says its port on stdout.
const SERVER = `
const S3rver = require(process.argv[1]);
new S3rver({ address: "127.0.0.1", port: 0, directory: process.argv[2], silent: true, vhostBuckets: false })
  .run().then(({ port }) => process.stdout.write(port + "\\n"));
`;

export async function startS3rver(): Promise<RunningS3rver> {
  const directory = await mkdtemp(join(tmpdir(), "s3rver-"));
  const child = spawn(process.execPath, ["--openssl-legacy-provider", "-e", SERVER, createRequire(import.meta.url).resolve("s3rver"), directory], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const port = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("\n")) resolve(out.trim());
    });
    child.once("exit", (code) => reject(new Error(`s3rver exited (${code}) before listening`)));
  });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: async () => {
      child.kill();
      await exited;
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** The SHA-256 (or HMAC-SHA-256 with a secret) the signer takes, from node:crypto. */
class Sha256 {
  private hash;
  constructor(private readonly secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = this.create();
  }
  private create() {
    return this.secret === undefined ? createHash("sha256") : createHmac("sha256", toBytes(this.secret));
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(toBytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {
    this.hash = this.create();
  }
}

function toBytes(data: string | ArrayBuffer | ArrayBufferView): Uint8Array {
  if (typeof data === "string") return new TextEncoder().encode(data);
  return ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);
}

const signer = new SignatureV4({ credentials: S3RVER_CREDENTIALS, region: "us-east-1", service: "s3", sha256: Sha256, uriEscapePath: false });

/** A path-style S3 request (`path` starts with the bucket), SigV4-signed, sent with fetch. */
export async function signedS3Fetch(endpoint: string, method: string, path: string, body?: Uint8Array | string, headers: Record<string, string> = {}): Promise<Response> {
  const url = new URL(path, endpoint);
  const payload = typeof body === "string" ? new TextEncoder().encode(body) : body;
  const signed = await signer.sign({
    method,
    protocol: url.protocol,
    hostname: url.hostname,
    port: Number(url.port),
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: {
      ...headers,
      host: url.host,
      "x-amz-content-sha256": createHash("sha256").update(payload ?? new Uint8Array()).digest("hex"),
    },
    body: payload,
  });
  const init: RequestInit = { method, headers: signed.headers };
  if (payload !== undefined) init.body = payload;
  return fetch(url, init);
}

/**
 * Sends a request as a generated serializer makes it (path-style, its path already
 * percent-encoded), SigV4-signed; the response's body is the fetch body as an async iterable of
 * chunks, as a Node stream is. A body that is neither a string nor bytes (a stream) is sent
 * unsigned (`UNSIGNED-PAYLOAD`), as SDKs do for streams over TLS.
 */
export async function sendS3(request: HttpRequest): Promise<HttpResponse> {
  const host = `${request.hostname}${request.port === undefined ? "" : `:${request.port}`}`;
  const bytes = typeof request.body === "string" ? new TextEncoder().encode(request.body) : request.body instanceof Uint8Array ? request.body : undefined;
  const hash = request.body == null || bytes !== undefined ? createHash("sha256").update(bytes ?? new Uint8Array()).digest("hex") : "UNSIGNED-PAYLOAD";
  const signed = await signer.sign({ ...request, headers: { ...request.headers, host, "x-amz-content-sha256": hash } });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(request.query ?? {})) {
    for (const v of Array.isArray(value) ? value : [value]) search.append(key, v ?? "");
  }
  // `?acl`-style keys without a value are written without `=`.
  const query = search.toString().replace(/=(?=&|$)/g, "");
  // fetch sets Host and Content-Length itself and refuses to be told them.
  const { host: _host, "content-length": _length, ...headers } = signed.headers;
  const init: RequestInit & { duplex?: "half" } = { method: request.method, headers };
  if (request.body != null) init.body = (bytes ?? request.body) as NonNullable<RequestInit["body"]>;
  // A stream goes out as it is read (chunked).
  if (request.body != null && bytes === undefined) init.duplex = "half";
  const response = await fetch(`${request.protocol}//${host}${request.path}${query === "" ? "" : `?${query}`}`, init);
  return {
    statusCode: response.status,
    reason: response.statusText,
    headers: Object.fromEntries(response.headers),
    body: response.body ?? [],
  };
}
