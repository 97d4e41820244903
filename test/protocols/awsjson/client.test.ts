// awsJson1_0 and awsJson1_1 protocol compliance, client side (the shared harness: ../compliance.ts).
// Requests are RPC: POST / with no query string.

import { clientCompliance } from "../compliance.js";
import { CLIENT_SKIPS, POPULATE_DEFAULTS_CASES } from "./skips.js";

for (const name of ["awsJson1_0", "awsJson1_1"]) {
  await clientCompliance({ name, traitId: `aws.protocols#${name}`, skips: CLIENT_SKIPS, populateDefaultsCases: POPULATE_DEFAULTS_CASES, noQuery: true });
}
