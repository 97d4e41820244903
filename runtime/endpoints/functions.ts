// The rules engine's standard library and AWS functions (smithy rules-engine spec), called by
// the resolver each service's rule set is compiled to. An empty optional is `undefined`.

/** The structure `parseURL` returns. */
export interface RulesUrl {
  readonly scheme: string;
  readonly authority: string;
  readonly path: string;
  readonly normalizedPath: string;
  readonly isIp: boolean;
}

/** The structure `aws.parseArn` returns. */
export interface Arn {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly accountId: string;
  readonly resourceId: string[];
}

export function booleanEquals(a: boolean | undefined, b: boolean | undefined): boolean {
  return a === b;
}

export function stringEquals(a: string | undefined, b: string | undefined): boolean {
  return a === b;
}

const HOST_LABEL = /^[a-zA-Z0-9][a-zA-Z0-9-]{0,62}$/;

/** An RFC 1123 host label, or with `allowSubDomains` labels joined by dots. */
export function isValidHostLabel(value: string, allowSubDomains: boolean): boolean {
  if (!allowSubDomains) return HOST_LABEL.test(value);
  return value.split(".").every((label) => HOST_LABEL.test(label));
}

/** Node ≥ 20's and browsers' global; declared because generated packages compile without the DOM library. */
declare const URL: new (url: string) => { readonly hostname: string };

const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const SCHEME_AUTHORITY = /^(https?):\/\/([^/?#]*)(.*)$/i;

/** The parts of an http(s) URL without query or fragment; the authority and path as written. */
export function parseURL(value: string): RulesUrl | undefined {
  const match = SCHEME_AUTHORITY.exec(value);
  if (match === null) return undefined;
  const [, scheme, rawAuthority, path] = match as unknown as [string, string, string, string];
  if (value.includes("?") || value.includes("#")) return undefined;
  let host: string;
  try {
    host = new URL(value).hostname;
  } catch {
    return undefined;
  }
  // Userinfo is never part of the authority the rules see.
  const authority = rawAuthority.slice(rawAuthority.lastIndexOf("@") + 1);
  if (authority === "") return undefined;
  const isIp = IPV4.test(host) || host.startsWith("[");
  return { scheme: scheme.toLowerCase(), authority, path, normalizedPath: path.endsWith("/") ? path : `${path}/`, isIp };
}

/** `input[start, stop)` counted from the end when `reverse`; empty when out of range or not ASCII. */
export function substring(input: string, start: number, stop: number, reverse: boolean): string | undefined {
  if (start >= stop || input.length < stop || /[^\x00-\x7f]/.test(input)) return undefined;
  return reverse ? input.slice(input.length - stop, input.length - start) : input.slice(start, stop);
}

/** Percent-encodes everything but RFC 3986's unreserved characters. */
export function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Splits on a non-empty delimiter: `limit` 0 splits all, 1 none, n at most n parts. */
export function split(value: string, delimiter: string, limit: number): string[] {
  const parts = value.split(delimiter);
  if (limit === 0 || parts.length <= limit) return parts;
  return [...parts.slice(0, limit - 1), parts.slice(limit - 1).join(delimiter)];
}

/** `arn:partition:service:region:account:resource`, the resource split on `:` and `/`. */
export function parseArn(value: string): Arn | undefined {
  const parts = value.split(":");
  if (parts.length < 6 || parts[0] !== "arn") return undefined;
  const [, partition, service, region, accountId] = parts as [string, string, string, string, string];
  const resource = parts.slice(5).join(":");
  if (partition === "" || service === "" || resource === "") return undefined;
  return { partition, service, region, accountId, resourceId: resource.split(/[:/]/) };
}

/**
 * A bucket name usable as a host label: a host label of 3–63 lowercase characters that is not
 * an IPv4 address; with `allowSubDomains`, dot-joined labels that each are one.
 */
export function isVirtualHostableS3Bucket(value: string, allowSubDomains: boolean): boolean {
  if (allowSubDomains) return value.split(".").every((label) => isVirtualHostableS3Bucket(label, false));
  return value.length >= 3 && HOST_LABEL.test(value) && value === value.toLowerCase() && !IPV4.test(value);
}
