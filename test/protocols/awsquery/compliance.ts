// awsQuery and ec2Query protocol compliance, client side, on the shared harness
// (../compliance.ts): requests are POST / without a query string, and a form body is compared
// pair by pair in order (keys and values percent-decoded).

import { expect } from "vitest";
import { parseQueryForm } from "../../../runtime/query/form.js";
import { bodyText } from "../../helpers/http-compare.js";
import { clientCompliance } from "../compliance.js";

/** Registers the compliance suites of `protocol`; `skips` are the case ids that do not run, with their reasons. */
export async function queryCompliance(protocol: "awsQuery" | "ec2Query", skips: Record<string, string>): Promise<void> {
  await clientCompliance({
    name: protocol,
    traitId: `aws.protocols#${protocol}`,
    skips,
    noQuery: true,
    bodyEquals: (actual, expected) => expect(parseQueryForm(bodyText(actual))).toEqual(parseQueryForm(expected)),
  });
}
