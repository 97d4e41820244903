// Small facts about shapes and members that the restJson1 code writers share: timestamp
// formats, how a member is read and written safely in generated code, default values.

import type { Member, Shape } from "../../../model/model.js";
import { isIdentifier } from "../../../model/shape-id.js";

export type TimestampFormat = "date-time" | "epoch-seconds" | "http-date";

/** `@timestampFormat` of the member, else of its target, else the location's default. */
export function timestampFormat(member: Member | undefined, target: Shape, fallback: TimestampFormat): TimestampFormat {
  const format = member?.traits.get("smithy.api#timestampFormat") ?? target.traits.get("smithy.api#timestampFormat");
  return format === "date-time" || format === "epoch-seconds" || format === "http-date" ? format : fallback;
}

/** The JSON property name of a member. */
export const jsonName = (m: Member): string => {
  const name = m.traits.get("smithy.api#jsonName");
  return typeof name === "string" ? name : m.name;
};

/**
 * `v.key`, or an own-property read when the key is also an Object.prototype property (a member
 * called `constructor` must not read Object).
 */
export function readProperty(object: string, key: string, own: () => string): string {
  if (key in Object.prototype) return `${own()}(${object}, ${JSON.stringify(key)})`;
  return isIdentifier(key) ? `${object}.${key}` : `${object}[${JSON.stringify(key)}]`;
}

/** A key in an object literal; `__proto__` is computed so it stays an own property. */
export function literalKey(key: string): string {
  if (key === "__proto__") return `["__proto__"]`;
  return isIdentifier(key) ? key : JSON.stringify(key);
}

/** A statement setting `object[key] = value` that never touches a prototype. */
export function writeProperty(object: string, key: string, value: string, put: () => string): string {
  if (key === "__proto__") return `${put()}(${object}, "__proto__", ${value});`;
  return isIdentifier(key) ? `${object}.${key} = ${value};` : `${object}[${JSON.stringify(key)}] = ${value};`;
}

/** Shapes whose values cross JSON unchanged in both directions. */
export function isJsonIdentity(shape: Shape): boolean {
  switch (shape.type) {
    case "string": case "enum": case "boolean": case "byte": case "short": case "integer": case "long":
    case "intEnum": case "document":
      return true;
    default:
      return false;
  }
}

export const isSparse = (shape: Shape): boolean => shape.traits.has("smithy.api#sparse");

/** The `@default` value of a member when it is not null (a null default means no default). */
export function defaultValue(m: Member): { value: unknown } | undefined {
  if (!m.traits.has("smithy.api#default")) return undefined;
  const value = m.traits.get("smithy.api#default");
  return value === null || value === undefined ? undefined : { value };
}

/** A fresh TypeScript expression for a default value of `target` (objects are new each time). */
export function defaultExpression(target: Shape, value: unknown): string {
  switch (target.type) {
    case "timestamp":
      return typeof value === "number" ? `new Date(${value * 1000})` : `new Date(${JSON.stringify(value)})`;
    case "blob": {
      const bytes = Buffer.from(String(value), "base64");
      return `new Uint8Array([${[...bytes].join(", ")}])`;
    }
    case "bigInteger":
      return `${String(value)}n`;
    case "bigDecimal":
      return JSON.stringify(String(value));
    default:
      return JSON.stringify(value);
  }
}
