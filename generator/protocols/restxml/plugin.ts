// The aws.protocols#restXml plugin (aws-restxml-protocol.rst): XML documents, HTTP bindings. Client side only.

import type { ProtocolPlugin } from "../index.js";
import { clientOperations } from "../awsjson/client.js";
import { clientNames, emitRestXmlClient } from "./client.js";

export const restXml: ProtocolPlugin = {
  traitId: "aws.protocols#restXml",
  emitClient: emitRestXmlClient,
  clientOperations,
  names: (ctx) => ((ctx.options.targets ?? ["client"]).includes("client") ? clientNames(ctx) : []),
};
