// A copy of smithy-ts-codegen's runtime/client/signing.ts, written by the generator: do not edit.
// What the client core knows of signing: the scope and the signer's shape. The signer itself
// (./sigv4.ts, over @smithy/signature-v4) is loaded on a signing client's first send, so that
// importing or constructing a client never loads it.

import type { AwsCredentialIdentity, HttpRequest } from "@smithy/types";

export interface SigningScope {
  /** The service's signing name: `aws.auth#sigv4`'s `name`, or an endpoint's auth scheme's. */
  readonly name: string;
  readonly region: string;
}

export type Signer = (request: HttpRequest, scope: SigningScope, date: Date) => Promise<HttpRequest>;

/** Makes a signer over a credentials provider (./sigv4.ts's `sigv4Signer`). */
export type SignerFactory = (credentials: () => Promise<AwsCredentialIdentity>) => Signer;
