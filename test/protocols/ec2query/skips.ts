// The ec2Query compliance cases that do not run, each with its reason.

export const EC2QUERY_CLIENT_SKIPS: Record<string, string> = {};
