// The client of an rpcv2Cbor service against its generated server on 127.0.0.1:
// marketplace-entitlement-service generated with `protocol: rpcv2Cbor` (client and server),
// every request's SigV4 signature recomputed by the server (a wrong one is refused). The
// command, the aggregated class, the paginator and a modeled error go over real CBOR requests.

import { existsSync } from "node:fs";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadGenerated, SHARED_DIR, SHARED_MISSING } from "../helpers/codegen.js";
import { verifyingSignatures } from "../runtime/client/sigv4-server.js";
import { close, listen } from "../server/create-route-package.js";
import { clientPackage } from "./client-package.js";

const MODEL = SHARED_DIR === undefined ? undefined : join(SHARED_DIR, "models", "aws", "marketplace-entitlement-service-2017-01-11.json");
const found = MODEL !== undefined && existsSync(MODEL);

type Ctor = new (...args: any[]) => any;
type Package = Record<string, Ctor> & {
  createMarketplaceEntitlementServiceHandler(ops: object): (request: unknown) => Promise<never>;
  createNodeListener(handler: unknown): (req: IncomingMessage, res: ServerResponse) => void;
  paginateGetEntitlements(config: { client: unknown; pageSize?: number }, input: object): AsyncIterable<{ Entitlements?: { Dimension?: string }[]; NextToken?: string }>;
};

const SECRETS = { AKIDCBOR: "cbor-secret" };
/** Five entitlements, served MaxResults at a time with the index of the next as NextToken. */
const DIMENSIONS = ["d0", "d1", "d2", "d3", "d4"];

let mod: Package;
let server: Server;
let endpoint: string;
const refused: string[] = [];
const inputs: Record<string, unknown>[] = [];

beforeAll(async () => {
  if (!found) return;
  const files = await clientPackage([MODEL!], { protocol: "rpcv2Cbor" });
  mod = (await loadGenerated<Package>(files)).mod;
  const handler = mod.createMarketplaceEntitlementServiceHandler({
    GetEntitlements: (input: { ProductCode: string; NextToken?: string; MaxResults?: number }) => {
      inputs.push(input);
      if (input.ProductCode === "bad") throw new mod.InvalidParameterException!({ $metadata: {}, message: "no product bad" });
      const start = Number(input.NextToken ?? 0);
      const end = Math.min(start + (input.MaxResults ?? 10), DIMENSIONS.length);
      const Entitlements = DIMENSIONS.slice(start, end).map((Dimension) => ({ ProductCode: input.ProductCode, Dimension, Value: { IntegerValue: 3 }, ExpirationDate: new Date("2027-01-02T03:04:05Z") }));
      return { Entitlements, ...(end < DIMENSIONS.length ? { NextToken: String(end) } : {}) };
    },
  });
  ({ server, endpoint } = await listen(mod.createNodeListener(verifyingSignatures(handler, SECRETS, refused))));
}, 120_000);

afterAll(() => (server === undefined ? undefined : close(server)));

const config = (secretAccessKey = "cbor-secret") => ({ region: "us-east-1", endpoint, credentials: { accessKeyId: "AKIDCBOR", secretAccessKey } });

describe.skipIf(!found)(`the rpcv2Cbor client of marketplace-entitlement-service on loopback${found ? "" : ` (${SHARED_MISSING})`}`, () => {
  it("client.send(new GetEntitlementsCommand(input)): signed, verified, the CBOR output read with $metadata", async () => {
    const client = new mod.MarketplaceEntitlementServiceClient!(config());
    const output = await client.send(new mod.GetEntitlementsCommand!({ ProductCode: "p1", Filter: { CUSTOMER_IDENTIFIER: ["c1"] }, MaxResults: 2 }));
    expect(output).toMatchObject({
      Entitlements: [{ ProductCode: "p1", Dimension: "d0", Value: { IntegerValue: 3 } }, { Dimension: "d1" }],
      NextToken: "2",
      $metadata: { httpStatusCode: 200, attempts: 1, totalRetryDelay: 0 },
    });
    expect(output.Entitlements[0].ExpirationDate).toEqual(new Date("2027-01-02T03:04:05Z"));
    expect(inputs.at(-1)).toEqual({ ProductCode: "p1", Filter: { CUSTOMER_IDENTIFIER: ["c1"] }, MaxResults: 2 });
    expect(refused).toEqual([]);
  });

  it("paginateGetEntitlements pages through NextToken with pageSize as MaxResults", async () => {
    const client = new mod.MarketplaceEntitlementService!(config());
    const pages: string[][] = [];
    for await (const page of mod.paginateGetEntitlements({ client, pageSize: 2 }, { ProductCode: "p2" })) pages.push((page.Entitlements ?? []).map((e) => e.Dimension!));
    expect(pages).toEqual([["d0", "d1"], ["d2", "d3"], ["d4"]]);
    expect(inputs.slice(-3).map((i) => i["NextToken"])).toEqual([undefined, "2", "4"]);
  });

  it("a modeled error rejects with its class; a wrong secret is refused by the server's signature check", async () => {
    const client = new mod.MarketplaceEntitlementService!(config());
    const error = await client.getEntitlements({ ProductCode: "bad" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(mod.InvalidParameterException!);
    expect(error).toMatchObject({ name: "InvalidParameterException", message: "no product bad", $fault: "client", $metadata: { httpStatusCode: 400 } });
    const wrong = new mod.MarketplaceEntitlementServiceClient!({ ...config("not-the-secret"), maxAttempts: 1 });
    await expect(wrong.send(new mod.GetEntitlementsCommand!({ ProductCode: "p3" }))).rejects.toMatchObject({ $metadata: { httpStatusCode: 403 } });
    expect(refused).toEqual(["The request signature we calculated does not match the signature you provided"]);
  });
});
