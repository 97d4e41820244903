// waitUntil<Waiter> emitted from a fixture's smithy.waiters#waitable, run against its generated
// server on 127.0.0.1: retry on an error acceptor, success when every projected status is DONE,
// failure when any is FAILED, an inputOutput acceptor, maxWaitTime and abort; and Smithy's delay
// formula. The fixture's StartJob also checks that retries resend the idempotency token the
// serializer filled in once.

import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmittedFile } from "../../generator/emit/context.js";
import { waiterDelay } from "../../runtime/client/waiter.js";
import { loadGenerated, typecheck } from "../helpers/codegen.js";
import { close, listen } from "../server/create-route-package.js";
import { clientPackage } from "./client-package.js";

type Fn = (...args: any[]) => any;
interface Package {
  readonly createJobsHandler: Fn;
  readonly createNodeListener: Fn;
  readonly JobsClient: new (config: object) => { send(command: unknown): Promise<Record<string, any>> };
  readonly StartJobCommand: new (input: object) => unknown;
  readonly JobNotFound: new (options: object) => Error;
  readonly waitUntilJobDone: Fn;
  readonly waitUntilJobNamed: Fn;
}

let files: EmittedFile[];
let mod: Package;
let server: Server;
let endpoint: string;
/** Per job name, the responses GetJob gives in turn (the last one repeats). */
const script = new Map<string, ({ steps: string[] } | "missing")[]>();
const calls = new Map<string, number>();
/** The clientToken of every StartJob call that reached the implementation. */
const tokens: string[] = [];

beforeAll(async () => {
  files = await clientPackage(["test/client/fixtures/waiters.json"]);
  mod = (await loadGenerated<Package>(files)).mod;
  const handler = mod.createJobsHandler({
    StartJob: async ({ clientToken }: { clientToken: string }) => {
      tokens.push(clientToken);
      // The first two attempts fail as an unexpected error would: a 500 the client retries.
      if (tokens.length < 3) throw new Error("not yet");
      return { token: clientToken };
    },
    GetJob: async ({ name }: { name: string }) => {
      const n = calls.get(name) ?? 0;
      calls.set(name, n + 1);
      const steps = script.get(name) ?? [];
      const next = steps[Math.min(n, steps.length - 1)];
      if (next === undefined || next === "missing") throw new mod.JobNotFound({ $metadata: {}, message: `no job ${name}` });
      return { job: { name, steps: next.steps.map((status) => ({ status })) } };
    },
  });
  ({ server, endpoint } = await listen(mod.createNodeListener(handler) as (req: IncomingMessage, res: ServerResponse) => void));
}, 120_000);

afterAll(() => close(server));

const client = () => new mod.JobsClient({ region: "us-east-1", endpoint, credentials: { accessKeyId: "A", secretAccessKey: "S" } });

describe("waitUntil<Waiter>", () => {
  it("emits the waiters and the package type-checks", async () => {
    const source = files.find((f) => f.path === "src/client.ts")!.content.replace(/\s+/g, " ").replace(/\( /g, "(").replace(/ \)/g, ")");
    expect(source).toContain("export function waitUntilJobDone(params: WaiterConfiguration, input: GetJobCommandInput): Promise<WaiterResult> {");
    expect(source).toContain('((v1) => $project($field(v1, "steps"), (v2) => $field(v2, "status")))($field(output, "job"))');
    await typecheck(files, "waiters fixture with client");
  }, 120_000);

  it("retries through JobNotFound and pending steps, then succeeds when every step is DONE", async () => {
    script.set("build", ["missing", { steps: ["DONE", "RUNNING"] }, { steps: ["DONE", "DONE"] }]);
    const started = Date.now();
    const result = await mod.waitUntilJobDone({ client: client(), maxWaitTime: 20 }, { name: "build" });
    expect(result.state).toBe("SUCCESS");
    expect(result.reason).toMatchObject({ job: { steps: [{ status: "DONE" }, { status: "DONE" }] } });
    expect(calls.get("build")).toBe(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_000); // minDelay = maxDelay = 1 s between calls
  }, 30_000);

  it("fails at once when any step FAILED", async () => {
    script.set("broken", [{ steps: ["DONE", "FAILED"] }]);
    await expect(mod.waitUntilJobDone({ client: client(), maxWaitTime: 20 }, { name: "broken" })).rejects.toMatchObject({ result: { state: "FAILURE" } });
    expect(calls.get("broken")).toBe(1);
  });

  it("an inputOutput acceptor compares input and output", async () => {
    script.set("named", [{ steps: [] }, { steps: ["RUNNING"] }]);
    const result = await mod.waitUntilJobNamed({ client: client(), maxWaitTime: 20 }, { name: "named" });
    expect(result.state).toBe("SUCCESS");
    expect(calls.get("named")).toBe(2);
  }, 30_000);

  it("times out after maxWaitTime with the last reason", async () => {
    script.set("slow", [{ steps: ["RUNNING"] }]);
    const error = await mod.waitUntilJobDone({ client: client(), maxWaitTime: 2 }, { name: "slow" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "TimeoutError", result: { state: "TIMEOUT" } });
    expect(calls.get("slow")).toBeGreaterThanOrEqual(2);
  }, 30_000);

  it("stops when aborted", async () => {
    script.set("aborted", [{ steps: ["RUNNING"] }]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const error = await mod.waitUntilJobDone({ client: client(), maxWaitTime: 60, abortSignal: controller.signal }, { name: "aborted" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "AbortError", result: { state: "ABORTED" } });
  });
});

describe("idempotency token across retries", () => {
  it("the token filled in once is sent on every attempt", async () => {
    const output = await client().send(new mod.StartJobCommand({ name: "once" }));
    expect(output["$metadata"]).toMatchObject({ attempts: 3 });
    expect(tokens).toHaveLength(3);
    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(output["token"]).toBe(tokens[0]);
  });
});

describe("waiterDelay (the waiters specification's formula)", () => {
  it("doubles from minDelay up to maxDelay, jittered between minDelay and that bound", () => {
    const top = (attempt: number) => waiterDelay(attempt, 2, 120, 10_000, () => 1);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map(top)).toEqual([2, 4, 8, 16, 32, 64, 120, 120, 120]);
    expect(waiterDelay(5, 2, 120, 10_000, () => 0)).toBe(2);
  });

  it("waits the remaining time instead when less than minDelay would be left after the delay", () => {
    expect(waiterDelay(3, 2, 120, 9, () => 1)).toBe(9);
    expect(waiterDelay(3, 2, 120, 11, () => 1)).toBe(8);
  });
});
