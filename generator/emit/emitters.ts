// The source emitters, in the order their modules are re-exported from index.ts. Adding an
// artifact means adding one emitter here; a protocol is a plugin under generator/protocols/,
// chosen by the pipeline.

import type { EmitContext, EmittedFile } from "./context.js";
import { emitErrors } from "./errors.js";
import { emitModels } from "./models.js";
import { emitValidators } from "./validators.js";
import { emitEndpoints } from "../client/endpoints/emit-endpoints.js";

export type SourceEmitter = (ctx: EmitContext) => EmittedFile | undefined;

/** The protocol-neutral emitters; the pipeline (generate.ts) adds the service's protocol after them. */
export const SOURCE_EMITTERS: readonly SourceEmitter[] = [emitModels, emitErrors, emitValidators, emitEndpoints];
