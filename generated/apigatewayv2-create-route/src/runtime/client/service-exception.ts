// A copy of smithy-ts-codegen's runtime/client/service-exception.ts, written by the generator: do not edit.
// The base of every service's exception class: a generated package's `<Service>ServiceException`
// extends ServiceException, and each modeled error extends that.

import type { HttpResponse, ResponseMetadata } from "@smithy/types";

/** What every error of a service carries besides its modeled members. */
export interface ServiceExceptionOptions {
  name: string;
  $fault: "client" | "server";
  message?: string | undefined;
  $metadata: ResponseMetadata;
  $retryable?: { throttling?: boolean } | undefined;
  $response?: HttpResponse | undefined;
}

export class ServiceException extends Error {
  // Declared, not initialized: class fields would define each property once more per instance.
  declare readonly name: string;
  declare readonly $fault: "client" | "server";
  declare readonly $metadata: ResponseMetadata;
  declare readonly $retryable?: { readonly throttling?: boolean };
  /** The raw HTTP response, when the error was deserialized from one. */
  declare $response?: HttpResponse;

  /** `options` become the error's properties; a subclass's options add its modeled members. */
  constructor(options: ServiceExceptionOptions) {
    const { message = "", ...fields } = options;
    super(message);
    // Keeps instanceof working, for every subclass too, when the classes are transpiled to ES5-style constructors.
    Object.setPrototypeOf(this, new.target.prototype);
    Object.assign(this, fields);
  }
}

/** True for an error shaped as a service exception, even one from another copy of a package (where instanceof fails). */
export function isServiceException(error: unknown): error is ServiceException {
  if (typeof error !== "object" || error === null) return false;
  const { name, $fault, $metadata } = error as Partial<Record<string, unknown>>;
  const fault = $fault === "client" || $fault === "server";
  return fault && typeof name === "string" && typeof $metadata === "object";
}
