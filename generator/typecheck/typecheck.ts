// Type-checks an emitted package in memory with ts-morph before anything is written, under the
// strictest flags a consumer may use. ts-morph is loaded only here (it costs ~0.4 s).

import { join } from "node:path";
import { CodegenError, type Diagnostic } from "../diagnostics.js";
import type { EmittedFile } from "../emit/context.js";
import { projectRoot } from "../project-root.js";

export async function typecheckPackage(files: readonly EmittedFile[], label: string): Promise<void> {
  const { Project, ts } = await import("ts-morph");
  // Virtual files live inside the generator's folder so `@smithy/types` resolves from its node_modules.
  const base = join(projectRoot(), ".typecheck", label.replace(/[^A-Za-z0-9_.-]/g, "_"));
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
    },
    skipAddingFilesFromTsConfig: true,
  });
  project.createSourceFile(join(base, "package.json"), '{"type":"module"}', { overwrite: true });
  for (const f of files) {
    if (f.path.endsWith(".ts")) project.createSourceFile(join(base, f.path), f.content, { overwrite: true });
  }
  const problems: Diagnostic[] = project.getPreEmitDiagnostics().map((d) => {
    const file = d.getSourceFile();
    const line = d.getLineNumber();
    const text = ts.flattenDiagnosticMessageText(d.compilerObject.messageText, "\n");
    return {
      file: file === undefined ? label : `${label}/${file.getFilePath().slice(base.length + 1)}`,
      line,
      sourceLine: line === undefined ? undefined : file?.getFullText().split("\n")[line - 1],
      message: `emitted code does not type-check (a generator bug, please report it): ${text}`,
    };
  });
  if (problems.length > 0) throw new CodegenError(problems);
}
