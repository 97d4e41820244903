import { describe, expect, it } from "vitest";
import { awsJsonErrorCode, queryCompatibleErrorCode, queryError, sanitizeErrorCode } from "../../../runtime/awsjson/errors.js";

describe("sanitizeErrorCode", () => {
  // The four values the awsJson spec lists, plus what SDK v3 also handles: joined headers and numbers.
  it.each([
    "FooError",
    "FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/",
    "smithy.example#FooError",
    "smithy.example#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/",
    "FooError, FooError",
  ])("%s → FooError", (raw) => expect(sanitizeErrorCode(raw)).toBe("FooError"));

  it("keeps a number's digits, and only the segment after the first #", () => {
    expect(sanitizeErrorCode(404)).toBe("404");
    expect(sanitizeErrorCode("a#B#c")).toBe("B");
    expect(sanitizeErrorCode("")).toBe("");
    // The `,` and `:` cuts come before the `#` one.
    expect(sanitizeErrorCode("a:b#c")).toBe("a");
    expect(sanitizeErrorCode("a,b#c")).toBe("a");
    expect(sanitizeErrorCode("a#b:c")).toBe("b");
    expect(sanitizeErrorCode("#b")).toBe("b");
  });
});

describe("awsJsonErrorCode, queryCompatibleErrorCode", () => {
  it("reads __type first, then a code property in any case, then x-amzn-errortype", () => {
    const header = { "x-amzn-errortype": "HeaderError" };
    expect(awsJsonErrorCode(header, { __type: "ns#TypeError", code: "CodeError" })).toBe("TypeError");
    expect(awsJsonErrorCode(header, { CODE: "CodeError" })).toBe("CodeError");
    expect(awsJsonErrorCode(header, {})).toBe("HeaderError");
    expect(awsJsonErrorCode({}, {})).toBeUndefined();
  });

  it("ignores a nested __type (DynamoDB's error details) and values that are not strings or numbers", () => {
    expect(awsJsonErrorCode({}, { ErrorDetails: [{ __type: "com.amazon.internal#ErrorDetails" }] })).toBeUndefined();
    expect(awsJsonErrorCode({ "x-amzn-errortype": "H" }, { __type: { a: 1 }, code: null })).toBe("H");
  });

  it("a query-compatible service: the x-amzn-query-error code stands as the body's Code, read before the header and __type", () => {
    const headers = { "x-amzn-query-error": "AWS.SimpleQueueService.NonExistentQueue;Sender", "x-amzn-errortype": "H" };
    // The awsQuery code keeps its dots: only ':' and '#' segments are cut.
    expect(queryCompatibleErrorCode(headers, { __type: "com.amazonaws.sqs#QueueDoesNotExist" })).toBe("AWS.SimpleQueueService.NonExistentQueue");
    // A lower-case `code` earlier in the body is found first, as SDK v3's key search does.
    expect(queryCompatibleErrorCode(headers, { code: "Lower", __type: "X" })).toBe("Lower");
    expect(queryCompatibleErrorCode({ "x-amzn-errortype": "H" }, { __type: "ns#T" })).toBe("H");
    expect(queryCompatibleErrorCode({}, { __type: "ns#T" })).toBe("T");
  });
});

describe("queryError", () => {
  it("splits Code;Type", () => {
    expect(queryError({ "x-amzn-query-error": "Customized;Sender" })).toEqual({ code: "Customized", type: "Sender" });
    expect(queryError({ "x-amzn-query-error": "Customized" })).toEqual({ code: "Customized", type: undefined });
    expect(queryError({})).toBeUndefined();
  });
});
