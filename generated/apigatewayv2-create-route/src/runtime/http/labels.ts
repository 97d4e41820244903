// A copy of smithy-ts-codegen's runtime/http/labels.ts, written by the generator: do not edit.
// URI labels (`@httpLabel`) and host labels (`@hostLabel`).

/** A URI label: a non-empty scalar, percent-encoded except RFC 3986 unreserved characters. */
export function label(value: unknown, name: string): string {
  if (value === "" || !["string", "number", "boolean", "bigint"].includes(typeof value)) {
    throw new Error(`the HTTP label ${name} is missing or empty, or not a string, number or boolean`);
  }
  const text = String(value);
  // Most labels are ids that need no escaping: a regex test is several times cheaper than encoding.
  if (/^[\w.~-]+$/.test(text)) return text;
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
}

/** A greedy label (`{name+}`): as `label`, keeping `/`. */
export const greedyLabel = (value: unknown, name: string): string => label(value, name).replace(/%2F/g, "/");

/** A host label of the endpoint's host prefix: letters, digits, hyphens and dots only. */
export function hostLabel(value: unknown, name: string): string {
  if (typeof value !== "string" || !/^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/.test(value)) {
    throw new Error(`the host label ${name} is missing or not a valid part of a host name`);
  }
  return value;
}
