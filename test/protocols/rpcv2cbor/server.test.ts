// rpcv2Cbor protocol compliance, server side (the shared harness: ../compliance.ts): request cases
// also go through the generated handler's routing; the suite's bodies are base64 CBOR, compared
// by decoded value.

import { serverCompliance } from "../compliance.js";
import { caseBytes, cborBodyEquals } from "./body.js";
import { SERVER_SKIPS } from "./skips.js";

await serverCompliance({
  name: "rpcv2Cbor",
  traitId: "smithy.protocols#rpcv2Cbor",
  skips: SERVER_SKIPS,
  bodyEquals: (actual, expected) => cborBodyEquals(actual, expected),
  caseBody: caseBytes,
  routesRequests: true,
});
