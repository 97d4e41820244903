// The awsQuery clients of STS and SNS against a stub service on 127.0.0.1 that answers canned
// XML as the services document it: each request's SigV4 signature is recomputed by the stub
// (a wrong one is refused), and the form the client sent is checked field by field. Covers the
// command, the aggregated class, a paginator (SNS ListTopics, NextToken) and modeled errors by
// their awsQuery code (STS MalformedPolicyDocument).

import { existsSync } from "node:fs";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { join } from "node:path";
import type { HttpRequest, HttpResponse } from "@smithy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadGenerated, SHARED_DIR, SHARED_MISSING } from "../helpers/codegen.js";
import { verifyingSignatures } from "../runtime/client/sigv4-server.js";
import { close, listen } from "../server/create-route-package.js";
import { clientPackage } from "./client-package.js";

const model = (name: string) => (SHARED_DIR === undefined ? undefined : join(SHARED_DIR, "models", "aws", name));
const STS = model("sts-2011-06-15.json");
const SNS = model("sns-2010-03-31.json");
const found = STS !== undefined && existsSync(STS) && SNS !== undefined && existsSync(SNS);

type Ctor = new (...args: any[]) => any;
type Package = Record<string, Ctor> & Record<string, (...args: any[]) => AsyncIterable<Record<string, any>>>;

const SECRETS = { AKIDQUERY: "query-secret" };
const REQUEST_ID = "c6104cbe-af31-11e0-8154-cbc7ccf896c7";

/** The canned answer to a form: status and XML. */
type Stub = (form: URLSearchParams) => { status: number; xml: string };

/** A service on node:http: each request read whole, its signature checked, then answered by `stub`; the forms it got in `forms`. */
async function stubService(stub: Stub, forms: URLSearchParams[], refused: string[]) {
  const handler = async (request: HttpRequest): Promise<HttpResponse> => {
    const form = new URLSearchParams(request.body as string);
    forms.push(form);
    const { status, xml } = stub(form);
    return { statusCode: status, headers: { "content-type": "text/xml" }, body: xml };
  };
  const checked = verifyingSignatures(handler, SECRETS, refused);
  return listen((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const url = new URL(req.url!, "http://stub");
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      const request = { method: req.method!, protocol: "http:", hostname: url.hostname, path: url.pathname, query: {}, headers, body: Buffer.concat(chunks).toString("utf8") };
      const response = await checked(request as HttpRequest);
      res.writeHead(response.statusCode, response.headers);
      res.end(response.body);
    });
  });
}

const config = (endpoint: string, secretAccessKey = "query-secret") => ({ region: "us-east-1", endpoint, maxAttempts: 1, credentials: { accessKeyId: "AKIDQUERY", secretAccessKey } });

