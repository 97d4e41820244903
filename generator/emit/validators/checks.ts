// Writes the straight-line checks of the generated validators: one function per structure and
// union, and per list or map that some use site calls. A nested aggregate is checked in place
// when its checks are few (see INLINE_COST), else by calling its function, so the output grows
// linearly with the model. Failures go into `f`, created on the first one, so a valid value costs
// no allocation; paths are built only when a failure is recorded (see failures.ts).

import type { RuntimeImports } from "../../codegen/runtime-imports.js";
import { CodegenError, type Diagnostic } from "../../diagnostics.js";
import type { ShapeIndex } from "../../index/shape-index.js";
import { isEventStream, type Member, type Shape } from "../../model/model.js";
import { isIdentifier } from "../../model/shape-id.js";
import type { SymbolProvider } from "../../symbols/symbol-provider.js";
import { REDACTED_KEY, type ValidatorPlan } from "./plan.js";
import { planPattern } from "./regex.js";
import { FailureSites, FUNCTION_ROOT, pathJs, type Path } from "./failures.js";
import { constraintsAt, formatNumber, RULES, typeName, type Bounds, type Constraints, type EnumRule } from "./rules.js";

/** How deep recursive values may nest before validation stops descending (the JS stack is finite). */
export const MAX_DEPTH = 1000;

/**
 * The most failures one validate call collects; then recursive shapes stop descending. A value
 * graph that shares a failing object reports it at every path it has, which can be exponentially
 * many: the cap bounds the work, far above what any real request produces.
 */
export const MAX_FAILURES = 10_000;

/**
 * A recursive value found valid is remembered (and skipped when met again) only when checking it
 * entered at least this many recursive values: a small one costs less to check again than to
 * remember, and re-checking it stays bounded by this, so a DAG still costs linear work while a
 * plain tree keeps its set of remembered values small.
 */
const REMEMBER_FROM = 16;

const INTEGER_BOUNDS: Record<string, [string, string]> = {
  byte: ["-128", "127"],
  short: ["-32768", "32767"],
  integer: ["-2147483648", "2147483647"],
  intEnum: ["-2147483648", "2147483647"],
};

/**
 * A nested aggregate outside any cycle is checked in place when an inlined copy writes at most
 * this many checks (a call counting one): small shapes skip a call and the path it passes, big
 * ones are written once, in their own function.
 */
const INLINE_COST = 6;

/** Where a @pattern is written: the member or shape that carries it. */
type PatternSite = Pick<Shape | Member, "id" | "source">;

const AGGREGATES: ReadonlySet<string> = new Set(["structure", "union", "list", "map"]);

/** Enums with more values than this are checked with a Set instead of a chain of comparisons. */
const ENUM_CHAIN_LIMIT = 8;

export interface CheckFunction {
  readonly name: string;
  readonly params: string;
  readonly lines: readonly string[];
}

export class CheckWriter {
  /** Module-level constants (compiled patterns, enum sets), in order of first use. */
  readonly constants: string[] = [];
  readonly failures: FailureSites;
  private readonly patternIds = new Map<string, { name: string; native: boolean }>();
  /** Shape and pattern pairs already warned about. */
  private readonly skipped = new Set<string>();
  private readonly enumIds = new Map<string, string>();
  private readonly costs = new Map<string, number>();
  /** Lists and maps that some use site calls: each needs a function. */
  private readonly called = new Set<string>();
  /** The number of each recursive shape: its slot in the walk's sets of valid objects. */
  private readonly slots: ReadonlyMap<string, number>;

  constructor(
    private readonly index: ShapeIndex,
    private readonly plan: ValidatorPlan,
    private readonly symbols: SymbolProvider,
    /** Records what the checks call of runtime/validators/. */
    private readonly runtime: RuntimeImports,
    private readonly failure: string,
    private readonly warn: (d: Diagnostic) => void,
  ) {
    this.failures = new FailureSites(runtime);
    this.slots = new Map([...plan.recursive].sort().map((id, i) => [id, i]));
  }

  functionName(shape: Shape): string {
    return `$check${this.symbols.name(shape)}`;
  }

