// An independent reference checker for the property tests: it walks the loaded model at run
// time (no generated code) and states Smithy's rules directly: constraint traits of a member
// supersede its target's, @length counts code points / items / entries / bytes, @pattern is an
// unanchored ECMAScript search (the host's RegExp), uniqueItems is pairwise value equality.

import type { Member, Model, Shape } from "../../generator/model/model.js";
import type { Failure } from "./load.js";

const LIMIT = 1000;

export function referenceCheck(model: Model, rootId: string, value: unknown): Failure[] {
  const failures: Failure[] = [];
  const shapeOf = (id: string): Shape => {
    const s = model.shapes.get(id);
    if (s === undefined) throw new Error(`no shape ${id}`);
    return s;
  };
  const say = (path: string, constraint: string, rule: string): void => {
    failures.push({ path, constraint, message: `Value at '${path}' failed to satisfy constraint: Member ${rule}` });
  };
  const sayLength = (path: string, n: number, rule: string): void => {
    failures.push({ path, constraint: "length", message: `Value with length ${n} at '${path}' failed to satisfy constraint: Member ${rule}` });
  };
  const trait = (member: Member | undefined, target: Shape, id: string): unknown =>
    member !== undefined && member.traits.has(id) ? member.traits.get(id) : target.traits.get(id);
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  const onPath: unknown[] = [];

  const boundsRule = (b: { min?: number; max?: number }, noun: string) =>
    b.min !== undefined && b.max !== undefined
      ? `must ${noun}between ${b.min} and ${b.max}, inclusive`
      : b.min !== undefined
        ? `must ${noun}greater than or equal to ${b.min}`
        : `must ${noun}less than or equal to ${b.max}`;

  const checkLength = (member: Member | undefined, target: Shape, size: number, path: string) => {
    const b = trait(member, target, "smithy.api#length") as { min?: number; max?: number } | undefined;
    if (b === undefined) return;
    if ((b.min !== undefined && size < b.min) || (b.max !== undefined && size > b.max)) sayLength(path, size, boundsRule(b, "have length "));
  };

  const checkRange = (member: Member | undefined, target: Shape, compare: (bound: number) => number, path: string) => {
    const b = trait(member, target, "smithy.api#range") as { min?: number; max?: number } | undefined;
    if (b === undefined) return;
    const low = b.min !== undefined && !(compare(b.min) >= 0);
    const high = b.max !== undefined && !(compare(b.max) <= 0);
    if (low || high) say(path, "range", boundsRule(b, "be "));
  };

  const enumValues = (target: Shape): { all: unknown[]; shown: unknown[] } | undefined => {
    if (target.type === "enum" || target.type === "intEnum") {
      const value = (m: Member) => (m.traits.has("smithy.api#enumValue") ? m.traits.get("smithy.api#enumValue") : m.name);
      return { all: target.members.map(value), shown: target.members.filter((m) => !m.traits.has("smithy.api#internal")).map(value) };
    }
    const defs = target.traits.get("smithy.api#enum") as Array<{ value: string; tags?: string[] }> | undefined;
    if (defs === undefined) return undefined;
    return { all: defs.map((d) => d.value), shown: defs.filter((d) => !d.tags?.includes("internal")).map((d) => d.value) };
  };

  const checkString = (member: Member | undefined, target: Shape, s: string, path: string) => {
    checkLength(member, target, [...s].length, path);
    const pattern = trait(member, target, "smithy.api#pattern") as string | undefined;
    if (pattern !== undefined) {
      let re: RegExp;
      try {
        re = new RegExp(pattern, "u");
      } catch {
        re = new RegExp(pattern);
      }
      if (!re.test(s)) say(path, "pattern", `must satisfy regular expression pattern: ${pattern}`);
    }
    const e = enumValues(target);
    if (e !== undefined && !e.all.includes(s)) say(path, "enum", `must satisfy enum value set: [${e.shown.join(", ")}]`);
  };

  const isDocument = (v: unknown, seen: unknown[]): boolean => {
    if (v === null || ["string", "number", "boolean"].includes(typeof v)) return true;
    if (typeof v !== "object" || seen.includes(v) || seen.length >= LIMIT) return false;
    const inner = [...seen, v];
    return Array.isArray(v) ? [...v].every((x) => isDocument(x, inner)) : Object.values(v as object).every((x) => isDocument(x, inner));
  };

  const visit = (member: Member | undefined, target: Shape, v: unknown, path: string): void => {
    const wrongType = (name: string) => say(path, "type", `must be of type ${name}`);
    switch (target.type) {
      case "string":
      case "enum":
        if (typeof v !== "string") return wrongType("string");
        return checkString(member, target, v, path);
      case "boolean":
        if (typeof v !== "boolean") wrongType("boolean");
        return;
      case "byte": case "short": case "integer": case "long": case "intEnum": {
        const bits = { byte: 8, short: 16, integer: 32, intEnum: 32, long: 64 }[target.type];
        const limit = 2 ** (bits - 1);
        if (typeof v !== "number" || !Number.isInteger(v) || v < -limit || v >= limit) return wrongType(target.type === "intEnum" ? "integer" : target.type);
        checkRange(member, target, (bound) => v - bound, path);
        const e = enumValues(target);
        if (e !== undefined && !e.all.includes(v)) say(path, "enum", `must satisfy enum value set: [${e.shown.join(", ")}]`);
        return;
      }
      case "float": case "double":
        if (typeof v !== "number") return wrongType(target.type);
        return checkRange(member, target, (bound) => (Number.isNaN(v) ? Number.NaN : v - bound), path);
      case "bigInteger":
        if (typeof v !== "bigint") return wrongType("bigInteger");
        return checkRange(member, target, (bound) => (v < BigInt(bound) ? -1 : v > BigInt(bound) ? 1 : 0), path);
      case "bigDecimal": {
        if (typeof v !== "string" || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v)) return wrongType("bigDecimal");
        return checkRange(member, target, (bound) => compareDecimal(v, String(bound)), path);
      }
      case "timestamp":
        if (!(v instanceof Date) || Number.isNaN(v.getTime())) wrongType("timestamp");
        return;
      case "blob":
        if (!(v instanceof Uint8Array)) return wrongType("blob");
        return checkLength(member, target, v.byteLength, path);
      case "document":
        if (!isDocument(v, [])) wrongType("document");
        return;
      case "list": {
        if (!Array.isArray(v)) return wrongType("list");
        checkLength(member, target, v.length, path);
        if (trait(member, target, "smithy.api#uniqueItems") !== undefined && v.some((x, i) => v.some((y, j) => j > i && valueEqual(x, y, 0)))) {
          say(path, "uniqueItems", "must have unique values");
        }
        const item = target.members[0]!;
        for (let i = 0; i < v.length; i++) visitItem(item, target, v[i], `${path}/${i}`);
        return;
      }
      case "map": {
        if (!isObject(v)) return wrongType("map");
        const keys = Object.keys(v);
        checkLength(member, target, keys.length, path);
        const [keyMember, valueMember] = target.members as [Member, Member];
        for (const key of keys) {
          checkString(keyMember, shapeOf(keyMember.target), key, path);
          visitItem(valueMember, target, v[key], `${path}/${key}`);
        }
        return;
      }
      case "structure":
      case "union": {
        if (!isObject(v)) return wrongType(target.type);
        if (onPath.includes(v)) return say(path, "type", "must not contain a reference cycle");
        if (onPath.length >= LIMIT) return say(path, "type", `must not be nested more than ${LIMIT} levels deep`);
        onPath.push(v);
        let set = 0;
        for (const m of target.members) {
          const x = Object.prototype.hasOwnProperty.call(v, m.name) || !(m.name in Object.prototype) ? v[m.name] : undefined;
          if (x === null || x === undefined) {
            if (m.traits.has("smithy.api#required")) say(`${path}/${m.name}`, "required", "must not be null");
            continue;
          }
          set++;
          visit(m, shapeOf(m.target), x, `${path}/${m.name}`);
        }
        if (target.type === "union" && set !== 1) say(path, "type", "must have exactly one member set");
        onPath.pop();
        return;
      }
      default:
        throw new Error(`reference checker: no rule for ${target.type}`);
    }
  };

  const visitItem = (item: Member, collection: Shape, v: unknown, path: string) => {
    if (v === null || v === undefined) {
      if (!collection.traits.has("smithy.api#sparse")) say(path, "type", "must not be null");
      return;
    }
    visit(item, shapeOf(item.target), v, path);
  };

  visit(undefined, shapeOf(rootId), value, "");
  return failures;
}

