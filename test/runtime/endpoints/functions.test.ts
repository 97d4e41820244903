// The rules engine's library functions against the spec's examples and edge cases
// (../shared/smithy/spec/rules-engine/standard-library.rst, aws-library-functions.rst).

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { partitionsModule } from "../../../generator/client/endpoints/partitions-module.js";
import { isValidHostLabel, isVirtualHostableS3Bucket, parseArn, parseURL, split, substring, uriEncode } from "../../../runtime/endpoints/functions.js";
import { partition, type PartitionData } from "../../../runtime/endpoints/partition.js";
import { PARTITIONS } from "../../../runtime/endpoints/partitions-data.js";
import { SHARED_DIR, SHARED_MISSING } from "../../helpers/codegen.js";

describe("parseURL", () => {
  it("gives the spec's table", () => {
    expect(parseURL("https://example.com")).toStrictEqual({ scheme: "https", authority: "example.com", path: "", normalizedPath: "/", isIp: false });
    expect(parseURL("https://example.com:8443?foo=bar&faz=baz")).toBeUndefined();
    expect(parseURL("http://example.com:80/foo/bar")).toStrictEqual({ scheme: "http", authority: "example.com:80", path: "/foo/bar", normalizedPath: "/foo/bar/", isIp: false });
    expect(parseURL("https://127.0.0.1")?.isIp).toBe(true);
    expect(parseURL("https://[fe80::1]")).toMatchObject({ authority: "[fe80::1]", isIp: true });
  });
  it("rejects other schemes, fragments, empty hosts and garbage", () => {
    for (const bad of ["ftp://example.com", "https://example.com#x", "https://", "example.com", "not a url", "https://exa mple.com"]) {
      expect(parseURL(bad), bad).toBeUndefined();
    }
  });
  it("leaves userinfo out of the authority", () => {
    expect(parseURL("https://user:pw@example.com/a")?.authority).toBe("example.com");
  });
});

describe("string functions", () => {
  it("substring: forward, reverse, out of range, non-ASCII", () => {
    expect(substring("abcdefg", 0, 4, false)).toBe("abcd");
    expect(substring("abcdefg", 0, 4, true)).toBe("defg");
    expect(substring("abc", 0, 4, false)).toBeUndefined();
    expect(substring("abcdef", 3, 3, false)).toBeUndefined();
    expect(substring("abc\u00e9def", 0, 2, false)).toBeUndefined();
  });
  it("uriEncode keeps only RFC 3986 unreserved characters", () => {
    expect(uriEncode("a-b_c.d~e f/g!'()*:é")).toBe("a-b_c.d~e%20f%2Fg%21%27%28%29%2A%3A%C3%A9");
  });
  it("split honours the limit", () => {
    expect(split("a--b--c", "--", 0)).toStrictEqual(["a", "b", "c"]);
    expect(split("a--b--c", "--", 1)).toStrictEqual(["a--b--c"]);
    expect(split("a--b--c", "--", 2)).toStrictEqual(["a", "b--c"]);
    expect(split("", "--", 0)).toStrictEqual([""]);
  });
  it("isValidHostLabel: one label, or dotted labels when allowed", () => {
    expect(isValidHostLabel("us-east-1", false)).toBe(true);
    expect(isValidHostLabel("a.b", false)).toBe(false);
    expect(isValidHostLabel("a.b", true)).toBe(true);
    expect(isValidHostLabel("a..b", true)).toBe(false);
    expect(isValidHostLabel("-a", false)).toBe(false);
    expect(isValidHostLabel("a".repeat(64), false)).toBe(false);
  });
  it("isVirtualHostableS3Bucket: lowercase, 3–63 characters, not an IP", () => {
    expect(isVirtualHostableS3Bucket("bucket-name", false)).toBe(true);
    expect(isVirtualHostableS3Bucket("Bucket", false)).toBe(false);
    expect(isVirtualHostableS3Bucket("ab", false)).toBe(false);
    expect(isVirtualHostableS3Bucket("a.b.c", false)).toBe(false);
    expect(isVirtualHostableS3Bucket("abc.def", true)).toBe(true);
    expect(isVirtualHostableS3Bucket("192.168.1.1", true)).toBe(false);
  });
});

describe("aws.parseArn", () => {
  it("gives the spec's table", () => {
    expect(parseArn("arn:aws:sns:us-west-2:012345678910:example-sns-topic-name")).toStrictEqual({
      partition: "aws", service: "sns", region: "us-west-2", accountId: "012345678910", resourceId: ["example-sns-topic-name"],
    });
    expect(parseArn("11111111-2222-3333-4444-555555555555")).toBeUndefined();
    expect(parseArn("arn:aws:ec2:us-east-1:012345678910:vpc/vpc-0e9801d129EXAMPLE")?.resourceId).toStrictEqual(["vpc", "vpc-0e9801d129EXAMPLE"]);
    expect(parseArn("arn:aws:iam::012345678910:user/johndoe")).toMatchObject({ region: "", resourceId: ["user", "johndoe"] });
    expect(parseArn("arn:aws:s3:::bucket_name")).toMatchObject({ region: "", accountId: "", resourceId: ["bucket_name"] });
    expect(parseArn("arn:aws:s3:us-east-1:123:")).toBeUndefined();
  });
});

describe("aws.partition", () => {
  it("finds a listed region, then a regionRegex match, else the aws partition", () => {
    expect(partition("us-gov-west-1")?.name).toBe("aws-us-gov");
    expect(partition("cn-northwest-9")?.name).toBe("aws-cn");
    expect(partition("mars-west-1")?.name).toBe("aws");
  });
  it("reads data the caller supplies instead of the packaged data", () => {
    const newer: PartitionData = { version: "9", partitions: [{ ...PARTITIONS.partitions[0]!, regions: { "us-east-1": { dnsSuffix: "example.test" } } }] };
    expect(partition("us-east-1", newer)).toMatchObject({ name: "aws", dnsSuffix: "example.test" });
    expect(partition("us-east-1")?.dnsSuffix).toBe("amazonaws.com");
  });
  it.runIf(SHARED_DIR === undefined)(SHARED_MISSING, () => {});
  it.skipIf(SHARED_DIR === undefined)("the packaged data is partitions.json of the rules-engine spec", () => {
    const json = JSON.parse(readFileSync(join(SHARED_DIR!, "smithy", "spec", "rules-engine", "partitions.json"), "utf8")) as unknown;
    expect(PARTITIONS).toStrictEqual(json);
  });
  it.skipIf(SHARED_DIR === undefined)("runtime/endpoints/partitions-data.ts is the module the writer makes from it", () => {
    const json = JSON.parse(readFileSync(join(SHARED_DIR!, "smithy", "spec", "rules-engine", "partitions.json"), "utf8")) as PartitionData;
    const written = readFileSync(join(import.meta.dirname, "..", "..", "..", "runtime", "endpoints", "partitions-data.ts"), "utf8");
    expect(written).toBe(partitionsModule(json));
  });
});