  /** The arguments after the value and path that a call to the shape's function passes. */
  private trailingArgs(shape: Shape): string {
    return this.plan.carriesGuard.has(shape.id) ? "f, s" : "f";
  }

  /** The call that validates a value of `shape` (an object for structures and unions) at the root. */
  rootCall(shape: Shape, value: string): string {
    const guard = this.plan.carriesGuard.has(shape.id) ? ", { path: new Set(), valid: [], entries: 0 }" : "";
    return `${this.functionName(shape)}(${value}, "", "", undefined${guard})`;
  }

  /**
   * A call of the shape's function for the value at `path`, passed as a prefix and a last
   * segment (`p`, `k`) so that no path string is built unless a failure needs it.
   */
  private call(shape: Shape, value: string, path: Path): string {
    const last = path[path.length - 1];
    const [prefix, key] = last !== undefined && "e" in last && path.length > 2 ? [path.slice(0, -1), last.e] : [path, '""'];
    return `${this.functionName(shape)}(${value}, ${pathJs(prefix, () => this.runtime.use("joinPath"))}, ${key}, ${this.trailingArgs(shape)})`;
  }

  /** The functions of the given structures and unions, then of every list and map they call (sorted, so output is stable). */
  checkFunctions(shapes: readonly Shape[]): CheckFunction[] {
    const out = shapes.map((shape) => this.checkFunction(shape));
    const written = new Set(shapes.map((s) => s.id));
    for (;;) {
      const pending = [...this.called].filter((id) => !written.has(id)).sort();
      if (pending.length === 0) return out;
      for (const id of pending) {
        written.add(id);
        out.push(this.checkFunction(this.index.shape(id)));
      }
    }
  }

  private checkFunction(shape: Shape): CheckFunction {
    const guard = this.plan.carriesGuard.has(shape.id);
    const valueType = shape.type === "structure" || shape.type === "union" ? "Record<string, unknown>" : "unknown";
    const params = `v: ${valueType}, p: string, k: string | number, f: ${this.failure}[] | undefined${guard ? `, s: ${this.runtime.use("ValidationWalk")}` : ""}`;
    const lines: string[] = [];
    const recursive = this.plan.recursive.has(shape.id);
    if (recursive) lines.push(...this.guardEntry(shape));
    if (shape.type === "structure" || shape.type === "union") this.members(shape, "v", FUNCTION_ROOT, 0, lines);
    else this.collection("v", undefined, shape, FUNCTION_ROOT, 0, lines, true);
    if (recursive) lines.push("s.path.delete(v);", ...this.guardExit(shape));
    lines.push("return f;");
    return { name: this.functionName(shape), params, lines };
  }

  /**
   * The entry of a recursive shape's function: counts the entry, then stops once the failure cap
   * is reached, at a value already on the path (a cycle), at one remembered as valid for this
   * shape (a shared object is checked once, so a DAG costs its distinct objects, not its paths),
   * or nested too deep; else marks the value as on the path.
   */
  private guardEntry(shape: Shape): string[] {
    const stop = (rule: string) => `return ${this.runtime.use("addFailure")}(f, p, k, "", ${this.failures.rule("type", rule)});`;
    return [
      "const c0 = s.entries++;",
      "const f0 = f === undefined ? 0 : f.length;",
      `if (f0 >= ${MAX_FAILURES}) return f;`,
      `if (s.path.has(v)) ${stop(RULES.cycle)}`,
      `if (s.valid[${this.slots.get(shape.id)!}]?.has(v)) return f;`,
      `if (s.path.size >= ${MAX_DEPTH}) ${stop(RULES.depth(MAX_DEPTH))}`,
      "s.path.add(v);",
    ];
  }

  /** Remembers the value as valid for this shape when it added no failure and was not small (see REMEMBER_FROM). */
  private guardExit(shape: Shape): string[] {
    const slot = this.slots.get(shape.id)!;
    return [`if (s.entries - c0 >= ${REMEMBER_FROM} && (f === undefined || f.length === f0)) (s.valid[${slot}] ??= new Set()).add(v);`];
  }

