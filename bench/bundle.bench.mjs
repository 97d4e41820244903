// Browser bundle size of CreateRoute: a file importing only the golden package's
// serializeCreateRouteRequest, deserializeCreateRouteResponse and error classes, against one
// importing AWS SDK v3's CreateRouteCommand alone; esbuild (bundle, minify, browser, ESM),
// then gzip. Target: ours ≤ 1,862 bytes (a tenth of the SDK's 18,618 in the reference run).

import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { report } from "./lib.mjs";

const TARGET = 1862;

export async function gzippedBundle(contents, resolveDir) {
  const result = await build({
    stdin: { contents, resolveDir, loader: "ts", sourcefile: "entry.ts" },
    bundle: true,
    minify: true,
    platform: "browser",
    format: "esm",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0].contents;
  return { raw: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

export default async function run() {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const src = fileURLToPath(new URL("../generated/apigatewayv2-create-route/src/", import.meta.url));
  const ours = await gzippedBundle(
    [
      `export { serializeCreateRouteRequest, deserializeCreateRouteResponse } from "${src}protocol.js";`,
      `export { ApiGatewayV2ServiceException, BadRequestException, ConflictException, NotFoundException, TooManyRequestsException } from "${src}errors.js";`,
    ].join("\n"),
    root,
  );
  const sdk = await gzippedBundle(`export { CreateRouteCommand } from "@aws-sdk/client-apigatewayv2";`, root);
  console.log(`     ours: ${ours.raw} bytes minified, ${ours.gzip} gzipped; SDK CreateRouteCommand: ${sdk.raw} minified, ${sdk.gzip} gzipped`);
  return report(
    "CreateRoute serializer + deserializer + error classes, esbuild minified + gzip",
    `${ours.gzip} bytes = ${(ours.gzip / sdk.gzip).toFixed(3)}× the SDK's ${sdk.gzip}`,
    `≤ ${TARGET} bytes`,
    ours.gzip <= TARGET,
  );
}
