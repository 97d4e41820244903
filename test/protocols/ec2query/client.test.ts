// ec2Query protocol compliance, client side (the harness is ../awsquery/compliance.ts).

import { queryCompliance } from "../awsquery/compliance.js";
import { EC2QUERY_CLIENT_SKIPS } from "./skips.js";

await queryCompliance("ec2Query", EC2QUERY_CLIENT_SKIPS);
