// Paginators as SDK v3's `paginate<Op>(config, input)`: an async iterable of pages, each page's
// output token fed back as the next input token, stopping when the service returns no token or
// the same token again (SDK v3 only does the latter with `stopOnSameToken`).

import type { MetadataBearer } from "@smithy/types";
import type { Command, SendOptions } from "./client.js";

export interface PaginationConfiguration {
  /** Anything that sends commands: the service's client or its aggregated class. */
  client: { send<I, O>(command: Command<I, O>, options?: SendOptions): Promise<O & MetadataBearer> };
  /** Written to the operation's page-size member of each request. */
  pageSize?: number;
  /** The token of the first request (e.g. one kept from an earlier run). */
  startingToken?: unknown;
  /** Sent with every page's request. */
  abortSignal?: SendOptions["abortSignal"];
}

/** Where the operation keeps its tokens and page size: member names, an output path split at dots. */
export interface PaginatedOperation<I, O> {
  readonly command: (input: I) => Command<I, O>;
  readonly inputToken: string;
  readonly outputToken: readonly string[];
  readonly pageSize?: string | undefined;
}

export async function* paginate<I extends object, O>(
  config: PaginationConfiguration,
  input: I,
  operation: PaginatedOperation<I, O>
): AsyncGenerator<O & MetadataBearer, undefined, unknown> {
  let token = config.startingToken;
  for (;;) {
    const request = { ...input } as Record<string, unknown>;
    if (token !== undefined) request[operation.inputToken] = token;
    if (operation.pageSize !== undefined && config.pageSize !== undefined) request[operation.pageSize] = config.pageSize;
    const page = await config.client.send(operation.command(request as I), { abortSignal: config.abortSignal });
    yield page;
    const next = valueAt(page, operation.outputToken);
    if (next === undefined || next === null || next === "" || next === token) return undefined;
    token = next;
  }
}

function valueAt(value: unknown, path: readonly string[]): unknown {
  let at = value;
  for (const key of path) {
    if (typeof at !== "object" || at === null) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}
