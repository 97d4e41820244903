// Formats emitted TypeScript with prettier, in process. The standalone build with only the
// babel-ts parser loads and formats 2–3× faster than the full entry point with the typescript parser.

import * as prettier from "prettier/standalone";
import * as estree from "prettier/plugins/estree";
import * as babel from "prettier/plugins/babel";

const OPTIONS: Parameters<typeof prettier.format>[1] = { parser: "babel-ts", plugins: [estree, babel], printWidth: 100 };

export async function formatTypeScript(code: string, file: string): Promise<string> {
  try {
    return await prettier.format(code, OPTIONS);
  } catch (e) {
    // A syntax error here is a generator bug: show the file so it can be reported.
    throw new Error(`internal: emitted ${file} is not valid TypeScript: ${(e as Error).message}`);
  }
}
