// A copy of smithy-ts-codegen's runtime/client/sigv4.ts, written by the generator: do not edit.
// SigV4 as SDK v3 applies it to a request: @smithy/signature-v4 (the signer AWS maintains) with
// the payload's SHA-256 in `x-amz-content-sha256` (a body it cannot hash, a stream, is signed as
// UNSIGNED-PAYLOAD), the session token in `x-amz-security-token`, the path escaped (S3's as it
// is: SDK v3 signs S3 with `uriEscapePath: false`, so neither escaped twice nor normalized), at
// the client's skew-corrected time.

import { SignatureV4 } from "@smithy/signature-v4";
import type { HttpRequest } from "@smithy/types";
import { Sha256 } from "./sha256.js";
import type { SignerFactory } from "./signing.js";

const signerOf = (uriEscapePath: boolean): SignerFactory => (credentials) => {
  const signer = new SignatureV4({
    credentials,
    region: "",
    service: "",
    sha256: Sha256,
    uriEscapePath,
  });
  return (request, scope, date) =>
    signer.sign(request, { signingDate: date, signingRegion: scope.region, signingService: scope.name }) as Promise<HttpRequest>;
};

export const sigv4Signer = signerOf(true);
/** S3's signer: the path signed as sent (object keys are escaped once, by the serializer). */
export const s3Signer = signerOf(false);
