import { describe, expect, it } from "vitest";
import { generate, loadGenerated, typecheck, fileOf } from "./helpers/codegen.js";

describe("CreateRoute package", () => {
  it("generates, type-checks and loads", async () => {
    const files = await generate(["models/apigatewayv2-create-route.json"]);
    await typecheck(files);
    const { mod } = await loadGenerated<Record<string, any>>(files);
    const e = new mod.NotFoundException({ message: "nope", $metadata: {}, ResourceType: "Api" });
    expect(e).toBeInstanceOf(mod.ApiGatewayV2ServiceException);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe("NotFoundException");
    expect(fileOf(files, "src/index.ts")).toContain('export * from "./models.js";');
  });
});
