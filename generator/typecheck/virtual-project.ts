// An in-memory ts-morph project under the strict flags the emitted code must pass, for the
// api-diff (which reads types, not just diagnostics). Its virtual files live inside the
// generator's folder, so `@smithy/types` resolves from its node_modules. ts-morph is loaded only
// here, on demand (it costs ~0.4 s).

import { join } from "node:path";
import { projectRoot } from "../project-root.js";
import { checkOptions, type ExtraChecks } from "./flags.js";

export async function virtualProject(folder: string, extra: ExtraChecks = {}) {
  const morph = await import("ts-morph");
  const { Project, ts } = morph;
  const base = join(projectRoot(), folder);
  const converted = ts.convertCompilerOptionsFromJson(checkOptions(extra), base);
  if (converted.errors.length > 0) throw new Error(`internal: bad check options: ${ts.flattenDiagnosticMessageText(converted.errors[0]!.messageText, "\n")}`);
  const project = new Project({ compilerOptions: converted.options, skipAddingFilesFromTsConfig: true });
  project.createSourceFile(join(base, "package.json"), '{"type":"module"}', { overwrite: true });
  return { morph, ts, project, base };
}
