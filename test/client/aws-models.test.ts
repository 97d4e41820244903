// The client emitted for every shared AWS model, in every protocol it declares whose plugin has a
// client (the registry says which; a model of two protocols is generated once per protocol with
// the `protocol` option): it type-checks with its package and runtime under the generator's
// strict flags plus noUnusedLocals — names (bedrock's ConverseStreamOutput clash), paginators and
// waiters of real models.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "vitest";
import { PROTOCOLS } from "../../generator/protocols/index.js";
import { SHARED_DIR, SHARED_MISSING, typecheck } from "../helpers/codegen.js";
import { clientPackage } from "./client-package.js";

const dir = SHARED_DIR === undefined ? "" : join(SHARED_DIR, "models", "aws");
/** [model file, protocol trait id] for each client protocol each model declares. */
const cases = SHARED_DIR === undefined
  ? []
  : readdirSync(dir).flatMap((f) => {
    const shapes = Object.values((JSON.parse(readFileSync(join(dir, f), "utf8")) as { shapes: Record<string, { type: string; traits?: object }> }).shapes);
    const traits = Object.keys(shapes.find((s) => s.type === "service")?.traits ?? {});
    return traits.filter((t) => PROTOCOLS.get(t)?.clientOperations !== undefined).map((t) => [f, t] as const);
  });

describe.skipIf(SHARED_DIR === undefined)(`the client of every shared AWS model with a client protocol (${SHARED_DIR === undefined ? SHARED_MISSING : `${cases.length} model × protocol`})`, () => {
  it.each(cases)("%s (%s): client.ts type-checks with its package", async (file, protocol) => {
    const files = await clientPackage([join(dir, file)], { targets: ["client"], protocol });
    await typecheck(files, `${file}-${protocol.slice(protocol.indexOf("#") + 1)}`, { noUnusedLocals: true });
  }, 300_000);
});
