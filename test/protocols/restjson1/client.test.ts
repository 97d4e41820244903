// restJson1 protocol compliance, client side (the shared harness: ../compliance.ts).

import { clientCompliance } from "../compliance.js";
import { CLIENT_SKIPS, POPULATE_DEFAULTS_CASES } from "./skips.js";

await clientCompliance({ name: "restJson1", traitId: "aws.protocols#restJson1", skips: CLIENT_SKIPS, populateDefaultsCases: POPULATE_DEFAULTS_CASES });
