// A server's strict reading of request CBOR: StrictJson's checks (strings are strings, integers
// in range, one union member, no nulls in dense collections), with the scalar types CBOR carries
// natively read by runtime/rpcv2cbor/body.ts, which throws on a value of another CBOR type.

import type { Member, Shape } from "../../../model/model.js";
import { StrictJson } from "../json/strict-json.js";
import { CBOR_READERS } from "./cbor-code.js";

export class StrictCbor extends StrictJson {
  override fromJson(target: Shape, expr: string, member?: Member): string {
    const reader = CBOR_READERS[target.type];
    return reader === undefined ? super.fromJson(target, expr, member) : `${this.runtime.use(reader)}(${expr})`;
  }
}
