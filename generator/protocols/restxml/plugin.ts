// The aws.protocols#restXml plugin (aws-restxml-protocol.rst): the HTTP-bindings transport (S3's
// bucket left to the endpoint, s3.ts), the XML codec and its body rules (bodies.ts). Client side
// only; event streams over restXml are not specified yet (the spec's "TODO"), so such operations
// (S3's SelectObjectContent) get no serde, and the file says so.

import { compose } from "../protocol.js";
import { xmlCodec } from "../codec/xml/codec.js";
import type { XmlReadCode } from "../codec/xml/xml-read-code.js";
import type { XmlWriteCode } from "../codec/xml/write.js";
import { httpBindingsTransport } from "../transport/http-bindings/transport.js";
import { emitHttpBindingsClient, type HttpProtocol } from "../transport/http-bindings/client.js";
import { restXmlBodies } from "./bodies.js";
import { endpointLabels } from "./s3.js";

const protocol: HttpProtocol<XmlWriteCode, XmlReadCode> = {
  traitId: "aws.protocols#restXml",
  name: "restXml",
  transport: httpBindingsTransport(endpointLabels),
  codec: xmlCodec,
  eventStreams: false,
  quirks: { honourJsonName: false, operationDocs: false, bodies: restXmlBodies },
};

export const restXml = compose(protocol, emitHttpBindingsClient);
