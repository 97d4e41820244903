#!/usr/bin/env node
// Runs the built generator (npm run build writes dist/).
import { main } from "../dist/cli.js";

process.exitCode = await main(process.argv.slice(2));
