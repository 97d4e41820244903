// What every protocol's src/protocol.ts does with the types its code names: model types are
// imported from models.ts, @smithy/types ones are recorded with the file's runtime imports, and a
// model type or error class named like one of the file's own functions is refused (the model
// must rename the shape).

import type { RuntimeImports } from "../codegen/runtime-imports.js";
import { CodegenError } from "../diagnostics.js";
import type { Shape } from "../model/model.js";
import type { SymbolProvider } from "../symbols/symbol-provider.js";

export interface ProtocolFileTypes {
  readonly service: Shape;
  readonly symbols: SymbolProvider;
  readonly runtime: RuntimeImports;
  /** Every type name the file's code uses. */
  readonly uses: Iterable<string>;
  /** The error classes (and the service exception) it imports from errors.ts. */
  readonly errorClasses: readonly string[];
  /** The top-level names the file declares itself. */
  readonly localNames: ReadonlySet<string>;
}

/** The model types the file imports, sorted; records the @smithy/types ones; throws on a collision. */
export function protocolFileTypes({ service, symbols, runtime, uses, errorClasses, localNames }: ProtocolFileTypes): string[] {
  const all = [...new Set(uses)];
  const modelTypes = all.filter((u) => symbols.moduleOf(u) === "models").sort();
  for (const imported of [...modelTypes, ...errorClasses]) {
    if (localNames.has(imported)) {
      throw new CodegenError([{ shape: service.id, message: `the shape name ${imported} collides with a function of the generated protocol.ts; rename the shape with the service "rename" property` }]);
    }
  }
  for (const type of all) if (symbols.moduleOf(type) === "@smithy/types") runtime.smithyType(type.replace(/^__/, ""));
  return modelTypes;
}

/** The names every protocol file's serializers and deserializers use, recorded as runtime imports. */
export function operationFileNames(runtime: RuntimeImports) {
  return {
    Endpoint: runtime.smithyType("Endpoint"),
    HttpRequest: runtime.smithyType("HttpRequest"),
    HttpResponse: runtime.smithyType("HttpResponse"),
    MetadataBearer: runtime.smithyType("MetadataBearer"),
    URL: runtime.use("URL"),
    request: runtime.use("request"),
    receive: runtime.use("receive"),
    ServiceErrors: runtime.use("ServiceErrors"),
  };
}
