// Renders the handlebars templates in templates/ (strict: a missing field is an error naming
// the template; noEscape: we emit code, not HTML). Templates hold layout only: emitters hand
// them plain view models with every string already computed.

import { createRequire } from "node:module";
import { CodegenError } from "../diagnostics.js";
import { COMPILE_OPTIONS, readTemplateSources } from "./template-sources.js";

type Handlebars = typeof import("handlebars");
type Template = (view: object) => string;
type Precompiled = Record<string, { digest: string; spec: Parameters<Handlebars["template"]>[0] }>;

// handlebars is CommonJS; its runtime entry (no compiler) is all a precompiled run needs.
const require = createRequire(import.meta.url);

// The build writes precompiled templates next to this module (see precompile.ts); running from
// the TypeScript sources (tests) there are none, and templates are compiled on first use.
const precompiled = await import(new URL("./precompiled-templates.js", import.meta.url).href).then(
  (m: { templates: Precompiled; partials: Precompiled }) => m,
  () => undefined,
);

let loaded: Map<string, Template> | undefined;

function templates(): Map<string, Template> {
  if (loaded !== undefined) return loaded;
  const sources = readTemplateSources();
  const current = (list: typeof sources.templates, built: Precompiled | undefined) =>
    list.every((t) => built?.[t.name]?.digest === t.digest);
  loaded = new Map();
  if (precompiled !== undefined && current(sources.templates, precompiled.templates) && current(sources.partials, precompiled.partials)) {
    const hb = (require("handlebars/runtime") as Handlebars).create();
    for (const p of sources.partials) hb.registerPartial(p.name, hb.template(precompiled.partials[p.name]!.spec));
    for (const t of sources.templates) loaded.set(t.name, hb.template(precompiled.templates[t.name]!.spec));
    return loaded;
  }
  // A template changed since the build (or there is no build): compile from source, lazily.
  const hb = (require("handlebars") as Handlebars).create();
  for (const p of sources.partials) hb.registerPartial(p.name, hb.compile(p.source, COMPILE_OPTIONS));
  for (const t of sources.templates) loaded.set(t.name, hb.compile(t.source, COMPILE_OPTIONS));
  return loaded;
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