  /** The members of a structure or union held in `v`; `depth` keeps names apart when inlined. */
  private members(shape: Shape, v: string, path: Path, depth: number, out: string[]): void {
    const required = (m: Member) => m.traits.has("smithy.api#required");
    // An event stream's events arrive later, one by one: only its presence is checked here.
    const members = shape.members.filter((m) => required(m) || !isEventStream(this.index.target(m)));
    if (members.length === 0) return;
    const union = shape.type === "union";
    const x = `x${depth}`;
    const set = `set${depth}`;
    if (union) out.push(`let ${set} = 0;`);
    out.push(`let ${x}: unknown;`);
    for (const m of members) {
      out.push(`${x} = ${read(v, m.name)};`);
      const memberPath = [...path, { c: `/${m.name}` }];
      const body: string[] = [];
      if (union) body.push(`${set}++;`);
      const target = this.index.target(m);
      if (isEventStream(target)) {
        out.push(`if (${x} == null) ${this.fail(memberPath, "required", RULES.required)}`);
        continue;
      }
      this.value(x, m, target, memberPath, depth + 1, body);
      if (required(m)) {
        out.push(`if (${x} == null) ${this.fail(memberPath, "required", RULES.required)}`, ...block("else", body));
      } else {
        out.push(...block(`if (${x} != null)`, body));
      }
    }
    if (union) out.push(`if (${set} !== 1) ${this.fail(path, "type", RULES.unionOneMember)}`);
  }

  /** Whether a nested aggregate is checked in place (see INLINE_COST); shapes on a cycle never are. */
  private inlined(shape: Shape): boolean {
    return !this.plan.recursive.has(shape.id) && this.cost(shape) <= INLINE_COST;
  }

  /** The checks an inlined copy of a shape outside any cycle writes, roughly: one per member, or the member's own cost when it is inlined too. */
  private cost(shape: Shape): number {
    let total = this.costs.get(shape.id);
    if (total !== undefined) return total;
    total = 1;
    for (const m of shape.members) {
      const target = this.index.target(m);
      total += AGGREGATES.has(target.type) && this.inlined(target) ? this.cost(target) : 1;
    }
    this.costs.set(shape.id, total);
    return total;
  }

  private fail(path: Path, constraint: string, rule: string): string {
    return this.failures.fail(path, constraint, rule);
  }

  private failLength(path: Path, length: string, rule: string): string {
    return this.failures.failLength(path, length, rule);
  }

