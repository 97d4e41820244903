// restJson1 serde speed on CreateRoute: the golden package's serializeCreateRouteRequest and
// deserializeCreateRouteResponse against AWS SDK v3's bare schema serde (the protocol object its
// client uses: serializeRequest / deserializeResponse) and a hand-written JSON.stringify floor.
// Rounds alternate between the contenders and each ratio is the median of per-round ratios, so
// load from other processes shifts both sides alike.
// Targets: serialize ≥ 4× SDK and ≥ 0.8× the floor; deserialize 201 ≥ 3× SDK; 404 → error ≥ 4× SDK.

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { compare, fmt, report } from "./lib.mjs";

const ENDPOINT = "https://apigateway.us-east-1.amazonaws.com";
const INPUT = {
  ApiId: "f3k9q2",
  RouteKey: "POST /orders/{orderId}",
  ApiKeyRequired: false,
  AuthorizationScopes: ["orders.read", "orders.write", "admin"],
  AuthorizationType: "JWT",
  AuthorizerId: "auth77",
  ModelSelectionExpression: "$request.body.kind",
  OperationName: "PlaceOrder",
  RequestModels: { "application/json": "OrderModel", "text/plain": "Note" },
  RequestParameters: { "route.request.path.orderId": { Required: true }, "route.request.header.X-Trace": { Required: false } },
  RouteResponseSelectionExpression: "$default",
  Target: "integrations/9kq1z0",
};
const encoder = new TextEncoder();
const OK_BODY = encoder.encode(JSON.stringify({
  apiGatewayManaged: false, apiKeyRequired: false, authorizationScopes: ["orders.read", "orders.write", "admin"],
  authorizationType: "JWT", authorizerId: "auth77", modelSelectionExpression: "$request.body.kind", operationName: "PlaceOrder",
  requestModels: { "application/json": "OrderModel", "text/plain": "Note" },
  requestParameters: { "route.request.path.orderId": { required: true }, "route.request.header.X-Trace": { required: false } },
  routeId: "r8x2m1", routeKey: "POST /orders/{orderId}", routeResponseSelectionExpression: "$default", target: "integrations/9kq1z0",
}));
const OK_HEADERS = { "content-type": "application/json", "x-amzn-requestid": "0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b" };
const NOT_FOUND_BODY = encoder.encode(JSON.stringify({ message: "Invalid API identifier specified 123456789012:f3k9q2", resourceType: "Api" }));
const NOT_FOUND_HEADERS = {
  "content-type": "application/json",
  "x-amzn-errortype": "NotFoundException:http://internal.amazon.com/coral/com.amazonaws.apigatewayv2/",
  "x-amzn-requestid": "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d",
};

/** The golden package, transpiled to a temporary folder (its .js imports resolve there). */
async function loadGolden() {
  const src = new URL("../generated/apigatewayv2-create-route/src/", import.meta.url);
  const dir = mkdtempSync(join(tmpdir(), "bench-serde-"));
  // src/runtime/ too: the package's copy of the generator's runtime modules.
  for (const file of readdirSync(src, { recursive: true }).filter((f) => f.endsWith(".ts"))) {
    const js = ts.transpileModule(readFileSync(new URL(file, src), "utf8"), {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: true },
    }).outputText;
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file.replace(/\.ts$/, ".js")), js);
  }
  return import(pathToFileURL(join(dir, "protocol.js")).href);
}

