// The s3rver harness itself: a real S3 emulator on a free port, driven with SigV4-signed,
// path-style requests over plain fetch (the generated s3 package will be driven the same way).

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readXml } from "../../runtime/xml/reader.js";
import { signedS3Fetch, startS3rver, type RunningS3rver } from "../helpers/s3rver.js";

describe("s3rver harness", () => {
  let s3: RunningS3rver;
  beforeAll(async () => {
    s3 = await startS3rver();
  });
  afterAll(async () => {
    await s3?.stop();
  });

  it("creates a bucket, puts and gets an object, lists it, and answers NoSuchKey in XML", async () => {
    expect(s3.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await signedS3Fetch(s3.endpoint, "PUT", "/harness-bucket")).status).toBe(200);

    const bytes = new Uint8Array([0, 1, 2, 250, 255, ...new TextEncoder().encode("héllo")]);
    const put = await signedS3Fetch(s3.endpoint, "PUT", "/harness-bucket/dir/key%20one.bin", bytes, {
      "content-type": "application/octet-stream",
      "x-amz-meta-origin": "harness",
    });
    expect(put.status).toBe(200);

    const get = await signedS3Fetch(s3.endpoint, "GET", "/harness-bucket/dir/key%20one.bin");
    expect(get.status).toBe(200);
    expect(get.headers.get("x-amz-meta-origin")).toBe("harness");
    expect(new Uint8Array(await get.arrayBuffer())).toEqual(bytes);

    const list = await signedS3Fetch(s3.endpoint, "GET", "/harness-bucket?list-type=2");
    const result = readXml(new Uint8Array(await list.arrayBuffer()));
    expect(result.name).toBe("ListBucketResult");
    expect(result.children.filter((c) => c.name === "Contents").map((c) => c.children.find((k) => k.name === "Key")?.text)).toEqual(["dir/key one.bin"]);

    const missing = await signedS3Fetch(s3.endpoint, "GET", "/harness-bucket/absent");
    expect(missing.status).toBe(404);
    const error = readXml(new Uint8Array(await missing.arrayBuffer()));
    expect(error.children.find((c) => c.name === "Code")?.text).toBe("NoSuchKey");
  });

  // s3rver parses SigV4 headers and checks the access key, but does not verify v4 signatures
  // (its authentication middleware says so): it cannot prove a signer right, only the key.
  it("refuses an unknown access key", async () => {
    const now = new Date().toISOString().replace(/[-:]|\.\d+/g, "");
    const forged = await fetch(new URL("/harness-bucket", s3.endpoint), {
      headers: {
        authorization: `AWS4-HMAC-SHA256 Credential=NOBODY/${now.slice(0, 8)}/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=${"0".repeat(64)}`,
        "x-amz-date": now,
        "x-amz-content-sha256": "UNSIGNED-PAYLOAD",
      },
    });
    expect(forged.status).toBe(403);
    expect(readXml(new Uint8Array(await forged.arrayBuffer())).children.find((c) => c.name === "Code")?.text).toBe("InvalidAccessKeyId");
  });
});
