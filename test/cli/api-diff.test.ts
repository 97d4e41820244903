// The public-API comparison on hand-written package sources, for the cases model edits cannot
// reach today: types spelled differently but equal (a new generator version), functions whose
// signatures change compatibly or not, and classes. Expectations are TypeScript assignability.

import { describe, expect, it } from "vitest";
import { compareApis } from "../../generator/api-diff/compare.js";

const pkg = (models: string) => [
  { path: "src/index.ts", content: 'export * from "./models.js";\n' },
  { path: "src/models.ts", content: models },
];

describe("compareApis", () => {
  it("reports nothing for a type that is only spelled differently, and classifies real changes", async () => {
    const before = pkg(`
      export interface Order { Tags?: string[] | undefined; Count: number; Kind?: string | undefined }
      export type Id = string;
      export function place(order: Order): Promise<string> { return Promise.resolve(order.Count.toString()); }
      export function cancel(id: string): boolean { return id !== ""; }
      export function find(id: string): Order | undefined { return id === "" ? undefined : { Count: 1 }; }
      export class Problem extends Error { readonly code: string = "x"; constructor(message: string) { super(message); } }
    `);
    const after = pkg(`
      export interface Order { Tags?: Array<string> | undefined; Count: number; Kind?: "a" | "b" | undefined }
      export type Id = string | number;
      export function place(order: Order, options?: { dryRun?: boolean }): Promise<string> { return Promise.resolve(String(order.Count) + String(options)); }
      export function cancel(id: string, reason: string): boolean { return id !== reason; }
      export function find(id: string | number): Order | undefined { return id === "" ? undefined : { Count: 1 }; }
      export class Problem extends Error { readonly code: string = "x"; constructor(message: string, readonly retry: boolean) { super(message); } }
    `);
    const diff = await compareApis(before, after);
    const brief = (cs: typeof diff.breaking) => cs.map((c) => [c.kind, c.subject]);
    expect(brief(diff.breaking)).toEqual([
      ["type-widened", "Id"],
      ["type-narrowed", "Order.Kind"],
      ["signature-changed", "Problem.constructor"],
      ["signature-changed", "cancel"],
    ]);
    // `place` gained an optional parameter: its type is assignable both ways, so no code that
    // compiled before can tell; `find` accepts more than before, which old calls cannot notice.
    // Neither reports the change inside `Order` again.
    expect(brief(diff.additive)).toEqual([
      ["member-added", "Problem.retry"],
      ["signature-changed", "find"],
    ]);
  }, 60_000);
});