/** Smithy value equality (numbers by SameValueZero, absent members ignored). */
function valueEqual(a: unknown, b: unknown, depth: number): boolean {
  if (depth > 50) return false;
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    return a instanceof Uint8Array && b instanceof Uint8Array && a.length === b.length && a.every((x, i) => x === b[i]);
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => valueEqual(x, b[i], depth + 1));
  }
  if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) {
    const present = (o: object) => Object.entries(o).filter(([, x]) => x !== null && x !== undefined);
    const ea = present(a);
    const eb = new Map(present(b));
    return ea.length === eb.size && ea.every(([k, x]) => eb.has(k) && valueEqual(x, eb.get(k), depth + 1));
  }
  return a === b || (a !== a && b !== b);
}

/** Compares decimal strings exactly by scaling both to integers. */
function compareDecimal(a: string, b: string): number {
  const parse = (s: string) => {
    const m = /^([+-]?)(\d*)\.?(\d*)(?:[eE]([+-]?\d+))?$/.exec(s)!;
    const digits = BigInt(`${m[2]}${m[3]}` || "0") * (m[1] === "-" ? -1n : 1n);
    return { digits, exponent: Number(m[4] ?? 0) - m[3]!.length };
  };
  const x = parse(a);
  const y = parse(b);
  const e = Math.min(x.exponent, y.exponent);
  const sx = x.digits * 10n ** BigInt(x.exponent - e);
  const sy = y.digits * 10n ** BigInt(y.exponent - e);
  return sx < sy ? -1 : sx > sy ? 1 : 0;
}
