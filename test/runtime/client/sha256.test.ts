// The signer's hashes: node:crypto where Node hands it over, WebCrypto elsewhere — both must give
// node:crypto's SHA-256 and HMAC-SHA-256 for the same bytes.

import { createHash, createHmac } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";

const inputs: (string | Uint8Array)[] = ["", "abc", "é😀 unicode", new Uint8Array([0, 255, 1, 254]), "x".repeat(100_000)];

async function digests(secret?: string): Promise<string[]> {
  const { Sha256 } = await import("../../../runtime/client/sha256.js");
  const out: string[] = [];
  for (const input of inputs) {
    const hash = new Sha256(secret);
    hash.update(input);
    if (typeof input === "string" && input.length > 3) hash.update(input.slice(0, 3)); // several chunks
    out.push(Buffer.from(await hash.digest()).toString("hex"));
  }
  return out;
}

function expected(secret?: string): string[] {
  return inputs.map((input) => {
    const hash = secret === undefined ? createHash("sha256") : createHmac("sha256", secret);
    hash.update(input);
    if (typeof input === "string" && input.length > 3) hash.update(input.slice(0, 3));
    return hash.digest("hex");
  });
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.resetModules();
});

describe("Sha256", () => {
  it("with node:crypto (process.getBuiltinModule)", async () => {
    vi.resetModules();
    expect(await digests()).toEqual(expected());
    expect(await digests("key")).toEqual(expected("key"));
  });

  it("with WebCrypto, where process.getBuiltinModule is absent", async () => {
    vi.resetModules();
    vi.spyOn(process as unknown as { getBuiltinModule(id: string): unknown }, "getBuiltinModule").mockReturnValue(undefined);
    const subtle = vi.spyOn(globalThis.crypto.subtle, "digest");
    expect(await digests()).toEqual(expected());
    expect(subtle).toHaveBeenCalled();
    expect(await digests("key")).toEqual(expected("key"));
  });
});
