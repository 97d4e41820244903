// What SDK v3 does for S3 alone, as its code generator customizes it: S3 is the service whose
// `aws.api#service` sdkId is "S3".

import type { Shape } from "../../model/model.js";

export function isS3(service: Shape): boolean {
  return (service.traits.get("aws.api#service") as { sdkId?: unknown } | undefined)?.sdkId === "S3";
}

/**
 * The URI labels S3's endpoint rules place instead of the path: the rules' URL already carries
 * the bucket (in the host, virtual-hosted, or as the path's first segment with `forcePathStyle`),
 * so `/{Bucket}` is left out of the request path, as SDK v3 leaves it out.
 */
export const endpointLabels = (service: Shape): ReadonlySet<string> => new Set(isS3(service) ? ["Bucket"] : []);
