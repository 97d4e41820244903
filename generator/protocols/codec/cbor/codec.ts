// The CBOR codec (smithy-rpc-v2-cbor.rst's value mapping): CborCode's functions, documents as
// one CBOR map (`cborMessage`), outputs read straight from the bytes, error bodies decoded by
// `cborBody` before their code and members are read.

import type { DocumentCodec } from "../codec.js";
import { CborCode } from "./cbor-code.js";

export const CBOR_CONTENT_TYPE = "application/cbor";

export const cborCodec: DocumentCodec = {
  name: "CBOR",
  contentType: CBOR_CONTENT_TYPE,
  code: (ctx, runtime, { populateDefaults, honourJsonName }) => {
    const cbor = new CborCode(ctx.index, ctx.symbols, runtime, populateDefaults, honourJsonName);
    return { writer: cbor, reader: cbor };
  },
  bodyReader: "cborBody",
  errorDocument: { key: "document", reader: "cborBody" },
  // A Unit input sends no body and so no Content-Type; a structure without members is an empty map.
  documentBody: (literal, unit, _ctx, runtime) => (unit ? "undefined" : `${runtime.use("cborMessage")}(${literal ?? "{}"})`),
  // Events' payload documents are CBOR maps too.
  eventPayloads: (_ctx, runtime, contentType) => ({
    contentType,
    encode: (value) => `${runtime.use("cborMessage")}(${value})`,
    decode: (bytes) => `${runtime.use("cborBody")}(${bytes})`,
  }),
  outputReader: (code, output) => {
    if (!(code instanceof CborCode)) throw new Error("internal: the CBOR codec reads outputs with its CBOR code");
    return code.messageReader(output, "body");
  },
};
