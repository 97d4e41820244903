// SHA-256 and HMAC-SHA-256 as the `Checksum` constructor @smithy/signature-v4 takes, on WebCrypto
// (Node ≥ 20 and browsers alike), so the client bundles no hashing code.

import type { Checksum, SourceData } from "@smithy/types";
import { platform } from "./platform.js";

const encoder = new platform.TextEncoder();

function bytes(data: SourceData): Uint8Array {
  if (typeof data === "string") return encoder.encode(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

export class Sha256 implements Checksum {
  private readonly secret: Uint8Array | undefined;
  private chunks: Uint8Array[] = [];

  constructor(secret?: SourceData) {
    this.secret = secret === undefined ? undefined : bytes(secret);
  }

  update(data: SourceData): void {
    this.chunks.push(bytes(data));
  }

  async digest(): Promise<Uint8Array> {
    const data = this.chunks.length === 1 ? this.chunks[0]! : concat(this.chunks);
    const subtle = platform.crypto.subtle;
    if (this.secret === undefined) return new Uint8Array(await subtle.digest("SHA-256", data));
    const key = await subtle.importKey("raw", this.secret, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    return new Uint8Array(await subtle.sign("HMAC", key, data));
  }

  reset(): void {
    this.chunks = [];
  }
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const c of chunks) length += c.byteLength;
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
