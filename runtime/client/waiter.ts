// Waiters as Smithy specifies them (smithy.waiters#waitable) with SDK v3's names: call the
// operation, run the acceptors (compiled from the model at generation time) on its output or
// error, and retry with exponential backoff and jitter between minDelay and maxDelay until an
// acceptor succeeds or fails, or maxWaitTime runs out.

import type { MetadataBearer } from "@smithy/types";
import type { Command, SendOptions } from "./client.js";
import { abortError, sleep, type AbortSignalLike } from "./platform.js";

export interface WaiterConfiguration {
  client: { send<I, O>(command: Command<I, O>, options?: SendOptions): Promise<O & MetadataBearer> };
  /** Seconds the caller is willing to wait in all (required, as the specification demands). */
  maxWaitTime: number;
  /** Seconds; the waiter's own minimum by default. */
  minDelay?: number;
  /** Seconds; the waiter's own maximum by default. */
  maxDelay?: number;
  abortSignal?: AbortSignalLike;
}

export type WaiterState = "SUCCESS" | "FAILURE" | "RETRY" | "TIMEOUT" | "ABORTED";

export interface WaiterResult {
  state: WaiterState;
  /** The last output or error the waiter saw. */
  reason?: unknown;
  /** For a failure acceptor with a message. */
  message?: string;
}

/** What an acceptor set decides about one call: a state, or undefined to retry. */
export type Acceptors<I> = (input: I, output: unknown, error: unknown) => "success" | "failure" | "retry" | undefined;

/** The delay before retry `attempt` (1-based), in seconds, per the waiters specification. */
export function waiterDelay(attempt: number, minDelay: number, maxDelay: number, remaining: number, random = Math.random): number {
  const ceiling = Math.log(maxDelay / minDelay) / Math.log(2) + 1;
  const upper = attempt > ceiling ? maxDelay : minDelay * 2 ** (attempt - 1);
  const delay = minDelay + random() * (upper - minDelay);
  return remaining - delay <= minDelay ? remaining : delay;
}

/** Waits; resolves with SUCCESS, or rejects with an Error whose `result` is the final WaiterResult. */
export async function waitUntil<I, O>(
  config: WaiterConfiguration & { minDelay: number; maxDelay: number },
  input: I,
  command: (input: I) => Command<I, O>,
  acceptors: Acceptors<I>
): Promise<WaiterResult> {
  const { client, maxWaitTime, minDelay, maxDelay, abortSignal } = config;
  if (!(maxWaitTime > 0)) throw new Error("WaiterConfiguration.maxWaitTime must be a positive number of seconds");
  if (!(minDelay >= 1) || !(maxDelay >= minDelay)) throw new Error(`waiter delays must satisfy 1 ≤ minDelay (${minDelay}) ≤ maxDelay (${maxDelay})`);
  const deadline = Date.now() + maxWaitTime * 1000;
  for (let attempt = 1; ; attempt++) {
    let output: unknown;
    let error: unknown;
    try {
      output = await client.send(command(input), { abortSignal });
    } catch (e) {
      if (abortSignal?.aborted) return fail({ state: "ABORTED", reason: e });
      error = e;
    }
    const state = acceptors(input, output, error);
    const reason = error ?? output;
    if (state === "success") return { state: "SUCCESS", reason };
    if (state === "failure") return fail({ state: "FAILURE", reason });
    if (state === undefined && error !== undefined) return fail({ state: "FAILURE", reason });
    const remaining = (deadline - Date.now()) / 1000;
    if (remaining <= 0) return fail({ state: "TIMEOUT", reason });
    try {
      await sleep(waiterDelay(attempt, minDelay, maxDelay, remaining) * 1000, abortSignal);
    } catch {
      return fail({ state: "ABORTED", reason: abortSignal ? abortError(abortSignal) : reason });
    }
  }
}

/** Rejects as SDK v3's waitUntil does: AbortError, TimeoutError, or an Error for a failure; `result` kept. */
function fail(result: WaiterResult): never {
  const name = result.state === "ABORTED" ? "AbortError" : result.state === "TIMEOUT" ? "TimeoutError" : "Error";
  throw Object.assign(new Error(`Waiter ended in state ${result.state}`), { name, result });
}
