// `smithy.rules#operationContextParams` paths (a JMESPath subset: `a.b`, one `[*]` projection,
// `keys(path)`) compiled at generation time to TypeScript over the operation's input. A path
// outside the subset fails generation naming the operation and parameter.

import { CodegenError } from "../../diagnostics.js";
import { isIdentifier } from "../../model/shape-id.js";

const SEGMENT = /^([A-Za-z_][A-Za-z0-9_]*)(\[\*\])?$/;

/** The code reading `path` from `input`; undefined where JMESPath would give null. */
export function compileContextPath(path: string, input: string, where: { shape: string; param: string }): string {
  const keys = /^keys\((.*)\)$/.exec(path.trim());
  if (keys !== null) {
    const target = compileContextPath(keys[1]!, input, where);
    if (target.includes("flatMap")) throw fail(path, where, "keys() of a projection");
    return `(${target} === undefined ? undefined : Object.keys(${target}))`;
  }
  const segments = path.trim().split(".");
  let code = input;
  let projection: { source: string; element: string } | undefined;
  for (const segment of segments) {
    const match = SEGMENT.exec(segment);
    if (match === null) throw fail(path, where, `the segment ${JSON.stringify(segment)}`);
    const [, name, star] = match as unknown as [string, string, string | undefined];
    // The input itself is always there; what it holds may not be.
    const target = projection === undefined ? code : projection.element;
    const dot = target === input ? "" : "?.";
    const access = isIdentifier(name) ? `${dot || "."}${name}` : `${dot}[${JSON.stringify(name)}]`;
    if (projection === undefined) code += access;
    else projection.element += access;
    if (star !== undefined) {
      if (projection !== undefined) throw fail(path, where, "a projection inside a projection");
      projection = { source: code, element: "item" };
    }
  }
  if (projection === undefined) return code;
  // A projection leaves out the elements whose value is null, as JMESPath does.
  return `${projection.source}?.flatMap((item) => { const value = ${projection.element}; return value === undefined ? [] : [value]; })`;
}

function fail(path: string, where: { shape: string; param: string }, what: string): CodegenError {
  return new CodegenError([{
    shape: where.shape,
    message: `smithy.rules#operationContextParams ${where.param}: path ${JSON.stringify(path)} uses ${what}, outside the subset compiled (a.b, one [*] projection, keys())`,
  }]);
}
