// The generated awsJson packages against real third-party servers: the DynamoDB emulator
// dynalite (awsJson1_0) and the Kinesis emulator kinesalite (awsJson1_1), each in memory on
// 127.0.0.1. Every call is the generated serializer → a SigV4-signed fetch → the generated
// deserializer (test/helpers/emulators.ts).

import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate, loadGenerated, SHARED_DIR, SHARED_MISSING } from "../../helpers/codegen.js";
import { startDynalite, startKinesalite, type Emulator } from "../../helpers/emulators.js";

type Generated = Record<string, (...args: any[]) => any>;

/** The package of a shared AWS model, and `call(op, input)` through an emulator. */
async function client(model: string) {
  const files = await generate([join(SHARED_DIR!, "models", "aws", model)]);
  const { mod } = await loadGenerated<Generated>(files);
  return {
    mod,
    call: async (emulator: Emulator, op: string, input: object): Promise<any> =>
      mod[`deserialize${op}Response`]!(await emulator.send(mod[`serialize${op}Request`]!(input, emulator.endpoint))),
  };
}

/** Rejects? Then the error, else a failure naming what resolved. */
async function rejection(promise: Promise<unknown>): Promise<any> {
  return promise.then(
    (value) => expect.fail(`expected a rejection, got ${JSON.stringify(value)}`),
    (error: unknown) => error,
  );
}

describe.skipIf(SHARED_DIR === undefined)(`dynalite through the generated DynamoDB package${SHARED_DIR === undefined ? ` (${SHARED_MISSING})` : ""}`, () => {
  let dynamo: Emulator;
  let ddb: Awaited<ReturnType<typeof client>>;
  const call = (op: string, input: object) => ddb.call(dynamo, op, input);
  beforeAll(async () => {
    [dynamo, ddb] = await Promise.all([startDynalite(), client("dynamodb-2012-08-10.json")]);
  }, 120_000);
  afterAll(() => dynamo?.close());

  const TableName = "things";
  const item = {
    pk: { S: "a" },
    sk: { N: "1" },
    text: { S: "héllo ✓" },
    count: { N: "12345678901234567890.5" },
    bytes: { B: new Uint8Array([0, 1, 2, 253, 254, 255]) },
    strings: { SS: ["x", "y"] },
    numbers: { NS: ["1", "2.5", "-3"] },
    blobs: { BS: [new Uint8Array([1]), new Uint8Array([2, 3])] },
    nothing: { NULL: true },
    yes: { BOOL: true },
    no: { BOOL: false },
    nested: { M: { list: { L: [{ S: "in" }, { N: "7" }, { M: { deep: { BOOL: true } } }, { L: [{ NULL: true }] }] }, bin: { B: new Uint8Array([9]) } } },
  };

  it("CreateTable and DescribeTable", async () => {
    const created = await call("CreateTable", {
      TableName,
      AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }, { AttributeName: "sk", AttributeType: "N" }],
      KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }, { AttributeName: "sk", KeyType: "RANGE" }],
      BillingMode: "PAY_PER_REQUEST",
    });
    expect(created.TableDescription.TableName).toBe(TableName);
    expect(created.TableDescription.CreationDateTime).toBeInstanceOf(Date);
    expect(created.$metadata.httpStatusCode).toBe(200);
    const described = await call("DescribeTable", { TableName });
    expect(described.Table).toMatchObject({ TableName, TableStatus: "ACTIVE", KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }, { AttributeName: "sk", KeyType: "RANGE" }] });
  });

  it("PutItem and GetItem keep every AttributeValue kind, nested ones included", async () => {
    await call("PutItem", { TableName, Item: item });
    const got = await call("GetItem", { TableName, Key: { pk: { S: "a" }, sk: { N: "1" } }, ConsistentRead: true });
    // Sets come back as sets: compare them sorted; numbers stay strings, digits intact.
    const sorted = { ...got.Item, numbers: { NS: [...got.Item.numbers.NS].sort() }, strings: { SS: [...got.Item.strings.SS].sort() } };
    expect(sorted).toEqual({ ...item, numbers: { NS: ["-3", "1", "2.5"] } });
    expect(got.Item.bytes.B).toBeInstanceOf(Uint8Array);
  });

  it("UpdateItem with a failing ConditionExpression rejects with ConditionalCheckFailedException (class and guard)", async () => {
    const error = await rejection(call("UpdateItem", {
      TableName,
      Key: { pk: { S: "a" }, sk: { N: "1" } },
      UpdateExpression: "SET #t = :t",
      ConditionExpression: "#t = :old",
      ExpressionAttributeNames: { "#t": "text" },
      ExpressionAttributeValues: { ":t": { S: "new" }, ":old": { S: "not the text" } },
    }));
    expect(error).toBeInstanceOf(ddb.mod["ConditionalCheckFailedException"] as unknown as new () => unknown);
    expect(ddb.mod["isConditionalCheckFailedException"]!(error)).toBe(true);
    expect(error).toBeInstanceOf(ddb.mod["DynamoDBServiceException"] as unknown as new () => unknown);
    expect(error).toMatchObject({ name: "ConditionalCheckFailedException", $fault: "client", $metadata: { httpStatusCode: 400 } });
    expect(error.message).toMatch(/conditional request failed/i);
  });

  it("BatchWriteItem, then Query and Scan paged with LastEvaluatedKey", async () => {
    const puts = Array.from({ length: 9 }, (_, i) => ({ PutRequest: { Item: { pk: { S: "batch" }, sk: { N: String(i) }, v: { S: `item ${i}` } } } }));
    const written = await call("BatchWriteItem", { RequestItems: { [TableName]: puts } });
    expect(written.UnprocessedItems ?? {}).toEqual({});

    const queried: string[] = [];
    let ExclusiveStartKey: unknown;
    let pages = 0;
    do {
      const page = await call("Query", {
        TableName, Limit: 4, KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": { S: "batch" } },
        ...(ExclusiveStartKey === undefined ? {} : { ExclusiveStartKey }),
      });
      queried.push(...page.Items.map((i: any) => i.sk.N));
      ExclusiveStartKey = page.LastEvaluatedKey;
      pages++;
    } while (ExclusiveStartKey !== undefined);
    expect(queried).toEqual(["0", "1", "2", "3", "4", "5", "6", "7", "8"]);
    expect(pages).toBeGreaterThanOrEqual(3);

    const scanned: string[] = [];
    ExclusiveStartKey = undefined;
    do {
      const page = await call("Scan", { TableName, Limit: 3, ...(ExclusiveStartKey === undefined ? {} : { ExclusiveStartKey }) });
      scanned.push(...page.Items.map((i: any) => `${i.pk.S}/${i.sk.N}`));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey !== undefined);
    expect(scanned.sort()).toEqual(["a/1", ...Array.from({ length: 9 }, (_, i) => `batch/${i}`)].sort());
  });

  it("DeleteTable, after which the table is a ResourceNotFoundException", async () => {
    const deleted = await call("DeleteTable", { TableName });
    expect(deleted.TableDescription.TableName).toBe(TableName);
    const error = await rejection(call("DescribeTable", { TableName }));
    expect(ddb.mod["isResourceNotFoundException"]!(error)).toBe(true);
  });
});

