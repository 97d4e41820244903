// What a downstream user does with the generated package, through its public entry only:
// build a request, validate input, read a success, and handle a modeled error. Prints one JSON
// line per step for the test to check.

import {
  deserializeCreateRouteResponse,
  isNotFoundException,
  NotFoundException,
  serializeCreateRouteRequest,
  validateCreateRouteRequest,
  type CreateRouteRequest,
} from "apigatewayv2-create-route";

const input: CreateRouteRequest = { ApiId: "a1b2c3", RouteKey: "GET /pets", AuthorizationType: "NONE", ApiKeyRequired: false };

const request = serializeCreateRouteRequest(input, "https://apigateway.us-east-1.amazonaws.com");
console.log(JSON.stringify({ step: "serialize", method: request.method, hostname: request.hostname, path: request.path, body: request.body as string }));

const good = validateCreateRouteRequest(input);
const bad = validateCreateRouteRequest({ ApiId: "a1b2c3" });
console.log(JSON.stringify({ step: "validate", good, bad: bad.map((f) => ({ path: f.path, constraint: f.constraint })) }));

const created = await deserializeCreateRouteResponse({
  statusCode: 201,
  headers: { "content-type": "application/json", "x-amzn-requestid": "req-1" },
  body: JSON.stringify({ routeId: "r1", routeKey: "GET /pets", apiKeyRequired: false, authorizationType: "NONE" }),
});
console.log(JSON.stringify({ step: "created", routeId: created.RouteId, routeKey: created.RouteKey, status: created.$metadata.httpStatusCode, requestId: created.$metadata.requestId }));

try {
  await deserializeCreateRouteResponse({
    statusCode: 404,
    headers: { "content-type": "application/json", "x-amzn-errortype": "NotFoundException" },
    body: JSON.stringify({ message: "Invalid API identifier specified", resourceType: "Api" }),
  });
  console.log(JSON.stringify({ step: "not-found", thrown: false }));
} catch (error) {
  const byClass = error instanceof NotFoundException;
  const byGuard = isNotFoundException(error);
  const resourceType = byGuard ? error.ResourceType : undefined;
  const message = error instanceof Error ? error.message : undefined;
  console.log(JSON.stringify({ step: "not-found", thrown: true, byClass, byGuard, resourceType, message }));
}
