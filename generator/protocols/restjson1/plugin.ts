// The aws.protocols#restJson1 plugin (aws-restjson1-protocol.rst): the HTTP-bindings transport,
// the JSON codec with @jsonName honoured, event streams, and its body rules (bodies.ts).

import { compose } from "../protocol.js";
import { jsonCodec } from "../codec/json/codec.js";
import type { JsonCode } from "../codec/json/json-code.js";
import { httpBindingsTransport } from "../transport/http-bindings/transport.js";
import { emitHttpBindingsClient, type HttpProtocol } from "../transport/http-bindings/client.js";
import { restJson1Bodies } from "./bodies.js";
import { emitRestJson1Server } from "./server/emit.js";

const protocol: HttpProtocol<JsonCode, JsonCode> = {
  traitId: "aws.protocols#restJson1",
  name: "restJson1",
  transport: httpBindingsTransport(),
  codec: jsonCodec,
  eventStreams: true,
  quirks: { honourJsonName: true, operationDocs: true, bodies: restJson1Bodies },
};

export const restJson1 = compose(protocol, emitHttpBindingsClient, emitRestJson1Server);
