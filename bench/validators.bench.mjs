// Generated validators: validateCreateRouteRequest from the golden package against ajv
// (allErrors, the same constraints as a JSON Schema) and a straight-line hand-written validator
// that builds the same failures (path, constraint, Smithy message), on three inputs. Targets:
// ≥ 2.5× ajv and ≥ 0.8× hand-written on the first two inputs.

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import Ajv from "ajv";
import ts from "typescript";
import { fmt, median, opsPerSecond, report } from "./lib.mjs";

const VALID_FULL = {
  ApiId: "a1b2c3d4e5",
  ApiKeyRequired: false,
  AuthorizationScopes: ["user.read", "user.write"],
  AuthorizationType: "JWT",
  AuthorizerId: "abc123",
  ModelSelectionExpression: "$request.body.action",
  OperationName: "GetPet",
  RequestModels: { "application/json": "PetModel", "application/xml": "PetXmlModel" },
  RequestParameters: {
    "route.request.header.Authorization": { Required: true },
    "route.request.querystring.petId": { Required: false },
  },
  RouteKey: "GET /pets/{petId}",
  RouteResponseSelectionExpression: "$default",
  Target: "integrations/abcdef1",
};
// Built by rest/spread rather than `delete`, which would put the object in dictionary mode.
const { RouteKey: _routeKey, ...withoutRouteKey } = VALID_FULL;
const THREE_VIOLATIONS = { ...withoutRouteKey, AuthorizationScopes: ["", "user.write"], AuthorizationType: "BOGUS" };
const VALID_MIN = { ApiId: "a1b2c3d4e5", RouteKey: "$default" };

const AUTHORIZATION_TYPES = ["NONE", "AWS_IAM", "CUSTOM", "JWT"];

/** The golden package's validators, transpiled to a temporary folder with the runtime they import. */
async function loadGenerated() {
  const src = new URL("../generated/apigatewayv2-create-route/src/", import.meta.url);
  const dir = mkdtempSync(join(tmpdir(), "bench-validators-"));
  const files = ["validators.ts", ...readdirSync(new URL("runtime/validators/", src)).map((f) => `runtime/validators/${f}`)];
  for (const file of files) {
    const js = ts.transpileModule(readFileSync(new URL(file, src), "utf8"), {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: true },
    }).outputText;
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file.replace(/\.ts$/, ".js")), js);
  }
  return import(pathToFileURL(join(dir, "validators.js")).href);
}

