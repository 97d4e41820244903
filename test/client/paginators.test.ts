// Paginators emitted for @paginated operations (the service's @paginated supplying inputToken and
// pageSize, an operation's outputToken a nested path or a top-level member), run against the
// fixture's generated server on 127.0.0.1.

import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmittedFile } from "../../generator/emit/context.js";
import { loadGenerated, typecheck } from "../helpers/codegen.js";
import { close, listen } from "../server/create-route-package.js";
import { clientPackage } from "./client-package.js";

type Fn = (...args: any[]) => any;
type Ctor = new (...args: any[]) => any;
interface Package {
  readonly createThingsHandler: Fn;
  readonly createNodeListener: Fn;
  readonly ThingsClient: Ctor;
  readonly Things: Ctor;
  readonly paginateListThings: Fn;
  readonly paginateListOthers: Fn;
}

const ALL = Array.from({ length: 10 }, (_, i) => `thing-${i}`);
let files: EmittedFile[];
let mod: Package;
let server: Server;
let endpoint: string;
const requests: Record<string, unknown>[] = [];

/** A page of ALL from the token's offset; `repeat` makes the server hand back the same token forever. */
function page(input: { nextToken?: string; maxResults?: number; repeat?: boolean }) {
  requests.push(input);
  const start = Number(input.nextToken ?? 0);
  const end = start + (input.maxResults ?? 3);
  const next = input.repeat ? "1" : end < ALL.length ? String(end) : undefined;
  return { things: ALL.slice(start, end), next };
}

beforeAll(async () => {
  files = await clientPackage(["test/client/fixtures/paginated.json"]);
  mod = (await loadGenerated<Package>(files)).mod;
  const handler = mod.createThingsHandler({
    ListThings: async (input: never) => {
      const { things, next } = page(input);
      return { things, page: next === undefined ? {} : { next } };
    },
    ListOthers: async (input: never) => {
      const { things, next } = page(input);
      return { things, nextToken: next };
    },
  });
  ({ server, endpoint } = await listen(mod.createNodeListener(handler) as (req: IncomingMessage, res: ServerResponse) => void));
}, 120_000);

afterAll(() => close(server));

const client = () => new mod.ThingsClient({ region: "us-east-1", endpoint, credentials: { accessKeyId: "A", secretAccessKey: "S" } });

async function collect(pages: AsyncIterable<{ things?: string[] }>): Promise<string[][]> {
  const out: string[][] = [];
  for await (const p of pages) out.push(p.things ?? []);
  return out;
}

describe("paginate<Op> for @paginated operations", () => {
  it("emits a paginator per @paginated operation, merging the service's @paginated, and type-checks", async () => {
    const source = files.find((f) => f.path === "src/client.ts")!.content.replace(/\s+/g, " ");
    expect(source).toContain('inputToken: "nextToken", outputToken: ["page", "next"], pageSize: "maxResults"');
    expect(source).toContain('inputToken: "nextToken", outputToken: ["nextToken"], pageSize: "maxResults"');
    await typecheck(files, "paginated fixture with client");
  }, 120_000);

  it("follows a nested output token (page.next) to the last page, sending pageSize as the page-size member", async () => {
    requests.length = 0;
    const pages = await collect(mod.paginateListThings({ client: client(), pageSize: 4 }, {}));
    expect(pages).toEqual([ALL.slice(0, 4), ALL.slice(4, 8), ALL.slice(8)]);
    expect(requests).toEqual([{ maxResults: 4 }, { maxResults: 4, nextToken: "4" }, { maxResults: 4, nextToken: "8" }]);
  });

  it("follows a top-level token from a startingToken, with the aggregated class as the client", async () => {
    const aggregated = new mod.Things({ region: "us-east-1", endpoint, credentials: { accessKeyId: "A", secretAccessKey: "S" } });
    const pages = await collect(mod.paginateListOthers({ client: aggregated, startingToken: "6" }, { maxResults: 2 }));
    expect(pages).toEqual([ALL.slice(6, 8), ALL.slice(8, 10)]);
  });

  it("stops when the service returns the token it was sent", async () => {
    const pages = await collect(mod.paginateListThings({ client: client(), pageSize: 2 }, { repeat: true }));
    expect(pages).toEqual([ALL.slice(0, 2), ALL.slice(1, 3)]);
  });
});
