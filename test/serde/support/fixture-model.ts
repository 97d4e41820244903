// A small restJson1 service in the Smithy JSON AST, one operation per HTTP binding feature, for
// the feature tests. Builders keep each shape to one line.

type Traits = Record<string, unknown>;
type Members = Record<string, string | [string, Traits?]>;

const NS = "test.restjson";
const id = (name: string) => (name.includes("#") ? name : `${NS}#${name}`);

function members(ms: Members) {
  return Object.fromEntries(Object.entries(ms).map(([name, m]) => {
    const [target, traits = {}] = typeof m === "string" ? [m] : m;
    return [name, { target: id(target), ...(Object.keys(traits).length > 0 ? { traits } : {}) }];
  }));
}

export const structure = (ms: Members, traits: Traits = {}) => ({ type: "structure", members: members(ms), traits });
export const union = (ms: Members, traits: Traits = {}) => ({ type: "union", members: members(ms), traits });
export const list = (member: string, traits: Traits = {}) => ({ type: "list", member: { target: id(member) }, traits });
export const map = (value: string, traits: Traits = {}) => ({ type: "map", key: { target: "smithy.api#String" }, value: { target: id(value) }, traits });
export const simple = (type: string, traits: Traits = {}) => ({ type, traits });
export const operation = (method: string, uri: string, input?: string, output?: string, traits: Traits = {}, errors: string[] = []) => ({
  type: "operation",
  ...(input === undefined ? {} : { input: { target: id(input) } }),
  ...(output === undefined ? {} : { output: { target: id(output) } }),
  ...(errors.length > 0 ? { errors: errors.map((e) => ({ target: id(e) })) } : {}),
  traits: { "smithy.api#http": { method, uri, ...(traits["code"] === undefined ? {} : { code: traits["code"] }) }, ...Object.fromEntries(Object.entries(traits).filter(([k]) => k !== "code")) },
});

const S = "smithy.api#String";
const I = "smithy.api#Integer";
const B = "smithy.api#Boolean";
const D = "smithy.api#Double";
const T = "smithy.api#Timestamp";
const BLOB = "smithy.api#Blob";
const DOC = "smithy.api#Document";
const required = { "smithy.api#required": {} };
const label = { "smithy.api#httpLabel": {}, ...required };
const header = (name: string) => ({ "smithy.api#httpHeader": name });
const query = (name: string) => ({ "smithy.api#httpQuery": name });

