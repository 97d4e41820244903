// A copy of smithy-ts-codegen's runtime/validators/exception.ts, written by the generator: do not edit.
// What the `assertValid…` functions throw, and the Standard Schema v1 face of each validator.

import type { ConstraintFailure } from "./failures.js";

/**
 * The base of a package's validation exception: the message is the Smithy validation summary
 * (`1 validation error detected. …`); `failures` lists every failure. Each package names its
 * own subclass, so that its `name` is the package's.
 */
export class ValidationError extends Error {
  readonly failures: ConstraintFailure[];

  constructor(failures: ConstraintFailure[]) {
    super(validationSummary(failures));
    // Keeps instanceof working when the class is transpiled to ES5-style constructors.
    Object.setPrototypeOf(this, new.target.prototype);
    this.failures = failures;
  }
}

export function validationSummary(failures: readonly ConstraintFailure[]): string {
  const head = failures.length === 1 ? "1 validation error detected. " : `${failures.length} validation errors detected. `;
  return head + failures.map((f) => f.message).join("; ");
}

/** The Standard Schema v1 interface (https://standardschema.dev), declared here so the package needs no dependency. */
export interface StandardSchema<Input = unknown, Output = Input> {
  readonly "~standard": {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (
      value: unknown,
    ) =>
      | { readonly value: Output; readonly issues?: undefined }
      | { readonly issues: ReadonlyArray<{ readonly message: string; readonly path?: ReadonlyArray<PropertyKey> | undefined }> };
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
  };
}

/** The Standard Schema `vendor` of every generated validator. */
export const VALIDATOR_VENDOR = "smithy-ts-codegen";

/** A validator as a Standard Schema: issues carry the failure messages and paths split into keys. */
export function standardSchema<T>(validate: (value: unknown) => ConstraintFailure[]): StandardSchema<T> {
  return {
    "~standard": {
      version: 1,
      vendor: VALIDATOR_VENDOR,
      validate: (value: unknown) => {
        const failures = validate(value);
        if (failures.length === 0) return { value: value as T };
        return { issues: failures.map((f) => ({ message: f.message, path: f.path === "" ? [] : f.path.slice(1).split("/") })) };
      },
    },
  };
}
