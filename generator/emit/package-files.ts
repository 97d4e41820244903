// The files that make the output an npm package: package.json (ESM, exports, a build script,
// as runtime dependencies only the packages its runtime copies import: a signing client's
// @smithy/signature-v4), tsconfig.json (the strict flags the output is checked with) and
// src/index.ts (re-exports only). The build needs @types/node: @smithy/types' declarations
// name Node's globals and modules (AbortSignal, URL, Blob, Buffer, node:stream, node:http), so
// the package declares it and its tsconfig loads it, rather than hoping an ancestor folder has it.

import { render } from "../render/templates.js";
import { header, type EmitContext, type EmittedFile } from "./context.js";
import { docComment } from "./docs.js";

/** The version range of @smithy/types the emitted code is written against. */
export const SMITHY_TYPES_RANGE = "^4.0.0";

/** The @types/node the package builds with: Node 20, the oldest Node this project supports (its `engines`). */
export const NODE_TYPES_RANGE = "^20.0.0";

/** The service's protocol as the package files describe it: its trait id, or a note that it has none supported. */
export interface ProtocolSummary {
  readonly traitId: string | undefined;
  readonly note: string | undefined;
}

export function emitPackageFiles(
  ctx: EmitContext,
  modules: readonly string[],
  protocol: ProtocolSummary,
  dependencies: Readonly<Record<string, string>>,
): EmittedFile[] {
  const { options, closure } = ctx;
  const title = closure.service.traits.get("smithy.api#title");
  const service = typeof title === "string" ? title : closure.service.id;
  const description = `${contents(modules, protocol.traitId)} for ${service}, generated from its Smithy model.`;
  const doc = closure.service.traits.get("smithy.api#documentation");
  return [
    {
      path: "package.json",
      content: render("package.json", {
        name: JSON.stringify(options.packageName),
        version: JSON.stringify(options.packageVersion),
        description: JSON.stringify(description),
        smithyTypes: JSON.stringify(SMITHY_TYPES_RANGE),
        nodeTypes: JSON.stringify(NODE_TYPES_RANGE),
        dependencies: Object.keys(dependencies).length === 0 ? "" : JSON.stringify(dependencies, null, 2).replace(/\n/g, "\n  "),
      }, closure.service.id),
    },
    { path: "tsconfig.json", content: render("tsconfig.json", {}, closure.service.id) },
    {
      path: "src/index.ts",
      content: render("index.ts", {
        header: header(ctx),
        note: protocol.note ?? "",
        doc: docComment(new Map([
          ...closure.service.traits,
          ["smithy.api#documentation", [`${description}`, ...(typeof doc === "string" && doc.trim() !== "" ? ["", doc.trim()] : []), "", "@packageDocumentation"].join("\n")],
        ])),
        modules: modules.map((m) => `./${m}.js`),
      }, closure.service.id),
    },
  ];
}

/** What the package holds, by its source modules: "TypeScript types, errors, validators and a restJson1 client". */
function contents(modules: readonly string[], protocol: string | undefined): string {
  const wire = protocol === undefined ? "" : `${protocol.slice(protocol.indexOf("#") + 1)} `;
  const parts = [
    "TypeScript types",
    ...(modules.includes("errors") ? ["error classes"] : []),
    ...(modules.includes("validators") ? ["validators"] : []),
    ...(modules.includes("protocol")
      ? [`a ${wire}client (${modules.includes("client") ? "client class, commands, " : ""}request serializers and response deserializers)`]
      : []),
    ...(modules.includes("server") ? [`a ${wire}server (request handler and node:http listener)`] : []),
  ];
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}
