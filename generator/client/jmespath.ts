// JMESPath compiled to JavaScript at generation time, for waiter acceptors: a Pratt parser of the
// language (binding powers as the JMESPath grammar gives them) and a compiler from its tree to one
// expression over the helpers of runtime/client/jmespath.ts. What it does not support — slices,
// multi-select lists and hashes, expression references, functions other than length and
// contains — fails with a JmespathError naming the construct.

export class JmespathError extends Error {}

type Node =
  | { t: "field"; name: string }
  | { t: "current" }
  | { t: "literal"; value: unknown }
  | { t: "sub" | "pipe" | "or" | "and"; left: Node; right: Node }
  | { t: "index"; left: Node; n: number }
  | { t: "project"; kind: "list" | "object" | "flatten"; left: Node; right: Node }
  | { t: "filter"; left: Node; cond: Node; right: Node }
  | { t: "not"; expr: Node }
  | { t: "cmp"; op: string; left: Node; right: Node }
  | { t: "fn"; name: string; args: Node[] };

interface Token {
  type: string;
  value?: unknown;
  at: number;
}

const BINDING: Record<string, number> = {
  "|": 1, "||": 2, "&&": 3, "==": 5, "!=": 5, "<": 5, "<=": 5, ">": 5, ">=": 5,
  "[]": 9, "*": 20, "[?": 21, ".": 40, "!": 45, "{": 50, "[": 55, "(": 60,
};
const bp = (token: Token): number => BINDING[token.type] ?? 0;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const at = i;
    if (/\s/.test(c)) {
      i++;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i))![0];
      tokens.push({ type: "id", value: m, at });
      i += m.length;
    } else if (/[0-9-]/.test(c)) {
      const m = /^-?[0-9]+/.exec(text.slice(i))?.[0];
      if (m === undefined) throw new JmespathError(`unexpected "-" at ${at}`);
      tokens.push({ type: "number", value: Number(m), at });
      i += m.length;
    } else if (c === '"') {
      const end = closing(text, i, '"');
      tokens.push({ type: "id", value: JSON.parse(text.slice(i, end + 1)) as string, at });
      i = end + 1;
    } else if (c === "'") {
      const end = closing(text, i, "'");
      tokens.push({ type: "literal", value: text.slice(i + 1, end).replace(/\\'/g, "'"), at });
      i = end + 1;
    } else if (c === "`") {
      const end = closing(text, i, "`");
      const json = text.slice(i + 1, end).replace(/\\`/g, "`");
      try {
        tokens.push({ type: "literal", value: JSON.parse(json), at });
      } catch {
        throw new JmespathError(`the literal \`${json}\` at ${at} is not JSON`);
      }
      i = end + 1;
    } else {
      const two = text.slice(i, i + 2);
      const op = ["[?", "[]", "||", "&&", "==", "!=", "<=", ">="].includes(two) ? two : c;
      if (!"[]?|&=!<>.*@(),{}:".includes(op[0]!) || op === "=" || op === "?") {
        throw new JmespathError(`unexpected "${op}" at ${at}`);
      }
      tokens.push({ type: op, at });
      i += op.length;
    }
  }
  tokens.push({ type: "eof", at: text.length });
  return tokens;
}

function closing(text: string, start: number, quote: string): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === quote) return i;
  }
  throw new JmespathError(`unterminated ${quote} starting at ${start}`);
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Node {
    const node = this.expression(0);
    if (this.peek().type !== "eof") throw this.unexpected(this.peek());
    return node;
  }

  private peek(): Token {
    return this.tokens[this.i]!;
  }

  private next(): Token {
    return this.tokens[this.i++]!;
  }

  private expect(type: string): void {
    const token = this.next();
    if (token.type !== type) throw this.unexpected(token, `"${type}"`);
  }

  private unexpected(token: Token, wanted?: string): JmespathError {
    const what = token.type === "eof" ? "the end" : `"${String(token.value ?? token.type)}" at ${token.at}`;
    return new JmespathError(`unexpected ${what}${wanted ? `, expected ${wanted}` : ""}`);
  }

  private expression(rbp: number): Node {
    let left = this.nud(this.next());
    while (rbp < bp(this.peek())) left = this.led(this.next(), left);
    return left;
  }

  private nud(token: Token): Node {
    switch (token.type) {
      case "id":
        return { t: "field", name: token.value as string };
      case "literal":
        return { t: "literal", value: token.value };
      case "@":
        return { t: "current" };
      case "*":
        return { t: "project", kind: "object", left: { t: "current" }, right: this.projectionRight(BINDING["*"]!) };
      case "[]":
        return { t: "project", kind: "flatten", left: { t: "current" }, right: this.projectionRight(BINDING["[]"]!) };
      case "[?":
        return this.filter({ t: "current" });
      case "[":
        return this.bracket({ t: "current" });
      case "!":
        return { t: "not", expr: this.expression(BINDING["!"]!) };
      case "(": {
        const inner = this.expression(0);
        this.expect(")");
        return inner;
      }
      case "{":
        throw new JmespathError(`multi-select hashes ({…}) are not supported (at ${token.at})`);
      case "&":
        throw new JmespathError(`expression references (&…) are not supported (at ${token.at})`);
      default:
        throw this.unexpected(token);
    }
  }

  private led(token: Token, left: Node): Node {
    switch (token.type) {
      case ".":
        if (this.peek().type === "*") {
          this.next();
          return { t: "project", kind: "object", left, right: this.projectionRight(BINDING["*"]!) };
        }
        return { t: "sub", left, right: this.dotRight() };
      case "[":
        return this.bracket(left);
      case "[]":
        return { t: "project", kind: "flatten", left, right: this.projectionRight(BINDING["[]"]!) };
      case "[?":
        return this.filter(left);
      case "|":
        return { t: "pipe", left, right: this.expression(BINDING["|"]!) };
      case "||":
        return { t: "or", left, right: this.expression(BINDING["||"]!) };
      case "&&":
        return { t: "and", left, right: this.expression(BINDING["&&"]!) };
      case "(": {
        if (left.t !== "field") throw new JmespathError(`a function call needs a name (at ${token.at})`);
        const args: Node[] = [];
        while (this.peek().type !== ")") {
          args.push(this.expression(0));
          if (this.peek().type === ",") this.next();
          else if (this.peek().type !== ")") throw this.unexpected(this.peek(), '"," or ")"');
        }
        this.next();
        return { t: "fn", name: left.name, args };
      }
      default:
        if (BINDING[token.type] === 5) return { t: "cmp", op: token.type, left, right: this.expression(5) };
        throw this.unexpected(token);
    }
  }

  /** After `[`: an index, or `*]` (a list projection); slices and multi-select lists are refused. */
  private bracket(left: Node): Node {
    const token = this.next();
    if (token.type === "number") {
      if (this.peek().type === ":") throw new JmespathError(`slices are not supported (at ${token.at})`);
      this.expect("]");
      return { t: "index", left, n: token.value as number };
    }
    if (token.type === "*") {
      this.expect("]");
      return { t: "project", kind: "list", left, right: this.projectionRight(BINDING["*"]!) };
    }
    if (token.type === ":") throw new JmespathError(`slices are not supported (at ${token.at})`);
    throw new JmespathError(`multi-select lists ([a, b]) are not supported (at ${token.at})`);
  }

  private filter(left: Node): Node {
    const cond = this.expression(0);
    this.expect("]");
    return { t: "filter", left, cond, right: this.projectionRight(BINDING["[?"]!) };
  }

  private dotRight(): Node {
    const token = this.peek();
    if (token.type === "id") return this.expression(BINDING["."]!);
    if (token.type === "[") throw new JmespathError(`multi-select lists ([a, b]) are not supported (at ${token.at})`);
    if (token.type === "{") throw new JmespathError(`multi-select hashes ({…}) are not supported (at ${token.at})`);
    throw this.unexpected(token, "a field name");
  }

  /** What a projection applies to each element: nothing more (the element), or the rest of the chain. */
  private projectionRight(rbp: number): Node {
    const token = this.peek();
    if (bp(token) < 10) return { t: "current" };
    if (token.type === "[" || token.type === "[?" || token.type === "[]") return this.expression(rbp);
    if (token.type === ".") {
      this.next();
      if (this.peek().type === "*") return this.led({ type: ".", at: token.at }, { t: "current" });
      return this.dotRight();
    }
    throw this.unexpected(token);
  }
}

