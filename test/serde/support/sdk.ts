// AWS SDK for JavaScript v3 (@aws-sdk/client-apigatewayv2) as the reference: its own request
// path (client.send with a capturing request handler, no network) and its own response path
// (the same handler returning a canned response), with retries off so a 5xx is read once.

import * as sdk from "@aws-sdk/client-apigatewayv2";
import { HttpResponse } from "@smithy/core/transport";

export const SDK_ENDPOINT = "https://apigateway.us-east-1.amazonaws.com";

/** Headers the SDK adds outside serialization: user agent, signing, invocation ids, host. */
export const SDK_ONLY_HEADERS = new Set([
  "user-agent", "x-amz-user-agent", "amz-sdk-invocation-id", "amz-sdk-request", "x-amz-date",
  "x-amz-content-sha256", "x-amz-security-token", "authorization", "host",
]);

export interface CannedResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: string | Uint8Array;
}

export interface PlainRequest {
  method: string;
  protocol: string;
  hostname: string;
  port: number | undefined;
  path: string;
  query: Record<string, unknown>;
  headers: Record<string, string>;
  body: string | undefined;
}

type Command = new (input: unknown) => unknown;

const decoder = new TextDecoder();
let captured: Record<string, unknown> | undefined;
let next: CannedResponse = { statusCode: 200, headers: {}, body: "{}" };

const client = new sdk.ApiGatewayV2Client({
  region: "us-east-1",
  credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
  maxAttempts: 1,
  requestHandler: {
    async handle(request: Record<string, unknown>) {
      captured = request;
      const body = typeof next.body === "string" ? new TextEncoder().encode(next.body) : next.body.slice();
      return { response: new HttpResponse({ statusCode: next.statusCode, headers: { ...next.headers }, body }) };
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs() {
      return {};
    },
  },
});

function command(operation: string): Command {
  const ctor = (sdk as unknown as Record<string, Command | undefined>)[`${operation}Command`];
  if (ctor === undefined) throw new Error(`@aws-sdk/client-apigatewayv2 has no ${operation}Command`);
  return ctor;
}

export function sdkHasOperation(operation: string): boolean {
  return (sdk as Record<string, unknown>)[`${operation}Command`] !== undefined;
}

/** The request the SDK sends for `input`, without the headers it adds outside serialization. */
export async function sdkRequest(operation: string, input: unknown): Promise<PlainRequest> {
  captured = undefined;
  next = { statusCode: 200, headers: {}, body: "{}" };
  await (client.send(new (command(operation))(input) as never) as Promise<unknown>).catch(() => undefined);
  if (captured === undefined) throw new Error(`the SDK sent no ${operation} request`);
  const r = captured as { method: string; protocol: string; hostname: string; port?: number; path: string; query?: Record<string, unknown>; headers: Record<string, string>; body?: unknown };
  const headers = Object.fromEntries(Object.entries(r.headers).filter(([k]) => !SDK_ONLY_HEADERS.has(k.toLowerCase())));
  const body = r.body == null ? undefined : typeof r.body === "string" ? r.body : decoder.decode(r.body as Uint8Array);
  return { method: r.method, protocol: r.protocol, hostname: r.hostname, port: r.port, path: r.path, query: r.query ?? {}, headers, body };
}

/** What the SDK makes of a response: `{ output }` or `{ error }`. */
export async function sdkResponse(operation: string, input: unknown, response: CannedResponse): Promise<{ output?: unknown; error?: unknown }> {
  next = response;
  try {
    return { output: await client.send(new (command(operation))(input) as never) };
  } catch (error) {
    return { error };
  }
}