/** The feature service: every operation below, each exercising one binding. */
export function featureModel(): Record<string, unknown> {
  const shapes: Record<string, unknown> = {
    [`${NS}#Features`]: {
      type: "service",
      version: "2024-01-01",
      operations: [
        "Labels", "Greedy", "TimestampLabel", "Query", "QueryParams", "Headers", "PrefixHeaders", "StructurePayload",
        "UnionPayload", "DocumentPayload", "StringPayload", "BlobPayload", "Body", "Outputs", "Unions", "Defaults",
        "Tokens", "HostPrefix", "Checksum", "NoInput", "Big", "Errors",
      ].map((o) => ({ target: id(o) })),
      traits: { "aws.protocols#restJson1": {} },
    },
    [`${NS}#Labels`]: operation("GET", "/labels/{name}/{count}/{flag}/{ratio}", "LabelsInput"),
    [`${NS}#LabelsInput`]: structure({ name: [S, label], count: [I, label], flag: [B, label], ratio: [D, label] }),
    [`${NS}#Greedy`]: operation("GET", "/greedy/{prefix}/files/{path+}", "GreedyInput"),
    [`${NS}#GreedyInput`]: structure({ prefix: [S, label], path: [S, label] }),
    [`${NS}#TimestampLabel`]: operation("GET", "/at/{when}/{epoch}", "TimestampLabelInput"),
    [`${NS}#TimestampLabelInput`]: structure({ when: [T, label], epoch: [T, { ...label, "smithy.api#timestampFormat": "epoch-seconds" }] }),
    [`${NS}#Query`]: operation("GET", "/query?fixed=yes&flag", "QueryInput"),
    [`${NS}#QueryInput`]: structure({
      text: [S, query("text")], list: ["StringList", query("list")], numbers: ["DoubleList", query("numbers")],
      on: [B, query("on")], at: [T, query("at")], epoch: [T, { ...query("epoch"), "smithy.api#timestampFormat": "epoch-seconds" }],
    }),
    [`${NS}#QueryParams`]: operation("GET", "/params", "QueryParamsInput"),
    [`${NS}#QueryParamsInput`]: structure({ named: [S, query("named")], rest: ["StringListMap", { "smithy.api#httpQueryParams": {} }] }),
    [`${NS}#Headers`]: operation("POST", "/headers", "HeadersIO", "HeadersIO"),
    [`${NS}#HeadersIO`]: structure({
      text: [S, header("X-Text")], list: ["StringList", header("X-List")], count: [I, header("X-Count")], ratio: [D, header("X-Ratio")],
      on: [B, header("X-On")], at: [T, header("X-At")], dates: ["TimestampList", header("X-Dates")], json: ["JsonText", header("X-Json")],
      kind: ["Kind", header("X-Kind")],
    }),
    [`${NS}#PrefixHeaders`]: operation("GET", "/prefix", "PrefixHeadersIO", "PrefixHeadersIO"),
    [`${NS}#PrefixHeadersIO`]: structure({ meta: ["StringMap", { "smithy.api#httpPrefixHeaders": "X-Meta-" }], special: [S, header("X-Meta-Special")] }),
    [`${NS}#StructurePayload`]: operation("PUT", "/structure", "StructurePayloadIO", "StructurePayloadIO"),
    [`${NS}#StructurePayloadIO`]: structure({ nested: ["Greeting", { "smithy.api#httpPayload": {} }], tag: [S, header("X-Tag")] }),
    [`${NS}#UnionPayload`]: operation("PUT", "/union", "UnionPayloadIO", "UnionPayloadIO"),
    [`${NS}#UnionPayloadIO`]: structure({ choice: ["Choice", { "smithy.api#httpPayload": {} }] }),
    [`${NS}#DocumentPayload`]: operation("PUT", "/document", "DocumentPayloadIO", "DocumentPayloadIO"),
    [`${NS}#DocumentPayloadIO`]: structure({ doc: [DOC, { "smithy.api#httpPayload": {} }] }),
    [`${NS}#StringPayload`]: operation("POST", "/string", "StringPayloadIO", "StringPayloadIO"),
    [`${NS}#StringPayloadIO`]: structure({ text: [S, { "smithy.api#httpPayload": {} }] }),
    [`${NS}#BlobPayload`]: operation("POST", "/blob", "BlobPayloadIO", "BlobPayloadIO"),
    [`${NS}#BlobPayloadIO`]: structure({ data: [BLOB, { "smithy.api#httpPayload": {} }], contentType: [S, header("Content-Type")] }),
    [`${NS}#Body`]: operation("POST", "/body", "BodyIO", "BodyIO"),
    [`${NS}#BodyIO`]: structure({
      renamed: [S, { "smithy.api#jsonName": "Renamed_On_Wire" }], ratio: [D], bytes: [BLOB], when: [T],
      iso: [T, { "smithy.api#timestampFormat": "date-time" }], web: [T, { "smithy.api#timestampFormat": "http-date" }],
      dense: ["StringList"], sparse: ["SparseStringList"], denseMap: ["StringMap"], sparseMap: ["SparseStringMap"],
      doc: [DOC], nested: ["Greeting"], greetings: ["GreetingMap"], kind: ["Kind"], constructor: [S] as [string], ["__proto__"]: [S] as [string],
    }),
    [`${NS}#Outputs`]: operation("GET", "/outputs", undefined, "OutputsOutput", { code: 201 }),
    [`${NS}#OutputsOutput`]: structure({ status: [I, { "smithy.api#httpResponseCode": {} }], count: [I, header("X-Count")], items: ["StringList"] }),
    [`${NS}#Unions`]: operation("POST", "/unions", "UnionsIO", "UnionsIO"),
    [`${NS}#UnionsIO`]: structure({ choice: ["Choice"] }),
    [`${NS}#Defaults`]: operation("POST", "/defaults", "DefaultsInput", "DefaultsOutput"),
    [`${NS}#DefaultsInput`]: structure({ top: [S, { "smithy.api#default": "top" }], nested: ["WithDefaults"] }),
    [`${NS}#DefaultsOutput`]: structure({ text: [S, { "smithy.api#default": "hi" }], count: [I, { "smithy.api#default": 7 }], when: [T, { "smithy.api#default": 0 }], data: [BLOB, { "smithy.api#default": "YWJj" }], list: ["StringList", { "smithy.api#default": [] }] }),
    [`${NS}#WithDefaults`]: structure({ text: [S, { "smithy.api#default": "hi" }], optional: [I, { "smithy.api#default": 1, "smithy.api#clientOptional": {} }] }),
    [`${NS}#Tokens`]: operation("POST", "/tokens", "TokensInput"),
    [`${NS}#TokensInput`]: structure({ queryToken: [S, { ...query("token"), "smithy.api#idempotencyToken": {} }], bodyToken: [S, { "smithy.api#idempotencyToken": {} }] }),
    [`${NS}#HostPrefix`]: operation("POST", "/host", "HostPrefixInput", undefined, { "smithy.api#endpoint": { hostPrefix: "{account}.data." } }),
    [`${NS}#HostPrefixInput`]: structure({ account: [S, { ...required, "smithy.api#hostLabel": {} }] }),
    [`${NS}#Checksum`]: operation("POST", "/checksum", "ChecksumInput", undefined, { "smithy.api#httpChecksumRequired": {} }),
    [`${NS}#ChecksumInput`]: structure({ text: [S] }),
    [`${NS}#NoInput`]: operation("POST", "/no-input"),
    [`${NS}#Big`]: operation("POST", "/big", "BigIO", "BigIO"),
    [`${NS}#BigIO`]: structure({ integer: ["smithy.api#BigInteger"], decimal: ["smithy.api#BigDecimal"] }),
    [`${NS}#Errors`]: operation("POST", "/errors", undefined, undefined, {}, ["Throttled", "Broken"]),
    [`${NS}#Throttled`]: structure({ message: [S], reason: [S, header("X-Reason")], at: [T], retryAfter: [I, { "smithy.api#jsonName": "retry_after" }] }, { "smithy.api#error": "client", "smithy.api#httpError": 429 }),
    [`${NS}#Broken`]: structure({ Message: [S] }, { "smithy.api#error": "server" }),
    [`${NS}#Greeting`]: structure({ hi: [S], when: [T] }),
    [`${NS}#GreetingMap`]: map("Greeting"),
    [`${NS}#Choice`]: union({ text: [S], number: [I], when: [T], greeting: ["Greeting"], bytes: [BLOB] }),
    [`${NS}#Kind`]: { type: "enum", members: { ONE: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "one" } }, TWO: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "two" } } } },
    [`${NS}#JsonText`]: simple("string", { "smithy.api#mediaType": "application/json" }),
    [`${NS}#StringList`]: list(S),
    [`${NS}#SparseStringList`]: list(S, { "smithy.api#sparse": {} }),
    [`${NS}#DoubleList`]: list(D),
    [`${NS}#TimestampList`]: list(T),
    [`${NS}#StringMap`]: map(S),
    [`${NS}#SparseStringMap`]: map(S, { "smithy.api#sparse": {} }),
    [`${NS}#StringListMap`]: map("StringList"),
  };
  return { smithy: "2.0", shapes };
}
