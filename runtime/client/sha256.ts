// SHA-256 and HMAC-SHA-256 as the `Checksum` constructor @smithy/signature-v4 takes, so the client
// bundles no hashing code: node:crypto where the platform hands it over without an import
// (`process.getBuiltinModule`, Node ≥ 20.16; synchronous, several times faster per request than
// WebCrypto's round trips), else WebCrypto (browsers, older Node).

import type { Checksum, SourceData } from "@smithy/types";
import { concatBytes } from "../bytes.js";
import { platform } from "./platform.js";

const encoder = new platform.TextEncoder();

interface NodeHash {
  update(data: Uint8Array): NodeHash;
  digest(): Uint8Array;
}
const nodeCrypto = platform.process?.getBuiltinModule?.("node:crypto") as
  | { createHash(algorithm: string): NodeHash; createHmac(algorithm: string, key: Uint8Array): NodeHash }
  | undefined;

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
    if (nodeCrypto !== undefined) {
      const hash = this.secret === undefined ? nodeCrypto.createHash("sha256") : nodeCrypto.createHmac("sha256", this.secret);
      for (const chunk of this.chunks) hash.update(chunk);
      return new Uint8Array(hash.digest());
    }
    const data = concatBytes(this.chunks);
    const subtle = platform.crypto.subtle;
    if (this.secret === undefined) return new Uint8Array(await subtle.digest("SHA-256", data));
    const key = await subtle.importKey("raw", this.secret, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    return new Uint8Array(await subtle.sign("HMAC", key, data));
  }

  reset(): void {
    this.chunks = [];
  }
}
