// Every real AWS model in ../shared/models/aws loads, and its package (client and server)
// generates and compiles under the strict flags, with no unused local: no dead code in the output.
// Every one declares a protocol with a plugin, so every one gets serde, and a server when the
// protocol has a server side (awsQuery, ec2Query and restXml are client only). One type-check per model keeps this lean (S3's
// 2.3 MB model is the slowest: about 6 s here).

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROTOCOLS } from "../../generator/protocols/index.js";
import { fileOf, generate, SHARED_DIR, SHARED_MISSING, typecheck } from "../helpers/codegen.js";

const dir = SHARED_DIR === undefined ? undefined : join(SHARED_DIR, "models", "aws");
const models = dir === undefined ? [] : readdirSync(dir).filter((f) => f.endsWith(".json")).sort();
const declares = (model: string, protocol: string) => readFileSync(join(dir!, model), "utf8").includes(`"${protocol}"`);
const isRestJson1 = (model: string) => declares(model, "aws.protocols#restJson1");
const pluginOf = (model: string) => [...PROTOCOLS.values()].find((plugin) => declares(model, plugin.traitId));

describe.skipIf(dir === undefined)(`AWS models (${dir === undefined ? SHARED_MISSING : `${models.length} models`})`, () => {
  it("finds the twenty shared models, of every protocol", () => {
    expect(models.length).toBe(20);
    expect(models.filter(isRestJson1).length).toBe(10);
  });
  for (const model of models) {
    it(`${model} generates and type-checks`, async () => {
      const files = await generate([join(dir!, model)], { options: { targets: ["client", "server"] } });
      expect(fileOf(files, "src/models.ts")).toMatch(/export interface \w+/);
      expect(fileOf(files, "src/errors.ts")).toMatch(/export class \w+ServiceException extends \$?ServiceException \{\}/);
      expect(fileOf(files, "src/validators.ts")).toMatch(/export function validate\w+/);
      const paths = files.map((f) => f.path);
      const plugin = pluginOf(model);
      expect(plugin).toBeDefined();
      expect(paths.filter((p) => p === "src/protocol.ts" || p === "src/server.ts")).toEqual(["src/protocol.ts", ...(plugin!.emitServer === undefined ? [] : ["src/server.ts"])]);
      await typecheck(files, model, { noUnusedLocals: true });
    }, 120_000);
  }
});
