// The server side of SigV4 for loopback tests: recompute a request's signature with
// @smithy/signature-v4 over node:crypto (independent of the client's WebCrypto hashing) and say
// what is wrong with it, as a service would refuse it.

import { createHash, createHmac } from "node:crypto";
import { SignatureV4 } from "@smithy/signature-v4";
import type { AwsCredentialIdentity, HttpRequest, HttpResponse, SourceData } from "@smithy/types";

class NodeSha256 {
  private readonly hash;
  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash("sha256") : createHmac("sha256", secret as Uint8Array | string);
  }
  update(data: SourceData): void {
    this.hash.update(typeof data === "string" ? data : new Uint8Array(data as ArrayBuffer));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {}
}

/**
 * Undefined when the request is signed with `credentials` at a time within 15 minutes of `now`
 * and its body matches `x-amz-content-sha256`; else the refusal's message. The region and the
 * service come from the signature's credential scope.
 */
export async function signatureProblem(request: HttpRequest, credentials: AwsCredentialIdentity, now: number): Promise<string | undefined> {
  const authorization = request.headers["authorization"];
  const scope = /Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request/.exec(authorization ?? "");
  const signed = /SignedHeaders=([^,]+)/.exec(authorization ?? "")?.[1]?.split(";");
  const amzDate = request.headers["x-amz-date"];
  if (authorization === undefined || scope === null || signed === undefined || amzDate === undefined) return "Missing Authentication Token";
  if (scope[1] !== credentials.accessKeyId) return "The security token included in the request is invalid";
  const date = new Date(amzDate.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, "$1-$2-$3T$4:$5:$6Z"));
  if (Math.abs(date.getTime() - now) > 15 * 60_000) return "Signature expired: the request time is too far from the server time";
  const body = request.body as Uint8Array | string | undefined;
  const bodyHash = createHash("sha256").update(body ?? "").digest("hex");
  if (request.headers["x-amz-content-sha256"] !== bodyHash) return "The body does not match x-amz-content-sha256";
  const headers = Object.fromEntries(signed.map((name) => [name, request.headers[name] ?? ""]));
  const verifier = new SignatureV4({ credentials, region: scope[3]!, service: scope[4]!, sha256: NodeSha256 });
  const expected = (await verifier.sign({ ...request, headers }, { signingDate: date })) as HttpRequest;
  return expected.headers["authorization"] === authorization ? undefined : "The request signature we calculated does not match the signature you provided";
}

/**
 * `handler` behind a signature check, as a service stands behind SigV4: the secret of each access
 * key from `secrets`; a request signed wrongly is refused with 403 InvalidSignatureException and
 * its problem appended to `refused`.
 */
export function verifyingSignatures(
  handler: (request: HttpRequest) => Promise<HttpResponse>,
  secrets: Readonly<Record<string, string>>,
  refused: string[],
): (request: HttpRequest) => Promise<HttpResponse> {
  return async (request) => {
    const key = /Credential=([^/]+)/.exec(request.headers["authorization"] ?? "")?.[1] ?? "";
    const problem = await signatureProblem(request, { accessKeyId: key, secretAccessKey: secrets[key] ?? "unknown" }, Date.now());
    if (problem === undefined) return handler(request);
    refused.push(problem);
    return { statusCode: 403, headers: { "x-amzn-errortype": "InvalidSignatureException" }, body: JSON.stringify({ message: problem }) };
  };
}
