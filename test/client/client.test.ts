// The emitted client (src/client.ts over the client runtime) of the CreateRoute package: it
// type-checks with the package under the generator's strict flags, and its client, command,
// aggregated class and error classes work against the generated server on 127.0.0.1, whose
// every request's signature is recomputed. A program written for @aws-sdk/client-apigatewayv2
// runs against it with only the import changed and prints what it printed with the SDK.

import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmittedFile } from "../../generator/emit/context.js";
import { loadGenerated, typecheck } from "../helpers/codegen.js";
import { verifyingSignatures } from "../runtime/client/sigv4-server.js";
import { close, createRouteImplementation, listen, type CreateRoutePackage } from "../server/create-route-package.js";
import { clientPackage } from "./client-package.js";
import { main as sdkMain } from "./drop-in/program.js";

type Ctor = new (...args: any[]) => any;
interface Package extends CreateRoutePackage {
  readonly ApiGatewayV2Client: Ctor;
  readonly ApiGatewayV2: Ctor;
  readonly CreateRouteCommand: Ctor;
  readonly NodeHttpHandler: Ctor;
}

const PROGRAM = readFileSync(join(import.meta.dirname, "drop-in", "program.ts"), "utf8");
/** The drop-in program with only its import changed, as a module of the package. */
const DROP_IN = PROGRAM.replace('from "@aws-sdk/client-apigatewayv2"', 'from "./index.js"');
const SECRETS: Record<string, string> = { AKIDCLIENT: "client-secret", AKIDDROPIN: "drop-in-secret" };

let files: EmittedFile[];
let dir: string;
let mod: Package;
let dropIn: typeof sdkMain;
let server: Server;
let endpoint: string;
const refused: string[] = [];

beforeAll(async () => {
  files = await clientPackage(["models/apigatewayv2-create-route.json"]);
  files.push({ path: "src/drop-in.ts", content: DROP_IN });
  const loaded = await loadGenerated<Package>(files);
  mod = loaded.mod;
  dir = loaded.dir;
  dropIn = ((await import(join(loaded.dir, "src", "drop-in.js"))) as { main: typeof sdkMain }).main;
  const handler = mod.createApiGatewayV2Handler({ CreateRoute: createRouteImplementation(mod) });
  const checked = verifyingSignatures(handler, SECRETS, refused);
  ({ server, endpoint } = await listen(mod.createNodeListener(checked) as (req: IncomingMessage, res: ServerResponse) => void));
}, 120_000);

afterAll(() => close(server));

const config = () => ({ region: "eu-west-1", endpoint, credentials: { accessKeyId: "AKIDCLIENT", secretAccessKey: "client-secret" } });

describe("the emitted client of apigatewayv2-create-route", () => {
  it("type-checks with the package, its runtime and the drop-in program under the generator's strict flags", async () => {
    const client = files.find((f) => f.path === "src/client.ts")!.content.replace(/\s+/g, " ").replace(/\( /g, "(").replace(/ \)/g, ")");
    expect(client).toContain("export class ApiGatewayV2Client extends Client {");
    expect(client).toContain('super(config, { userAgent: "test-package/0.0.0",');
    expect(client).toContain('sigv4: { signingName: "apigateway", load: async () => (await import("./runtime/client/sigv4.js")).sigv4Signer },');
    expect(client).toContain("export class CreateRouteCommand extends Command<CreateRouteCommandInput, CreateRouteCommandOutput> {");
    expect(client).toContain("createRoute(input: CreateRouteCommandInput, options?: SendOptions): Promise<CreateRouteCommandOutput> {");
    await typecheck(files, "apigatewayv2-create-route with client");
  }, 120_000);

  it("client.send(new CreateRouteCommand(input)): signed, verified by the server, output with $metadata", async () => {
    const client = new mod.ApiGatewayV2Client(config());
    const output = await client.send(new mod.CreateRouteCommand({ ApiId: "a1", RouteKey: "$default" }));
    expect(output).toMatchObject({ RouteId: "route-of-a1", RouteKey: "$default", $metadata: { httpStatusCode: 201, attempts: 1, totalRetryDelay: 0 } });
  });

  it("requestHandler: new NodeHttpHandler() sends over node:http with keep-alive, signed and verified as with fetch", async () => {
    const requestHandler = new mod.NodeHttpHandler({ connectionTimeout: 1000 });
    const client = new mod.ApiGatewayV2Client({ ...config(), requestHandler });
    const rejectedBefore = refused.length;
    for (const ApiId of ["n1", "n2"]) {
      const output = await client.send(new mod.CreateRouteCommand({ ApiId, RouteKey: "$default" }));
      expect(output).toMatchObject({ RouteId: `route-of-${ApiId}`, $metadata: { httpStatusCode: 201, attempts: 1 } });
    }
    expect(refused.length).toBe(rejectedBefore);
    client.destroy();
  });

  it("the aggregated class's lowerCamel method, and modeled errors by class", async () => {
    const service = new mod.ApiGatewayV2(config());
    expect(service).toBeInstanceOf(mod.ApiGatewayV2Client);
    expect(await service.createRoute({ ApiId: "a2", RouteKey: "$default" })).toMatchObject({ RouteId: "route-of-a2" });
    const error = await service.createRoute({ ApiId: "busy", RouteKey: "$default" }, { abortSignal: new AbortController().signal }).catch((e: unknown) => e);
    // TooManyRequestsException is a throttling code to SDK v3: retried, then surfaced as its class.
    expect(error).toBeInstanceOf(mod.TooManyRequestsException);
    expect(error).toMatchObject({ LimitType: "rate", $metadata: { httpStatusCode: 429, attempts: 3 } });
  });

  it("a wrong secret is refused by the server as InvalidSignatureException", async () => {
    const client = new mod.ApiGatewayV2Client({ ...config(), credentials: { accessKeyId: "AKIDCLIENT", secretAccessKey: "nope" } });
    await expect(client.send(new mod.CreateRouteCommand({ ApiId: "a1", RouteKey: "$default" }))).rejects.toMatchObject({ name: "InvalidSignatureException" });
  });

  it("drop-in: the SDK program, with only its import changed, prints what it prints with @aws-sdk/client-apigatewayv2", async () => {
    refused.length = 0;
    const withSdk = await sdkMain(endpoint);
    expect(refused).toEqual([]); // the SDK's own signatures pass the server's check
    const withPackage = await dropIn(endpoint);
    expect(withPackage).toEqual(withSdk);
    expect(withPackage).toEqual([
      "route-of-a1 GET /pets read 201",
      "route-of-a2 integrations/1 1",
      "NotFoundException Api no API missing 404",
      "ConflictException client the route key is taken",
    ]);
    expect(refused).toEqual([]);
  });

  it("loads @smithy/signature-v4 on the first send, not on import or construction (a fresh node)", () => {
    const script = `
      import { createRequire } from "node:module";
      const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes("@smithy/signature-v4"));
      const m = await import("./src/index.js");
      const body = new TextEncoder().encode('{"routeId":"r1"}');
      const requestHandler = { handle: async () => ({ response: { statusCode: 201, headers: {}, body } }) };
      const client = new m.ApiGatewayV2Client({ region: "us-east-1", endpoint: "https://api.example", credentials: { accessKeyId: "a", secretAccessKey: "b" }, requestHandler });
      const before = loaded();
      const output = await client.send(new m.CreateRouteCommand({ ApiId: "a", RouteKey: "GET /" }));
      console.log(JSON.stringify([before, loaded(), output.RouteId]));`;
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: dir, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual([false, true, "r1"]);
  });
});
