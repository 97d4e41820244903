import { generatePackage } from "./bench/awsjson.bench.mjs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
const MES = "../shared/models/aws/marketplace-entitlement-service-2017-01-11.json";
const pkg = generatePackage(MES, ["--protocol", "rpcv2Cbor", "--target", "client", "--target", "server"]);
const ours = await import(pathToFileURL(join(pkg.js, "index.js")).href);
const ENT = { Entitlements: Array.from({ length: 50 }, (_, i) => ({ ProductCode: "6n7j3ehmqk2wqzy6fjrz1rdzd", Dimension: ["seats", "storage-gb", "tier", "premium"][i % 4], CustomerIdentifier: `cust-${String(i).padStart(4, "0")}`, CustomerAWSAccountId: String(100000000000 + i * 7919), Value: [{ IntegerValue: i * 10 }, { DoubleValue: i / 3 }, { StringValue: `plan-${i}` }, { BooleanValue: i % 8 === 3 }][i % 4], ExpirationDate: new Date(Date.UTC(2027, i % 12, 1 + (i % 28), 12, 0, 0, (i * 125) % 1000)) })), NextToken: "x" };
const r = ours.serializeGetEntitlementsResponse(ENT);
const body = Buffer.from(r.body);
const headers = { ...r.headers };
const s = performance.now(); let n = 0;
while (performance.now() - s < 4000) { for (let i = 0; i < 100; i++) await ours.deserializeGetEntitlementsResponse({ statusCode: 200, headers: { ...headers }, body }); n += 100; }
console.log(n);
