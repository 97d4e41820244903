// Idempotency tokens.

declare const crypto: { randomUUID?(): string } | undefined;

/** An idempotency token: a random (version 4) UUID. */
export function uuid(): string {
  if (typeof crypto !== "undefined" && crypto?.randomUUID !== undefined) return crypto.randomUUID();
  return "10000000-1000-4000-8000-100000000000".replace(/[018]/g, (c) => (Number(c) ^ ((Math.random() * 16) >> (Number(c) / 4))).toString(16));
}
