// Renders the handlebars templates in templates/ (strict: a missing field is an error naming
// the template; noEscape: we emit code, not HTML). Templates hold layout only: emitters hand
// them plain view models with every string already computed.

import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import Handlebars from "handlebars";
import { CodegenError } from "../diagnostics.js";
import { projectRoot } from "../project-root.js";

type Template = (view: object) => string;

let compiled: Map<string, Template> | undefined;

function templates(): Map<string, Template> {
  if (compiled !== undefined) return compiled;
  const hb = Handlebars.create();
  const dir = join(projectRoot(), "templates");
  const partialDir = join(dir, "partials");
  for (const file of readdirSync(partialDir).filter((f) => f.endsWith(".hbs"))) {
    hb.registerPartial(file.slice(0, -4), hb.compile(readFileSync(join(partialDir, file), "utf8"), { strict: true, noEscape: true }));
  }
  compiled = new Map();
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".hbs"))) {
    compiled.set(file.slice(0, -4), hb.compile(readFileSync(join(dir, file), "utf8"), { strict: true, noEscape: true }));
  }
  return compiled;
}

/** Renders `templates/<name>.hbs`; `subject` names what is being rendered for error messages. */
export function render(name: string, view: object, subject: string): string {
  const template = templates().get(name);
  if (template === undefined) throw new Error(`internal: no template ${name}.hbs`);
  try {
    return template(view);
  } catch (e) {
    throw new CodegenError([{ file: `templates/${name}.hbs`, shape: subject, message: `rendering failed: ${(e as Error).message}` }]);
  }
}
