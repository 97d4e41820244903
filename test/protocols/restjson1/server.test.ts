// restJson1 protocol compliance, server side, malformed requests included (the shared harness: ../compliance.ts).

import { serverCompliance } from "../compliance.js";
import { SERVER_SKIPS } from "./skips.js";

await serverCompliance({ name: "restJson1", traitId: "aws.protocols#restJson1", skips: SERVER_SKIPS });
