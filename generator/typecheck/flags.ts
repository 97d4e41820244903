// The compiler options (tsconfig.json form) the emitted code must pass: the strictest flags a
// consumer may use. One definition serves the native check of the generator's hot path and the
// in-memory ts-morph project of the api-diff and the tests.

/** Flags stricter still that a caller may add (the tests add `noUnusedLocals` for the real models). */
export interface ExtraChecks {
  readonly noUnusedLocals?: boolean;
}

export function checkOptions(extra: ExtraChecks = {}) {
  return {
    target: "ES2022",
    module: "NodeNext",
    moduleResolution: "NodeNext",
    lib: ["es2022"],
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    isolatedModules: true,
    verbatimModuleSyntax: true,
    noEmit: true,
    skipLibCheck: true,
    types: [] as string[],
    ...extra,
  };
}
