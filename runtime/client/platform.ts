// The globals the client runtime uses, typed here: a generated package compiles with the ES2022
// library only (no DOM, no @types/node), and the same code runs in Node ≥ 20 and browsers.

/** The parts of `fetch`'s Response the handler reads. */
export interface FetchResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Iterable<[string, string]>;
  readonly body: unknown;
}

export interface FetchInit {
  method: string;
  headers: Record<string, string>;
  body?: unknown;
  signal?: AbortSignalLike;
  duplex?: "half";
}

export type FetchFunction = (url: string, init: FetchInit) => Promise<FetchResponse>;

/** What the client needs of an `AbortSignal` (a user's signal may come from any realm). */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
  addEventListener(type: "abort", listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: "abort", listener: () => void): void;
}

interface AbortControllerLike {
  readonly signal: AbortSignalLike;
  abort(reason?: unknown): void;
}

interface SubtleCrypto {
  digest(algorithm: string, data: Uint8Array): Promise<ArrayBuffer>;
  importKey(format: "raw", key: Uint8Array, algorithm: object, extractable: boolean, usages: string[]): Promise<unknown>;
  sign(algorithm: string, key: unknown, data: Uint8Array): Promise<ArrayBuffer>;
}

interface Globals {
  fetch?: FetchFunction;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  AbortController: new () => AbortControllerLike;
  /** `AbortSignal.any` (Node ≥ 20.3, current browsers): one signal that aborts with any of several. */
  AbortSignal?: { any?(signals: AbortSignalLike[]): AbortSignalLike };
  ReadableStream?: new (source: { pull(controller: { enqueue(chunk: Uint8Array): void; close(): void }): Promise<void> }) => unknown;
  TextEncoder: new () => { encode(input: string): Uint8Array };
  crypto: { subtle: SubtleCrypto; randomUUID(): string };
  process?: { env: Record<string, string | undefined>; getBuiltinModule?(id: string): unknown };
}

export const platform = globalThis as unknown as Globals;

/** Resolves after `ms`, or rejects with the signal's abort error as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignalLike): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    const onAbort = () => {
      platform.clearTimeout(timer);
      reject(abortError(signal!));
    };
    const timer = platform.setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** The error a timed-out attempt rejects with: named `TimeoutError` (retried as transient), as SDK v3's. */
export function timeoutError(message: string): Error {
  const error = new Error(message);
  error.name = "TimeoutError";
  return error;
}

/** The error an aborted call rejects with: named `AbortError` (never retried), as SDK v3's. */
export function abortError(signal: AbortSignalLike): Error {
  const reason = signal.reason;
  if (reason instanceof Error && reason.name === "AbortError") return reason;
  const error = new Error("Request aborted", reason === undefined ? undefined : { cause: reason });
  error.name = "AbortError";
  return error;
}
