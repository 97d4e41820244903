// The generated awsJson packages against real third-party servers: the DynamoDB emulator
// dynalite (awsJson1_0) and the Kinesis emulator kinesalite (awsJson1_1), each in memory on
// 127.0.0.1. First the serde alone: the generated serializer → a SigV4-signed fetch → the
// generated deserializer (test/helpers/emulators.ts); then the generated clients end to end:
// `<Service>Client` + commands, the aggregated class, paginators over several pages, waiters
// that see a table or stream turn ACTIVE, and modeled errors caught by class.

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

/** The generated package of a shared AWS model, loaded (its client included). */
async function generatedPackage(model: string): Promise<Record<string, any>> {
  return (await loadGenerated<Record<string, any>>(await generate([join(SHARED_DIR!, "models", "aws", model)]))).mod;
}

/** The emulators check that a signature is there, not its value. */
const clientConfig = (emulator: Emulator) => ({
  region: "us-east-1",
  endpoint: emulator.endpoint,
  credentials: { accessKeyId: "AKIDEMULATOR", secretAccessKey: "emulator-secret" },
});

describe.skipIf(SHARED_DIR === undefined)(`dynalite through the generated DynamoDBClient${SHARED_DIR === undefined ? ` (${SHARED_MISSING})` : ""}`, () => {
  let dynamo: Emulator;
  let ddb: Record<string, any>;
  let client: any;
  beforeAll(async () => {
    // Tables take 300 ms to become ACTIVE, so that the TableExists waiter has to wait.
    [dynamo, ddb] = await Promise.all([startDynalite({ createTableMs: 300 }), generatedPackage("dynamodb-2012-08-10.json")]);
    client = new ddb["DynamoDBClient"](clientConfig(dynamo));
  }, 120_000);
  afterAll(() => dynamo?.close());

  const TableName = "pages";
  const key = (i: number) => ({ pk: { S: "p" }, sk: { N: String(i) } });

  it("CreateTableCommand, then waitUntilTableExists retries while the table is CREATING and succeeds once ACTIVE", async () => {
    const created = await client.send(new ddb["CreateTableCommand"]({
      TableName,
      AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }, { AttributeName: "sk", AttributeType: "N" }],
      KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }, { AttributeName: "sk", KeyType: "RANGE" }],
      BillingMode: "PAY_PER_REQUEST",
    }));
    expect(created.TableDescription.TableStatus).toBe("CREATING");
    expect(created.$metadata).toMatchObject({ httpStatusCode: 200, attempts: 1, totalRetryDelay: 0 });
    const started = Date.now();
    const result = await ddb["waitUntilTableExists"]({ client, maxWaitTime: 30, minDelay: 1, maxDelay: 1 }, { TableName });
    expect(result.state).toBe("SUCCESS");
    expect(result.reason.Table.TableStatus).toBe("ACTIVE");
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000); // at least one retry, 1 s apart
  });

  it("BatchWriteItemCommand, then paginateQuery and paginateScan over several pages (pageSize as Limit)", async () => {
    const puts = Array.from({ length: 10 }, (_, i) => ({ PutRequest: { Item: { ...key(i), v: { S: `item ${i}` } } } }));
    const written = await client.send(new ddb["BatchWriteItemCommand"]({ RequestItems: { [TableName]: puts } }));
    expect(written.UnprocessedItems ?? {}).toEqual({});

    const queried: number[][] = [];
    const query = { TableName, KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": { S: "p" } } };
    for await (const page of ddb["paginateQuery"]({ client, pageSize: 4 }, query)) queried.push(page.Items.map((i: any) => Number(i.sk.N)));
    // 4 + 4 + 2, then dynalite gives no LastEvaluatedKey after a short page.
    expect(queried).toEqual([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]);

    const scanned: number[] = [];
    let pages = 0;
    for await (const page of ddb["paginateScan"]({ client, pageSize: 3 }, { TableName })) {
      pages++;
      scanned.push(...page.Items.map((i: any) => Number(i.sk.N)));
    }
    expect(scanned.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(pages).toBeGreaterThanOrEqual(4);
  });

  it("a failing ConditionExpression rejects with ConditionalCheckFailedException, caught by class, not retried", async () => {
    let caught: unknown;
    try {
      await client.send(new ddb["PutItemCommand"]({ TableName, Item: key(0), ConditionExpression: "attribute_not_exists(pk)" }));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ddb["ConditionalCheckFailedException"]);
    expect(caught).toBeInstanceOf(ddb["DynamoDBServiceException"]);
    expect(caught).toMatchObject({ name: "ConditionalCheckFailedException", $fault: "client", $metadata: { httpStatusCode: 400, attempts: 1, totalRetryDelay: 0 } });
  });

  it("the aggregated DynamoDB class: getItem and deleteTable as methods; a missing table is a ResourceNotFoundException", async () => {
    const aggregated = new ddb["DynamoDB"](clientConfig(dynamo));
    const got = await aggregated.getItem({ TableName, Key: key(7), ConsistentRead: true });
    expect(got.Item.v).toEqual({ S: "item 7" });
    await aggregated.deleteTable({ TableName });
    await expect(aggregated.describeTable({ TableName })).rejects.toBeInstanceOf(ddb["ResourceNotFoundException"]);
  });
});

describe.skipIf(SHARED_DIR === undefined)(`kinesalite through the generated KinesisClient${SHARED_DIR === undefined ? ` (${SHARED_MISSING})` : ""}`, () => {
  let kinesis: Emulator;
  let ks: Record<string, any>;
  let client: any;
  beforeAll(async () => {
    // Streams take 300 ms to become ACTIVE, so that the StreamExists waiter has to wait.
    [kinesis, ks] = await Promise.all([startKinesalite({ createStreamMs: 300 }), generatedPackage("kinesis-2013-12-02.json")]);
    client = new ks["KinesisClient"](clientConfig(kinesis));
  }, 120_000);
  afterAll(() => kinesis?.close());

  const StreamName = "waited";

  it("CreateStreamCommand, then waitUntilStreamExists retries while CREATING and succeeds once ACTIVE", async () => {
    await client.send(new ks["CreateStreamCommand"]({ StreamName, ShardCount: 1 }));
    const first = await client.send(new ks["DescribeStreamCommand"]({ StreamName }));
    expect(first.StreamDescription.StreamStatus).toBe("CREATING");
    const result = await ks["waitUntilStreamExists"]({ client, maxWaitTime: 30, minDelay: 1, maxDelay: 1 }, { StreamName });
    expect(result.state).toBe("SUCCESS");
    expect(result.reason.StreamDescription.StreamStatus).toBe("ACTIVE");
  });

  it("the aggregated Kinesis class puts and reads a record; a missing stream is a ResourceNotFoundException, caught by class", async () => {
    const aggregated = new ks["Kinesis"](clientConfig(kinesis));
    const data = new Uint8Array([0, 1, 254, 255]);
    const put = await aggregated.putRecord({ StreamName, Data: data, PartitionKey: "p" });
    const { ShardIterator } = await aggregated.getShardIterator({ StreamName, ShardId: put.ShardId, ShardIteratorType: "TRIM_HORIZON" });
    const records = await aggregated.getRecords({ ShardIterator });
    expect(records.Records.map((r: any) => r.Data)).toEqual([data]);
    let caught: unknown;
    try {
      await client.send(new ks["DescribeStreamCommand"]({ StreamName: "missing" }));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ks["ResourceNotFoundException"]);
    expect(caught).toMatchObject({ $metadata: { httpStatusCode: 400, attempts: 1 } });
  });
});
