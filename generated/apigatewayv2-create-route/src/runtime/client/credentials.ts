// A copy of smithy-ts-codegen's runtime/client/credentials.ts, written by the generator: do not edit.
// Credentials as SDK v3 takes them: a static object, an `AwsCredentialIdentityProvider` (every
// @aws-sdk/credential-providers provider plugs in), or by default the AWS_* environment
// variables. Nothing of the SSO/STS/IMDS chain is here: a user who needs it imports it.

import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";
import { platform } from "./platform.js";

/** SDK v3 refreshes credentials this long before they expire. */
export const CREDENTIAL_REFRESH_WINDOW_MS = 5 * 60 * 1000;

export type CredentialsConfig = AwsCredentialIdentity | AwsCredentialIdentityProvider;

/** Credentials from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and (optionally) AWS_SESSION_TOKEN. */
export const fromEnv = (): AwsCredentialIdentityProvider => async () => {
  const env = platform.process?.env ?? {};
  const accessKeyId = env["AWS_ACCESS_KEY_ID"];
  const secretAccessKey = env["AWS_SECRET_ACCESS_KEY"];
  if (!accessKeyId || !secretAccessKey) {
    throw Object.assign(
      new Error(
        "Could not load credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or pass `credentials` " +
          "(an object or a provider such as those of @aws-sdk/credential-providers) in the client config"
      ),
      { name: "CredentialsProviderError" }
    );
  }
  const sessionToken = env["AWS_SESSION_TOKEN"];
  return sessionToken ? { accessKeyId, secretAccessKey, sessionToken } : { accessKeyId, secretAccessKey };
};

/**
 * One provider for the client: a static object as is; a provider's result cached until it is
 * within the refresh window of its `expiration` (never expiring when it has none). A failed
 * call is not cached, so the next request asks again; concurrent requests share one call.
 */
export function credentialProvider(
  credentials: CredentialsConfig | undefined,
  now: () => number = Date.now
): () => Promise<AwsCredentialIdentity> {
  if (credentials !== undefined && typeof credentials !== "function") {
    const fixed = Promise.resolve(credentials);
    return () => fixed;
  }
  const provider = credentials ?? fromEnv();
  let cached: Promise<AwsCredentialIdentity> | undefined;
  let expiresAt = Infinity;
  return () => {
    if (cached === undefined || now() >= expiresAt - CREDENTIAL_REFRESH_WINDOW_MS) {
      const pending = provider().then(
        (identity) => {
          expiresAt = identity.expiration?.getTime() ?? Infinity;
          return identity;
        },
        (error: unknown) => {
          if (cached === pending) cached = undefined;
          throw error;
        }
      );
      cached = pending;
      expiresAt = Infinity;
    }
    return cached;
  };
}
