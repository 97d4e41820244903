// SigV4 as SDK v3 applies it to a request: @smithy/signature-v4 (the signer AWS maintains) with
// the payload's SHA-256 in `x-amz-content-sha256` (a body it cannot hash, a stream, is signed as
// UNSIGNED-PAYLOAD), the session token in `x-amz-security-token`, the path escaped, at the
// client's skew-corrected time.

import { SignatureV4 } from "@smithy/signature-v4";
import type { AwsCredentialIdentity, HttpRequest } from "@smithy/types";
import { Sha256 } from "./sha256.js";

export interface SigningScope {
  /** The service's signing name: `aws.auth#sigv4`'s `name`, or an endpoint's auth scheme's. */
  readonly name: string;
  readonly region: string;
}

export type Signer = (request: HttpRequest, scope: SigningScope, date: Date) => Promise<HttpRequest>;

export function sigv4Signer(credentials: () => Promise<AwsCredentialIdentity>): Signer {
  const signer = new SignatureV4({
    credentials,
    region: "",
    service: "",
    sha256: Sha256,
    uriEscapePath: true,
  });
  return (request, scope, date) =>
    signer.sign(request, { signingDate: date, signingRegion: scope.region, signingService: scope.name }) as Promise<HttpRequest>;
}
