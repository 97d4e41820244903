// The aws.protocols#awsQuery and ec2Query plugins: the form-POST RPC transport and the query
// codec (form pairs out, XML back); the dialects differ in key names and list flattening (the
// codec's) and in the wrappers around responses and errors (their quirks). Client side only.

import { compose } from "../protocol.js";
import { queryCodec } from "../codec/query/codec.js";
import type { QueryDialect } from "../codec/query/query-write-code.js";
import { formPost } from "../transport/rpc/rpc.js";
import { emitQueryClient, type QueryProtocol } from "./client.js";

const protocol = (dialect: QueryDialect): QueryProtocol => ({
  traitId: `aws.protocols#${dialect}`,
  name: dialect,
  transport: formPost,
  codec: queryCodec(dialect),
  eventStreams: false,
  quirks: dialect === "awsQuery"
    ? { resultWrapper: "<OpResponse><OpResult>", errorWrapper: "<ErrorResponse><Error>", result: (runtime, action) => `${runtime.use("awsQueryResult")}(body, ${JSON.stringify(`${action}Result`)}, $metadata)` }
    : { resultWrapper: "<OpResponse>", errorWrapper: "<Response><Errors><Error>", result: (runtime) => `${runtime.use("ec2QueryResult")}(body, $metadata)` },
});

export const awsQuery = compose(protocol("awsQuery"), emitQueryClient);
export const ec2Query = compose(protocol("ec2Query"), emitQueryClient);
