// The optional server runtime helpers of a restJson1 server.ts (their code is in
// templates/partials/restjson1-server-runtime.hbs). Only the helpers the generated code calls are
// emitted; each brings the helpers it calls, its own and the runtime modules' (imported) alike.

import type { RuntimeImports } from "../../../codegen/runtime-imports.js";

export const SERVER_HELPERS = [
  "accept", "document", "jsonValue", "structurePayload", "bytes", "string", "boolean", "int", "float", "epoch", "dateTime",
  "blob", "object", "array", "unit", "boolText", "intText", "floatText", "label", "text", "queryParams",
] as const;

export type ServerHelper = (typeof SERVER_HELPERS)[number];

const DEPENDENCIES: Partial<Record<ServerHelper, { readonly server?: readonly ServerHelper[]; readonly shared?: readonly string[] }>> = {
  epoch: { shared: ["fromEpochSeconds"] },
  dateTime: { shared: ["fromDateTime"] },
  blob: { shared: ["fromBase64"] },
  intText: { server: ["int"] },
  unit: { server: ["object"] },
  document: { server: ["jsonValue"] },
  jsonValue: { server: ["text"] },
  structurePayload: { server: ["jsonValue"] },
};

/** The server helpers a generated server.ts uses; `shared` records the client helpers it needs. */
export class ServerHelpers {
  private readonly used = new Set<ServerHelper>();

  constructor(readonly shared: RuntimeImports) {}

  /** Records `helper` and what it calls; returns its name in the generated code (`$` + name). */
  use(helper: ServerHelper): string {
    if (!this.used.has(helper)) {
      this.used.add(helper);
      const dependencies = DEPENDENCIES[helper];
      for (const h of dependencies?.server ?? []) this.use(h);
      for (const h of dependencies?.shared ?? []) this.shared.use(h);
    }
    return `$${helper}`;
  }

  flags(): Record<ServerHelper, boolean> {
    return Object.fromEntries(SERVER_HELPERS.map((h) => [h, this.used.has(h)])) as Record<ServerHelper, boolean>;
  }
}
