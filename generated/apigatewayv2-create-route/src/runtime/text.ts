// A copy of smithy-ts-codegen's runtime/text.ts, written by the generator: do not edit.
// UTF-8 text and bytes. The package compiles without the DOM library, so the encoder and decoder
// are declared here.

declare const TextDecoder: new () => { decode(input?: Uint8Array, options?: { stream: boolean }): string };
declare const TextEncoder: new () => { encode(input: string): Uint8Array };

export const decoder = /* @__PURE__ */ new TextDecoder();

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

export const fromUtf8 = (bytes: Uint8Array): string => decoder.decode(bytes);

export const textOf = (body: string | Uint8Array): string => (typeof body === "string" ? body : decoder.decode(body));

/** A decoder for text that arrives in chunks: a character split between chunks is kept until the next. */
export const streamDecoder = () => new TextDecoder();

/** The parts of Node's Buffer the runtime uses, where there is one: native code, no copies. */
interface NodeBuffer {
  byteLength(s: string): number;
  from(bytes: ArrayBufferLike, byteOffset: number, length: number): { toString(encoding: "base64"): string };
  from(text: string, encoding: "base64"): Uint8Array;
}

export const nodeBuffer = (globalThis as { Buffer?: NodeBuffer }).Buffer;

/** UTF-8 length of a body: Node's native count when there is one (no copy), else the encoded length. */
export const byteLength = (body: string | Uint8Array): number =>
  typeof body !== "string" ? body.byteLength : nodeBuffer !== undefined ? nodeBuffer.byteLength(body) : utf8(body).length;
