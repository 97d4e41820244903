// Every real AWS model in ../shared/models/aws loads, and its package (client and server)
// generates and compiles under the strict flags, with no unused local: no dead code in the output.

import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fileOf, generate, SHARED_DIR, SHARED_MISSING, typecheck } from "../helpers/codegen.js";

const dir = SHARED_DIR === undefined ? undefined : join(SHARED_DIR, "models", "aws");
const models = dir === undefined ? [] : readdirSync(dir).filter((f) => f.endsWith(".json")).sort();

describe.skipIf(dir === undefined)(`AWS models (${dir === undefined ? SHARED_MISSING : `${models.length} models`})`, () => {
  it("finds the ten shared models", () => {
    expect(models.length).toBe(10);
  });
  for (const model of models) {
    it(`${model} generates and type-checks`, async () => {
      const files = await generate([join(dir!, model)], { options: { targets: ["client", "server"] } });
      expect(fileOf(files, "src/models.ts")).toMatch(/export interface \w+/);
      expect(fileOf(files, "src/errors.ts")).toMatch(/export class \w+ServiceException extends Error/);
      await typecheck(files, model, { noUnusedLocals: true });
    }, 120_000);
  }
});
