// Which requests a generated client signs, by the model's auth traits (authentication-traits.rst):
// by default every operation of an aws.auth#sigv4 service; none of an `@auth([])` operation or
// one whose schemes leave SigV4 out; an @optionalAuth one only when credentials can be found;
// an aws.auth#unsignedPayload one with `x-amz-content-sha256: UNSIGNED-PAYLOAD`.

import type { HttpRequest } from "@smithy/types";
import { beforeAll, describe, expect, it } from "vitest";
import { loadGenerated } from "../helpers/codegen.js";
import { clientPackage } from "./client-package.js";

type Ctor = new (...args: any[]) => any;
let mod: Record<string, Ctor>;

beforeAll(async () => {
  mod = (await loadGenerated<Record<string, Ctor>>(await clientPackage(["test/client/fixtures/auth.json"], { targets: ["client"] }))).mod;
}, 120_000);

/** Sends `command` through a client whose transport records the request and answers `{}`. */
async function sent(command: string, credentials: unknown): Promise<HttpRequest> {
  const requests: HttpRequest[] = [];
  const requestHandler = {
    handle: async (request: HttpRequest) => {
      requests.push(request);
      return { response: { statusCode: 200, headers: { "content-type": "application/x-amz-json-1.0" }, body: new TextEncoder().encode("{}") } };
    },
  };
  const client = new mod.LocksClient!({ region: "us-east-1", endpoint: "https://locks.example.com", credentials, requestHandler, maxAttempts: 1 });
  await client.send(new mod[`${command}Command`]!({}));
  expect(requests).toHaveLength(1);
  return requests[0]!;
}

const KEYS = { accessKeyId: "AKIDAUTH", secretAccessKey: "secret" };
const NONE = async () => {
  throw new Error("no credentials here");
};

describe("signing by the model's auth traits", () => {
  it("signs an operation that inherits the service's schemes", async () => {
    const request = await sent("Signed", KEYS);
    expect(request.headers["authorization"]).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDAUTH\/\d{8}\/us-east-1\/locks\/aws4_request/);
    expect(request.headers["x-amz-content-sha256"]).toMatch(/^[0-9a-f]{64}$/);
    await expect(sent("Signed", NONE)).rejects.toThrow("no credentials here");
  });

  it("never signs an @auth([]) operation, nor one whose schemes leave SigV4 out, and needs no credentials for them", async () => {
    for (const command of ["Anonymous", "BearerOnly"]) {
      const request = await sent(command, NONE);
      expect(request.headers["authorization"]).toBeUndefined();
      expect(request.headers["x-amz-date"]).toBeUndefined();
    }
  });

  it("signs an @optionalAuth operation when credentials are found, and sends it anonymously when not", async () => {
    expect((await sent("Optional", KEYS)).headers["authorization"]).toMatch(/^AWS4-HMAC-SHA256 /);
    expect((await sent("Optional", NONE)).headers["authorization"]).toBeUndefined();
  });

  it("signs an aws.auth#unsignedPayload operation without hashing its body", async () => {
    const request = await sent("Streamed", KEYS);
    expect(request.headers["x-amz-content-sha256"]).toBe("UNSIGNED-PAYLOAD");
    expect(request.headers["authorization"]).toMatch(/SignedHeaders=[^,]*x-amz-content-sha256/);
  });
});