describe.skipIf(SHARED_DIR === undefined)(`kinesalite through the generated Kinesis package${SHARED_DIR === undefined ? ` (${SHARED_MISSING})` : ""}`, () => {
  let kinesis: Emulator;
  let ks: Awaited<ReturnType<typeof client>>;
  const call = (op: string, input: object) => ks.call(kinesis, op, input);
  beforeAll(async () => {
    [kinesis, ks] = await Promise.all([startKinesalite(), client("kinesis-2013-12-02.json")]);
  }, 120_000);
  afterAll(() => kinesis?.close());

  const StreamName = "events";

  it("CreateStream and DescribeStream", async () => {
    await call("CreateStream", { StreamName, ShardCount: 1 });
    const described = await call("DescribeStream", { StreamName });
    expect(described.StreamDescription).toMatchObject({ StreamName, StreamStatus: "ACTIVE" });
    expect(described.StreamDescription.Shards).toHaveLength(1);
    expect(described.StreamDescription.StreamCreationTimestamp).toBeInstanceOf(Date);
  });

  it("PutRecord, PutRecords, GetShardIterator and GetRecords carry blob data both ways", async () => {
    const data = [new Uint8Array([0, 255, 1, 254]), new TextEncoder().encode("second ✓"), new Uint8Array(300).map((_, i) => i % 256)];
    const first = await call("PutRecord", { StreamName, Data: data[0], PartitionKey: "p" });
    expect(first.ShardId).toMatch(/^shardId-/);
    const rest = await call("PutRecords", { StreamName, Records: data.slice(1).map((Data) => ({ Data, PartitionKey: "p" })) });
    expect(rest.FailedRecordCount ?? 0).toBe(0);
    const { ShardIterator } = await call("GetShardIterator", { StreamName, ShardId: first.ShardId, ShardIteratorType: "TRIM_HORIZON" });
    const records = await call("GetRecords", { ShardIterator });
    expect(records.Records.map((r: any) => r.Data)).toEqual(data);
    expect(records.Records[0].ApproximateArrivalTimestamp).toBeInstanceOf(Date);
  });

  it("a missing stream rejects with ResourceNotFoundException", async () => {
    const error = await rejection(call("DescribeStream", { StreamName: "missing" }));
    expect(ks.mod["isResourceNotFoundException"]!(error)).toBe(true);
    expect(error).toBeInstanceOf(ks.mod["ResourceNotFoundException"] as unknown as new () => unknown);
    expect(error).toMatchObject({ name: "ResourceNotFoundException", $fault: "client" });
  });
});
