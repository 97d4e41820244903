// Which authentication an operation takes (authentication-traits.rst): its own @auth, else the
// service's @auth, else every auth scheme trait applied to the service, alphabetically by id.
// The generated client signs with SigV4 only; an operation whose schemes leave SigV4 out (as
// `@auth([])` does) is sent unsigned, and an @optionalAuth one unsigned when no credentials exist.

import type { Model, Shape } from "./model.js";

/** The auth scheme traits the Smithy distribution defines (a model may define more with @authDefinition). */
const KNOWN_SCHEMES: ReadonlySet<string> = new Set([
  "aws.auth#sigv4", "aws.auth#sigv4a", "aws.auth#cognitoUserPools",
  "smithy.api#httpBasicAuth", "smithy.api#httpDigestAuth", "smithy.api#httpBearerAuth", "smithy.api#httpApiKeyAuth",
]);

/** The auth scheme ids an operation supports, in priority order. */
export function authSchemes(model: Model, service: Shape, op: Shape): string[] {
  const own = (op.traits.get("smithy.api#auth") ?? service.traits.get("smithy.api#auth")) as string[] | undefined;
  if (own !== undefined) return own;
  const isScheme = (id: string) => KNOWN_SCHEMES.has(id) || model.shapes.get(id)?.traits.has("smithy.api#authDefinition") === true;
  return [...service.traits.keys()].filter(isScheme).sort();
}

/**
 * How the client signs the operation: "sigv4" always, "optional" when it has credentials (an
 * @optionalAuth operation), "none" never.
 */
export function clientAuth(model: Model, service: Shape, op: Shape): "sigv4" | "optional" | "none" {
  if (!authSchemes(model, service, op).includes("aws.auth#sigv4")) return "none";
  return op.traits.has("smithy.api#optionalAuth") ? "optional" : "sigv4";
}
