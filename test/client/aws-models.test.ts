// The client emitted for every shared AWS model whose protocol plugin has a client (restJson1,
// awsJson1_0 and awsJson1_1 so far; the registry says which): it type-checks with its package and runtime under the generator's strict flags
// plus noUnusedLocals — names (bedrock's ConverseStreamOutput clash), paginators and waiters
// of real models.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "vitest";
import { PROTOCOLS } from "../../generator/protocols/index.js";
import { SHARED_DIR, SHARED_MISSING, typecheck } from "../helpers/codegen.js";
import { clientPackage } from "./client-package.js";

const dir = SHARED_DIR === undefined ? "" : join(SHARED_DIR, "models", "aws");
const models = SHARED_DIR === undefined
  ? []
  : readdirSync(dir).filter((f) => {
    const shapes = Object.values((JSON.parse(readFileSync(join(dir, f), "utf8")) as { shapes: Record<string, { type: string; traits?: object }> }).shapes);
    const traits = Object.keys(shapes.find((s) => s.type === "service")?.traits ?? {});
    return traits.some((t) => PROTOCOLS.get(t)?.clientOperations !== undefined);
  });

describe.skipIf(SHARED_DIR === undefined)(`the client of every shared AWS model with a client protocol (${SHARED_DIR === undefined ? SHARED_MISSING : `${models.length} models`})`, () => {
  it.each(models)("%s: client.ts type-checks with its package", async (file) => {
    const files = await clientPackage([join(dir, file)], { targets: ["client"] });
    await typecheck(files, file, { noUnusedLocals: true });
  }, 300_000);
});
