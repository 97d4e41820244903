// Facts about @error structures that every emitter and protocol reads the same way.

import type { Member, Shape } from "./model.js";

/** The member that becomes Error's own `message`. */
export function messageMember(error: Shape): Member | undefined {
  return error.members.find((m) => m.name.toLowerCase() === "message");
}

export function errorFault(error: Shape): "client" | "server" {
  return error.traits.get("smithy.api#error") === "server" ? "server" : "client";
}

/** The `$retryable` value of a `@retryable` error, as a TypeScript expression. */
export function errorRetryable(error: Shape): string | undefined {
  const retryable = error.traits.get("smithy.api#retryable") as { throttling?: boolean } | undefined;
  return retryable === undefined ? undefined : `{ throttling: ${retryable.throttling === true} }`;
}

/** The HTTP status a server answers an error with: its `@httpError`, else 400 for a client fault and 500 for a server one. */
export function errorStatus(error: Shape): number {
  const httpError = error.traits.get("smithy.api#httpError");
  return typeof httpError === "number" ? httpError : errorFault(error) === "server" ? 500 : 400;
}
