// Every problem the generator reports is a Diagnostic: where (file, line, column, shape) and
// what. A failed step throws one CodegenError holding all of them, so users fix a model in one
// pass instead of one error per run.

export interface Diagnostic {
  readonly message: string;
  readonly file?: string | undefined;
  readonly line?: number | undefined;
  readonly column?: number | undefined;
  readonly shape?: string | undefined;
  /** The source line the problem is on, shown under the message like a compiler does. */
  readonly sourceLine?: string | undefined;
}

export class CodegenError extends Error {
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join("\n"));
    this.name = "CodegenError";
    this.diagnostics = diagnostics;
  }
}

/** `file:line:column: [shape] message`, then the source line and a caret when known. */
export function formatDiagnostic(d: Diagnostic): string {
  let where = d.file ?? "";
  if (d.file !== undefined && d.line !== undefined) where += `:${d.line}:${d.column ?? 1}`;
  const shape = d.shape !== undefined ? `${d.shape}: ` : "";
  let text = `${where}${where ? ": " : ""}${shape}${d.message}`;
  if (d.sourceLine !== undefined && d.column !== undefined) {
    text += `\n  ${d.sourceLine}\n  ${" ".repeat(Math.max(0, d.column - 1))}^`;
  }
  return text;
}

/** A problem that does not stop generation, on stderr as `warning: file:line:column: shape: what`. */
export function printWarning(d: Diagnostic): void {
  process.stderr.write(`warning: ${formatDiagnostic(d)}\n`);
}

/** Collects diagnostics during a step and throws them together at its end. */
export class DiagnosticBag {
  readonly items: Diagnostic[] = [];

  add(d: Diagnostic): void {
    this.items.push(d);
  }

  throwIfAny(): void {
    if (this.items.length > 0) throw new CodegenError(this.items);
  }
}
