// Event streams, framed as application/vnd.amazon.eventstream: a message is its total length and
// its headers' length (4 bytes each, big-endian), the CRC32 of those 8 bytes, the headers, the
// payload, and the CRC32 of everything before it. A header is its name's length (1 byte), the
// name, a type code and the value: 0 true, 1 false, 2 int8, 3 int16, 4 int32, 5 int64, 6 bytes
// and 7 UTF-8 (each after a 2-byte length), 8 timestamp (int64 milliseconds), 9 UUID (16 bytes).

/** The CRC32 (IEEE) table, one entry per byte value. */
const CRC_TABLE = /* @__PURE__ */ Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

/** The size of a header value of each fixed-size type, by type code (6 and 7 carry their length). */
export const HEADER_SIZES = [0, 0, 1, 2, 4, 8, 0, 0, 8, 16];

/** The CRC32 of the first `end` bytes. */
export function crc32(bytes: Uint8Array, end: number): number {
  let c = -1;
  for (let i = 0; i < end; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}
