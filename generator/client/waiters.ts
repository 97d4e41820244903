// waitUntil<Waiter> for every smithy.waiters#waitable waiter: its acceptors compiled to one
// function at generation time (JMESPath paths through ./jmespath.ts), its delays as defaults.

import type { Diagnostic } from "../diagnostics.js";
import type { Shape } from "../model/model.js";
import { compileJmespath, JmespathError } from "./jmespath.js";

interface PathMatcher {
  path: string;
  expected: string;
  comparator: "stringEquals" | "booleanEquals" | "allStringEquals" | "anyStringEquals";
}

interface Acceptor {
  state: "success" | "failure" | "retry";
  matcher: { output?: PathMatcher; inputOutput?: PathMatcher; success?: boolean; errorType?: string };
}

interface Waiter {
  documentation?: string;
  acceptors: Acceptor[];
  minDelay?: number;
  maxDelay?: number;
}

export interface WaiterView {
  name: string;
  function: string;
  minDelay: number;
  maxDelay: number;
  /** The body of the acceptors function `(input, output, error) => state | undefined`. */
  body: string;
}

function comparison(m: PathMatcher, value: string): string {
  const expected = JSON.stringify(m.expected);
  switch (m.comparator) {
    case "stringEquals":
      return `${value} === ${expected}`;
    case "booleanEquals":
      return `${value} === ${m.expected === "true"}`;
    case "allStringEquals":
      return `((v: any) => Array.isArray(v) && v.length > 0 && v.every((x) => x === ${expected}))(${value})`;
    case "anyStringEquals":
      return `((v: any) => Array.isArray(v) && v.some((x) => x === ${expected}))(${value})`;
    default:
      throw new JmespathError(`unknown comparator ${String(m.comparator)}`);
  }
}

/**
 * The condition of one acceptor's matcher, as TypeScript over `input`, `output`, `error` and
 * `io`; the JMESPath helpers it calls are named through `use` (see compileJmespath).
 */
export function matcherCode(matcher: Acceptor["matcher"], use?: (helper: string) => string): string {
  if (matcher.output !== undefined) return `output !== undefined && ${comparison(matcher.output, compileJmespath(matcher.output.path, "output", use))}`;
  if (matcher.inputOutput !== undefined) return `output !== undefined && ${comparison(matcher.inputOutput, compileJmespath(matcher.inputOutput.path, "io", use))}`;
  if (matcher.success !== undefined) return matcher.success ? "error === undefined" : "error !== undefined";
  if (matcher.errorType !== undefined) return `error?.name === ${JSON.stringify(matcher.errorType.replace(/^.*#/, ""))}`;
  throw new JmespathError("a matcher needs one of output, inputOutput, success, errorType");
}

/**
 * The waiters of an operation, the helpers they call named through `use`; a path the compiler
 * cannot handle is a problem naming the waiter.
 */
export function waiterViews(op: Shape, problems: Diagnostic[], use: (helper: string) => string): WaiterView[] {
  const waitable = op.traits.get("smithy.waiters#waitable") as Record<string, Waiter> | undefined;
  const views: WaiterView[] = [];
  for (const [name, waiter] of Object.entries(waitable ?? {})) {
    const lines: string[] = [];
    try {
      if (waiter.acceptors.some((a) => a.matcher.inputOutput !== undefined)) lines.push("const io = { input, output };");
      waiter.acceptors.forEach((acceptor, i) => {
        try {
          lines.push(`if (${matcherCode(acceptor.matcher, use)}) return ${JSON.stringify(acceptor.state)};`);
        } catch (e) {
          if (e instanceof JmespathError) throw new JmespathError(`acceptor ${i + 1}: ${e.message}`);
          throw e;
        }
      });
    } catch (e) {
      if (!(e instanceof JmespathError)) throw e;
      problems.push({ ...op.source, message: `waiter ${name} of ${op.id}: ${e.message}` });
      continue;
    }
    lines.push("return undefined;");
    views.push({ name, function: `waitUntil${name}`, minDelay: waiter.minDelay ?? 2, maxDelay: waiter.maxDelay ?? 120, body: lines.join("\n") });
  }
  return views;
}

