// Loads two versions of a generated package into one ts-morph project (ts-morph is loaded only
// here, and only when an API comparison runs) and answers, with the type checker, how a type
// text of the new version relates to the corresponding one of the old version.
//
// Both texts are evaluated in one scope where each exported name means its OLD declaration (or
// the new one, for names the old package lacks). So `place(order: Order)` is compared as a
// signature, and a change inside `Order` is reported once, at `Order`, not again at every
// function and member that mentions it. The questions are batched into one file, so the
// program is type-checked once.

import { join } from "node:path";
import type { EmittedFile } from "../emit/context.js";
import { virtualProject } from "../typecheck/virtual-project.js";
import { readSurface, type ApiSurface } from "./surface.js";

/** How the new type relates to the old: equivalent, a subset, a superset, or neither. */
export type Relation = "same" | "narrowed" | "widened" | "changed";

export interface Probe {
  readonly old: string;
  readonly new: string;
  /** Type parameters the texts may mention (`T` of `Visitor<T>`), taken as `unknown`. */
  readonly typeParameters: readonly string[];
}

export interface PackagePair {
  readonly old: ApiSurface;
  readonly new: ApiSurface;
  /** Relations for many probes at once. */
  relate(probes: readonly Probe[]): Relation[];
}

let sequence = 0;

export async function loadPackagePair(oldFiles: readonly EmittedFile[], newFiles: readonly EmittedFile[]): Promise<PackagePair> {
  const { morph, project, base } = await virtualProject(join(".api-diff", `${process.pid}-${sequence++}`));
  const add = (side: string, files: readonly EmittedFile[]): ApiSurface => {
    for (const f of files) if (f.path.endsWith(".ts")) project.createSourceFile(join(base, side, f.path), f.content, { overwrite: true });
    const index = project.getSourceFile(join(base, side, "src", "index.ts"));
    return index === undefined ? new Map() : readSurface(morph, index);
  };
  const old = add("old", oldFiles);
  const neu = add("new", newFiles);

  return {
    old,
    new: neu,
    relate(probes) {
      if (probes.length === 0) return [];
      const topLevel = (s: ApiSurface) => new Set([...s.values()].map((e) => e.name.split(".")[0]!));
      const oldNames = topLevel(old);
      const newOnly = [...topLevel(neu)].filter((n) => !oldNames.has(n));
      const lines = [
        `import type { ${[...oldNames].join(", ")} } from "./old/src/index.js";`,
        newOnly.length > 0 ? `import type { ${newOnly.join(", ")} } from "./new/src/index.js";` : "",
      ];
      const first = lines.length;
      probes.forEach((p, i) => {
        const params = p.typeParameters.map((t) => `type ${t} = unknown;`).join(" ");
        lines.push(`declare namespace __P${i} { ${params} export type O = ${p.old}; export type N = ${p.new}; }`);
      });
      const file = project.createSourceFile(join(base, "probe.ts"), lines.join("\n"), { overwrite: true });
      const checker = project.getTypeChecker();
      // A probe that does not compile must not read as "same" (error types are assignable both ways).
      const broken = new Set(file.getPreEmitDiagnostics().map((d) => (d.getLineNumber() ?? 0) - 1 - first));
      return probes.map((_, i) => {
        if (broken.has(i)) return "changed";
        const ns = file.getModuleOrThrow(`__P${i}`);
        const o = ns.getTypeAliasOrThrow("O").getType();
        const n = ns.getTypeAliasOrThrow("N").getType();
        const narrower = checker.isTypeAssignableTo(n, o);
        const wider = checker.isTypeAssignableTo(o, n);
        return narrower && wider ? "same" : narrower ? "narrowed" : wider ? "widened" : "changed";
      });
    },
  };
}
