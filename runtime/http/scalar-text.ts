// Scalars bound to a URI label, the query string or a header travel as text.

/** The text of a scalar bound to a label, the query or a header; an object has none, so it is refused. */
export function scalarText(value: unknown, what: string): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  throw new Error(`${what} must be a string, number or boolean`);
}
