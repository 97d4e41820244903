// A copy of smithy-ts-codegen's runtime/client/retry.ts, written by the generator: do not edit.
// Retries as SDK v3's standard and adaptive modes: which errors are retried, the retry quota (a
// token bucket shared by the client's calls), exponential backoff with full jitter, and in
// adaptive mode a client-side rate limiter (CUBIC) that slows sending after throttling.

import { platform } from "./platform.js";

export const DEFAULT_MAX_ATTEMPTS = 3;
export const INITIAL_RETRY_TOKENS = 500;
export const RETRY_COST = 5;
export const TIMEOUT_RETRY_COST = 10;
export const NO_RETRY_INCREMENT = 1;
export const DEFAULT_RETRY_DELAY_BASE = 100;
export const THROTTLING_RETRY_DELAY_BASE = 500;
export const MAXIMUM_RETRY_DELAY = 20_000;

export type RetryMode = "standard" | "adaptive";
export type ErrorType = "THROTTLING" | "TRANSIENT" | "SERVER_ERROR" | "CLIENT_ERROR";

const THROTTLING_CODES = new Set([
  "BandwidthLimitExceeded", "EC2ThrottledException", "LimitExceededException", "PriorRequestNotComplete",
  "ProvisionedThroughputExceededException", "RequestLimitExceeded", "RequestThrottled",
  "RequestThrottledException", "SlowDown", "ThrottledException", "Throttling", "ThrottlingException",
  "TooManyRequestsException", "TransactionInProgressException",
]);
const TRANSIENT_CODES = new Set(["TimeoutError", "RequestTimeout", "RequestTimeoutException"]);
const TRANSIENT_STATUS = new Set([500, 502, 503, 504]);
/** Node's connection failures (timeouts, resets, refusals, DNS), found on an error or its causes. */
const NETWORK_CODES = new Set([
  "ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN",
  "UND_ERR_SOCKET", "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT",
]);
/** What browsers' fetch rejects with when the network fails. */
const BROWSER_NETWORK_MESSAGES = new Set([
  "Failed to fetch", "NetworkError when attempting to fetch resource", "The Internet connection appears to be offline",
  "Load failed", "Network request failed",
]);

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  cause?: unknown;
  $retryable?: { throttling?: boolean };
  $metadata?: { httpStatusCode?: number; clockSkewCorrected?: boolean };
}

function isTransient(e: ErrorLike, depth = 0): boolean {
  if (e.name === "AbortError") return false;
  return (
    e.$retryable !== undefined ||
    e.$metadata?.clockSkewCorrected === true ||
    (e.name === "InvalidSignatureException" && String(e.message).includes("Signature expired")) ||
    TRANSIENT_CODES.has(String(e.name)) ||
    NETWORK_CODES.has(String(e.code)) ||
    TRANSIENT_STATUS.has(e.$metadata?.httpStatusCode ?? 0) ||
    (e instanceof TypeError && BROWSER_NETWORK_MESSAGES.has(e.message)) ||
    (typeof e.cause === "object" && e.cause !== null && depth < 10 && isTransient(e.cause as ErrorLike, depth + 1))
  );
}

/** SDK v3's classification: throttling, then transient, then other 5xx, else a client error. */
export function errorType(error: unknown): ErrorType {
  if (typeof error !== "object" || error === null) return "CLIENT_ERROR";
  const e = error as ErrorLike;
  if (e.$metadata?.httpStatusCode === 429 || THROTTLING_CODES.has(String(e.name)) || e.$retryable?.throttling === true) {
    return "THROTTLING";
  }
  if (isTransient(e)) return "TRANSIENT";
  const status = e.$metadata?.httpStatusCode ?? 0;
  return status >= 500 && status <= 599 ? "SERVER_ERROR" : "CLIENT_ERROR";
}

/** Only throttling and transient errors are retried; a non-retryable 4xx or other 5xx never is. */
export const isRetryable = (type: ErrorType): boolean => type === "THROTTLING" || type === "TRANSIENT";

/** One call's retry state: how many retries it has taken and what the last one cost the quota. */
export interface RetryToken {
  retries: number;
  cost: number | undefined;
}

/**
 * The standard strategy. `retryDelay` returns the delay before the next attempt, or undefined
 * when the call must fail: the error is not retryable, attempts are spent, or the quota is empty.
 */
export class StandardRetryStrategy {
  capacity = INITIAL_RETRY_TOKENS;

  constructor(
    readonly maxAttempts: number = DEFAULT_MAX_ATTEMPTS,
    private readonly random: () => number = Math.random
  ) {}

  /** Waits for the adaptive limiter; standard mode sends at once. */
  beforeAttempt(): Promise<void> | undefined {
    return undefined;
  }

  /** Records an attempt's outcome; standard mode keeps nothing. */
  afterAttempt(_type: ErrorType | undefined): void {}

