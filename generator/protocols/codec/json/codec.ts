// The JSON codec: JsonCode's functions, documents written with JSON.stringify (or the runtime's
// `stringify` when big numbers must stay exact) and read by the runtime's `jsonBody`.

import type { RuntimeImports } from "../../../codegen/runtime-imports.js";
import type { EmitContext } from "../../../emit/context.js";
import type { DocumentCodec } from "../codec.js";
import { JsonCode } from "./json-code.js";

/** `JSON.stringify`, or the runtime's `stringify` when big numbers must be written as JSON numbers (with more digits than a double holds). */
export function jsonStringify(ctx: EmitContext, runtime: RuntimeImports): string {
  return [...ctx.closure.shapes.values()].some((s) => s.type === "bigInteger" || s.type === "bigDecimal") ? runtime.use("stringify") : "JSON.stringify";
}

export const jsonCodec: DocumentCodec = {
  name: "JSON",
  contentType: "application/json",
  code: (ctx, runtime, { populateDefaults, honourJsonName }) => {
    const json = new JsonCode(ctx.index, ctx.symbols, runtime, populateDefaults, honourJsonName);
    return { writer: json, reader: json };
  },
  bodyReader: "jsonBody",
  // An input without members is still a document: `{}`.
  documentBody: (literal, _unit, ctx, runtime) => (literal === undefined ? `"{}"` : `${jsonStringify(ctx, runtime)}(${literal})`),
  // Event payloads are JSON text (restJson1's `application/json`, awsJson's own media type).
  eventPayloads: (ctx, runtime, contentType) => ({
    contentType,
    encode: (value) => `${runtime.use("utf8")}(${jsonStringify(ctx, runtime)}(${value}))`,
    decode: (bytes) => `${runtime.use("eventJson")}(${bytes})`,
  }),
};
