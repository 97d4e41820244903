// Type tests on the committed CreateRoute package. The @ts-expect-error lines are checked by
// the project type-check (test/typecheck.test.ts): if one stops being an error, tsc fails.

import { describe, expect, expectTypeOf, it } from "vitest";
import {
  ApiGatewayV2ServiceException,
  AuthorizationType,
  NotFoundException,
  isNotFoundException,
  type CreateRouteError,
  type CreateRouteInput,
  type CreateRouteOutput,
  type CreateRouteRequest,
  type CreateRouteResult,
} from "../../generated/apigatewayv2-create-route/src/index.js";

describe("CreateRoute types", () => {
  it("requires ApiId and RouteKey to be written", () => {
    const ok: CreateRouteRequest = { ApiId: "a1", RouteKey: "$default" };
    // @ts-expect-error RouteKey must be written
    const noRouteKey: CreateRouteRequest = { ApiId: "a1" };
    // @ts-expect-error ApiId must be written
    const noApiId: CreateRouteRequest = { RouteKey: "$default" };
    // Written but undefined is allowed for required input members (Smithy 2.0 client optionality).
    const explicitUndefined: CreateRouteRequest = { ApiId: undefined, RouteKey: undefined };
    expect([ok, noRouteKey, noApiId, explicitUndefined]).toHaveLength(4);
    expectTypeOf<CreateRouteRequest["RouteKey"]>().toEqualTypeOf<string | undefined>();
  });

  it("accepts only the modeled AuthorizationType literals", () => {
    const jwt: CreateRouteRequest = { ApiId: "a", RouteKey: "k", AuthorizationType: "JWT" };
    const fromConst: CreateRouteRequest = { ApiId: "a", RouteKey: "k", AuthorizationType: AuthorizationType.AWS_IAM };
    // @ts-expect-error "OAUTH" is not an AuthorizationType
    const wrong: CreateRouteRequest = { ApiId: "a", RouteKey: "k", AuthorizationType: "OAUTH" };
    expect([jwt, fromConst, wrong]).toHaveLength(3);
    expectTypeOf<AuthorizationType>().toEqualTypeOf<"NONE" | "AWS_IAM" | "CUSTOM" | "JWT">();
  });

  it("exports operation aliases and the error union", () => {
    expectTypeOf<CreateRouteInput>().toEqualTypeOf<CreateRouteRequest>();
    expectTypeOf<CreateRouteOutput>().toEqualTypeOf<CreateRouteResult>();
    expectTypeOf<NotFoundException>().toExtend<CreateRouteError>();
    // @ts-expect-error optional members reject null under exactOptionalPropertyTypes
    const nullScopes: CreateRouteRequest = { ApiId: "a", RouteKey: "k", AuthorizationScopes: null };
    expect(nullScopes).toBeDefined();
  });

  it("errors are instances of the service exception and of Error", () => {
    const e = new NotFoundException({ message: "no such API", $metadata: { httpStatusCode: 404 }, ResourceType: "Api" });
    expect(e).toBeInstanceOf(NotFoundException);
    expect(e).toBeInstanceOf(ApiGatewayV2ServiceException);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe("NotFoundException");
    expect(e.$fault).toBe("client");
    expect(e.message).toBe("no such API");
    expect(e.ResourceType).toBe("Api");
    expect(NotFoundException.httpStatus).toBe(404);
    expectTypeOf(e.name).toEqualTypeOf<"NotFoundException">();
    // @ts-expect-error $metadata is required
    expect(() => new NotFoundException({ message: "x" })).not.toThrow();
  });

  it("type guards work without instanceof (another copy of the package)", () => {
    const foreign: unknown = Object.assign(new Error("x"), { name: "NotFoundException", $fault: "client", $metadata: {} });
    expect(isNotFoundException(foreign)).toBe(true);
    expect(isNotFoundException({ name: "NotFoundException", $fault: "server" })).toBe(false);
    expect(isNotFoundException(null)).toBe(false);
    if (isNotFoundException(foreign)) expectTypeOf(foreign).toEqualTypeOf<NotFoundException>();
  });
});
