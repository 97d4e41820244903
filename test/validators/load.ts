// Generates a fixture model's package in memory, type-checks it, and imports it, once per fixture.

import { join } from "node:path";
import type { EmittedFile } from "../../generator/emit/context.js";
import { generate, loadGenerated, typecheck } from "../helpers/codegen.js";

export interface Failure {
  path: string;
  constraint: string;
  message: string;
}

export type Validate = (value: unknown) => Failure[];

export const FIXTURES = join(import.meta.dirname, "fixtures");

const OWN = new Set(["package.json", "tsconfig.json", "src/models.ts", "src/errors.ts", "src/validators.ts"]);

/**
 * The files validators.ts needs (with the runtime the package carries), with an index that exports only it: these tests judge the
 * validators, not the other emitters' output.
 */
export function validatorFiles(files: readonly EmittedFile[]): EmittedFile[] {
  return [...files.filter((f) => OWN.has(f.path) || f.path.startsWith("src/runtime/")), { path: "src/index.ts", content: 'export * from "./validators.js";\n' }];
}

const cache = new Map<string, Promise<{ mod: Record<string, unknown>; files: EmittedFile[] }>>();

/** The generated package of `fixtures/<name>.json`, type-checked under the strict flags. */
export function fixturePackage(name: string): Promise<{ mod: Record<string, unknown>; files: EmittedFile[] }> {
  let pending = cache.get(name);
  if (pending === undefined) {
    pending = (async () => {
      const files = validatorFiles(await generate([join(FIXTURES, `${name}.json`)]));
      await typecheck(files, `validators-${name}`);
      const { mod } = await loadGenerated(files);
      return { mod, files };
    })();
    cache.set(name, pending);
  }
  return pending;
}

export async function validatorOf(fixture: string, shape: string): Promise<Validate> {
  const { mod } = await fixturePackage(fixture);
  const fn = mod[`validate${shape}`];
  if (typeof fn !== "function") throw new Error(`fixture ${fixture} has no validate${shape}`);
  return fn as Validate;
}

/** The error `fn` throws, or undefined. */
export function thrown(fn: () => void): Error | undefined {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  return undefined;
}
