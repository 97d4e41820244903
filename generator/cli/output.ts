// What the commands print and how: plain lines for people (colour only on a terminal, and never
// when NO_COLOR is set; FORCE_COLOR forces it), one JSON document per run for machines
// (--json), nothing on success with --quiet, and a progress line on stderr only once a run has
// taken more than a second.

import { CodegenError, formatDiagnostic, type Diagnostic } from "../diagnostics.js";
import { UsageError } from "./args.js";

export interface OutputMode {
  readonly json: boolean;
  readonly quiet: boolean;
}

export type Colour = "green" | "red" | "yellow" | "dim" | "bold";

const CODES: Record<Colour, [number, number]> = { green: [32, 39], red: [31, 39], yellow: [33, 39], dim: [2, 22], bold: [1, 22] };

export class Output {
  readonly json: boolean;
  readonly quiet: boolean;
  private readonly colour: boolean;
  private readonly errorColour: boolean;

  constructor(mode: OutputMode, private readonly stdout: NodeJS.WriteStream = process.stdout, private readonly stderr: NodeJS.WriteStream = process.stderr) {
    this.json = mode.json;
    this.quiet = mode.quiet;
    this.colour = colourWanted(stdout);
    this.errorColour = colourWanted(stderr);
  }

  /** A line for people (not in --json mode; not in --quiet mode unless `important`). */
  line(text: string, important = false): void {
    if (this.json || (this.quiet && !important)) return;
    this.stdout.write(`${text}\n`);
  }

  paint(colour: Colour, text: string): string {
    if (!this.colour) return text;
    const [on, off] = CODES[colour];
    return `\x1b[${on}m${text}\x1b[${off}m`;
  }

  /** The single JSON document of a run (one line, so watch mode gives newline-delimited JSON). */
  document(value: object): void {
    if (this.json) this.stdout.write(`${JSON.stringify(value)}\n`);
  }

  /**
   * Shows `label` on stderr if the work is still running after `afterMs`; call the returned
   * function when it ends. On a terminal the line is erased again at the end.
   */
  progress(label: string, afterMs = 1000): () => void {
    if (this.json || this.quiet) return () => undefined;
    const tty = this.stderr.isTTY === true;
    let shown = false;
    const timer = setTimeout(() => {
      shown = true;
      this.stderr.write(tty ? `${this.paint("dim", label)}` : `${label}\n`);
    }, afterMs);
    timer.unref();
    return () => {
      clearTimeout(timer);
      if (shown && tty) this.stderr.write("\r\x1b[K");
    };
  }

  /** Warnings (an unknown trait the run was allowed to ignore) go to stderr in every mode, as compiler warnings do. */
  warnings(diagnostics: readonly Diagnostic[]): void {
    for (const d of diagnostics) this.stderr.write(`${formatDiagnostic(d)}\n`);
  }

  /** Reports a failed run on stderr (or as the JSON document) and returns its exit code. */
  failure(e: unknown, command: string, usage: string, { writes = true } = {}): number {
    const { exitCode, kind, message, diagnostics } = classify(e);
    if (this.json) {
      this.document({ command, ok: false, exitCode, error: { kind, message, diagnostics } });
      return exitCode;
    }
    if (kind === "usage") this.stderr.write(`codegen ${command}: ${message}\n\n${usage}\n`);
    else if (kind === "input") {
      const n = diagnostics.length;
      const text = this.errorColour ? `\x1b[31m${message}\x1b[39m` : message;
      this.stderr.write(`${text}\n${n} problem${n === 1 ? "" : "s"}${writes ? "; nothing was written" : ""}.\n`);
    } else this.stderr.write(`codegen: internal error (please report it): ${message}\n`);
    return exitCode;
  }
}

interface Failure {
  readonly exitCode: number;
  readonly kind: "usage" | "input" | "internal";
  readonly message: string;
  readonly diagnostics: readonly Diagnostic[];
}

/** Exit codes: 2 for bad input (flags, configuration, models, files), 3 for a generator bug. */
function classify(e: unknown): Failure {
  if (e instanceof UsageError) return { exitCode: 2, kind: "usage", message: e.message, diagnostics: [] };
  if (e instanceof CodegenError) return { exitCode: 2, kind: "input", message: e.message, diagnostics: e.diagnostics };
  return { exitCode: 3, kind: "internal", message: e instanceof Error ? e.stack ?? e.message : String(e), diagnostics: [] };
}

function colourWanted(stream: NodeJS.WriteStream): boolean {
  const force = process.env["FORCE_COLOR"];
  if (force !== undefined && force !== "" && force !== "0" && force !== "false") return true;
  if (process.env["NO_COLOR"] !== undefined && process.env["NO_COLOR"] !== "") return false;
  return stream.isTTY === true && process.env["TERM"] !== "dumb";
}
