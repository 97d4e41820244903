// The old side of a comparison taken from git: the model files at a revision, copied into a
// temporary folder (same base names, so headers match) for the generator to read. Messages about
// them name `<rev>:<path>`, not the temporary copy.

import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join, relative } from "node:path";
import { promisify } from "node:util";
import { CodegenError } from "../diagnostics.js";

const run = promisify(execFile);

export interface ModelsAtRevision {
  /** Paths to hand to the generator, one per model path asked for. */
  readonly models: string[];
  /** A temporary copy's path → how messages should name it. */
  readonly labels: ReadonlyMap<string, string>;
  dispose(): Promise<void>;
}

/**
 * The given model paths (files or folders, relative to the working directory) as they were at
 * `revision`. A revision of the form `<rev>:<path>` names one file directly, as `git show` does.
 */
export async function modelsAtRevision(revision: string, paths: readonly string[]): Promise<ModelsAtRevision> {
  const dir = await mkdtemp(join(tmpdir(), "codegen-diff-"));
  const labels = new Map<string, string>();
  const models: string[] = [];
  try {
    const direct = revision.indexOf(":");
    if (direct > 0) {
      const target = join(dir, "0", basename(revision.slice(direct + 1)));
      await copyBlob(revision, target);
      labels.set(target, revision);
      models.push(target);
    } else {
      for (const [i, path] of paths.entries()) {
        const files = await git(["ls-tree", "-r", "--name-only", "-z", revision, "--", path], revision);
        const list = files.toString("utf8").split("\0").filter((f) => f !== "");
        if (list.length === 0) throw new CodegenError([{ file: path, message: `is not in git at revision ${revision}` }]);
        const single = list.length === 1 && list[0] === relative(".", path);
        for (const file of list) {
          const target = single ? join(dir, String(i), basename(file)) : join(dir, String(i), relative(path, file));
          await copyBlob(`${revision}:./${file}`, target);
          labels.set(target, `${revision}:${file}`);
        }
        models.push(single ? join(dir, String(i), basename(list[0]!)) : join(dir, String(i)));
      }
    }
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
  return { models, labels, dispose: () => rm(dir, { recursive: true, force: true }) };
}

async function copyBlob(spec: string, target: string): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, await git(["show", spec], spec));
}

async function git(args: string[], what: string): Promise<Buffer> {
  try {
    const { stdout } = await run("git", args, { encoding: "buffer", maxBuffer: 256 * 1024 * 1024 });
    return stdout;
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: Buffer };
    const reason = err.code === "ENOENT" ? "git is not installed (or not on PATH)" : (err.stderr?.toString("utf8").trim() || err.message);
    throw new CodegenError([{ message: `--from ${what}: not a model file, and git cannot provide it: ${reason}` }]);
  }
}

/** The same problems, naming `<rev>:<path>` instead of the temporary copies. */
export function relabel(e: unknown, labels: ReadonlyMap<string, string>): unknown {
  if (!(e instanceof CodegenError)) return e;
  return new CodegenError(e.diagnostics.map((d) => {
    if (d.file === undefined) return d;
    for (const [temp, label] of labels) if (d.file === temp || d.file.startsWith(`${temp}/`)) return { ...d, file: label };
    return d;
  }));
}
