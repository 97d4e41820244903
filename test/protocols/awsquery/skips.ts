// The awsQuery compliance cases that do not run, each with its reason.

export const AWSQUERY_CLIENT_SKIPS: Record<string, string> = {};
