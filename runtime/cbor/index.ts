// CBOR (RFC 8949) for Smithy's rpcv2Cbor protocol: encode(value) → bytes, decode(bytes) → value.
//
// The value model, both ways:
//   null, boolean, string     CBOR null/undefined (undefined decodes as null), simple values, text
//   number                    integers (safe ones) and floats; decoded integers beyond 2^53 are bigint
//   bigint                    integers up to 64 bits, else bignums (tags 2 and 3)
//   Uint8Array                byte strings (decoded ones never share the input's memory)
//   Date                      tag 1, epoch seconds, millisecond resolution
//   CborDecimal               tag 4, decimal fractions (Smithy's bigDecimal)
//   unknown[]                 arrays
//   plain objects             maps with text keys; undefined members are left out when encoding
// Malformed input throws CborDecodeError; a value outside this model throws TypeError.
export { decode } from "./decode.js";
export { encode } from "./encode.js";
export { CborDecimal, CborDecodeError, MAX_DEPTH } from "./values.js";
