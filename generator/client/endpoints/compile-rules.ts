// Compiles a `smithy.rules#endpointRuleSet` to straight-line TypeScript: one nested `if` per
// condition, template strings as template literals, getAttr as property access, each library
// function as a call into runtime/endpoints/functions.ts. The rules' static types (spec
// "Rule set type system") decide how a condition is tested, and the emitted code type-checks
// under the project's strict flags because TypeScript narrows the same way the rules do.

import { CodegenError } from "../../diagnostics.js";
import { isIdentifier } from "../../model/shape-id.js";

/** A rule set as the trait holds it (JSON). */
export interface RuleSet {
  readonly version: string;
  readonly parameters: Readonly<Record<string, ParameterDef>>;
  readonly rules: readonly Rule[];
}

export interface ParameterDef {
  readonly type: string;
  readonly builtIn?: string;
  readonly required?: boolean;
  readonly default?: string | boolean | readonly string[];
  readonly documentation?: string;
}

type Expr = string | boolean | number | readonly Expr[] | { readonly ref: string } | FnCall;
interface FnCall { readonly fn: string; readonly argv: readonly Expr[]; readonly assign?: string }
interface Rule {
  readonly type: "endpoint" | "error" | "tree";
  readonly conditions?: readonly FnCall[];
  readonly rules?: readonly Rule[];
  readonly error?: Expr;
  readonly endpoint?: { readonly url: Expr; readonly properties?: Readonly<Record<string, unknown>>; readonly headers?: Readonly<Record<string, readonly Expr[]>> };
  readonly documentation?: string;
}

/** Static types of rule values: `optional` is the spec's option<T>. */
type Kind = "string" | "bool" | "int" | "stringArray" | "url" | "partition" | "arn";
interface Typed { readonly code: string; readonly kind: Kind; readonly optional: boolean }

const STRUCT_FIELDS: Partial<Record<Kind, Readonly<Record<string, Kind>>>> = {
  url: { scheme: "string", authority: "string", path: "string", normalizedPath: "string", isIp: "bool" },
  partition: { name: "string", dnsSuffix: "string", dualStackDnsSuffix: "string", supportsFIPS: "bool", supportsDualStack: "bool", implicitGlobalRegion: "string" },
  arn: { partition: "string", service: "string", region: "string", accountId: "string", resourceId: "stringArray" },
};

const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

const DEFAULT_MATCHES: Readonly<Record<"string" | "bool" | "stringArray", (value: unknown) => boolean>> = {
  string: (v) => typeof v === "string",
  bool: (v) => typeof v === "boolean",
  stringArray: (v) => Array.isArray(v) && v.every((item) => typeof item === "string"),
};

/** Library functions: the runtime name each calls, and its result type. */
const CALLS: Readonly<Record<string, { readonly runtime: string; readonly kind: Kind; readonly optional: boolean; readonly args: readonly Kind[] }>> = {
  isValidHostLabel: { runtime: "isValidHostLabel", kind: "bool", optional: false, args: ["string", "bool"] },
  parseURL: { runtime: "parseURL", kind: "url", optional: true, args: ["string"] },
  substring: { runtime: "substring", kind: "string", optional: true, args: ["string", "int", "int", "bool"] },
  uriEncode: { runtime: "uriEncode", kind: "string", optional: false, args: ["string"] },
  split: { runtime: "split", kind: "stringArray", optional: false, args: ["string", "string", "int"] },
  "aws.parseArn": { runtime: "parseArn", kind: "arn", optional: true, args: ["string"] },
  "aws.isVirtualHostableS3Bucket": { runtime: "isVirtualHostableS3Bucket", kind: "bool", optional: false, args: ["string", "bool"] },
  "aws.partition": { runtime: "partition", kind: "partition", optional: true, args: ["string"] },
};

export interface CompiledRules {
  /** The body of `function decide(params, partitions)`: statements ending in return/throw. */
  readonly body: string;
  /** Runtime functions the body calls. */
  readonly runtime: ReadonlySet<string>;
}

/** The local a parameter or an assigned value lives in: `$` keeps it clear of every other name. */
const local = (name: string): string => `$${name}`;

/** Compiles the rules of `ruleSet`; `where` names the service in errors. */
export function compileRules(ruleSet: RuleSet, where: string): CompiledRules {
  return new RuleCompiler(ruleSet, where).compile();
}

class RuleCompiler {
  private readonly runtime = new Set<string>();
  private readonly read = new Set<string>();

  constructor(private readonly ruleSet: RuleSet, private readonly where: string) {}

