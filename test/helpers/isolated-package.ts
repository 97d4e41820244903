// A generated package as a user who copies or installs it has it: in a fresh folder under the OS
// temp dir (no node_modules in any folder above it), with only the dependencies its package.json
// declares installed, linked from this project's node_modules (no network), and their commands
// in node_modules/.bin, as npm installs them.

import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const root = join(import.meta.dirname, "..", "..");

interface Manifest {
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
  readonly bin?: string | Record<string, string>;
}

const manifest = (dir: string): Manifest => JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Manifest;

/** A copy of `source` (without node_modules/ and dist/) at `<fresh temp folder>/<name>`, its declared dependencies installed. */
export function isolatedPackage(source: string, name: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), "isolated-pkg-")), name);
  cpSync(source, dir, { recursive: true, filter: (src) => !/[\\/](node_modules|dist)$/.test(src) });
  installDeclaredDependencies(dir);
  return dir;
}

/** Links every dependency the package declares from this project's node_modules; one this project lacks is an error. */
export function installDeclaredDependencies(dir: string): void {
  const { dependencies, devDependencies, peerDependencies } = manifest(dir);
  for (const dep of Object.keys({ ...dependencies, ...devDependencies, ...peerDependencies })) {
    const installed = join(root, "node_modules", dep);
    if (!existsSync(installed)) throw new Error(`${dir}/package.json declares ${dep}, which this project does not have installed to link`);
    const target = join(dir, "node_modules", dep);
    mkdirSync(dirname(target), { recursive: true });
    symlinkSync(installed, target, "junction");
    const bin = manifest(installed).bin ?? {};
    const bins = typeof bin === "string" ? { [dep.split("/").pop()!]: bin } : bin;
    mkdirSync(join(dir, "node_modules", ".bin"), { recursive: true });
    for (const [command, file] of Object.entries(bins)) symlinkSync(join(installed, file), join(dir, "node_modules", ".bin", command));
  }
}

/** Runs `npm run <script>` in `dir`; the caller asserts on the result. */
export function runScript(dir: string, script: string) {
  return spawnSync("npm", ["run", "-s", script], { cwd: dir, encoding: "utf8", shell: process.platform === "win32" });
}
