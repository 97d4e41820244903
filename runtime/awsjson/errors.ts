// awsJson error identification, both sides. A client finds the error's code where SDK v3 looks
// for it and keeps only the shape name; an `@awsQueryCompatible` service (SQS) also says the
// awsQuery code and fault in `x-amzn-query-error: <Code>;<Sender|Receiver>`.

/**
 * The shape name in a raw error type: up to the first `,` (headers joined by a proxy) or `:`
 * (a trailing URI), then what follows a `#` (a namespace): `ns#Name:http://…` → `Name`.
 */
export function sanitizeErrorCode(raw: string | number): string {
  return /^(?:[^,:#]*#)?([^,:#]*)/.exec(String(raw))![1]!;
}

/** Header names lower case, as a deserializer's header bag has them. */
type Headers = Readonly<Record<string, string | undefined>>;

/**
 * The error code of a response, in SDK v3's order for awsJson: the body's `__type`, then the
 * first body property named `code` in any case, then the `x-amzn-errortype` header.
 * `undefined` when there is none, or when the value found is neither a string nor a number.
 */
export function awsJsonErrorCode(headers: Headers, body: Readonly<Record<string, unknown>>): string | undefined {
  return sanitize(body.__type) ?? sanitize(codeProperty(body, undefined)) ?? sanitize(headers["x-amzn-errortype"]);
}

/**
 * The error code of a response from an `@awsQueryCompatible` service, in SDK v3's order: `code`
 * first, then the header, then `__type`, with the `x-amzn-query-error` code standing as the
 * body's `Code` (SDK v3 writes it there before reading). A separate function from
 * `awsJsonErrorCode` so that other services' bundles leave it out.
 */
export function queryCompatibleErrorCode(headers: Headers, body: Readonly<Record<string, unknown>>): string | undefined {
  return sanitize(codeProperty(body, queryError(headers)?.code)) ?? sanitize(headers["x-amzn-errortype"]) ?? sanitize(body.__type);
}

const sanitize = (value: unknown): string | undefined =>
  typeof value === "string" || typeof value === "number" ? sanitizeErrorCode(value) : undefined;

/** The first own property named `code` in any case (`Code`, `CODE`…), with `Code` replaced by `queryCode` when given. */
function codeProperty(body: Readonly<Record<string, unknown>>, queryCode: string | undefined): unknown {
  for (const key in body) {
    if (!Object.hasOwn(body, key) || key.length !== 4 || key.toLowerCase() !== "code") continue;
    return key === "Code" && queryCode !== undefined ? queryCode : body[key];
  }
  return queryCode;
}

/** The awsQuery error of `x-amzn-query-error: Code;Type`; `type` is undefined when no `;` follows. */
export function queryError(headers: Headers): { readonly code: string; readonly type: string | undefined } | undefined {
  const value = headers["x-amzn-query-error"];
  if (value === undefined) return undefined;
  const [code, type] = value.split(";");
  return { code: code!, type };
}

/**
 * The code a client's error table is keyed by: "Unknown" when the response names none; in a
 * query-compatible service, an awsQuery code in `queryCodes` (`@awsQueryError` code → shape name)
 * stands for the error it names.
 */
export function errorCodeName(code: string | undefined, queryCodes?: Readonly<Record<string, string>>): string {
  if (code === undefined) return "Unknown";
  return queryCodes !== undefined && Object.hasOwn(queryCodes, code) ? queryCodes[code]! : code;
}
