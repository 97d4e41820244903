// Type-checks an emitted package in memory with ts-morph before anything is written, under the
// strictest flags a consumer may use.

import { join } from "node:path";
import { CodegenError, type Diagnostic } from "../diagnostics.js";
import type { EmittedFile } from "../emit/context.js";
import { virtualProject, type ExtraChecks } from "./virtual-project.js";

export async function typecheckPackage(files: readonly EmittedFile[], label: string, extra?: ExtraChecks): Promise<void> {
  const { ts, project, base } = await virtualProject(join(".typecheck", label.replace(/[^A-Za-z0-9_.-]/g, "_")), extra);
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
