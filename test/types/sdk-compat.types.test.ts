// The generated CreateRoute types are interchangeable with AWS SDK v3's for the same shapes:
// values flow both ways without casts. Checked by the project type-check (test/typecheck.test.ts).
// Documented exception: SDK v3 error classes also carry the modeled `Message` member next to
// Error's `message`; ours carry it only as `message` (the contract), so an SDK error is
// assignable to ours and ours to the SDK's (where `Message` is optional).

import type * as Sdk from "@aws-sdk/client-apigatewayv2";
import { describe, expect, expectTypeOf, it } from "vitest";

/** Plain TypeScript assignability (a value of A can be used where B is expected). */
type Assignable<A, B> = [A] extends [B] ? true : false;
const both = <A, B>(ab: Assignable<A, B>, ba: Assignable<B, A>): boolean => ab && ba;
import type * as Ours from "../../generated/apigatewayv2-create-route/src/index.js";

describe("interchangeable with @aws-sdk/client-apigatewayv2", () => {
  it("request, response and enum types are mutually assignable", () => {
    expect(both<Ours.CreateRouteRequest, Sdk.CreateRouteRequest>(true, true)).toBe(true);
    expect(both<Ours.CreateRouteResult, Sdk.CreateRouteResult>(true, true)).toBe(true);
    expectTypeOf<Ours.AuthorizationType>().toEqualTypeOf<Sdk.AuthorizationType>();
    expectTypeOf<Ours.ParameterConstraints>().toEqualTypeOf<Sdk.ParameterConstraints>();
    // The request the SDK's command takes is the same type.
    const input: Assignable<Ours.CreateRouteInput, Sdk.CreateRouteCommandInput> = true;
    expect(input).toBe(true);
  });

  it("error instances are mutually assignable", () => {
    expect(both<Ours.NotFoundException, Sdk.NotFoundException>(true, true)).toBe(true);
    expect(both<Ours.TooManyRequestsException, Sdk.TooManyRequestsException>(true, true)).toBe(true);
    expect(both<Ours.BadRequestException, Sdk.BadRequestException>(true, true)).toBe(true);
    expect(both<Ours.ConflictException, Sdk.ConflictException>(true, true)).toBe(true);
    const ours: Assignable<Ours.ApiGatewayV2ServiceException, Sdk.ApiGatewayV2ServiceException> = true;
    expect(ours).toBe(true);
  });
});
