// Real third-party awsJson servers for the tests: the DynamoDB emulator dynalite and the Kinesis
// emulator kinesalite, in memory on 127.0.0.1 with a port the OS picks, and a SigV4-signed fetch
// that sends an `HttpRequest` (as a generated serializer makes it) and gives back an
// `HttpResponse` (as a generated deserializer reads it).

import { createHash, createHmac, type BinaryLike } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SignatureV4 } from "@smithy/signature-v4";
import type { Checksum, HttpRequest, HttpResponse, SourceData } from "@smithy/types";
import dynalite from "dynalite";
import kinesalite from "kinesalite";

export interface Emulator {
  /** `http://127.0.0.1:<port>` */
  readonly endpoint: string;
  /** Sends a request signed for this emulator's service (the emulators check a signature is there, not its value). */
  send(request: HttpRequest): Promise<HttpResponse>;
  close(): Promise<void>;
}

/** DynamoDB in memory; tables become ACTIVE at once, or `createTableMs` after CreateTable (for waiters). */
export const startDynalite = ({ createTableMs = 0 } = {}): Promise<Emulator> =>
  start(dynalite({ createTableMs, deleteTableMs: 0, updateTableMs: 0 }), "dynamodb");

/** Kinesis in memory; streams become ACTIVE at once, or `createStreamMs` after CreateStream (for waiters). */
export const startKinesalite = ({ createStreamMs = 0 } = {}): Promise<Emulator> =>
  start(kinesalite({ createStreamMs, deleteStreamMs: 0, updateStreamMs: 0 }), "kinesis");

async function start(server: Server, service: string): Promise<Emulator> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const signer = new SignatureV4({
    service,
    region: "us-east-1",
    credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
    sha256: NodeSha256,
  });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    send: async (request) => signedFetch(await signer.sign({ ...request, headers: { ...request.headers, host: `127.0.0.1:${port}` } })),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets from fetch would hold close() open until they time out.
        server.closeAllConnections();
      }),
  };
}

async function signedFetch(request: HttpRequest): Promise<HttpResponse> {
  const url = `${request.protocol}//${request.hostname}${request.port === undefined ? "" : `:${request.port}`}${request.path}`;
  // fetch sets Host and Content-Length itself and refuses to be told them.
  const { host: _host, "content-length": _length, ...headers } = request.headers;
  const init: RequestInit = { method: request.method, headers };
  if (request.body !== undefined) init.body = request.body as string | Uint8Array;
  const response = await fetch(url, init);
  const body = new Uint8Array(await response.arrayBuffer());
  return {
    statusCode: response.status,
    reason: response.statusText,
    headers: Object.fromEntries(response.headers),
    // An async iterable of chunks, as a Node stream is: what deserializers collect.
    body: (async function* () {
      yield body;
    })(),
  };
}

/** SHA-256 (or its HMAC with a secret) over node:crypto, in the form the signer asks for. */
class NodeSha256 implements Checksum {
  private hash;
  constructor(private readonly secret?: SourceData) {
    this.hash = this.fresh();
  }
  update(data: Uint8Array): void {
    this.hash.update(data);
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
  reset(): void {
    this.hash = this.fresh();
  }
  private fresh() {
    return this.secret === undefined ? createHash("sha256") : createHmac("sha256", toBinary(this.secret));
  }
}

const toBinary = (data: SourceData): BinaryLike =>
  typeof data === "string" ? data : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);
