// The up-to-date stamp that lets a run with nothing to do finish without loading the pipeline.
// It lives in the package folder at node_modules/.cache/smithy-ts-codegen/stamp.json: never
// committed (node_modules/ is ignored everywhere), outside what the write step and the golden
// test compare, and gone with the package. It records a hash of everything the output depends
// on (the generator's own code, templates and runtime, the settings, the model files' names and bytes)
// and the hash of every file written. It is trusted only when the inputs hash matches and the
// files on disk still hash to the recorded values (and no other file has appeared).

import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { EmittedFile } from "../emit/context.js";
import { projectRoot } from "../project-root.js";
import { listPackageFiles, writeFileAtomically } from "./files.js";

export const CACHE_DIR = join("node_modules", ".cache", "smithy-ts-codegen");
const STAMP_VERSION = 1;

export interface Stamp {
  readonly version: number;
  readonly inputs: string;
  /** The files were type-checked when written; a run that asks for the check cannot skip it otherwise. */
  readonly typechecked: boolean;
  /** Relative path → sha256 of its bytes. */
  readonly files: Readonly<Record<string, string>>;
}

const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

/**
 * The hash of everything the output depends on (`settings`: plain JSON, keys in a fixed order),
 * or undefined when a model cannot be read (generating will say why).
 */
export async function inputsHash(models: readonly string[], settings: unknown): Promise<string | undefined> {
  const hash = createHash("sha256");
  hash.update(`${STAMP_VERSION}\0${generatorFingerprint()}\0${JSON.stringify(settings)}\0`);
  try {
    for (const model of models) {
      for (const file of await filesUnder(model)) {
        // The header names the files; their bytes are the model. A folder hashes every file it holds.
        hash.update(`${file}\0`).update(await readFile(file)).update("\0");
      }
    }
  } catch {
    return undefined;
  }
  return hash.digest("hex");
}

export async function readStamp(outDir: string): Promise<Stamp | undefined> {
  try {
    const stamp = JSON.parse(await readFile(join(outDir, CACHE_DIR, "stamp.json"), "utf8")) as Stamp;
    return stamp.version === STAMP_VERSION && typeof stamp.files === "object" ? stamp : undefined;
  } catch {
    return undefined;
  }
}

/** True when the stamp was made from these inputs and the package on disk is exactly what it recorded. */
export async function stampHolds(outDir: string, stamp: Stamp | undefined, inputs: string | undefined, needsTypecheck: boolean): Promise<boolean> {
  if (stamp === undefined || inputs === undefined || stamp.inputs !== inputs || (needsTypecheck && !stamp.typechecked)) return false;
  const onDisk = await listPackageFiles(outDir);
  const recorded = Object.keys(stamp.files).sort();
  if (onDisk.length !== recorded.length || onDisk.some((f, i) => f !== recorded[i])) return false;
  for (const file of onDisk) {
    const bytes = await readFile(join(outDir, file)).catch(() => undefined);
    if (bytes === undefined || sha256(bytes) !== stamp.files[file]) return false;
  }
  return true;
}

/** Records the package just written (left alone when it already says exactly that). */
export async function writeStamp(outDir: string, inputs: string, typechecked: boolean, files: readonly EmittedFile[]): Promise<void> {
  const stamp: Stamp = { version: STAMP_VERSION, inputs, typechecked, files: Object.fromEntries(files.map((f) => [f.path, sha256(f.content)])) };
  const path = join(outDir, CACHE_DIR, "stamp.json");
  const text = `${JSON.stringify(stamp, null, 2)}\n`;
  if ((await readFile(path, "utf8").catch(() => undefined)) !== text) await writeFileAtomically(path, text);
}

async function filesUnder(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => undefined);
  if (info === undefined || !info.isDirectory()) return [path];
  const entries = readdirSync(path, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();
}

let fingerprint: string | undefined;

/** A hash of the running generator: its compiled code, its templates and its package.json (dependency versions). */
function generatorFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const hash = createHash("sha256");
  const code = dirname(dirname(fileURLToPath(import.meta.url)));
  const root = projectRoot();
  for (const dir of [code, join(root, "templates"), join(root, "runtime")]) {
    const files = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.(js|ts|hbs)$/.test(e.name))
      .map((e) => join(e.parentPath, e.name))
      .sort();
    for (const file of files) hash.update(`${relative(dir, file).split(sep).join("/")}\0`).update(readFileSync(file)).update("\0");
  }
  hash.update(readFileSync(join(root, "package.json")));
  fingerprint = hash.digest("hex");
  return fingerprint;
}
