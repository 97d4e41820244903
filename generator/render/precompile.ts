// Build step (run by `npm run build` after tsc): compiles every template to JavaScript once, into
// dist/render/precompiled-templates.js, so a generator run loads only handlebars' small runtime
// instead of parsing and compiling ~20 templates (≈150 ms of every run). Each entry keeps the
// digest of its source; templates.ts falls back to compiling when a template was edited since.

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";
import { COMPILE_OPTIONS, readTemplateSources, type TemplateSource } from "./template-sources.js";

const OUT = join(fileURLToPath(new URL(".", import.meta.url)), "precompiled-templates.js");

const entries = (list: readonly TemplateSource[]) =>
  list.map((t) => `  ${JSON.stringify(t.name)}: { digest: ${JSON.stringify(t.digest)}, spec: ${Handlebars.precompile(t.source, COMPILE_OPTIONS)} },`).join("\n");

const { templates, partials } = readTemplateSources();
writeFileSync(
  OUT,
  [
    "// Written by generator/render/precompile.ts from templates/*.hbs. Do not edit.",
    `export const templates = {\n${entries(templates)}\n};`,
    `export const partials = {\n${entries(partials)}\n};`,
    "",
  ].join("\n"),
);
