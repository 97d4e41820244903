// Helpers for the CLI tests: run the built bin/codegen.js as a subprocess (as users and build
// scripts do), temporary folders, and a small shop model to edit.

import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const root = join(import.meta.dirname, "..", "..");
export const CLI = join(root, "bin", "codegen.js");
export const CREATE_ROUTE = join(root, "models", "apigatewayv2-create-route.json");

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI to completion. Colour settings of the test runner's environment are removed. */
export function codegen(args: readonly string[], options: { cwd?: string; env?: Record<string, string>; node?: string[] } = {}): Run {
  const r = spawnSync(process.execPath, [...(options.node ?? []), CLI, ...args], { cwd: options.cwd ?? root, encoding: "utf8", env: cleanEnv(options.env) });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Node flags that make any load of the templates, the layout step, ts-morph or typescript fail the run. */
export const FORBID_PIPELINE = ["--import", join(import.meta.dirname, "fixtures", "forbid-pipeline.mjs")];

/** Starts the CLI and leaves it running (watch mode, interruption tests). */
export function startCodegen(args: readonly string[], options: { cwd?: string } = {}) {
  return spawn(process.execPath, [CLI, ...args], { cwd: options.cwd ?? root, env: cleanEnv(), stdio: ["ignore", "pipe", "pipe"] });
}

function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env["FORCE_COLOR"];
  delete env["NO_COLOR"];
  return { ...env, ...extra };
}

export const tmp = () => mkdtempSync(join(tmpdir(), "codegen-cli-"));

export function writeJson(path: string, value: unknown): string {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
  return path;
}

type Json = Record<string, any>;

const NS = "example.shop#";
const ref = (name: string) => ({ target: name.includes("#") ? name : `${NS}${name}` });
const required = { "smithy.api#required": {} };

/**
 * A shop service: PlaceOrder (tagged "public") and GetOrder, input and output structures, two
 * enums, a union and three errors. A fresh copy on every call, so tests can edit it.
 */
export function shopModel(): Json {
  return {
    smithy: "2.0",
    shapes: {
      [`${NS}Shop`]: { type: "service", version: "2024-01-01", operations: [ref("PlaceOrder"), ref("GetOrder")] },
      [`${NS}PlaceOrder`]: {
        type: "operation", input: ref("PlaceOrderInput"), output: ref("PlaceOrderOutput"),
        errors: [ref("OutOfStock"), ref("InvalidOrder")], traits: { "smithy.api#tags": ["public"] },
      },
      [`${NS}GetOrder`]: { type: "operation", input: ref("GetOrderInput"), output: ref("GetOrderOutput"), errors: [ref("OrderNotFound"), ref("InvalidOrder")] },
      [`${NS}PlaceOrderInput`]: {
        type: "structure", traits: { "smithy.api#input": {} },
        members: {
          Item: { ...ref("smithy.api#String"), traits: required },
          Quantity: ref("smithy.api#Integer"),
          Note: ref("smithy.api#String"),
          Size: ref("Size"),
          Payment: ref("Payment"),
        },
      },
      [`${NS}PlaceOrderOutput`]: {
        type: "structure", traits: { "smithy.api#output": {} },
        members: { OrderId: { ...ref("smithy.api#String"), traits: required }, Status: ref("Status") },
      },
      [`${NS}GetOrderInput`]: { type: "structure", traits: { "smithy.api#input": {} }, members: { OrderId: { ...ref("smithy.api#String"), traits: required } } },
      [`${NS}GetOrderOutput`]: {
        type: "structure", traits: { "smithy.api#output": {} },
        members: { OrderId: { ...ref("smithy.api#String"), traits: required }, Status: ref("Status"), Total: ref("smithy.api#Integer") },
      },
      [`${NS}Status`]: { type: "enum", members: { PENDING: enumValue("pending"), SHIPPED: enumValue("shipped") } },
      [`${NS}Size`]: { type: "enum", members: { SMALL: enumValue("S"), LARGE: enumValue("L") } },
      [`${NS}Payment`]: { type: "union", members: { card: ref("smithy.api#String"), voucher: ref("smithy.api#String") } },
      [`${NS}OutOfStock`]: errorShape(),
      [`${NS}InvalidOrder`]: errorShape(),
      [`${NS}OrderNotFound`]: errorShape(),
    },
  };
}

function enumValue(value: string): Json {
  return { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": value } };
}

function errorShape(): Json {
  return { type: "structure", traits: { "smithy.api#error": "client" }, members: { message: ref("smithy.api#String") } };
}

/** The shape `name` of the shop model (for edits). */
export const shape = (model: Json, name: string): Json => model["shapes"][`${NS}${name}`];
export { enumValue, ref, required };