  compile(): CompiledRules {
    if (!isObject(this.ruleSet) || !isObject(this.ruleSet.parameters) || !Array.isArray(this.ruleSet.rules)) {
      throw this.fail("the rule set must be an object with a parameters object and a rules array");
    }
    const scope = new Map<string, Typed>();
    for (const [name, def] of Object.entries(this.ruleSet.parameters)) {
      const kind = parameterKind(def?.type, name, this.where);
      if (!NAME.test(name)) throw this.fail(`the parameter name ${JSON.stringify(name)} (names are letters, digits and _, starting with a letter)`);
      if (def.default !== undefined && !DEFAULT_MATCHES[kind](def.default)) {
        throw this.fail(`parameter ${name} of type ${def.type} has the default ${JSON.stringify(def.default)}`);
      }
      scope.set(name, { code: local(name), kind, optional: def.default === undefined && def.required !== true });
    }
    const { lines: body, terminal } = this.rules(this.ruleSet.rules, scope);
    const lines: string[] = [];
    for (const [name, def] of Object.entries(this.ruleSet.parameters)) {
      const read = isIdentifier(name) ? `params.${name}` : `params[${JSON.stringify(name)}]`;
      // Only the parameters the rules read get a local (the rest would be unused locals).
      if (this.read.has(name)) lines.push(`const ${local(name)} = ${def.default === undefined ? read : `${read} ?? ${JSON.stringify(def.default)}`};`);
      if (def.required === true && def.default === undefined) {
        lines.push(`if (${this.read.has(name) ? local(name) : read} == null) throw new Error(${JSON.stringify(`Missing required endpoint parameter: ${name}`)});`);
      }
    }
    lines.push(...body);
    if (!terminal) lines.push(`throw new Error("Endpoint rules matched no rule");`);
    return { body: lines.join("\n"), runtime: this.runtime };
  }

  /** The rules in order, up to the first that always applies (the rest could never be reached). */
  private rules(rules: readonly Rule[], scope: ReadonlyMap<string, Typed>): { lines: string[]; terminal: boolean } {
    const lines: string[] = [];
    for (const rule of rules) {
      const compiled = this.rule(rule, new Map(scope));
      lines.push(...compiled.lines);
      if (compiled.terminal) return { lines, terminal: true };
    }
    return { lines, terminal: false };
  }

  /**
   * A rule as nested blocks: each condition that can fail guards the rest, an assignment is a
   * `const` in the innermost block (a block of its own when it comes first, so that sibling
   * rules may assign the same name); the innermost block is the result.
   */
  private rule(rule: Rule, scope: Map<string, Typed>): { lines: string[]; terminal: boolean } {
    const lines: string[] = [];
    let open = 0;
    let guarded = false;
    if (!isObject(rule) || (rule.conditions !== undefined && !Array.isArray(rule.conditions))) {
      throw this.fail(`a rule must be an object whose conditions are an array: ${JSON.stringify(rule).slice(0, 200)}`);
    }
    const conditions = rule.conditions ?? [];
    if (conditions[0]?.assign !== undefined) { lines.push("{"); open++; }
    for (const condition of conditions) {
      const value = this.expr(condition, scope);
      let test = truth(value);
      if (condition.assign !== undefined) {
        if (!NAME.test(condition.assign)) throw this.fail(`the assign name ${JSON.stringify(condition.assign)} (names are letters, digits and _, starting with a letter)`);
        const name = local(condition.assign);
        lines.push(`const ${name} = ${value.code};`);
        scope.set(condition.assign, { code: name, kind: value.kind, optional: false });
        test = truth({ ...value, code: name });
      }
      if (test !== undefined) {
        lines.push(`if (${test}) {`);
        open++;
        guarded = true;
      }
    }
    lines.push(...this.result(rule, scope));
    for (let i = 0; i < open; i++) lines.push("}");
    return { lines, terminal: !guarded };
  }

