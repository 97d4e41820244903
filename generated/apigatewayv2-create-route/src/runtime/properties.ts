// A copy of smithy-ts-codegen's runtime/properties.ts, written by the generator: do not edit.
// Property access that stays safe for keys Object.prototype also has (`__proto__`, `constructor`).

/** `o[k] = v` that stays an own property even for `__proto__`. */
export function put(o: object, k: string, v: unknown): void {
  if (k === "__proto__") Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  else (o as Record<string, unknown>)[k] = v;
}

/** `o[k]` for keys Object.prototype also has: only an own property counts. */
export const own = (o: any, k: string): any => (Object.hasOwn(o, k) ? o[k] : undefined);
