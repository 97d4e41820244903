// The handlebars sources in templates/ (templates) and templates/partials/ (partials), each with
// a digest so that templates precompiled at build time can be told apart from edited ones.

import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../project-root.js";

export interface TemplateSource {
  readonly name: string;
  readonly source: string;
  readonly digest: string;
}

export interface TemplateSources {
  readonly templates: readonly TemplateSource[];
  readonly partials: readonly TemplateSource[];
}

/** Handlebars options every template is compiled with: a missing field fails; we emit code, not HTML. */
export const COMPILE_OPTIONS = { strict: true, noEscape: true } as const;

export function readTemplateSources(): TemplateSources {
  const dir = join(projectRoot(), "templates");
  return { templates: readFolder(dir), partials: readFolder(join(dir, "partials")) };
}

function readFolder(dir: string): TemplateSource[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".hbs"))
    .sort()
    .map((f) => {
      const source = readFileSync(join(dir, f), "utf8");
      return { name: f.slice(0, -4), source, digest: createHash("sha256").update(source).digest("base64url") };
    });
}
