// The one list of protocol compliance cases that do not run, each with its reason. The
// protocol-tests runner prints them and their number.

const CUSTOMIZATION = "an AWS SDK customization of that service (SDK middleware), not part of the restJson1 protocol";

export const CLIENT_SKIPS: Record<string, string> = {
  ApiGatewayAccept: `${CUSTOMIZATION}: API Gateway's Accept: application/json`,
  GlacierVersionHeader: `${CUSTOMIZATION}: Glacier's x-amz-glacier-version header`,
  GlacierChecksums: `${CUSTOMIZATION}: Glacier's tree-hash checksum headers`,
  GlacierMultipartChecksums: `${CUSTOMIZATION}: Glacier's tree-hash checksum headers`,
  GlacierAccountId: `${CUSTOMIZATION}: Glacier's "-" default account id`,
};

export const SERVER_SKIPS: Record<string, string> = {
  RestJsonOmitsEmptyListQueryValues: "its operation is tagged client-only: a request without the query parameters cannot tell a server the lists were empty",
  RestJsonEndpointTraitWithHostLabel:
    "a client host-prefix case whose JSON body comes without Content-Type, which servers must refuse with 415 (RestJsonWithBodyExpectsApplicationJsonContentTypeNoHeaders)",
  SDKAppliedContentEncoding_restJson1: "client request compression: the case has no request body (the client's gzip output), so a server has no `data` to read",
  SDKAppendedGzipAfterProvidedEncoding_restJson1: "client request compression: the case has no request body (the client's gzip output), so a server has no `data` to read",
};

/**
 * Client request cases that expect every nested @default to be written: the Smithy spec's
 * "SHOULD", which a client does only with `populateDefaults` (AWS SDKs send only what the caller
 * set, and so does a generated client by default). They run against a package generated with it.
 */
export const POPULATE_DEFAULTS_CASES: Record<string, string> = {
  RestJsonClientPopulatesDefaultValuesInInput: "nested @default members left unset are written",
  RestJsonClientPopulatesNestedDefaultValuesWhenMissing: "nested @default members left unset are written",
};