  /** Checks the non-null value in variable `x`, of shape `target` reached through `member`. */
  private value(x: string, member: Member | undefined, target: Shape, path: Path, depth: number, out: string[]): void {
    const c = constraintsAt(member, target);
    // Made only where a check is written here: a site nobody fails at would be a dead constant.
    const typeFail = () => this.fail(path, "type", RULES.type(typeName(target)));
    const where = member?.traits.has("smithy.api#pattern") ? member : target;
    switch (target.type) {
      case "string":
      case "enum": {
        const notString = typeFail(); // first: sites are numbered in the order checks run
        const checks = this.stringChecks(x, c, path, where);
        out.push(`if (typeof ${x} !== "string") ${notString}`);
        if (checks.length > 0) out.push(...block("else", checks));
        return;
      }
      case "boolean":
        out.push(`if (typeof ${x} !== "boolean") ${typeFail()}`);
        return;
      case "byte":
      case "short":
      case "integer":
      case "intEnum":
      case "long": {
        const [lo, hi] = INTEGER_BOUNDS[target.type] ?? ["-9223372036854775808", "9223372036854775808"];
        const upper = target.type === "long" ? `${x} >= ${hi}` : `${x} > ${hi}`; // 2^63 itself is out of range
        out.push(`if (typeof ${x} !== "number" || !Number.isInteger(${x}) || ${x} < ${lo} || ${upper}) ${typeFail()}`);
        const checks = [...this.rangeCheck(x, c.range, path, (n) => formatNumber(n)), ...this.enumCheck(x, c.enumRule, path)];
        if (checks.length > 0) out.push(...block("else", checks));
        return;
      }
      case "float":
      case "double": {
        out.push(`if (typeof ${x} !== "number") ${typeFail()}`);
        const checks = this.rangeCheck(x, c.range, path, (n) => formatNumber(n));
        if (checks.length > 0) out.push(...block("else", checks));
        return;
      }
      case "bigInteger": {
        out.push(`if (typeof ${x} !== "bigint") ${typeFail()}`);
        const literal = (n: number, side: "min" | "max") => `${BigInt(side === "min" ? Math.ceil(n) : Math.floor(n))}n`;
        if (c.range !== undefined) {
          const { min, max } = c.range;
          const conds = [min !== undefined ? `${x} < ${literal(min, "min")}` : "", max !== undefined ? `${x} > ${literal(max, "max")}` : ""].filter(Boolean);
          out.push(`else if (${conds.join(" || ")}) ${this.fail(path, "range", RULES.range(c.range))}`);
        }
        return;
      }
      case "bigDecimal": {
        out.push(`if (typeof ${x} !== "string" || !${this.runtime.use("isDecimal")}(${x})) ${typeFail()}`);
        if (c.range !== undefined) {
          const { min, max } = c.range;
          const conds = [
            min !== undefined ? `${this.runtime.use("compareDecimal")}(${x}, ${JSON.stringify(formatNumber(min))}) < 0` : "",
            max !== undefined ? `${this.runtime.use("compareDecimal")}(${x}, ${JSON.stringify(formatNumber(max))}) > 0` : "",
          ].filter(Boolean);
          out.push(`else if (${conds.join(" || ")}) ${this.fail(path, "range", RULES.range(c.range))}`);
        }
        return;
      }
      case "timestamp":
        out.push(`if (!(${x} instanceof Date) || Number.isNaN(${x}.getTime())) ${typeFail()}`);
        return;
      case "blob": {
        out.push(`if (!(${x} instanceof Uint8Array)) ${typeFail()}`);
        if (c.length !== undefined) out.push(`else if (${outside(`${x}.byteLength`, c.length)}) ${this.failLength(path, `${x}.byteLength`, RULES.length(c.length))}`);
        return;
      }
      case "document":
        out.push(`if (!${this.runtime.use("isDocument")}(${x}, [], new Set())) ${typeFail()}`);
        return;
      case "list":
      case "map":
        if (!this.inlined(target)) {
          this.called.add(target.id);
          // The function checks the type and the items; @length and @uniqueItems depend on the
          // member that reaches the collection, so they are checked here.
          const isType = target.type === "list" ? `Array.isArray(${x})` : `typeof ${x} === "object" && !Array.isArray(${x})`;
          const checks = this.collectionConstraints(x, c, target, path, target.type === "list" ? `${x}.length` : `Object.keys(${x}).length`);
          if (checks.length > 0) out.push(...block(`if (${isType})`, checks));
          out.push(`f = ${this.call(target, x, path)};`);
        } else this.collection(x, member, target, path, depth, out, false);
        return;
      case "structure":
      case "union":
        out.push(`if (typeof ${x} !== "object" || Array.isArray(${x})) ${typeFail()}`);
        if (this.inlined(target)) {
          if (target.members.length === 0) return;
          const record = `o${depth}`;
          const body = [`const ${record} = ${x} as Record<string, unknown>;`];
          this.members(target, record, path, depth, body);
          out.push(...block("else", body));
        } else out.push(`else f = ${this.call(target, `${x} as Record<string, unknown>`, path)};`);
        return;
      default:
        throw new Error(`internal: no validator for ${target.type} ${target.id}`);
    }
  }