  private result(rule: Rule, scope: Map<string, Typed>): string[] {
    switch (rule.type) {
      case "tree": {
        // A tree rule whose conditions held is final: none of its rules applying is an error.
        if (!Array.isArray(rule.rules)) throw this.fail("a tree rule without a rules array");
        const { lines, terminal } = this.rules(rule.rules, scope);
        return terminal ? lines : [...lines, `throw new Error("Endpoint rules matched no rule in a tree rule");`];
      }
      case "error":
        return [`throw new Error(${this.stringValue(rule.error ?? "", scope)});`];
      case "endpoint": {
        const endpoint = rule.endpoint;
        if (!isObject(endpoint) || endpoint.url === undefined) throw this.fail("an endpoint rule without an endpoint url");
        const parts = [`url: new URL(${this.stringValue(endpoint.url, scope)})`];
        if (endpoint.headers !== undefined && Object.keys(endpoint.headers).length > 0) {
          const headers = Object.entries(endpoint.headers).map(([k, values]) => `${JSON.stringify(k)}: [${values.map((v) => this.stringValue(v, scope)).join(", ")}]`);
          parts.push(`headers: { ${headers.join(", ")} }`);
        }
        if (endpoint.properties !== undefined && Object.keys(endpoint.properties).length > 0) {
          parts.push(`properties: ${this.document(endpoint.properties, scope)}`);
        }
        return [`return { ${parts.join(", ")} };`];
      }
      default:
        throw this.fail(`a rule of unknown type ${JSON.stringify((rule as { type: unknown }).type)}`);
    }
  }

