// An AWS SDK for JavaScript v3 client as the reference for one awsJson service: its own request
// path (client.send with a capturing request handler, no network) and its own response path
// (the same handler returning a canned response), with retries off so a 5xx is read once.

import { Readable } from "node:stream";
import { HttpResponse } from "@smithy/core/transport";
import { SDK_ONLY_HEADERS, type CannedResponse, type PlainRequest } from "../../serde/support/sdk.js";

type Command = new (input: unknown) => unknown;
type Module = Record<string, unknown>;

export interface SdkReference {
  has(operation: string): boolean;
  /** The request the SDK sends; `bytes` is its body as sent when that is binary (CBOR). */
  request(operation: string, input: unknown): Promise<PlainRequest & { bytes?: Uint8Array | undefined }>;
  response(operation: string, input: unknown, response: CannedResponse): Promise<{ output?: unknown; error?: unknown }>;
}

const decoder = new TextDecoder();

/** `sdk` is the imported `@aws-sdk/client-*` module, `clientName` its client class (`DynamoDBClient`), `config` more client settings. */
export function sdkReference(sdk: Module, clientName: string, endpoint: string, config: Record<string, unknown> = {}): SdkReference {
  let captured: Record<string, unknown> | undefined;
  let next: CannedResponse = { statusCode: 200, headers: {}, body: "{}" };
  const Client = sdk[clientName] as new (config: unknown) => { send(command: unknown): Promise<unknown> };
  const client = new Client({
    region: "us-east-1",
    endpoint,
    credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
    maxAttempts: 1,
    ...config,
    requestHandler: {
      async handle(request: Record<string, unknown>) {
        captured = request;
        // A Node stream, as the SDK's HTTP handler gives: streaming outputs (S3's GetObject) need one.
        const body = Readable.from([typeof next.body === "string" ? new TextEncoder().encode(next.body) : next.body.slice()]);
        return { response: new HttpResponse({ statusCode: next.statusCode, headers: { ...next.headers }, body }) };
      },
      updateHttpClientConfig() {},
      httpHandlerConfigs() {
        return {};
      },
    },
  });
  const command = (operation: string): Command => {
    const ctor = sdk[`${operation}Command`] as Command | undefined;
    if (ctor === undefined) throw new Error(`${clientName} has no ${operation}Command`);
    return ctor;
  };
  return {
    has: (operation) => sdk[`${operation}Command`] !== undefined,
    async request(operation, input) {
      captured = undefined;
      next = { statusCode: 200, headers: {}, body: "{}" };
      await client.send(new (command(operation))(input)).catch(() => undefined);
      if (captured === undefined) throw new Error(`the SDK sent no ${operation} request`);
      const r = captured as { method: string; protocol: string; hostname: string; port?: number; path: string; query?: Record<string, unknown>; headers: Record<string, string>; body?: unknown };
      const headers = Object.fromEntries(Object.entries(r.headers).filter(([k]) => !SDK_ONLY_HEADERS.has(k.toLowerCase())));
      const body = r.body == null ? undefined : typeof r.body === "string" ? r.body : decoder.decode(r.body as Uint8Array);
      // Bytes only for a binary body: the SDK hands even a JSON body over as a Uint8Array.
      const bytes = r.body instanceof Uint8Array && headers["content-type"] === "application/cbor" ? r.body : undefined;
      return { method: r.method, protocol: r.protocol, hostname: r.hostname, port: r.port, path: r.path, query: r.query ?? {}, headers, body, bytes };
    },
    async response(operation, input, response) {
      next = response;
      try {
        return { output: await client.send(new (command(operation))(input)) };
      } catch (error) {
        return { error };
      }
    },
  };
}
