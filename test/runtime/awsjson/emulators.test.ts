// The emulator harness and the awsJson runtime against real third-party servers: requests built
// by rpcRequest and signed reach dynalite and kinesalite, and their errors are identified by
// awsJsonErrorCode. (The generated packages are driven through the same harness in
// test/protocols/awsjson/.)

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awsJsonErrorCode } from "../../../runtime/awsjson/errors.js";
import { rpcRequest, type AwsJsonVersion } from "../../../runtime/awsjson/rpc.js";
import { startDynalite, startKinesalite, type Emulator } from "../../helpers/emulators.js";

async function call(emulator: Emulator, target: string, version: AwsJsonVersion, input: object) {
  const { hostname, port, protocol } = new URL(emulator.endpoint);
  const response = await emulator.send(rpcRequest({ protocol, hostname, port: Number(port), path: "" }, target, version, JSON.stringify(input), false));
  let text = "";
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) text += Buffer.from(chunk).toString("utf8");
  const body = JSON.parse(text || "{}") as Record<string, unknown>;
  return { status: response.statusCode, body, code: awsJsonErrorCode(response.headers, body, false) };
}

describe("dynalite (DynamoDB, awsJson1_0)", () => {
  let dynamo: Emulator;
  beforeAll(async () => void (dynamo = await startDynalite()));
  afterAll(() => dynamo.close());

  it("answers a signed request, and names a missing table's error ResourceNotFoundException", async () => {
    const created = await call(dynamo, "DynamoDB_20120810.CreateTable", "1.0", {
      TableName: "items",
      AttributeDefinitions: [{ AttributeName: "k", AttributeType: "S" }],
      KeySchema: [{ AttributeName: "k", KeyType: "HASH" }],
      BillingMode: "PAY_PER_REQUEST",
    });
    expect(created.status).toBe(200);
    expect(await call(dynamo, "DynamoDB_20120810.ListTables", "1.0", {})).toMatchObject({ status: 200, body: { TableNames: ["items"] } });
    const missing = await call(dynamo, "DynamoDB_20120810.DescribeTable", "1.0", { TableName: "nope" });
    expect(missing).toMatchObject({ status: 400, code: "ResourceNotFoundException" });
    // dynalite writes the awsJson1_0 form of __type: the shape id, cut to its name.
    expect(missing.body.__type).toBe("com.amazonaws.dynamodb.v20120810#ResourceNotFoundException");
  });

  it("an unsigned request is refused with a code the sanitiser reads", async () => {
    const { hostname, port, protocol } = new URL(dynamo.endpoint);
    const request = rpcRequest({ protocol, hostname, port: Number(port), path: "" }, "DynamoDB_20120810.ListTables", "1.0", "{}", false);
    const response = await fetch(`${dynamo.endpoint}/`, { method: "POST", headers: { "content-type": request.headers["content-type"]!, "x-amz-target": request.headers["x-amz-target"]! }, body: "{}" });
    const body = (await response.json()) as Record<string, unknown>;
    expect(awsJsonErrorCode(Object.fromEntries(response.headers), body, false)).toBe("MissingAuthenticationTokenException");
  });
});

describe("kinesalite (Kinesis, awsJson1_1)", () => {
  let kinesis: Emulator;
  beforeAll(async () => void (kinesis = await startKinesalite()));
  afterAll(() => kinesis.close());

  it("creates a stream, and names a missing stream's error ResourceNotFoundException", async () => {
    expect((await call(kinesis, "Kinesis_20131202.CreateStream", "1.1", { StreamName: "s", ShardCount: 1 })).status).toBe(200);
    expect(await call(kinesis, "Kinesis_20131202.ListStreams", "1.1", {})).toMatchObject({ status: 200, body: { StreamNames: ["s"] } });
    expect(await call(kinesis, "Kinesis_20131202.DescribeStream", "1.1", { StreamName: "nope" })).toMatchObject({ status: 400, code: "ResourceNotFoundException" });
  });
});
