// The client emitted for every shared AWS model whose protocol the generator serializes
// (restJson1): it type-checks with its package and runtime under the generator's strict flags
// plus noUnusedLocals — names (bedrock's ConverseStreamOutput clash), paginators and waiters
// of real models.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "vitest";
import { SHARED_DIR, SHARED_MISSING, typecheck } from "../helpers/codegen.js";
import { clientPackage } from "./client-package.js";

const dir = SHARED_DIR === undefined ? "" : join(SHARED_DIR, "models", "aws");
const models = SHARED_DIR === undefined
  ? []
  : readdirSync(dir).filter((f) => readFileSync(join(dir, f), "utf8").includes('"aws.protocols#restJson1"'));

describe.skipIf(SHARED_DIR === undefined)(`the client of every shared restJson1 AWS model (${SHARED_DIR === undefined ? SHARED_MISSING : `${models.length} models`})`, () => {
  it.each(models)("%s: client.ts type-checks with its package", async (file) => {
    const files = await clientPackage([join(dir, file)], { targets: ["client"] });
    await typecheck(files, file, { noUnusedLocals: true });
  }, 300_000);
});
