// A generated package with its client, as the pipeline emits it: by default with the server side
// too, so that tests can run the client against the generated server.

import type { EmittedFile, GenerateOptions } from "../../generator/emit/context.js";
import { generate } from "../helpers/codegen.js";

/** The package of `models` (paths from the project root), client and server sides unless `options` says otherwise. */
export function clientPackage(models: string[], options: Partial<GenerateOptions> = {}): Promise<EmittedFile[]> {
  return generate(models, { options: { targets: ["client", "server"], ...options } });
}
