// Formats emitted TypeScript with prettier, in process. The standalone build with only the
// TypeScript parser loads several times faster than prettier's full entry point.

import * as prettier from "prettier/standalone";
import * as estree from "prettier/plugins/estree";
import * as typescript from "prettier/plugins/typescript";

const OPTIONS: Parameters<typeof prettier.format>[1] = { parser: "typescript", plugins: [estree, typescript], printWidth: 100 };

export async function formatTypeScript(code: string, file: string): Promise<string> {
  try {
    return await prettier.format(code, OPTIONS);
  } catch (e) {
    // A syntax error here is a generator bug: show the file so it can be reported.
    throw new Error(`internal: emitted ${file} is not valid TypeScript: ${(e as Error).message}`);
  }
}
