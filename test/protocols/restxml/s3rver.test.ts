// The generated S3 package against a real third-party server, the S3 emulator s3rver on
// 127.0.0.1 (test/helpers/s3rver.ts): every call is the generated serializer (path-style: the
// bucket is the endpoint's path, as S3's endpoint rules put it) → a SigV4-signed fetch → the
// generated deserializer. Then the same scenario through the generated S3Client
// (`forcePathStyle`, `endpoint`): its endpoint rules, its S3 signer (s3rver checks every
// signature), its paginator and its error classes.

import { Readable } from "node:stream";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate, loadGenerated, SHARED_DIR, SHARED_MISSING } from "../../helpers/codegen.js";
import { S3RVER_CREDENTIALS, sendS3, startS3rver, type RunningS3rver } from "../../helpers/s3rver.js";

type Generated = Record<string, any>;

/** Rejects? Then the error, else a failure naming what resolved. */
async function rejection(promise: Promise<unknown>): Promise<any> {
  return promise.then(
    (value) => expect.fail(`expected a rejection, got ${JSON.stringify(value)}`),
    (error: unknown) => error,
  );
}

describe.skipIf(SHARED_DIR === undefined)(`s3rver through the generated S3 package${SHARED_DIR === undefined ? ` (${SHARED_MISSING})` : ""}`, () => {
  let s3: RunningS3rver;
  let mod: Generated;
  const call = async (op: string, input: object): Promise<any> =>
    mod[`deserialize${op}Response`](await sendS3(mod[`serialize${op}Request`](input, `${s3.endpoint}/${(input as { Bucket: string }).Bucket}`)));
  const Bucket = "generated-bucket";
  const bytes = new Uint8Array([0, 1, 2, 127, 128, 250, 255, ...new TextEncoder().encode("héllo ✓")]);

  beforeAll(async () => {
    const [server, files] = await Promise.all([startS3rver(), generate([join(SHARED_DIR!, "models", "aws", "s3-2006-03-01.json")])]);
    s3 = server;
    mod = (await loadGenerated<Generated>(files)).mod;
  }, 120_000);
  afterAll(() => s3?.stop());

  it("CreateBucket", async () => {
    const created = await call("CreateBucket", { Bucket });
    expect(created.$metadata.httpStatusCode).toBe(200);
    expect(created.Location).toBe(`/${Bucket}`);
  });

  it("PutObject with a string, bytes and a stream body; Content-Type and x-amz-meta-* metadata", async () => {
    const text = await call("PutObject", { Bucket, Key: "notes/text.txt", Body: "plain text, ünïcode", ContentType: "text/plain; charset=utf-8", Metadata: { origin: "string", "two-words": "a b" } });
    expect(text.ETag).toMatch(/^"[0-9a-f]{32}"$/);
    await call("PutObject", { Bucket, Key: "bin/bytes.bin", Body: bytes, ContentType: "application/octet-stream", Metadata: { origin: "bytes" } });
    // @streaming blob members are typed Uint8Array in models.ts; the serializer passes any body through.
    const stream = Readable.from([bytes.slice(0, 5), bytes.slice(5)]);
    await call("PutObject", { Bucket, Key: "bin/stream.bin", Body: stream, ContentLength: bytes.length, ContentType: "application/x-stream" });
  });

  it("HeadObject reads the headers: length, type, metadata, dates", async () => {
    const head = await call("HeadObject", { Bucket, Key: "notes/text.txt" });
    expect(head.ContentLength).toBe(new TextEncoder().encode("plain text, ünïcode").length);
    expect(head.ContentType).toBe("text/plain; charset=utf-8");
    expect(head.Metadata).toEqual({ origin: "string", "two-words": "a b" });
    expect(head.LastModified).toBeInstanceOf(Date);
    expect(head.ETag).toMatch(/^"[0-9a-f]{32}"$/);
  });

  it("GetObject gives back the bytes put, whichever way they were sent", async () => {
    for (const Key of ["bin/bytes.bin", "bin/stream.bin"]) {
      const got = await call("GetObject", { Bucket, Key });
      expect(got.Body, Key).toEqual(bytes);
    }
    const got = await call("GetObject", { Bucket, Key: "bin/bytes.bin" });
    expect(got.Metadata).toEqual({ origin: "bytes" });
    expect(got.ContentType).toBe("application/octet-stream");
    const text = await call("GetObject", { Bucket, Key: "notes/text.txt" });
    expect(new TextDecoder().decode(text.Body)).toBe("plain text, ünïcode");
  });

  it("ListObjectsV2 over several pages (MaxKeys, ContinuationToken)", async () => {
    for (let i = 0; i < 5; i++) await call("PutObject", { Bucket, Key: `pages/key-${i}`, Body: String(i) });
    const keys: string[] = [];
    let ContinuationToken: string | undefined;
    let pages = 0;
    do {
      const page = await call("ListObjectsV2", { Bucket, Prefix: "pages/", MaxKeys: 2, ...(ContinuationToken === undefined ? {} : { ContinuationToken }) });
      pages++;
      expect(page.MaxKeys).toBe(2);
      expect(page.Contents.length).toBeLessThanOrEqual(2);
      for (const object of page.Contents) {
        expect(object.Size).toBe(1);
        expect(object.LastModified).toBeInstanceOf(Date);
        keys.push(object.Key);
      }
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken !== undefined);
    expect(pages).toBe(3);
    expect(keys).toEqual(["pages/key-0", "pages/key-1", "pages/key-2", "pages/key-3", "pages/key-4"]);
  });

  it("CopyObject, then DeleteObject and DeleteObjects", async () => {
    const copied = await call("CopyObject", { Bucket, Key: "bin/copy.bin", CopySource: `${Bucket}/bin/bytes.bin` });
    expect(copied.CopyObjectResult.ETag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(copied.CopyObjectResult.LastModified).toBeInstanceOf(Date);
    expect((await call("GetObject", { Bucket, Key: "bin/copy.bin" })).Body).toEqual(bytes);

    const deleted = await call("DeleteObject", { Bucket, Key: "bin/copy.bin" });
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    const many = await call("DeleteObjects", { Bucket, Delete: { Objects: [{ Key: "pages/key-0" }, { Key: "pages/key-1" }] } });
    expect(many.Deleted.map((d: { Key: string }) => d.Key).sort()).toEqual(["pages/key-0", "pages/key-1"]);
    const left = await call("ListObjectsV2", { Bucket, Prefix: "pages/" });
    expect(left.Contents.map((o: { Key: string }) => o.Key)).toEqual(["pages/key-2", "pages/key-3", "pages/key-4"]);
  });

  it("GetObject of a missing key rejects with NoSuchKey (class and guard)", async () => {
    const error = await rejection(call("GetObject", { Bucket, Key: "absent" }));
    expect(error).toBeInstanceOf(mod["NoSuchKey"]);
    expect(error).toBeInstanceOf(mod["S3ServiceException"]);
    expect(mod["isNoSuchKey"](error)).toBe(true);
    expect(error.name).toBe("NoSuchKey");
    expect(error.$fault).toBe("client");
    expect(error.message).toMatch(/key does not exist/i);
    expect(error.$metadata.httpStatusCode).toBe(404);
  });

  it("a missing bucket rejects with NoSuchBucket (class and guard)", async () => {
    const error = await rejection(call("ListObjectsV2", { Bucket: "no-such-bucket" }));
    expect(error).toBeInstanceOf(mod["NoSuchBucket"]);
    expect(mod["isNoSuchBucket"](error)).toBe(true);
    expect(mod["isNoSuchKey"](error)).toBe(false);
    expect(error.$metadata.httpStatusCode).toBe(404);
  });
});

describe.skipIf(SHARED_DIR === undefined)(`s3rver through the generated S3Client${SHARED_DIR === undefined ? ` (${SHARED_MISSING})` : ""}`, () => {
  let s3: RunningS3rver;
  let mod: Generated;
  let client: any;
  const Bucket = "client-bucket";
  // A key the serializer escapes (space, plus, unicode): signed as sent, not escaped a second time.
  const Key = "dir/a b+c ü.txt";

  beforeAll(async () => {
    const [server, files] = await Promise.all([startS3rver(), generate([join(SHARED_DIR!, "models", "aws", "s3-2006-03-01.json")])]);
    s3 = server;
    mod = (await loadGenerated<Generated>(files)).mod;
    client = new mod["S3Client"]({ region: "us-east-1", endpoint: s3.endpoint, forcePathStyle: true, credentials: S3RVER_CREDENTIALS, maxAttempts: 1 });
  }, 120_000);
  afterAll(() => s3?.stop());

  it("CreateBucket, PutObject and GetObject: signed, addressed path-style by the endpoint rules", async () => {
    const created = await client.send(new mod["CreateBucketCommand"]({ Bucket }));
    expect(created).toMatchObject({ Location: `/${Bucket}`, $metadata: { httpStatusCode: 200, attempts: 1 } });
    const put = await client.send(new mod["PutObjectCommand"]({ Bucket, Key, Body: "via the client", ContentType: "text/plain" }));
    expect(put.ETag).toMatch(/^"[0-9a-f]{32}"$/);
    const got = await new mod["S3"](client.config).getObject({ Bucket, Key });
    expect(new TextDecoder().decode(got.Body)).toBe("via the client");
    expect(got.ContentType).toBe("text/plain");
  });

  it("paginateListObjectsV2 pages by ContinuationToken with pageSize as MaxKeys", async () => {
    for (let i = 0; i < 5; i++) await client.send(new mod["PutObjectCommand"]({ Bucket, Key: `pages/key-${i}`, Body: String(i) }));
    const pages: string[][] = [];
    for await (const page of mod["paginateListObjectsV2"]({ client, pageSize: 2 }, { Bucket, Prefix: "pages/" })) pages.push(page.Contents.map((o: { Key: string }) => o.Key));
    expect(pages).toEqual([["pages/key-0", "pages/key-1"], ["pages/key-2", "pages/key-3"], ["pages/key-4"]]);
  });

  it("DeleteObject removes the key; GetObject of a missing key rejects with NoSuchKey", async () => {
    const deleted = await client.send(new mod["DeleteObjectCommand"]({ Bucket, Key }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    const listed = await client.send(new mod["ListObjectsV2Command"]({ Bucket, Prefix: "dir/" }));
    expect(listed.KeyCount).toBe(0);
    const error = await rejection(client.send(new mod["GetObjectCommand"]({ Bucket, Key: "absent" })));
    expect(error).toBeInstanceOf(mod["NoSuchKey"]);
    expect(error).toMatchObject({ name: "NoSuchKey", $fault: "client", $metadata: { httpStatusCode: 404 } });
  });
});
