// A transport: how an operation becomes an HTTP request and a response becomes its output, apart
// from the bytes of the documents (the codec's). Two kinds: the HTTP bindings of the REST
// protocols (every member bound by its @http* traits) and RPC (one POST per operation, the whole
// input as one document), each taking its protocol's particulars as data.

import type { Shape } from "../../model/model.js";

/** restJson1's and restXml's: @http, @httpLabel, @httpQuery, @httpHeader, @httpPayload, @httpResponseCode. */
export interface HttpBindingsTransport {
  readonly kind: "http-bindings";
  /** The URI labels the endpoint places instead of the path (S3's `Bucket`: generator/protocols/restxml/s3.ts). */
  readonly endpointLabels: (service: Shape) => ReadonlySet<string>;
}

/** The RPC protocols': every request is a POST of one document to a path the operation names, or to `/`. */
export interface RpcTransport {
  readonly kind: "rpc";
  /** One line for the client file's header comment: how a request is sent. */
  readonly summary: string;
  readonly path: (serviceName: string, operationName: string) => string;
  /** The request headers as a TypeScript object literal; `target` is `<service>.<operation>`, `outputStream` whether the response is an event stream. */
  readonly headers: (target: string, queryCompatible: boolean, outputStream: boolean) => string;
  /** How an operation's requests are sent, for doc comments (after `POST `). */
  readonly route: (serviceName: string, operationName: string) => string;
}

export type Transport = HttpBindingsTransport | RpcTransport;
