// Byte arrays joined: a body or a frame that arrived in chunks, as one Uint8Array.

/** `chunks` as one array (the chunk itself when there is one; an empty array for none). */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  let length = 0;
  for (const c of chunks) length += c.length;
  const all = new Uint8Array(length);
  length = 0;
  for (const c of chunks) {
    all.set(c, length);
    length += c.length;
  }
  return all;
}
