// A codec: how values of the model become the documents of one media type and back. A protocol
// composes one codec with a transport (transport/transport.ts) and its own quirks (protocol.ts);
// the client emitters ask it for the pieces below and know no media type themselves.

import type { FileImports } from "../../codegen/file-imports.js";
import type { RuntimeImports } from "../../codegen/runtime-imports.js";
import type { EmitContext } from "../../emit/context.js";
import type { Shape } from "../../model/model.js";
import type { JsonCode, ShapeFunction } from "./json/json-code.js";
import type { EventPayloadCodec } from "../eventstream/event-stream.js";

/** What a codec's code emitters have in common: the functions they wrote (the types those name are the file's imports). */
export interface ShapeCode {
  shapeFunctions(): ShapeFunction[];
}

export interface CodeOptions {
  /** Whether nested structures are written with every unset member's @default (codec/json/json-code.ts). */
  readonly populateDefaults: boolean;
  /** Whether a member's @jsonName names it on the wire (restJson1) or its member name always does (the RPC protocols). */
  readonly honourJsonName: boolean;
}

/**
 * A codec, `Writer` writing request documents and `Reader` reading responses (one object for
 * JSON and CBOR, which write and read with the same code).
 */
export interface Codec<Writer extends ShapeCode = ShapeCode, Reader extends ShapeCode = ShapeCode> {
  /** Its short name, for comments. */
  readonly name: string;
  /** The media type of the request documents it writes, unless the protocol names its own. */
  readonly contentType: string;
  /** The code emitters of one file: the `se_` functions writing documents and the `de_` ones reading them. */
  readonly code: (ctx: EmitContext, runtime: FileImports, options: CodeOptions) => { readonly writer: Writer; readonly reader: Reader };
  /**
   * The runtime function reading a response body into the document an output reader takes; none
   * when the protocol reads it inside its own wrapper (the query protocols' `<OpResult>`).
   */
  readonly bodyReader?: string | undefined;
  /**
   * How a client reads an error response's document, as an entry of runtime/client/errors.ts's
   * `ServiceErrors`: `document` decodes a binary body (CBOR), `body` finds the code, message and
   * members in a text document (XML); none when the runtime's default (JSON text) applies.
   */
  readonly errorDocument?: { readonly key: "document" | "body"; readonly reader: string } | undefined;
}

/**
 * A codec whose documents are one value written and read by the same code (JSON, CBOR): the RPC
 * protocols send the whole input as one such document.
 */
export interface DocumentCodec extends Codec<JsonCode, JsonCode> {
  readonly bodyReader: string;
  /** A request body holding `literal`, the object literal of the input's members (undefined when it has none; `unit` when the input is Unit). */
  readonly documentBody: (literal: string | undefined, unit: boolean, ctx: EmitContext, runtime: RuntimeImports) => string;
  /** An expression reading the whole output from `body` at once, when the codec reads bytes straight into shapes. */
  readonly outputReader?: ((code: JsonCode, output: Shape) => string) | undefined;
  /** How event payloads are written and read as its documents; `contentType` is the media type their `:content-type` names (the protocol's). */
  readonly eventPayloads: (ctx: EmitContext, runtime: RuntimeImports, contentType: string) => EventPayloadCodec;
}