  /** A property value: strings are templates, objects and arrays recurse. */
  private document(value: unknown, scope: Map<string, Typed>): string {
    if (typeof value === "string") return this.template(value, scope);
    if (typeof value === "boolean" || typeof value === "number") return String(value);
    if (Array.isArray(value)) return `[${value.map((v) => this.document(v, scope)).join(", ")}]`;
    if (value !== null && typeof value === "object") {
      return `{ ${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${this.document(v, scope)}`).join(", ")} }`;
    }
    throw this.fail(`an endpoint property value ${JSON.stringify(value)} the rules engine does not allow`);
  }

  private stringValue(value: Expr, scope: Map<string, Typed>): string {
    const typed = this.expr(value, scope);
    if (typed.kind !== "string") throw this.fail(`a ${typed.kind} where a string is required`);
    return typed.code;
  }

  private expr(value: Expr, scope: Map<string, Typed>): Typed {
    if (typeof value === "string") return { code: this.template(value, scope), kind: "string", optional: false };
    if (typeof value === "boolean") return { code: String(value), kind: "bool", optional: false };
    if (typeof value === "number") return { code: String(value), kind: "int", optional: false };
    if (Array.isArray(value)) {
      const items = value.map((v: Expr) => this.expr(v, scope));
      if (items.some((i) => i.kind !== "string")) throw this.fail("an array literal of non-strings");
      return { code: `[${items.map((i) => i.code).join(", ")}]`, kind: "stringArray", optional: false };
    }
    if ("ref" in value) return this.ref(value.ref, scope);
    if ("fn" in value) return this.call(value as FnCall, scope);
    throw this.fail(`an expression ${JSON.stringify(value)} the rules engine does not define`);
  }

  private ref(name: string, scope: Map<string, Typed>): Typed {
    const found = scope.get(name);
    if (found === undefined) throw this.fail(`a reference to ${name}, which is neither a parameter nor assigned before`);
    this.read.add(name);
    return found;
  }

  private call(call: FnCall, scope: Map<string, Typed>): Typed {
    if (!Array.isArray(call.argv)) throw this.fail(`${call.fn} without an argv array`);
    const args = call.argv.map((a) => this.expr(a, scope));
    const arity = (n: number) => {
      if (args.length !== n) throw this.fail(`${call.fn} with ${args.length} arguments (it takes ${n})`);
    };
    /** The arguments' kinds must be the function's (optionality is the rules' isSet guards' business). */
    const kinds = (expected: readonly Kind[]) => {
      arity(expected.length);
      args.forEach((a, i) => {
        if (a.kind !== expected[i]) throw this.fail(`${call.fn} given a ${a.kind} as argument ${i + 1} (it takes a ${expected[i]})`);
      });
    };
    switch (call.fn) {
      case "isSet":
        arity(1);
        return { code: `${args[0]!.code} != null`, kind: "bool", optional: false };
      case "not":
        kinds(["bool"]);
        return { code: `!(${args[0]!.code})`, kind: "bool", optional: false };
      case "booleanEquals":
      case "stringEquals":
        // Calls, not `===`: TypeScript would narrow a value an earlier rule compared, and then
        // reject a later rule's comparison of it as impossible.
        kinds(call.fn === "booleanEquals" ? ["bool", "bool"] : ["string", "string"]);
        this.runtime.add(call.fn);
        return { code: `${call.fn}(${args[0]!.code}, ${args[1]!.code})`, kind: "bool", optional: false };
      case "getAttr":
        arity(2);
        return this.getAttr(args[0]!, call.argv[1]);
      case "coalesce": {
        if (args.length < 2) throw this.fail("coalesce with fewer than two arguments");
        return { code: `(${args.map((a) => a.code).join(" ?? ")})`, kind: args[0]!.kind, optional: args.every((a) => a.optional) };
      }
      case "ite":
        arity(3);
        return { code: `(${args[0]!.code} ? ${args[1]!.code} : ${args[2]!.code})`, kind: args[1]!.kind, optional: args[1]!.optional || args[2]!.optional };
      default: {
        const fn = CALLS[call.fn];
        if (fn === undefined) throw this.fail(`the function ${call.fn}, which the rules engine's standard and AWS libraries do not define`);
        kinds(fn.args);
        this.runtime.add(fn.runtime);
        return { code: `${fn.runtime}(${args.map((a) => a.code).join(", ")}${call.fn === "aws.partition" ? ", partitions" : ""})`, kind: fn.kind, optional: fn.optional };
      }
    }
  }

  /** `getAttr(value, "a.b[1]")` as `value.a.b[1]` (negative indexes count from the end). */
  private getAttr(target: Typed, path: Expr | undefined): Typed {
    if (typeof path !== "string") throw this.fail("getAttr with a path that is not a string literal");
    let { code, kind } = target;
    let optional = false;
    for (const part of path.split(".")) {
      const match = /^([^[]*)(?:\[(-?\d+)\])?$/.exec(part);
      if (match === null) throw this.fail(`the getAttr path ${JSON.stringify(path)}`);
      const [, key, index] = match;
      if (key !== undefined && key !== "") {
        const field = STRUCT_FIELDS[kind]?.[key];
        if (field === undefined) throw this.fail(`getAttr of ${key} on a ${kind}, which has no such field`);
        code = `${code}.${key}`;
        kind = field;
      }
      if (index !== undefined) {
        if (kind !== "stringArray") throw this.fail(`getAttr index on a ${kind}`);
        const i = Number(index);
        code = i < 0 ? `${code}.at(${i})` : `${code}[${i}]`;
        kind = "string";
        optional = true;
      }
    }
    return { code, kind, optional };
  }

  /** A template string (`{Region}`, `{url#authority}`, `{{` for a brace) as a string expression. */
  private template(text: string, scope: Map<string, Typed>): string {
    const pieces: string[] = [];
    let literal = "";
    let dynamic = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if ((c === "{" || c === "}") && text[i + 1] === c) { literal += c; i++; continue; }
      if (c !== "{") { literal += c; continue; }
      const end = text.indexOf("}", i);
      if (end < 0) throw this.fail(`an unclosed template placeholder in ${JSON.stringify(text)}`);
      const [name, path] = text.slice(i + 1, end).split("#") as [string, string | undefined];
      const value = path === undefined ? this.ref(name, scope) : this.getAttr(this.ref(name, scope), path);
      if (value.kind !== "string") throw this.fail(`the template placeholder {${text.slice(i + 1, end)}}, a ${value.kind}, not a string`);
      pieces.push(escapeTemplate(literal), `\${${value.code}}`);
      literal = "";
      dynamic = true;
      i = end;
    }
    if (!dynamic) return JSON.stringify(literal);
    pieces.push(escapeTemplate(literal));
    return `\`${pieces.join("")}\``;
  }

  private fail(what: string): CodegenError {
    return new CodegenError([{ shape: this.where, message: `smithy.rules#endpointRuleSet: ${what}` }]);
  }
}

/** The test a condition's value passes by: true, or a present optional; undefined when it always passes. */
function truth(value: Typed): string | undefined {
  if (value.kind === "bool") return value.optional ? `${value.code} === true` : value.code;
  return value.optional ? `${value.code} !== undefined` : undefined;
}

function isObject(value: unknown): value is object {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function escapeTemplate(text: string): string {
  return text.replace(/[\\`]|\$\{/g, (m) => `\\${m}`);
}

/** The rule type of a parameter's declared type (`String`/`string`, `Boolean`/`boolean`, `stringArray`). */
export function parameterKind(type: unknown, name: string, where: string): "string" | "bool" | "stringArray" {
  switch (typeof type === "string" ? type.toLowerCase() : undefined) {
    case "string": return "string";
    case "boolean": return "bool";
    case "stringarray": return "stringArray";
    default:
      throw new CodegenError([{ shape: where, message: `smithy.rules#endpointRuleSet: parameter ${name} has type ${JSON.stringify(type)}; the rules engine defines String, Boolean and stringArray` }]);
  }
}
