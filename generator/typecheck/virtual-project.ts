// An in-memory ts-morph project under the strict flags the emitted code must pass. Its virtual
// files live inside the generator's folder, so `@smithy/types` resolves from its node_modules.
// ts-morph is loaded only here, on demand (it costs ~0.4 s).

import { join } from "node:path";
import { projectRoot } from "../project-root.js";

/** Flags stricter still that a caller may add (the tests add `noUnusedLocals` for the real models). */
export interface ExtraChecks {
  readonly noUnusedLocals?: boolean;
}

export async function virtualProject(folder: string, extra: ExtraChecks = {}) {
  const morph = await import("ts-morph");
  const { Project, ts } = morph;
  const base = join(projectRoot(), folder);
  const project = new Project({
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ["lib.es2022.d.ts"],
      strict: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      isolatedModules: true,
      verbatimModuleSyntax: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
      ...extra,
    },
    skipAddingFilesFromTsConfig: true,
  });
  project.createSourceFile(join(base, "package.json"), '{"type":"module"}', { overwrite: true });
  return { morph, ts, project, base };
}