// ---------------------------------------------------------------- hand-written, straight-line
// What a careful person would write for these constraints: literal messages for fixed paths,
// indexed loops, the same failures as the generated code.
const TAIL = "' failed to satisfy constraint: Member ";
const typeFailure = (path, type) => ({ path, constraint: "type", message: `Value at '${path}${TAIL}must be of type ${type}` });
const nullItem = (path) => ({ path, constraint: "type", message: `Value at '${path}${TAIL}must not be null` });
const lengthFailure = (path, n, bounds) => ({ path, constraint: "length", message: `Value with length ${n} at '${path}${TAIL}must have length between ${bounds}, inclusive` });
function lengthOutside(s, min, max) {
  if (s.length <= max && (s.length + 1) / 2 >= min) return -1;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n >= min && n <= max ? -1 : n;
}
function handWritten(o) {
  if (typeof o !== "object" || o === null || Array.isArray(o)) return [typeFailure("", "structure")];
  let e;
  let x = o.ApiId;
  if (x == null) (e ??= []).push({ path: "/ApiId", constraint: "required", message: "Value at '/ApiId' failed to satisfy constraint: Member must not be null" });
  else if (typeof x !== "string") (e ??= []).push(typeFailure("/ApiId", "string"));
  x = o.ApiKeyRequired;
  if (x != null && typeof x !== "boolean") (e ??= []).push(typeFailure("/ApiKeyRequired", "boolean"));
  x = o.AuthorizationScopes;
  if (x != null) {
    if (!Array.isArray(x)) (e ??= []).push(typeFailure("/AuthorizationScopes", "list"));
    else
      for (let i = 0; i < x.length; i++) {
        const s = x[i];
        if (s == null) (e ??= []).push(nullItem("/AuthorizationScopes/" + i));
        else if (typeof s !== "string") (e ??= []).push(typeFailure("/AuthorizationScopes/" + i, "string"));
        else {
          const n = lengthOutside(s, 1, 64);
          if (n >= 0) (e ??= []).push(lengthFailure("/AuthorizationScopes/" + i, n, "1 and 64"));
        }
      }
  }
  x = o.AuthorizationType;
  if (x != null) {
    if (typeof x !== "string") (e ??= []).push(typeFailure("/AuthorizationType", "string"));
    else if (x !== "NONE" && x !== "AWS_IAM" && x !== "CUSTOM" && x !== "JWT")
      (e ??= []).push({ path: "/AuthorizationType", constraint: "enum", message: "Value at '/AuthorizationType' failed to satisfy constraint: Member must satisfy enum value set: [NONE, AWS_IAM, CUSTOM, JWT]" });
  }
  x = o.AuthorizerId;
  if (x != null && typeof x !== "string") (e ??= []).push(typeFailure("/AuthorizerId", "string"));
  x = o.ModelSelectionExpression;
  if (x != null && typeof x !== "string") (e ??= []).push(typeFailure("/ModelSelectionExpression", "string"));
  x = o.OperationName;
  if (x != null) {
    if (typeof x !== "string") (e ??= []).push(typeFailure("/OperationName", "string"));
    else {
      const n = lengthOutside(x, 1, 64);
      if (n >= 0) (e ??= []).push(lengthFailure("/OperationName", n, "1 and 64"));
    }
  }
  x = o.RequestModels;
  if (x != null) {
    if (typeof x !== "object" || Array.isArray(x)) (e ??= []).push(typeFailure("/RequestModels", "map"));
    else {
      const keys = Object.keys(x);
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i];
        const s = x[k];
        if (s == null) (e ??= []).push(nullItem("/RequestModels/" + k));
        else if (typeof s !== "string") (e ??= []).push(typeFailure("/RequestModels/" + k, "string"));
        else {
          const n = lengthOutside(s, 1, 128);
          if (n >= 0) (e ??= []).push(lengthFailure("/RequestModels/" + k, n, "1 and 128"));
        }
      }
    }
  }
  x = o.RequestParameters;
  if (x != null) {
    if (typeof x !== "object" || Array.isArray(x)) (e ??= []).push(typeFailure("/RequestParameters", "map"));
    else {
      const keys = Object.keys(x);
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i];
        const p = x[k];
        if (p == null) (e ??= []).push(nullItem("/RequestParameters/" + k));
        else if (typeof p !== "object" || Array.isArray(p)) (e ??= []).push(typeFailure("/RequestParameters/" + k, "structure"));
        else if (p.Required != null && typeof p.Required !== "boolean") (e ??= []).push(typeFailure("/RequestParameters/" + k + "/Required", "boolean"));
      }
    }
  }
  x = o.RouteKey;
  if (x == null) (e ??= []).push({ path: "/RouteKey", constraint: "required", message: "Value at '/RouteKey' failed to satisfy constraint: Member must not be null" });
  else if (typeof x !== "string") (e ??= []).push(typeFailure("/RouteKey", "string"));
  x = o.RouteResponseSelectionExpression;
  if (x != null && typeof x !== "string") (e ??= []).push(typeFailure("/RouteResponseSelectionExpression", "string"));
  x = o.Target;
  if (x != null) {
    if (typeof x !== "string") (e ??= []).push(typeFailure("/Target", "string"));
    else {
      const n = lengthOutside(x, 1, 128);
      if (n >= 0) (e ??= []).push(lengthFailure("/Target", n, "1 and 128"));
    }
  }
  return e ?? [];
}

