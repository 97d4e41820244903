// CBOR codec for Smithy's rpcv2Cbor protocol (RFC 8949).
export { decode } from "./decode.js";
export { encode } from "./encode.js";
export { CborDecimal, CborDecodeError, MAX_DEPTH } from "./values.js";
