// A program written for AWS SDK v3's @aws-sdk/client-apigatewayv2 (it type-checks against the
// SDK with the project). The drop-in test runs it as is against a loopback server, then with only
// the import changed to the generated package, and compares what it printed.

import {
  ApiGatewayV2,
  ApiGatewayV2Client,
  ApiGatewayV2ServiceException,
  CreateRouteCommand,
  NotFoundException,
  type CreateRouteCommandOutput,
  type CreateRouteRequest,
} from "@aws-sdk/client-apigatewayv2";

export async function main(endpoint: string): Promise<string[]> {
  const lines: string[] = [];
  const config = {
    region: "us-east-1",
    endpoint,
    credentials: { accessKeyId: "AKIDDROPIN", secretAccessKey: "drop-in-secret" },
    maxAttempts: 2,
  };
  const client = new ApiGatewayV2Client(config);
  const input: CreateRouteRequest = { ApiId: "a1", RouteKey: "GET /pets", AuthorizationScopes: ["read"] };
  const created: CreateRouteCommandOutput = await client.send(new CreateRouteCommand(input));
  lines.push(`${created.RouteId} ${created.RouteKey} ${created.AuthorizationScopes?.join(",")} ${created.$metadata.httpStatusCode}`);

  const aggregated = new ApiGatewayV2(config);
  const second = await aggregated.createRoute({ ApiId: "a2", RouteKey: "$default", Target: "integrations/1" });
  lines.push(`${second.RouteId} ${second.Target} ${second.$metadata.attempts}`);

  try {
    await client.send(new CreateRouteCommand({ ApiId: "missing", RouteKey: "$default" }));
  } catch (e) {
    if (e instanceof NotFoundException) lines.push(`NotFoundException ${e.ResourceType} ${e.message} ${e.$metadata.httpStatusCode}`);
    else throw e;
  }
  try {
    await aggregated.createRoute({ ApiId: "conflict", RouteKey: "$default" });
  } catch (e) {
    if (e instanceof ApiGatewayV2ServiceException) lines.push(`${e.name} ${e.$fault} ${e.message}`);
    else throw e;
  }
  return lines;
}