  retryDelay(token: RetryToken, type: ErrorType, retryAfterMs?: number): number | undefined {
    const cost = type === "TRANSIENT" ? TIMEOUT_RETRY_COST : RETRY_COST;
    if (!isRetryable(type) || token.retries + 1 >= this.maxAttempts || this.capacity < cost) return undefined;
    this.capacity -= cost;
    token.retries++;
    token.cost = cost;
    const base = type === "THROTTLING" ? THROTTLING_RETRY_DELAY_BASE : DEFAULT_RETRY_DELAY_BASE;
    // Full jitter: uniform in [0, min(base · 2^(retry-1), cap)).
    const backoff = Math.floor(this.random() * Math.min(base * 2 ** (token.retries - 1), MAXIMUM_RETRY_DELAY));
    // A server's Retry-After raises the delay, by at most 5 s over the backoff (as SDK v3).
    return retryAfterMs === undefined ? backoff : Math.max(backoff, Math.min(retryAfterMs, backoff + 5_000));
  }

  /** A success refunds what the call's last retry cost, or one token when it took none. */
  recordSuccess(token: RetryToken): void {
    this.capacity = Math.min(INITIAL_RETRY_TOKENS, this.capacity + (token.cost ?? NO_RETRY_INCREMENT));
  }
}

/** The adaptive strategy: the standard one behind a rate limiter fed by every attempt's outcome. */
export class AdaptiveRetryStrategy extends StandardRetryStrategy {
  readonly limiter: RateLimiter;

  constructor(maxAttempts?: number, random?: () => number, limiter = new RateLimiter()) {
    super(maxAttempts, random);
    this.limiter = limiter;
  }

  override beforeAttempt(): Promise<void> | undefined {
    return this.limiter.acquire();
  }

  override afterAttempt(type: ErrorType | undefined): void {
    this.limiter.update(type === "THROTTLING");
  }
}

/**
 * SDK v3's client-side rate limiter: a token bucket, off until the first throttling response,
 * whose fill rate follows CUBIC — cut by β on throttling, then regrowing along a cubic curve.
 */
export class RateLimiter {
  private static readonly beta = 0.7;
  private static readonly minCapacity = 1;
  private static readonly minFillRate = 0.5;
  private static readonly scaleConstant = 0.4;
  private static readonly smooth = 0.8;

  enabled = false;
  fillRate = RateLimiter.minFillRate;
  maxCapacity = RateLimiter.minCapacity;
  measuredTxRate = 0;
  private availableTokens = 0;
  private lastMaxRate = 0;
  private requestCount = 0;
  private lastTimestamp = 0;
  private lastThrottleTime: number;
  private lastTxRateBucket: number;
  private timeWindow = 0;

  constructor(
    private readonly seconds: () => number = () => Date.now() / 1000,
    private readonly wait: (ms: number) => Promise<void> = (ms) => new Promise((r) => platform.setTimeout(r, ms))
  ) {
    this.lastThrottleTime = seconds();
    this.lastTxRateBucket = Math.floor(seconds());
  }

  acquire(): Promise<void> | undefined {
    if (!this.enabled) return undefined;
    return this.take();
  }

  private async take(): Promise<void> {
    this.refill();
    while (this.availableTokens < 1) {
      await this.wait(((1 - this.availableTokens) / this.fillRate) * 1000);
      this.refill();
    }
    this.availableTokens -= 1;
  }

  update(throttled: boolean): void {
    this.updateMeasuredRate();
    let rate: number;
    if (throttled) {
      const rateToUse = this.enabled ? Math.min(this.measuredTxRate, this.fillRate) : this.measuredTxRate;
      this.lastMaxRate = rateToUse;
      this.computeTimeWindow();
      this.lastThrottleTime = this.seconds();
      rate = precise(rateToUse * RateLimiter.beta);
      this.enabled = true;
    } else {
      this.computeTimeWindow();
      rate = precise(
        RateLimiter.scaleConstant * (this.seconds() - this.lastThrottleTime - this.timeWindow) ** 3 + this.lastMaxRate
      );
    }
    const newRate = Math.min(rate, 2 * this.measuredTxRate);
    this.refill();
    this.fillRate = Math.max(newRate, RateLimiter.minFillRate);
    this.maxCapacity = Math.max(newRate, RateLimiter.minCapacity);
    this.availableTokens = Math.min(this.availableTokens, this.maxCapacity);
  }

  private refill(): void {
    const now = this.seconds();
    if (this.lastTimestamp === 0) {
      this.lastTimestamp = now;
      return;
    }
    this.availableTokens = Math.min(this.maxCapacity, this.availableTokens + (now - this.lastTimestamp) * this.fillRate);
    this.lastTimestamp = now;
  }

  private computeTimeWindow(): void {
    this.timeWindow = precise(Math.cbrt((this.lastMaxRate * (1 - RateLimiter.beta)) / RateLimiter.scaleConstant));
  }

  private updateMeasuredRate(): void {
    const bucket = Math.floor(this.seconds() * 2) / 2;
    this.requestCount++;
    if (bucket > this.lastTxRateBucket) {
      const current = this.requestCount / (bucket - this.lastTxRateBucket);
      this.measuredTxRate = precise(current * RateLimiter.smooth + this.measuredTxRate * (1 - RateLimiter.smooth));
      this.requestCount = 0;
      this.lastTxRateBucket = bucket;
    }
  }
}

const precise = (n: number): number => parseFloat(n.toFixed(8));

/** The delay a `Retry-After` header asks for (seconds or an HTTP date), in ms from `now`. */
export function retryAfterMs(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (value.trim() !== "" && Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
