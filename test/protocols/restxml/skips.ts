// The restXml compliance cases that do not run, each with its reason.

const COMPRESSION = "@requestCompression (gzip request bodies) is not implemented yet (restJson1 and awsJson skip their cases too)";

const S3_ADDRESSING =
  "S3 addressing is an SDK customization outside restXml: the SDK's endpoint rules (src/endpoints.ts here) move the Bucket label into the host (virtual-hosted style, dual-stack, accelerate) and out of the path; the serializer writes the model's path-style URI, which s3rver and path-style S3 take";

export const CLIENT_SKIPS: Record<string, string> = {
  SDKAppliedContentEncoding_restXml: COMPRESSION,
  SDKAppendedGzipAfterProvidedEncoding_restXml: COMPRESSION,
  S3EscapeObjectKeyInUriLabel: S3_ADDRESSING,
  S3EscapePathObjectKeyInUriLabel: S3_ADDRESSING,
  S3PreservesLeadingDotSegmentInUriLabel: S3_ADDRESSING,
  S3PreservesEmbeddedDotSegmentInUriLabel: S3_ADDRESSING,
  S3DefaultAddressing: S3_ADDRESSING,
  S3VirtualHostAddressing: S3_ADDRESSING,
  S3VirtualHostDualstackAddressing: S3_ADDRESSING,
  S3VirtualHostAccelerateAddressing: S3_ADDRESSING,
  S3VirtualHostDualstackAccelerateAddressing: S3_ADDRESSING,
  S3OperationAddressingPreferred: S3_ADDRESSING,
};
