// The XML codec: XmlWriteCode's `se_` functions build request documents, XmlReadCode's `de_`
// functions read responses; an error body is an `<Error>` element found by `xmlErrorBody`.

import type { Codec } from "../codec.js";
import { XmlWriteCode } from "./write.js";
import { XmlReadCode } from "./xml-read-code.js";

export const xmlCodec: Codec<XmlWriteCode, XmlReadCode> = {
  name: "XML",
  contentType: "application/xml",
  code: (ctx, runtime) => ({ writer: new XmlWriteCode(ctx.index, ctx.symbols, runtime), reader: new XmlReadCode(ctx.index, ctx.symbols, runtime) }),
  bodyReader: "xmlBody",
  errorDocument: { key: "body", reader: "xmlErrorBody" },
};
