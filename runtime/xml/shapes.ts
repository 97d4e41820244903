// Reading lists, maps and unions out of XML elements, for the deserializers the XML codec
// generates (restXml, awsQuery, ec2Query alike). A wrapped collection is one element holding its
// items; a flattened one is a run of same-named children of the parent, read one by one.

import { put } from "../properties.js";
import type { XmlElement } from "./reader.js";

/** The text of an element (the reader of string and enum items). */
export const xmlText = (e: XmlElement): string => e.text;

/** A wrapped list `<L><member>…</member>…</L>`: the children named `item`, each read by `read`. */
export function xmlList<T>(e: XmlElement, item: string, read: (x: XmlElement) => T): T[] {
  const out: T[] = [];
  for (const c of e.children) if (c.name === item) out.push(read(c));
  return out;
}

/** A wrapped map `<M><entry><key>…</key><value>…</value></entry>…</M>`: every `entry` child read by xmlMapEntry. */
export function xmlMap<T>(e: XmlElement, entry: string, key: string, value: string, read: (x: XmlElement) => T): Record<string, T> {
  const out: Record<string, T> = {};
  for (const c of e.children) if (c.name === entry) xmlMapEntry(out, c, key, value, read);
  return out;
}

/**
 * Adds one entry `<…><key>k</key><value>v</value></…>` to `map` (the value read by `read`); an
 * entry without its key or value adds nothing. Flattened maps call it for each of their elements.
 */
export function xmlMapEntry<T>(map: Record<string, T>, entry: XmlElement, key: string, value: string, read: (x: XmlElement) => T): Record<string, T> {
  let k: XmlElement | undefined;
  let v: XmlElement | undefined;
  for (const c of entry.children) {
    if (c.name === key) k ??= c;
    else if (c.name === value) v ??= c;
  }
  if (k !== undefined && v !== undefined) put(map, k.text, read(v));
  return map;
}

/** A union member this client does not know: its element name and the element itself; `{}` for an empty union element. */
export function xmlUnknownMember(e: XmlElement): any {
  const c = e.children[0];
  return c === undefined ? {} : { $unknown: [c.name, c] };
}

/** The own property `k` of `o` (a flattened collection being filled), set to `initial` first when there is none (prototype names included). */
export function slot<T>(o: any, k: string, initial: T): T {
  if (!Object.hasOwn(o, k)) put(o, k, initial);
  return o[k];
}
