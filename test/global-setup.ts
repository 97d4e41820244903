import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

// CLI tests run the built generator (dist/) as a subprocess, as users do. Emit without type
// checking here (fast); the typecheck test checks the types of the whole project.
export default function setup(): void {
  const root = fileURLToPath(new URL("..", import.meta.url));
  execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json", "--noCheck"], {
    cwd: root,
    stdio: "inherit",
  });
  // As `npm run build` does: precompile the templates, so CLI runs take the path users take.
  execFileSync(process.execPath, ["dist/render/precompile.js"], { cwd: root, stdio: "inherit" });
}
