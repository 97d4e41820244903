// The retry strategy alone: SDK v3's classification, quota, backoff and adaptive rate limiter.

import { describe, expect, it } from "vitest";
import {
  AdaptiveRetryStrategy,
  errorType,
  INITIAL_RETRY_TOKENS,
  RateLimiter,
  retryAfterMs,
  StandardRetryStrategy,
  type RetryToken,
} from "../../../runtime/client/retry.js";

const service = (name: string, status: number, extra: object = {}) => Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status }, ...extra });
const token = (): RetryToken => ({ retries: 0, cost: undefined });

describe("errorType (SDK v3's classification)", () => {
  it.each([
    [service("TooManyRequestsException", 429), "THROTTLING"],
    [service("ThrottlingException", 400), "THROTTLING"],
    [service("Anything", 418, { $retryable: { throttling: true } }), "THROTTLING"],
    [service("Modeled", 400, { $retryable: {} }), "TRANSIENT"],
    [service("InternalFailure", 500), "TRANSIENT"],
    [service("BadGateway", 502), "TRANSIENT"],
    [service("ServiceUnavailable", 503), "TRANSIENT"],
    [service("GatewayTimeout", 504), "TRANSIENT"],
    [service("NotImplemented", 501), "SERVER_ERROR"],
    [service("RequestTimeoutException", 400), "TRANSIENT"],
    [service("InvalidSignatureException", 403, { message: "Signature expired: 20260101T000000Z is now earlier than …" }), "TRANSIENT"],
    [service("InvalidSignatureException", 403), "CLIENT_ERROR"],
    [service("AccessDenied", 403, { $metadata: { httpStatusCode: 403, clockSkewCorrected: true } }), "TRANSIENT"],
    [service("BadRequestException", 400), "CLIENT_ERROR"],
    [service("NotFoundException", 404), "CLIENT_ERROR"],
    [Object.assign(new Error("timed out"), { name: "TimeoutError" }), "TRANSIENT"],
    [new TypeError("fetch failed", { cause: Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }) }), "TRANSIENT"],
    [new TypeError("Failed to fetch"), "TRANSIENT"],
    [Object.assign(new Error("aborted"), { name: "AbortError", code: "ECONNRESET" }), "CLIENT_ERROR"],
    [new Error("a bug"), "CLIENT_ERROR"],
    ["not an error", "CLIENT_ERROR"],
  ])("%s → %s", (error, expected) => {
    expect(errorType(error)).toBe(expected);
  });
});

describe("StandardRetryStrategy", () => {
  it("backs off with full jitter: random · min(base · 2^(retry-1), 20 s), base 100 ms or 500 ms when throttled", () => {
    const strategy = new StandardRetryStrategy(100, () => 0.999999);
    const t = token();
    const transient = [1, 2, 3, 4, 5, 6, 7, 8, 9].map(() => strategy.retryDelay(t, "TRANSIENT"));
    expect(transient).toEqual([99, 199, 399, 799, 1599, 3199, 6399, 12799, 19999]);
    const throttled = new StandardRetryStrategy(10, () => 0.5);
    const u = token();
    expect([1, 2, 3].map(() => throttled.retryDelay(u, "THROTTLING"))).toEqual([250, 500, 1000]);
    expect(new StandardRetryStrategy(3, () => 0).retryDelay(token(), "TRANSIENT")).toBe(0);
  });

  it("stops at maxAttempts and never retries client or other server errors", () => {
    const strategy = new StandardRetryStrategy(3);
    const t = token();
    expect(strategy.retryDelay(t, "TRANSIENT")).toBeTypeOf("number");
    expect(strategy.retryDelay(t, "TRANSIENT")).toBeTypeOf("number");
    expect(strategy.retryDelay(t, "TRANSIENT")).toBeUndefined();
    expect(strategy.retryDelay(token(), "CLIENT_ERROR")).toBeUndefined();
    expect(strategy.retryDelay(token(), "SERVER_ERROR")).toBeUndefined();
  });

  it("spends the 500-token quota (5 a retry, 10 for a transient error), refunds on success, and refuses when empty", () => {
    const strategy = new StandardRetryStrategy(1_000);
    const t = token();
    strategy.retryDelay(t, "THROTTLING");
    expect(strategy.capacity).toBe(INITIAL_RETRY_TOKENS - 5);
    strategy.retryDelay(t, "TRANSIENT");
    expect(strategy.capacity).toBe(INITIAL_RETRY_TOKENS - 15);
    strategy.recordSuccess(t); // refunds the last retry's cost
    expect(strategy.capacity).toBe(INITIAL_RETRY_TOKENS - 5);
    strategy.recordSuccess(token()); // a call without retries: one token, capped at 500
    strategy.recordSuccess(token());
    expect(strategy.capacity).toBe(INITIAL_RETRY_TOKENS - 3);
    const drained = new StandardRetryStrategy(1_000);
    const d = token();
    let retries = 0;
    while (drained.retryDelay(d, "TRANSIENT") !== undefined) retries++;
    expect(retries).toBe(50);
    expect(drained.capacity).toBe(0);
    expect(drained.retryDelay(token(), "THROTTLING")).toBeUndefined();
  });

  it("raises the delay to a Retry-After hint, by at most 5 s over the backoff", () => {
    expect(new StandardRetryStrategy(3, () => 0).retryDelay(token(), "THROTTLING", 2_000)).toBe(2_000);
    expect(new StandardRetryStrategy(3, () => 0).retryDelay(token(), "THROTTLING", 60_000)).toBe(5_000);
    expect(retryAfterMs("3", 0)).toBe(3_000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(retryAfterMs("soon", 0)).toBeUndefined();
  });
});

describe("adaptive mode's rate limiter", () => {
  it("is off until throttled, then limits sending to a CUBIC rate that regrows", async () => {
    let now = 1_000;
    const waits: number[] = [];
    const limiter = new RateLimiter(() => now, async (ms) => {
      waits.push(ms);
      now += ms / 1000 + 0.001; // a timer fires a little late (and float sums never fall short)
    });
    expect(limiter.acquire()).toBeUndefined();
    // 20 successful sends a second for 5 s: the measured rate follows.
    for (let i = 0; i < 100; i++) {
      now += 0.05;
      limiter.update(false);
    }
    expect(limiter.measuredTxRate).toBeGreaterThan(15);
    limiter.update(true);
    expect(limiter.enabled).toBe(true);
    const throttledRate = limiter.fillRate;
    expect(throttledRate).toBeCloseTo(limiter.measuredTxRate * 0.7, 5);
    // Sending faster than the fill rate waits.
    for (let i = 0; i < 30; i++) await limiter.acquire();
    expect(waits.length).toBeGreaterThan(0);
    for (let i = 0; i < 40; i++) {
      now += 0.1;
      limiter.update(false);
    }
    expect(limiter.fillRate).toBeGreaterThan(throttledRate);
  });

  it("the adaptive strategy feeds its limiter every outcome", () => {
    const strategy = new AdaptiveRetryStrategy(3);
    expect(strategy.beforeAttempt()).toBeUndefined();
    strategy.afterAttempt("THROTTLING");
    expect(strategy.limiter.enabled).toBe(true);
  });
});