const FUNCTIONS: Record<string, { helper: string; arity: number }> = {
  length: { helper: "$length", arity: 1 },
  contains: { helper: "$contains", arity: 2 },
};

/** The helpers of runtime/client/jmespath.ts a compiled expression may call. */
export const JMESPATH_HELPERS = ["$field", "$index", "$project", "$values", "$flatten", "$truthy", "$equal", "$order", "$length", "$contains"] as const;

/**
 * JavaScript for `expression` applied to the value of the variable `root`. Each helper it calls
 * is named through `use` (a file's runtime imports record it there and give its local name).
 */
export function compileJmespath(expression: string, root: string, use: (helper: string) => string = (helper) => helper): string {
  const tree = new Parser(tokenize(expression)).parse();
  let n = 0;
  const fresh = () => `v${++n}`;
  const bind = (value: string, body: (name: string) => string): string => {
    const name = fresh();
    return `((${name}) => ${body(name)})(${value})`;
  };
  const code = (node: Node, cur: string): string => {
    switch (node.t) {
      case "field":
        return `${use("$field")}(${cur}, ${JSON.stringify(node.name)})`;
      case "current":
        return cur;
      case "literal":
        return JSON.stringify(node.value ?? null);
      case "sub":
        // A field of the left side needs no binding: the common `a.b.c` stays a nest of calls.
        if (node.right.t === "field") return `${use("$field")}(${code(node.left, cur)}, ${JSON.stringify(node.right.name)})`;
        return bind(code(node.left, cur), (v) => code(node.right, v));
      case "pipe":
        return bind(code(node.left, cur), (v) => code(node.right, v));
      case "index":
        return `${use("$index")}(${code(node.left, cur)}, ${node.n})`;
      case "project": {
        const list = node.kind === "list" ? code(node.left, cur) : `${use(node.kind === "object" ? "$values" : "$flatten")}(${code(node.left, cur)})`;
        const v = fresh();
        return `${use("$project")}(${list}, (${v}) => ${code(node.right, v)})`;
      }
      case "filter": {
        const v = fresh();
        return `${use("$project")}(${code(node.left, cur)}, (${v}) => ${use("$truthy")}(${code(node.cond, v)}) ? ${code(node.right, v)} : null)`;
      }
      case "or":
        return bind(code(node.left, cur), (v) => `${use("$truthy")}(${v}) ? ${v} : ${code(node.right, cur)}`);
      case "and":
        return bind(code(node.left, cur), (v) => `${use("$truthy")}(${v}) ? ${code(node.right, cur)} : ${v}`);
      case "not":
        return `!${use("$truthy")}(${code(node.expr, cur)})`;
      case "cmp": {
        const [l, r] = [code(node.left, cur), code(node.right, cur)];
        if (node.op === "==") return `${use("$equal")}(${l}, ${r})`;
        if (node.op === "!=") return `!${use("$equal")}(${l}, ${r})`;
        return `${use("$order")}(${l}, ${r}, ${JSON.stringify(node.op)})`;
      }
      case "fn": {
        const fn = FUNCTIONS[node.name];
        if (fn === undefined) throw new JmespathError(`the function ${node.name}() is not supported (supported: ${Object.keys(FUNCTIONS).join(", ")})`);
        if (node.args.length !== fn.arity) throw new JmespathError(`${node.name}() takes ${fn.arity} argument(s), got ${node.args.length}`);
        return `${use(fn.helper)}(${node.args.map((a) => code(a, cur)).join(", ")})`;
      }
    }
  };
  return code(tree, root);
}