describe.skipIf(!found)(`awsQuery clients against stub services${found ? "" : ` (${SHARED_MISSING})`}`, () => {
  describe("STS", () => {
    let mod: Package;
    let server: Server;
    let endpoint: string;
    const forms: URLSearchParams[] = [];
    const refused: string[] = [];

    beforeAll(async () => {
      mod = (await loadGenerated<Package>(await clientPackage([STS!], { targets: ["client"] }))).mod;
      ({ server, endpoint } = await stubService((form) => {
        switch (form.get("Action")) {
          case "GetCallerIdentity":
            return { status: 200, xml: `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/Alice</Arn><UserId>AIDAEXAMPLE</UserId><Account>123456789012</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>${REQUEST_ID}</RequestId></ResponseMetadata></GetCallerIdentityResponse>` };
          case "AssumeRole":
            if (form.get("Policy") === "{") {
              return { status: 400, xml: `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>MalformedPolicyDocument</Code><Message>The policy is not JSON</Message></Error><RequestId>${REQUEST_ID}</RequestId></ErrorResponse>` };
            }
            return { status: 200, xml: `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><SourceIdentity>Alice</SourceIdentity><AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/demo/${form.get("RoleSessionName")}</Arn><AssumedRoleId>ARO123EXAMPLE123:${form.get("RoleSessionName")}</AssumedRoleId></AssumedRoleUser><Credentials><AccessKeyId>ASIAIOSFODNN7EXAMPLE</AccessKeyId><SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY</SecretAccessKey><SessionToken>token</SessionToken><Expiration>2019-11-09T13:34:41Z</Expiration></Credentials><PackedPolicySize>6</PackedPolicySize></AssumeRoleResult><ResponseMetadata><RequestId>${REQUEST_ID}</RequestId></ResponseMetadata></AssumeRoleResponse>` };
          default:
            return { status: 400, xml: `<ErrorResponse><Error><Type>Sender</Type><Code>InvalidAction</Code><Message>no such action</Message></Error><RequestId>${REQUEST_ID}</RequestId></ErrorResponse>` };
        }
      }, forms, refused));
    }, 120_000);

    afterAll(() => (server === undefined ? undefined : close(server)));

    it("GetCallerIdentity: the form Action and Version, signed and verified; the output with the request id", async () => {
      const output = await new mod.STSClient!(config(endpoint)).send(new mod.GetCallerIdentityCommand!({}));
      expect(output).toEqual({
        Arn: "arn:aws:iam::123456789012:user/Alice",
        UserId: "AIDAEXAMPLE",
        Account: "123456789012",
        $metadata: expect.objectContaining({ httpStatusCode: 200, requestId: REQUEST_ID, attempts: 1, totalRetryDelay: 0 }),
      });
      expect([...forms.at(-1)!]).toEqual([["Action", "GetCallerIdentity"], ["Version", "2011-06-15"]]);
      expect(refused).toEqual([]);
    });

    it("AssumeRole through the aggregated class: nested list members in the form, timestamps and nested structures read", async () => {
      const sts = new mod.STS!(config(endpoint));
      const output = await sts.assumeRole({ RoleArn: "arn:aws:iam::123456789012:role/demo", RoleSessionName: "s1", DurationSeconds: 900, Tags: [{ Key: "k", Value: "v" }], TransitiveTagKeys: ["k"] });
      expect(output).toMatchObject({
        AssumedRoleUser: { Arn: "arn:aws:sts::123456789012:assumed-role/demo/s1", AssumedRoleId: "ARO123EXAMPLE123:s1" },
        Credentials: { AccessKeyId: "ASIAIOSFODNN7EXAMPLE", SessionToken: "token", Expiration: new Date("2019-11-09T13:34:41Z") },
        PackedPolicySize: 6,
        SourceIdentity: "Alice",
      });
      expect(Object.fromEntries(forms.at(-1)!)).toEqual({
        Action: "AssumeRole",
        Version: "2011-06-15",
        RoleArn: "arn:aws:iam::123456789012:role/demo",
        RoleSessionName: "s1",
        DurationSeconds: "900",
        "Tags.member.1.Key": "k",
        "Tags.member.1.Value": "v",
        "TransitiveTagKeys.member.1": "k",
      });
    });

    it("an error named by its awsQuery code rejects with its class; a wrong secret is refused", async () => {
      const error = await new mod.STS!(config(endpoint)).assumeRole({ RoleArn: "r", RoleSessionName: "s", Policy: "{" }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(mod.MalformedPolicyDocumentException!);
      expect(error).toMatchObject({ name: "MalformedPolicyDocumentException", message: "The policy is not JSON", $fault: "client", $metadata: { httpStatusCode: 400, requestId: REQUEST_ID } });
      await expect(new mod.STSClient!(config(endpoint, "wrong")).send(new mod.GetCallerIdentityCommand!({}))).rejects.toMatchObject({ $metadata: { httpStatusCode: 403 } });
      expect(refused).toEqual(["The request signature we calculated does not match the signature you provided"]);
    });
  });

  describe("SNS", () => {
    let mod: Package;
    let server: Server;
    let endpoint: string;
    const forms: URLSearchParams[] = [];
    const refused: string[] = [];
    /** Topics, listed two per page with the index of the next as NextToken. */
    const topics: string[] = [];

    beforeAll(async () => {
      mod = (await loadGenerated<Package>(await clientPackage([SNS!], { targets: ["client"] }))).mod;
      ({ server, endpoint } = await stubService((form) => {
        const wrap = (action: string, result: string) => ({ status: 200, xml: `<${action}Response xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><${action}Result>${result}</${action}Result><ResponseMetadata><RequestId>${REQUEST_ID}</RequestId></ResponseMetadata></${action}Response>` });
        if (form.get("Action") === "CreateTopic") {
          const arn = `arn:aws:sns:us-east-1:123456789012:${form.get("Name")}`;
          topics.push(arn);
          return wrap("CreateTopic", `<TopicArn>${arn}</TopicArn>`);
        }
        const start = Number(form.get("NextToken") ?? 0);
        const page = topics.slice(start, start + 2).map((arn) => `<member><TopicArn>${arn}</TopicArn></member>`).join("");
        return wrap("ListTopics", `<Topics>${page}</Topics>${start + 2 < topics.length ? `<NextToken>${start + 2}</NextToken>` : ""}`);
      }, forms, refused));
    }, 120_000);

    afterAll(() => (server === undefined ? undefined : close(server)));

    it("CreateTopic (map attributes in the form), then paginateListTopics over three pages", async () => {
      const client = new mod.SNSClient!(config(endpoint));
      for (const Name of ["t1", "t2", "t3", "t4", "t5"]) {
        const output = await client.send(new mod.CreateTopicCommand!({ Name, Attributes: { DisplayName: Name } }));
        expect(output.TopicArn).toBe(`arn:aws:sns:us-east-1:123456789012:${Name}`);
      }
      expect(Object.fromEntries(forms.at(-1)!)).toEqual({ Action: "CreateTopic", Version: "2010-03-31", Name: "t5", "Attributes.entry.1.key": "DisplayName", "Attributes.entry.1.value": "t5" });
      const pages: string[][] = [];
      for await (const page of mod.paginateListTopics!({ client }, {})) pages.push(page["Topics"].map((t: { TopicArn: string }) => t.TopicArn.split(":").pop()));
      expect(pages).toEqual([["t1", "t2"], ["t3", "t4"], ["t5"]]);
      expect(forms.slice(-3).map((f) => f.get("NextToken"))).toEqual([null, "2", "4"]);
      expect(refused).toEqual([]);
    });
  });
});
