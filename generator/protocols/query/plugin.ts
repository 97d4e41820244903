// The aws.protocols#awsQuery and ec2Query plugins: one RPC transport (POST / with a form body),
// the query codec for requests and the XML codec for responses; the dialects differ in key names,
// list flattening and the wrappers around responses and errors. Client side only (no server).

import type { ProtocolPlugin } from "../index.js";
import { clientNames, clientOperations } from "../awsjson/client.js";
import type { QueryDialect } from "../codec/query/query-write-code.js";
import { emitQueryClient } from "./client.js";

const plugin = (dialect: QueryDialect): ProtocolPlugin => ({
  traitId: `aws.protocols#${dialect}`,
  emitClient: (ctx) => emitQueryClient(dialect, ctx),
  clientOperations,
  names: (ctx) => ((ctx.options.targets ?? ["client"]).includes("client") ? clientNames(ctx) : []),
});

export const awsQuery = plugin("awsQuery");
export const ec2Query = plugin("ec2Query");
