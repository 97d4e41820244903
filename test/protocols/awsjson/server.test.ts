// awsJson1_0 and awsJson1_1 protocol compliance, server side (the shared harness: ../compliance.ts;
// the suites have no malformed-request cases).

import { serverCompliance } from "../compliance.js";
import { SERVER_SKIPS } from "./skips.js";

for (const name of ["awsJson1_0", "awsJson1_1"]) {
  await serverCompliance({ name, traitId: `aws.protocols#${name}`, skips: SERVER_SKIPS });
}
