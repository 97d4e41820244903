// Values bound to headers (`@httpHeader`, `@httpPrefixHeaders`), both ways.

import type { HeaderBag } from "@smithy/types";
import { put } from "../properties.js";
import { scalarText } from "./scalar-text.js";

/** A header value; a line break would end the header, so it is refused. */
export function header(value: unknown, name: string): string {
  const s = scalarText(value, `the value of header ${name}`);
  if (/[\r\n]/.test(s)) throw new Error(`the value of header ${name} contains a line break`);
  return s;
}

/** A list as one header: values joined with ", ", quoted when they hold a comma or a quote. */
export function headerList(list: readonly unknown[], name: string, convert?: (x: any) => string, quote = true): string {
  const parts: string[] = [];
  for (const x of Array.isArray(list) ? list : [list]) {
    if (x == null) continue;
    const s = convert === undefined ? scalarText(x, `the value of header ${name}`) : convert(x);
    parts.push(quote && /[,"]/.test(s) ? `"${s.replace(/[\\"]/g, "\\$&")}"` : s);
  }
  return header(parts.join(", "), name);
}

/** `@httpPrefixHeaders`: a header per map entry, named by the prefix and the key. */
export function prefixHeaders(headers: HeaderBag, prefix: string, map: Record<string, string>): void {
  for (const k of Object.keys(map)) {
    const v = map[k];
    if (v != null) put(headers, (prefix + k).toLowerCase(), header(v, prefix + k));
  }
}

/** The headers whose (lower-case) names start with `prefix`, by the rest of their name. */
export function readPrefixHeaders(h: HeaderBag, prefix: string): Record<string, string> {
  const o: Record<string, string> = {};
  for (const k in h) if (k.startsWith(prefix)) put(o, k.slice(prefix.length), h[k]);
  return o;
}

/** A list header split on the commas outside quotes; quoted values are unquoted. */
export function splitHeader(value: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i <= value.length; i++) {
    const c = value[i];
    if (c === "\\" && quoted) i++;
    else if (c === '"') quoted = !quoted;
    else if (c === undefined || (c === "," && !quoted)) {
      parts.push(value.slice(start, i));
      start = i + 1;
    }
  }
  return parts.map((p) => {
    p = p.trim();
    return p.length > 1 && p[0] === '"' && p.endsWith('"') ? p.slice(1, -1).replace(/\\(.)/g, "$1") : p;
  });
}

/** An http-date list: every date holds one comma, so values end at every second comma. */
export function splitDates(value: string): string[] {
  const parts = value.split(",");
  const out: string[] = [];
  for (let i = 0; i < parts.length; i += 2) out.push((i + 1 < parts.length ? `${parts[i]},${parts[i + 1]}` : parts[i]!).trim());
  return out;
}
