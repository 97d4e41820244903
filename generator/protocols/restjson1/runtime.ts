// The optional runtime helpers of a restJson1 protocol.ts. Their code is in
// templates/partials/restjson1-runtime.hbs (next to the parts every file has: endpoint, request,
// receive, error code); the emitter records which ones the generated code calls, with what they
// call in turn, and only those are emitted.

export const HELPERS = [
  "scalarText", "label", "hostLabel", "header", "headerList", "prefixHeaders", "queryList", "queryParams", "uuid",
  "dense", "denseMap", "listOf", "mapOf", "put", "own", "num", "fromNum", "stringify", "bigJson", "fromBig", "ms", "epochSeconds",
  "dateTime", "httpDate", "fromEpochSeconds", "utc", "fromDateTime", "fromHttpDate", "b64", "blobBytes", "toBase64",
  "fromBase64", "fromUtf8", "unknownMember", "readPrefixHeaders", "splitHeader", "splitDates", "contentMd5",
] as const;

export type Helper = (typeof HELPERS)[number];

/** What each helper calls, so using one brings those along. */
const DEPENDENCIES: Partial<Record<Helper, readonly Helper[]>> = {
  header: ["scalarText"],
  headerList: ["header", "scalarText"],
  prefixHeaders: ["header", "put"],
  queryList: ["scalarText"],
  queryParams: ["queryList", "scalarText", "put"],
  denseMap: ["mapOf", "put"],
  mapOf: ["put"],
  bigJson: ["stringify"],
  epochSeconds: ["ms"],
  dateTime: ["ms"],
  httpDate: ["ms"],
  fromDateTime: ["utc"],
  fromHttpDate: ["utc"],
  toBase64: ["b64", "blobBytes"],
  fromBase64: ["b64"],
  readPrefixHeaders: ["put"],
  contentMd5: ["toBase64"],
};

/** The set of optional helpers a generated file uses. */
export class Helpers {
  private readonly used = new Set<Helper>();

  /** Records `helper` (and its dependencies) and returns its name for the generated code. */
  use(helper: Helper): string {
    if (!this.used.has(helper)) {
      this.used.add(helper);
      for (const dependency of DEPENDENCIES[helper] ?? []) this.use(dependency);
    }
    return helper;
  }

  has(helper: Helper): boolean {
    return this.used.has(helper);
  }

  /** `{ label: true, hostLabel: false, … }` for the template. */
  flags(): Record<Helper, boolean> {
    return Object.fromEntries(HELPERS.map((h) => [h, this.used.has(h)])) as Record<Helper, boolean>;
  }
}
