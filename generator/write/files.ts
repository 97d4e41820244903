// File-system helpers of the write step: which files a package folder holds, and writing one
// file so that readers see either its old or its new bytes, never a part (a temporary file in the
// same folder, flushed, then renamed over the target: rename is atomic within a file system).

import { mkdir, open, readdir, rename, rm } from "node:fs/promises";
import { basename, dirname, join, relative, sep } from "node:path";

/** Folders inside a package that belong to its build or install, never to the generator. */
const KEEP = new Set(["node_modules", "dist"]);
/** Temporary files are hidden dot-files with this suffix, so watchers of *.ts ignore them. */
const TEMP_SUFFIX = ".codegen-tmp";

const isTempFile = (path: string) => path.endsWith(TEMP_SUFFIX);

/** Where `target`'s new bytes are staged before the rename. */
function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}${TEMP_SUFFIX}`);
}

/** Every file under the folder (relative, `/`-separated, sorted), outside node_modules/ and dist/. */
export async function listPackageFiles(dir: string, { temps = false } = {}): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/"))
    .filter((rel) => !KEEP.has(rel.split("/")[0]!) && isTempFile(rel) === temps)
    .sort();
}

/** Writes and flushes the staged copy of `target`; returns its path. */
export async function stageFile(target: string, content: string): Promise<string> {
  await mkdir(dirname(target), { recursive: true });
  const temp = tempPathFor(target);
  const handle = await open(temp, "w");
  try {
    await handle.writeFile(content);
    await handle.datasync();
  } finally {
    await handle.close();
  }
  return temp;
}

export async function writeFileAtomically(target: string, content: string): Promise<void> {
  const temp = await stageFile(target, content);
  try {
    await rename(temp, target);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}
