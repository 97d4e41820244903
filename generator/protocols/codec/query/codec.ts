// The query codec (awsQuery, ec2Query): requests are form pairs written by QueryWriteCode in the
// dialect's key names; responses and errors are XML, read by the XML codec's reader inside the
// protocol's wrappers (runtime/query/responses.ts).

import type { Codec } from "../codec.js";
import { XmlReadCode } from "../xml/xml-read-code.js";
import { QueryWriteCode, type QueryDialect } from "./query-write-code.js";

export const queryCodec = (dialect: QueryDialect): Codec<QueryWriteCode, XmlReadCode> => ({
  name: dialect,
  contentType: "application/x-www-form-urlencoded",
  code: (ctx, runtime) => ({ writer: new QueryWriteCode(ctx.index, ctx.symbols, runtime, dialect), reader: new XmlReadCode(ctx.index, ctx.symbols, runtime) }),
  errorDocument: { key: "body", reader: "queryErrorBody" },
});
