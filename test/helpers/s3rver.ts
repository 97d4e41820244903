// The S3 emulator s3rver on 127.0.0.1 (a free port, a fresh temporary directory), and requests
// signed with SigV4 as its default account expects, so S3 clients can be driven against a real server.
// s3rver checks the access key of a SigV4 request but not its signature: signer bugs go unseen here.

import { createHash, createHmac } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SignatureV4 } from "@smithy/signature-v4";

interface S3rverServer {
  run(): Promise<{ address: string; port: number }>;
  close(): Promise<void>;
}
type S3rverConstructor = new (options: Record<string, unknown>) => S3rverServer;

/** s3rver's built-in account. */
export const S3RVER_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

export interface RunningS3rver {
  /** `http://127.0.0.1:<port>`: address buckets path-style under it. */
  readonly endpoint: string;
  stop(): Promise<void>;
}

export async function startS3rver(): Promise<RunningS3rver> {
  const S3rver = createRequire(import.meta.url)("s3rver") as S3rverConstructor;
  const directory = await mkdtemp(join(tmpdir(), "s3rver-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, directory, silent: true, vhostBuckets: false });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: async () => {
      await server.close();
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