/** The SDK's own serde: the protocol object of a client, called as its serde middleware calls it. */
async function loadSdk() {
  const sdk = await import("@aws-sdk/client-apigatewayv2");
  const { operation } = await import("@smithy/core/schema");
  const { HttpResponse } = await import("@smithy/core/transport");
  const client = new sdk.ApiGatewayV2Client({ region: "us-east-1", credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" } });
  const protocol = client.config.protocol;
  const [, namespace, name, traits, input, output] = sdk.CreateRoute$;
  const schema = operation(namespace, name, traits, input, output);
  const url = new URL(ENDPOINT);
  const endpoint = { protocol: url.protocol, hostname: url.hostname, path: "/", query: {} };
  const context = { ...client.config, endpoint: async () => endpoint };
  return {
    serialize: () => protocol.serializeRequest(schema, INPUT, context),
    deserialize: () => protocol.deserializeResponse(schema, client.config, new HttpResponse({ statusCode: 201, headers: { ...OK_HEADERS }, body: OK_BODY })),
    notFound: () =>
      protocol.deserializeResponse(schema, client.config, new HttpResponse({ statusCode: 404, headers: { ...NOT_FOUND_HEADERS }, body: NOT_FOUND_BODY })).then(
        () => { throw new Error("the SDK resolved a 404"); },
        (e) => e,
      ),
  };
}

/** The least a CreateRoute serializer can do: skip absent members, stringify, encode the label. */
function handWritten(input) {
  const body = {};
  if (input.RouteKey != null) body.routeKey = input.RouteKey;
  if (input.ApiKeyRequired != null) body.apiKeyRequired = input.ApiKeyRequired;
  if (input.AuthorizationScopes != null) body.authorizationScopes = input.AuthorizationScopes;
  if (input.AuthorizationType != null) body.authorizationType = input.AuthorizationType;
  if (input.AuthorizerId != null) body.authorizerId = input.AuthorizerId;
  if (input.ModelSelectionExpression != null) body.modelSelectionExpression = input.ModelSelectionExpression;
  if (input.OperationName != null) body.operationName = input.OperationName;
  if (input.RequestModels != null) body.requestModels = input.RequestModels;
  if (input.RequestParameters != null) {
    const parameters = {};
    for (const key in input.RequestParameters) parameters[key] = { required: input.RequestParameters[key].Required };
    body.requestParameters = parameters;
  }
  if (input.RouteResponseSelectionExpression != null) body.routeResponseSelectionExpression = input.RouteResponseSelectionExpression;
  if (input.Target != null) body.target = input.Target;
  return { method: "POST", path: `/v2/apis/${encodeURIComponent(input.ApiId)}/routes`, headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
}

export default async function run() {
  const ours = await loadGolden();
  const sdk = await loadSdk();
  const notFound = () => ours.deserializeCreateRouteResponse({ statusCode: 404, headers: NOT_FOUND_HEADERS, body: NOT_FOUND_BODY }).then(
    () => { throw new Error("ours resolved a 404"); },
    (e) => e,
  );
  const error = await notFound();
  if (error.name !== "NotFoundException" || error.ResourceType !== "Api") throw new Error(`unexpected 404 result: ${error}`);

  const ser = await compare({
    ours: () => ours.serializeCreateRouteRequest(INPUT, ENDPOINT),
    sdk: sdk.serialize,
    floor: () => handWritten(INPUT),
  });
  const deser = await compare({
    ours: () => ours.deserializeCreateRouteResponse({ statusCode: 201, headers: OK_HEADERS, body: OK_BODY }),
    sdk: sdk.deserialize,
  });
  const err = await compare({ ours: notFound, sdk: sdk.notFound });

  const line = (figures, vs) => `${fmt(figures.ours.ops)} ops/s = ${figures[vs].ratio.toFixed(2)}× ${vs} (${fmt(figures[vs].ops)})`;
  let ok = report("serialize CreateRoute request vs SDK v3 bare serializer", line(ser, "sdk"), "≥ 4×", ser.sdk.ratio >= 4);
  ok = report("serialize CreateRoute request vs hand-written JSON.stringify floor", line(ser, "floor"), "≥ 0.8×", ser.floor.ratio >= 0.8) && ok;
  ok = report("deserialize CreateRoute 201 vs SDK v3", line(deser, "sdk"), "≥ 3×", deser.sdk.ratio >= 3) && ok;
  ok = report("deserialize CreateRoute 404 → NotFoundException vs SDK v3", line(err, "sdk"), "≥ 4×", err.sdk.ratio >= 4) && ok;
  return ok;
}