  /** A list or map: its type, @length, @uniqueItems (unless `ownBody`: then the caller checks them), then every item (and key). */
  private collection(x: string, member: Member | undefined, target: Shape, path: Path, depth: number, out: string[], ownBody: boolean): void {
    const c = constraintsAt(member, target);
    const sparse = target.traits.has("smithy.api#sparse");
    const typeFail = this.fail(path, "type", RULES.type(typeName(target)));
    const i = `i${depth}`;
    const y = `y${depth}`;
    const body: string[] = [];
    const itemPath = (segment: string): Path => [...path, { c: "/" }, { e: segment }];
    const item = (itemMember: Member, segment: string) => {
      const checks: string[] = [];
      this.value(y, itemMember, this.index.target(itemMember), itemPath(segment), depth + 1, checks);
      if (sparse) body.push(...block(`if (${y} != null)`, checks));
      else body.push(`if (${y} == null) ${this.fail(itemPath(segment), "type", RULES.nullItem)}`, ...block("else", checks));
    };
    if (target.type === "list") {
      out.push(`if (!Array.isArray(${x})) ${typeFail}`, "else {");
      if (!ownBody) out.push(...this.collectionConstraints(x, c, target, path, `${x}.length`));
      body.push(`const ${y}: unknown = ${x}[${i}];`);
      item(target.members[0]!, i);
      out.push(`for (let ${i} = 0; ${i} < ${x}.length; ${i}++) {`, ...body, "}", "}");
      return;
    }
    const keys = `k${depth}`;
    const key = `key${depth}`;
    out.push(`if (typeof ${x} !== "object" || Array.isArray(${x})) ${typeFail}`, "else {");
    // A for-in loop with an own-property test is V8's fastest walk over own keys; @length needs
    // the count first (its failure comes before the entries'), so then Object.keys.
    const counted = !ownBody && c.length !== undefined;
    if (counted) {
      out.push(`const ${keys} = Object.keys(${x});`, ...this.collectionConstraints(x, c, target, path, `${keys}.length`));
      body.push(`const ${key} = ${keys}[${i}]!;`);
    } else {
      body.push(`if (!Object.prototype.hasOwnProperty.call(${x}, ${key})) continue;`);
    }
    const keyMember = target.members[0]!;
    const keyTarget = this.index.target(keyMember);
    const keyWhere = keyMember.traits.has("smithy.api#pattern") ? keyMember : keyTarget;
    // Smithy reports a failing key at the map's own path.
    body.push(...this.stringChecks(key, constraintsAt(keyMember, keyTarget), path, keyWhere));
    body.push(`const ${y}: unknown = (${x} as Record<string, unknown>)[${key}];`);
    item(target.members[1]!, this.plan.redactedKeys.has(target.id) ? JSON.stringify(REDACTED_KEY) : key);
    const loop = counted ? `for (let ${i} = 0; ${i} < ${keys}.length; ${i}++) {` : `for (const ${key} in ${x} as object) {`;
    out.push(loop, ...body, "}", "}");
  }

  /** @length and @uniqueItems of a collection of the right type, `size` being its item or entry count. */
  private collectionConstraints(x: string, c: Constraints, target: Shape, path: Path, size: string): string[] {
    const out: string[] = [];
    if (c.length !== undefined) out.push(`if (${outside(size, c.length)}) ${this.failLength(path, size, RULES.length(c.length))}`);
    if (c.uniqueItems && target.type === "list") {
      out.push(`if (!${this.runtime.use("uniqueItems")}(${x})) ${this.fail(path, "uniqueItems", RULES.uniqueItems)}`);
    }
    return out;
  }

  /** Length, pattern and enum checks of a value known to be a string. */
  private stringChecks(x: string, c: Constraints, path: Path, where: PatternSite): string[] {
    const out: string[] = [];
    if (c.length !== undefined) {
      const { min, max } = c.length;
      out.push(
        `{ const n = ${this.runtime.use("stringLengthFailure")}(${x}, ${min ?? 0}, ${max ?? "Infinity"}); if (n >= 0) ${this.failLength(path, "n", RULES.length(c.length))} }`,
      );
    }
    const id = c.pattern === undefined ? undefined : this.pattern(c.pattern, where);
    if (c.pattern !== undefined && id !== undefined) {
      const test = id.native ? `${id.name}.test(${x})` : `${this.runtime.use("searchPattern")}(${id.name}, ${x})`;
      out.push(`if (!${test}) ${this.fail(path, "pattern", RULES.pattern(c.pattern))}`);
    }
    out.push(...this.enumCheck(x, c.enumRule, path));
    return out;
  }

