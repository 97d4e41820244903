// What the awsJson protocols take from traits besides the shapes: the version, awsQuery
// compatibility (SQS and other services that once spoke awsQuery) and awsQuery error codes.

import { errorFault } from "../../model/errors.js";
import type { Shape } from "../../model/model.js";
import { nameOf } from "../../model/shape-id.js";

export type AwsJsonVersion = "1.0" | "1.1";

/** `aws.protocols#awsQueryCompatible`: errors also carry their awsQuery code and fault in `x-amzn-query-error`. */
export const isQueryCompatible = (service: Shape): boolean => service.traits.has("aws.protocols#awsQueryCompatible");

/** The `code` of an error's `aws.protocols#awsQueryError`, when it has one. */
export function awsQueryErrorCode(error: Shape): string | undefined {
  const trait = error.traits.get("aws.protocols#awsQueryError") as { code?: unknown } | undefined;
  return typeof trait?.code === "string" ? trait.code : undefined;
}

/** The `x-amzn-query-error` header entry of an error response (object-literal text): its awsQuery code and fault. */
export function queryErrorHeader(error: Shape): string {
  const code = awsQueryErrorCode(error) ?? nameOf(error.id);
  return `"x-amzn-query-error": ${JSON.stringify(`${code};${errorFault(error) === "client" ? "Sender" : "Receiver"}`)}`;
}