// ---------------------------------------------------------------- ajv, the same constraints as a JSON Schema
const text = { type: "string" };
const ajvValidate = new Ajv({ allErrors: true }).compile({
  type: "object",
  required: ["ApiId", "RouteKey"],
  properties: {
    ApiId: text,
    ApiKeyRequired: { type: "boolean" },
    AuthorizationScopes: { type: "array", items: { type: "string", minLength: 1, maxLength: 64 } },
    AuthorizationType: { type: "string", enum: AUTHORIZATION_TYPES },
    AuthorizerId: text,
    ModelSelectionExpression: text,
    OperationName: { type: "string", minLength: 1, maxLength: 64 },
    RequestModels: { type: "object", additionalProperties: { type: "string", minLength: 1, maxLength: 128 } },
    RequestParameters: { type: "object", additionalProperties: { type: "object", properties: { Required: { type: "boolean" } } } },
    RouteKey: text,
    RouteResponseSelectionExpression: text,
    Target: { type: "string", minLength: 1, maxLength: 128 },
  },
});
const ajv = (x) => (ajvValidate(x) ? [] : ajvValidate.errors);

let sink = 0;

/** Rounds in which every contender runs in turn (after a warm-up): [{ name: ops/s }]. */
function interleaved(contenders, input, { rounds = 15, ms = 100 } = {}) {
  const entries = Object.entries(contenders);
  for (const [, fn] of entries) opsPerSecond(() => (sink += fn(input).length), { rounds: 1, ms: 100 });
  const out = [];
  for (let r = 0; r < rounds; r++) {
    const round = {};
    for (const [who, fn] of entries) round[who] = opsPerSecond(() => (sink += fn(input).length), { rounds: 1, ms });
    out.push(round);
  }
  return out;
}

export default async function run() {
  const { validateCreateRouteRequest: generated } = await loadGenerated();
  const inputs = [
    ["valid, every member", VALID_FULL, 0],
    ["3 violations", THREE_VIOLATIONS, 3],
    ["valid, minimal", VALID_MIN, 0],
  ];
  for (const [name, input, expected] of inputs) {
    for (const [who, fn] of [["generated", generated], ["hand-written", handWritten], ["ajv", ajv]]) {
      const n = fn(input).length;
      if (n !== expected) throw new Error(`${who} finds ${n} failures in "${name}", expected ${expected}`);
    }
    const g = generated(input);
    const h = handWritten(input);
    if (JSON.stringify(g) !== JSON.stringify(h)) throw new Error(`generated and hand-written disagree on "${name}": ${JSON.stringify(g)} vs ${JSON.stringify(h)}`);
  }
  let ok = true;
  for (const [index, [name, input]] of inputs.entries()) {
    const rounds = interleaved({ generated, "hand-written": handWritten, ajv }, input);
    const figure = (who) => median(rounds.map((r) => r[who]));
    // Ratios per round, then the median: contenders share each round's machine load.
    const vsAjv = median(rounds.map((r) => r.generated / r.ajv));
    const vsHand = median(rounds.map((r) => r.generated / r["hand-written"]));
    console.log(`${name}: generated ${fmt(figure("generated"))} ops/s, hand-written ${fmt(figure("hand-written"))}, ajv allErrors ${fmt(figure("ajv"))}`);
    if (index < 2) {
      ok = report(`validate ${name} vs ajv`, `${vsAjv.toFixed(2)}×`, "≥ 2.5×", vsAjv >= 2.5) && ok;
      ok = report(`validate ${name} vs hand-written`, `${vsHand.toFixed(2)}×`, "≥ 0.8×", vsHand >= 0.8) && ok;
    } else {
      console.log(`     ${name}: ${vsAjv.toFixed(2)}× ajv, ${vsHand.toFixed(2)}× hand-written (no target)`);
    }
  }
  if (sink < 0) console.log(sink);
  return ok;
}