  private enumCheck(x: string, rule: EnumRule | undefined, path: Path): string[] {
    if (rule === undefined) return [];
    let test: string;
    if (rule.values.length <= ENUM_CHAIN_LIMIT) {
      test = rule.values.map((v) => `${x} === ${JSON.stringify(v)}`).join(" || ");
    } else {
      const key = JSON.stringify(rule.values);
      let name = this.enumIds.get(key);
      if (name === undefined) {
        name = `$enum${this.enumIds.size}`;
        this.enumIds.set(key, name);
        this.constants.push(`const ${name}: ReadonlySet<unknown> = new Set(${key});`);
      }
      test = `${name}.has(${x})`;
    }
    return [`if (!(${test})) ${this.fail(path, "enum", RULES.enumSet(rule.listed))}`];
  }

  private rangeCheck(x: string, range: Bounds | undefined, path: Path, literal: (n: number) => string): string[] {
    if (range === undefined) return [];
    const conds = [range.min !== undefined ? `${x} >= ${literal(range.min)}` : "", range.max !== undefined ? `${x} <= ${literal(range.max)}` : ""].filter(Boolean);
    // Written as a negated conjunction so that NaN fails.
    return [`if (!(${conds.join(" && ")})) ${this.fail(path, "range", RULES.range(range))}`];
  }

  /** The compiled pattern's constant, or undefined when it cannot be checked (a warning says so). */
  private pattern(pattern: string, where: PatternSite): { name: string; native: boolean } | undefined {
    const existing = this.patternIds.get(pattern);
    if (existing !== undefined) return existing;
    let plan;
    try {
      plan = planPattern(pattern);
    } catch (e) {
      throw new CodegenError([{ ...where.source, shape: where.id, message: `${(e as Error).message} (${JSON.stringify(pattern)})` }]);
    }
    if (plan.kind === "skip") {
      const key = `${where.id}\0${pattern}`;
      if (!this.skipped.has(key)) {
        this.skipped.add(key);
        this.warn({ ...where.source, shape: where.id, message: `@pattern ${JSON.stringify(pattern)} is not checked: ${plan.reason}` });
      }
      return undefined;
    }
    let name: string;
    if (plan.kind === "vm") {
      name = `$pattern${this.patternIds.size}`;
      const { code, sets, unicode, anchored } = plan.program;
      this.constants.push(`// ${comment(pattern)}\nconst ${name}: ${this.runtime.use("PatternProgram")} = { code: [${code.join(",")}], sets: [${sets.map((s) => `[${s.join(",")}]`).join(",")}], unicode: ${unicode}, anchored: ${anchored} };`);
    } else {
      name = `$native${this.patternIds.size}`;
      this.constants.push(`// ${comment(pattern)} (native RegExp: ${plan.reason})\nconst ${name} = new RegExp(${JSON.stringify(plan.source)}, ${JSON.stringify(plan.flags)});`);
    }
    const id = { name, native: plan.kind === "native" };
    this.patternIds.set(pattern, id);
    return id;
  }
}

/** `v.name`, or an own-property read for names every object inherits (`constructor`, `__proto__`, …). */
function read(v: string, name: string): string {
  const access = isIdentifier(name) ? `${v}.${name}` : `${v}[${JSON.stringify(name)}]`;
  return name in Object.prototype ? `(Object.hasOwn(${v}, ${JSON.stringify(name)}) ? ${v}[${JSON.stringify(name)}] : undefined)` : access;
}

/** `head stmt` for one statement, else `head { … }`. */
function block(head: string, lines: readonly string[]): string[] {
  // An `if` directly under an `if` could capture a later `else`: keep the braces then.
  const single = lines.length === 1 && !(head.startsWith("if") && lines[0]!.startsWith("if"));
  return single ? [`${head} ${lines[0]}`] : [`${head} {`, ...lines, "}"];
}

function outside(size: string, { min, max }: Bounds): string {
  return [min !== undefined ? `${size} < ${min}` : "", max !== undefined ? `${size} > ${max}` : ""].filter(Boolean).join(" || ");
}

/** A pattern inside a line comment: no line breaks. */
function comment(pattern: string): string {
  return `@pattern ${JSON.stringify(pattern)}`;
}
