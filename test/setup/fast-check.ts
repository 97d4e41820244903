// Every fast-check property of the suite runs with one fixed seed, unless this is an
// exploration run (see test/helpers/property-runs.ts), which leaves fast-check to draw new ones.

import fc from "fast-check";
import { EXPLORE, FIXED_SEED, runs } from "../helpers/property-runs.js";

fc.configureGlobal(EXPLORE > 0 ? { numRuns: runs(100) } : { seed: FIXED_SEED });
