// The source emitters, in the order their modules are re-exported from index.ts. Adding an
// artifact means adding one emitter here; a protocol is a plugin under generator/protocols/.

import type { EmitContext, EmittedFile } from "./context.js";
import { emitErrors } from "./errors.js";
import { emitModels } from "./models.js";
import { emitValidators } from "./validators.js";
import { emitProtocol, emitServerProtocol } from "../protocols/index.js";
import { emitEndpoints } from "../client/endpoints/emit-endpoints.js";

/** A module, or a module with the runtime files it imports (under src/runtime/, not re-exported). */
export type SourceEmitter = (ctx: EmitContext) => EmittedFile | readonly EmittedFile[] | undefined;

export const SOURCE_EMITTERS: readonly SourceEmitter[] = [emitModels, emitErrors, emitValidators, emitProtocol, emitServerProtocol, emitEndpoints];
