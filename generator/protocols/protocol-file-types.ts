// The names every protocol client's src/protocol.ts uses, recorded as its runtime imports.

import type { RuntimeImports } from "../codegen/runtime-imports.js";

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
