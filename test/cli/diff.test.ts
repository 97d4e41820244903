// `codegen diff`: a series of model edits, each with the classification downstream TypeScript
// code implies. Expectations follow Smithy's "Evolving models" guide (removals and target
// changes break; new optional members, operations, enum values and union members do not) and
// the generated types of the contract (docs/generated-api.md): a `@required` member of an
// `@input` structure is `Name: T | undefined`, so making a member required breaks code that
// builds the input even where Smithy calls it wire-compatible.

import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { codegen, enumValue, ref, required, shape, shopModel, tmp, writeJson } from "./helpers.js";

type Model = ReturnType<typeof shopModel>;

interface Change {
  severity: "breaking" | "additive";
  kind: string;
  subject: string;
}

function diff(edit: (m: Model) => void, extra: string[] = []) {
  const dir = tmp();
  const before = writeJson(join(dir, "shop.json"), shopModel());
  const model = shopModel();
  edit(model);
  const after = writeJson(join(dir, "shop-new.json"), model);
  const r = codegen(["diff", "--from", before, "--to", after, "--json", ...extra]);
  const doc = JSON.parse(r.stdout) as { exitCode: number; packages: Array<{ breaking: Change[]; additive: Change[]; release: string }> };
  const pkg = doc.packages[0]!;
  const brief = (c: Change) => ({ kind: c.kind, subject: c.subject });
  return { code: r.code, stderr: r.stderr, doc, breaking: pkg.breaking.map(brief), additive: pkg.additive.map(brief), release: pkg.release };
}

