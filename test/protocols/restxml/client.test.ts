// restXml protocol compliance, client side (the shared harness: ../compliance.ts), XML bodies
// compared as documents. The RestXmlWithNamespace service counts on its own line; S3's cases
// (restXml/services/) count as restXml.

import { clientCompliance } from "../compliance.js";
import { CLIENT_SKIPS } from "./skips.js";
import { xmlBodyEquals } from "./xml-compare.js";

await clientCompliance({
  name: "restXml",
  traitId: "aws.protocols#restXml",
  skips: CLIENT_SKIPS,
  bodyEquals: xmlBodyEquals,
  lineOf: (service) => (service === "RestXmlWithNamespace" ? "restXmlWithNamespace" : "restXml"),
});
