// awsQuery protocol compliance, client side (the harness is compliance.ts).

import { queryCompliance } from "./compliance.js";
import { AWSQUERY_CLIENT_SKIPS } from "./skips.js";

await queryCompliance("awsQuery", AWSQUERY_CLIENT_SKIPS);
