// rpcv2Cbor protocol compliance, client side (the shared harness: ../compliance.ts). Requests are
// RPC (no query string); the suite's bodies are base64 CBOR, compared by decoded value.

import { clientCompliance } from "../compliance.js";
import { caseBytes, cborBodyEquals } from "./body.js";
import { CLIENT_SKIPS, POPULATE_DEFAULTS_CASES } from "./skips.js";

await clientCompliance({
  name: "rpcv2Cbor",
  traitId: "smithy.protocols#rpcv2Cbor",
  skips: CLIENT_SKIPS,
  populateDefaultsCases: POPULATE_DEFAULTS_CASES,
  noQuery: true,
  bodyEquals: (actual, expected) => cborBodyEquals(actual, expected),
  caseBody: caseBytes,
});