describe("codegen diff classifies model edits", () => {
  it("a documentation edit changes no API (exit 0)", () => {
    const r = diff((m) => (shape(m, "PlaceOrderInput")["traits"]["smithy.api#documentation"] = "Places an order."));
    expect(r.code, r.stderr).toBe(0);
    expect(r.breaking).toEqual([]);
    expect(r.additive).toEqual([]);
    expect(r.release).toBe("none");
  });

  it("removing an operation breaks, and takes its only error with it", () => {
    const r = diff((m) => {
      shape(m, "Shop")["operations"] = [ref("PlaceOrder")];
    });
    expect(r.code).toBe(1);
    expect(r.breaking).toContainEqual({ kind: "operation-removed", subject: "GetOrder" });
    expect(r.breaking).toContainEqual({ kind: "error-removed", subject: "OrderNotFound" });
    expect(r.additive).toEqual([]);
  });

  it("adding an operation is additive", () => {
    const r = diff((m) => {
      shape(m, "Shop")["operations"].push(ref("CancelOrder"));
      m["shapes"]["example.shop#CancelOrder"] = { type: "operation", input: ref("GetOrderInput"), output: ref("smithy.api#Unit") };
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.breaking).toEqual([]);
    expect(r.additive).toContainEqual({ kind: "operation-added", subject: "CancelOrder" });
  });

  it("removing a member breaks", () => {
    const r = diff((m) => delete shape(m, "PlaceOrderInput")["members"]["Note"]);
    expect(r.code).toBe(1);
    expect(r.breaking).toEqual([{ kind: "member-removed", subject: "PlaceOrderInput.Note" }]);
  });

  it("adding an optional member is additive", () => {
    const r = diff((m) => (shape(m, "PlaceOrderInput")["members"]["Gift"] = ref("smithy.api#Boolean")));
    expect(r.code).toBe(0);
    expect(r.breaking).toEqual([]);
    expect(r.additive).toEqual([{ kind: "member-added", subject: "PlaceOrderInput.Gift" }]);
  });

  it("a member of an input that becomes required breaks code that builds the input", () => {
    const r = diff((m) => (shape(m, "PlaceOrderInput")["members"]["Quantity"]["traits"] = required));
    expect(r.code).toBe(1);
    expect(r.breaking).toEqual([{ kind: "member-required", subject: "PlaceOrderInput.Quantity" }]);
  });

  it("an input member that stops being required is additive (Smithy: compatible for @input)", () => {
    const r = diff((m) => delete shape(m, "PlaceOrderInput")["members"]["Item"]["traits"]);
    expect(r.code).toBe(0);
    expect(r.breaking).toEqual([]);
    expect(r.additive).toEqual([{ kind: "member-optional", subject: "PlaceOrderInput.Item" }]);
  });

  it("an output member that stops being required breaks readers (it may now be undefined)", () => {
    const r = diff((m) => delete shape(m, "PlaceOrderOutput")["members"]["OrderId"]["traits"]);
    expect(r.code).toBe(1);
    expect(r.breaking).toEqual([{ kind: "member-optional", subject: "PlaceOrderOutput.OrderId" }]);
  });

  it("an output member that becomes required, or a new required member, breaks code that builds the output", () => {
    const r = diff((m) => {
      const members = shape(m, "GetOrderOutput")["members"];
      members["Total"]["traits"] = required;
      members["Currency"] = { ...ref("smithy.api#String"), traits: required };
    });
    expect(r.code).toBe(1);
    expect(r.breaking).toEqual([
      { kind: "required-member-added", subject: "GetOrderOutput.Currency" },
      { kind: "member-required", subject: "GetOrderOutput.Total" },
    ]);
  });

  it("changing a member's target breaks: integer → string is a changed type", () => {
    const r = diff((m) => (shape(m, "PlaceOrderInput")["members"]["Quantity"] = ref("smithy.api#String")));
    expect(r.code).toBe(1);
    expect(r.breaking).toEqual([{ kind: "type-changed", subject: "PlaceOrderInput.Quantity" }]);
  });

  it("string → enum narrows the type; enum → string widens it; both break", () => {
    const r = diff((m) => {
      const members = shape(m, "PlaceOrderInput")["members"];
      members["Note"] = ref("Size");
      members["Size"] = ref("smithy.api#String");
    });
    expect(r.code).toBe(1);
    expect(r.breaking).toEqual([
      { kind: "type-narrowed", subject: "PlaceOrderInput.Note" },
      { kind: "type-widened", subject: "PlaceOrderInput.Size" },
    ]);
  });

  it("removing an enum value breaks; changing its value breaks", () => {
    const r = diff((m) => {
      delete shape(m, "Status")["members"]["SHIPPED"];
      shape(m, "Size")["members"]["SMALL"] = enumValue("SM");
    });
    expect(r.code).toBe(1);
    expect(r.breaking).toEqual([
      { kind: "enum-value-changed", subject: "Size.SMALL" },
      { kind: "enum-value-removed", subject: "Status.SHIPPED" },
    ]);
  });

  it("adding an enum value is additive (Smithy enums are open)", () => {
    const r = diff((m) => (shape(m, "Status")["members"]["DELIVERED"] = enumValue("delivered")));
    expect(r.code).toBe(0);
    expect(r.breaking).toEqual([]);
    expect(r.additive).toEqual([{ kind: "enum-value-added", subject: "Status.DELIVERED" }]);
  });

  it("removing an error breaks: from the model, or from one operation", () => {
    const r = diff((m) => {
      shape(m, "PlaceOrder")["errors"] = [ref("InvalidOrder")];
      delete m["shapes"]["example.shop#OutOfStock"];
      shape(m, "GetOrder")["errors"] = [ref("OrderNotFound")];
    });
    expect(r.code).toBe(1);
    expect(r.breaking).toEqual([
      { kind: "error-removed", subject: "GetOrderError.InvalidOrder" },
      { kind: "error-removed", subject: "OutOfStock" },
    ]);
  });

  it("adding an error is additive", () => {
    const r = diff((m) => {
      shape(m, "PlaceOrder")["errors"].push(ref("PaymentDeclined"));
      m["shapes"]["example.shop#PaymentDeclined"] = { type: "structure", traits: { "smithy.api#error": "client" }, members: {} };
    });
    expect(r.code).toBe(0);
    expect(r.breaking).toEqual([]);
    expect(r.additive).toEqual(expect.arrayContaining([
      { kind: "error-added", subject: "PaymentDeclined" },
      { kind: "error-added", subject: "PlaceOrderError.PaymentDeclined" },
    ]));
  });

  it("a new union member is additive (Smithy unions are open); removing one breaks", () => {
    const added = diff((m) => (shape(m, "Payment")["members"]["giftCard"] = ref("smithy.api#String")));
    expect(added.code).toBe(0);
    expect(added.breaking).toEqual([]);
    expect(added.additive).toEqual([{ kind: "union-variant-added", subject: "Payment.giftCard" }]);
    const removed = diff((m) => delete shape(m, "Payment")["members"]["voucher"]);
    expect(removed.code).toBe(1);
    expect(removed.breaking).toEqual([{ kind: "union-variant-removed", subject: "Payment.voucher" }]);
  });
});

describe("codegen diff output", () => {
  const edited = () => {
    const dir = tmp();
    const from = writeJson(join(dir, "shop-old.json"), shopModel());
    const model = shopModel();
    delete shape(model, "PlaceOrderInput")["members"]["Note"];
    shape(model, "Status")["members"]["DELIVERED"] = enumValue("delivered");
    return { dir, from, to: writeJson(join(dir, "shop.json"), model) };
  };

  it("lists breaking changes, then additions, and exits 1", () => {
    const { from, to } = edited();
    const r = codegen(["diff", "--from", from, "--to", to]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^shop: 1 breaking change, 1 addition/);
    const lines = r.stdout.trim().split("\n").slice(1);
    expect(lines[0]).toMatch(/breaking +member PlaceOrderInput\.Note was removed \[member-removed\]/);
    expect(lines[1]).toMatch(/additive +new enum value Status\.DELIVERED \("delivered"\) \[enum-value-added\]/);
    expect(r.stdout).not.toMatch(/\x1b\[/);
  });

  it("--markdown prints a changeset fragment; --changelog writes it", () => {
    const { dir, from, to } = edited();
    const file = join(dir, "fragment.md");
    const ok = codegen(["diff", "--from", from, "--to", to, "--markdown", "--changelog", file]);
    expect(ok.code).toBe(1);
    expect(ok.stdout).toBe(readFileSync(file, "utf8"));
    expect(ok.stdout.split("\n").slice(0, 3)).toEqual(["---", '"shop": major', "---"]);
    expect(ok.stdout).toMatch(/### Breaking changes\n\n- `PlaceOrderInput\.Note`: member PlaceOrderInput\.Note was removed\n/);
    expect(ok.stdout).toMatch(/### Additions\n\n- `Status\.DELIVERED`: /);
  });

  it("an additive-only change asks for a minor release", () => {
    const dir = tmp();
    const from = writeJson(join(dir, "a.json"), shopModel());
    const model = shopModel();
    shape(model, "Status")["members"]["DELIVERED"] = enumValue("delivered");
    const r = codegen(["diff", "--from", from, "--to", writeJson(join(dir, "shop.json"), model), "--markdown"]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n").slice(0, 3)).toEqual(["---", '"shop": minor', "---"]);
  });

  it("--from takes a git revision: the model at the same path in that commit", () => {
    const dir = tmp();
    const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, encoding: "utf8" });
    git("init", "-q");
    writeJson(join(dir, "shop.json"), shopModel());
    git("add", "shop.json");
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "shop");
    const model = shopModel();
    delete shape(model, "PlaceOrderInput")["members"]["Note"];
    writeJson(join(dir, "shop.json"), model);

    const head = codegen(["diff", "--from", "HEAD", "--to", "shop.json", "--json"], { cwd: dir });
    expect(head.code, head.stderr).toBe(1);
    const doc = JSON.parse(head.stdout);
    expect(doc.packages[0].breaking.map((c: Change) => c.subject)).toEqual(["PlaceOrderInput.Note"]);
    expect(doc.packages[0].from).toBe("HEAD");

    const direct = codegen(["diff", "--from", "HEAD:shop.json", "--to", "shop.json", "--quiet"], { cwd: dir });
    expect(direct.code).toBe(1);
    expect(direct.stdout).toMatch(/PlaceOrderInput\.Note was removed/);

    const bad = codegen(["diff", "--from", "no-such-rev", "--to", "shop.json"], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--from no-such-rev: not a model file, and git cannot provide it/);
  });

  it("an old model with problems is named by its revision, and exits 2", () => {
    const dir = tmp();
    const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, encoding: "utf8" });
    git("init", "-q");
    writeFileSync(join(dir, "shop.json"), "{ not json");
    git("add", "shop.json");
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "broken");
    writeJson(join(dir, "shop.json"), shopModel());
    const r = codegen(["diff", "--from", "HEAD", "--to", "shop.json"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^HEAD:shop\.json:1:\d+: invalid JSON/m);
  });

  it("requires --from, and rejects several --from files for several packages", () => {
    const r = codegen(["diff", "--to", "x.json"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--from is required/);
    expect(r.stderr).toMatch(/Usage: codegen diff/);
  });
});

describe("API report on regenerate", () => {
  it("compares the new package with the one it replaces and lists what breaks (exit code stays 0)", () => {
    const dir = tmp();
    const model = writeJson(join(dir, "shop.json"), shopModel());
    const out = join(dir, "pkg");
    const first = codegen(["generate", "--model", model, "--out", out, "--no-typecheck"]);
    expect(first.code).toBe(0);
    expect(first.stdout).not.toMatch(/public API/);

    const edited = shopModel();
    delete shape(edited, "PlaceOrderInput")["members"]["Note"];
    shape(edited, "Status")["members"]["DELIVERED"] = enumValue("delivered");
    writeJson(model, edited);
    const r = codegen(["generate", "--model", model, "--out", out, "--no-typecheck"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`${out}: public API 1 breaking change, 1 addition since the previous version`);
    expect(r.stdout).toMatch(/breaking +member PlaceOrderInput\.Note was removed \[member-removed\]/);

    // Breaking changes are shown even with --quiet; --no-api-report skips the comparison.
    writeJson(model, shopModel());
    const quiet = codegen(["generate", "--model", model, "--out", out, "--no-typecheck", "--quiet"]);
    expect(quiet.stdout).toMatch(/public API 1 breaking change, 1 addition/);
    expect(quiet.stdout).toMatch(/enum value Status\.DELIVERED \("delivered"\) was removed \[enum-value-removed\]/);
    writeJson(model, edited);
    const skipped = codegen(["generate", "--model", model, "--out", out, "--no-typecheck", "--no-api-report", "--json"]);
    expect(JSON.parse(skipped.stdout).packages[0]).toMatchObject({ written: expect.arrayContaining(["src/models.ts"]), api: null });
  });

  it("--json carries the comparison", () => {
    const dir = tmp();
    const model = writeJson(join(dir, "shop.json"), shopModel());
    const out = join(dir, "pkg");
    expect(codegen(["generate", "--model", model, "--out", out, "--no-typecheck"]).code).toBe(0);
    const edited = shopModel();
    shape(edited, "PlaceOrderInput")["members"]["Gift"] = ref("smithy.api#Boolean");
    writeJson(model, edited);
    const r = codegen(["generate", "--model", model, "--out", out, "--no-typecheck", "--json"]);
    const api = JSON.parse(r.stdout).packages[0].api;
    expect(api.breaking).toEqual([]);
    expect(api.additive.map((c: Change) => [c.kind, c.subject])).toEqual([["member-added", "PlaceOrderInput.Gift"]]);
  });
});
