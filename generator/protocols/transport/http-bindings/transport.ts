// The HTTP-bindings transport of restJson1 and restXml (http-bindings.rst); what it emits is in
// bindings.ts, http-code.ts, operation-code.ts and client.ts beside this file.

import type { Shape } from "../../../model/model.js";
import type { HttpBindingsTransport } from "../transport.js";

/** `endpointLabels`: the URI labels the endpoint carries instead of the path (none but S3's). */
export const httpBindingsTransport = (endpointLabels: (service: Shape) => ReadonlySet<string> = () => new Set()): HttpBindingsTransport => ({
  kind: "http-bindings",
  endpointLabels,
});
