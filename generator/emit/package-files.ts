// The files that make the output an npm package: package.json (ESM, exports, a build script,
// no runtime dependencies), tsconfig.json (the strict flags the output is checked with) and
// src/index.ts (re-exports only). The build needs @types/node: @smithy/types' declarations
// name Node's globals and modules (AbortSignal, URL, Blob, Buffer, node:stream, node:http), so
// the package declares it and its tsconfig loads it, rather than hoping an ancestor folder has it.

import { unsupportedProtocolNote } from "../protocols/index.js";
import { render } from "../render/templates.js";
import { header, type EmitContext, type EmittedFile } from "./context.js";

/** The version range of @smithy/types the emitted code is written against. */
export const SMITHY_TYPES_RANGE = "^4.0.0";

/** The @types/node the package builds with: Node 20, the oldest Node this project supports (its `engines`). */
export const NODE_TYPES_RANGE = "^20.0.0";

export function emitPackageFiles(ctx: EmitContext, modules: readonly string[]): EmittedFile[] {
  const { options, closure } = ctx;
  const title = closure.service.traits.get("smithy.api#title");
  const description = `TypeScript types and errors for ${typeof title === "string" ? title : closure.service.id}, generated from its Smithy model.`;
  return [
    {
      path: "package.json",
      content: render("package.json", {
        name: JSON.stringify(options.packageName),
        version: JSON.stringify(options.packageVersion),
        description: JSON.stringify(description),
        smithyTypes: JSON.stringify(SMITHY_TYPES_RANGE),
        nodeTypes: JSON.stringify(NODE_TYPES_RANGE),
      }, closure.service.id),
    },
    { path: "tsconfig.json", content: render("tsconfig.json", {}, closure.service.id) },
    {
      path: "src/index.ts",
      content: render("index.ts", {
        header: header(ctx),
        note: unsupportedProtocolNote(closure.service) ?? "",
        modules: modules.map((m) => `./${m}.js`),
      }, closure.service.id),
    },
  ];
}
