// The awsJson1_0 and awsJson1_1 compliance cases that do not run, each with its reason.

const ERROR_CORRECTION =
  "client error correction (filling @required members a server left out with zero values) is not done, as AWS SDK v3 does not: the SDK differential requires our output to match its";

export const CLIENT_SKIPS: Record<string, string> = {
  AwsJson10ClientErrorCorrectsWhenServerFailsToSerializeRequiredValues: ERROR_CORRECTION,
  MachinelearningPredictEndpoint: "an AWS SDK customization of Amazon Machine Learning (the PredictEndpoint input member becomes the host), not part of awsJson1_1",
};

const REQUEST_HEADERS_IN_RESPONSE = "a response case that expects a request header (or a request id) in the response, which a server does not write";

export const SERVER_SKIPS: Record<string, string> = {
  SDKAppliedContentEncoding_awsJson1_0: "client request compression: the case has no request body (the client's gzip output), so a server has no `data` to read",
  SDKAppendsGzipAndIgnoresHttpProvidedEncoding_awsJson1_0: "client request compression: the case has no request body (the client's gzip output), so a server has no `data` to read",
  SDKAppliedContentEncoding_awsJson1_1: "client request compression: the case has no request body (the client's gzip output), so a server has no `data` to read",
  SDKAppendsGzipAndIgnoresHttpProvidedEncoding_awsJson1_1: "client request compression: the case has no request body (the client's gzip output), so a server has no `data` to read",
  AwsJson11IntEnums: `${REQUEST_HEADERS_IN_RESPONSE} (X-Amz-Target)`,
  parses_the_request_id_from_the_response: `${REQUEST_HEADERS_IN_RESPONSE} (X-Amzn-Requestid: the client reads it; a server's framework sets it)`,
  MachinelearningPredictEndpoint: "an AWS SDK customization of Amazon Machine Learning (the PredictEndpoint input member becomes the host), not part of awsJson1_1",
};

/**
 * The client cases that expect nested @default members filled in: they run on their operations
 * generated with `populateDefaults` (by default a client sends only what the caller set).
 */
export const POPULATE_DEFAULTS_CASES: Record<string, string> = {
  AwsJson10ClientPopulatesDefaultValuesInInput: "nested @default members left unset are written",
  AwsJson10ClientPopulatesNestedDefaultValuesWhenMissing: "nested @default members left unset are written",
};
