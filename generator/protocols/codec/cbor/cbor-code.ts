// The CBOR value mapping (rpcv2Cbor): JsonCode's per-shape functions, with the scalars CBOR
// carries natively. Floats (NaN and the infinities too), timestamps (tag 1, whatever
// @timestampFormat says), blobs (byte strings) and big integers go to the encoder as they are;
// a bigDecimal's text becomes a decimal fraction (tag 4). Reading checks each of these types
// (runtime/rpcv2cbor/body.ts), so a value of the wrong CBOR type never reaches the output.
// Member names are always the member names (@jsonName is JSON's).

import type { Member, Shape } from "../../../model/model.js";
import { JsonCode, type Direction } from "../json/json-code.js";
import { isJsonIdentity } from "../json/values.js";

/** The runtime/rpcv2cbor reader of each scalar type that CBOR carries natively. */
export const CBOR_READERS: Readonly<Record<string, string>> = {
  float: "cborFloat", double: "cborFloat", timestamp: "cborTimestamp", blob: "cborBlob",
  bigInteger: "cborBigInteger", bigDecimal: "cborBigDecimal",
};

export class CborCode extends JsonCode {
  /** A CBOR-ready value for the non-null `expr`. */
  override toJson(target: Shape, expr: string, member?: Member): string {
    if (target.type === "bigDecimal") return `${this.runtime.use("toCborDecimal")}(${expr})`;
    return CBOR_READERS[target.type] !== undefined ? expr : super.toJson(target, expr, member);
  }

  /** A model value for the non-null decoded CBOR value `expr`. */
  override fromJson(target: Shape, expr: string, member?: Member): string {
    const reader = CBOR_READERS[target.type];
    return reader === undefined ? super.fromJson(target, expr, member) : `${this.runtime.use(reader)}(${expr})`;
  }

  protected override isIdentity(shape: Shape, direction: Direction): boolean {
    return isJsonIdentity(shape) || (direction === "se" && shape.type !== "bigDecimal" && CBOR_READERS[shape.type] !== undefined);
  }
}
