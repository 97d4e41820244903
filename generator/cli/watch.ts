// `codegen generate --watch`: generate, then regenerate whenever a model file or the
// configuration file changes. Changes are debounced (an editor's save is several events; a
// `git checkout` is many), a change during a run queues one more run, and a failed run prints
// its errors and keeps watching: fixing the model regenerates. Ctrl-C (or SIGTERM) stops it
// with exit code 0.

import { watch, type FSWatcher } from "node:fs";
import { stat } from "node:fs/promises";
import { basename, dirname, resolve } from "node:path";
import { findConfigFile } from "../config/config.js";
import { runGenerate, type RunRequest, type RunResult } from "./generate-run.js";
import type { Output } from "./output.js";

const DEBOUNCE_MS = 150;

export interface WatchHooks {
  readonly print: (result: RunResult) => void;
  readonly fail: (error: unknown) => void;
}

export async function watchAndGenerate(request: RunRequest, output: Output, hooks: WatchHooks): Promise<number> {
  const watchers = new Map<string, FSWatcher>();
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  let watched: string[] = [];

  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), DEBOUNCE_MS);
  };

  const rearm = async (paths: readonly string[]) => {
    const wanted = new Map<string, (name: string | null) => boolean>();
    for (const path of new Set(paths.map((p) => resolve(p)))) {
      const isFolder = await stat(path).then((s) => s.isDirectory(), () => false);
      // A file is watched through its folder: editors often save by replacing the file.
      if (isFolder) wanted.set(`${path}\0r`, () => true);
      else {
        const previous = wanted.get(`${dirname(path)}\0`);
        wanted.set(`${dirname(path)}\0`, (name) => name === basename(path) || (previous?.(name) ?? false));
      }
    }
    for (const [key, w] of watchers) if (!wanted.has(key)) (w.close(), watchers.delete(key));
    for (const [key, accepts] of wanted) {
      watchers.get(key)?.close();
      const [folder, recursive] = key.split("\0") as [string, string];
      try {
        const w = watch(folder, { recursive: recursive === "r" }, (_event, name) => {
          if (accepts(name === null ? null : basename(name))) changed();
        });
        w.on("error", () => undefined);
        watchers.set(key, w);
      } catch {
        // A folder that does not exist yet cannot be watched; the next successful run re-arms.
      }
    }
  };

  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      const result = await runGenerate(request, output);
      hooks.print(result);
      watched = [...(result.configFile === undefined ? [] : [result.configFile]), ...result.plans.flatMap((p) => p.job.models)];
    } catch (e) {
      hooks.fail(e);
      // Keep watching what was watched, and the inputs named so far, whose fix may be the cure.
      const config = findConfigFile(request.config, process.cwd());
      const models = request.flags.models ?? (config === undefined ? ["models"] : []);
      watched = [...new Set([...watched, ...(config === undefined ? [] : [config]), ...models])];
    }
    await rearm(watched);
    output.line(output.paint("dim", `watching ${watched.length} path${watched.length === 1 ? "" : "s"} for changes (Ctrl-C to stop)`));
    running = false;
    if (again) {
      again = false;
      changed();
    }
  };

  await run();
  return new Promise((done) => {
    const stop = () => {
      clearTimeout(timer);
      for (const w of watchers.values()) w.close();
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      done(0);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}
