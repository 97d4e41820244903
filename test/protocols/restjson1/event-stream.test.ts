// restJson1 event streams, client side: every eventStreamTests case for clients. Request events
// are serialized through the operation's input stream and must give the case's message bytes
// exactly; response events are fed (split into uneven chunks) to the operation's output stream
// and must read back as the case's params, or end the stream with the expected error. Initial
// requests and responses are the HTTP messages around the stream.

import { describe, expect, it } from "vitest";
import type { Shape } from "../../../generator/model/model.js";
import { nameOf } from "../../../generator/model/shape-id.js";
import {
  generate,
  loadGenerated,
  SHARED_DIR,
  SHARED_MISSING,
  typecheck,
} from "../../helpers/codegen.js";
import { headerOf, stripMetadata } from "../../helpers/http-compare.js";
import {
  loadRestJsonSuites,
  toTypeScriptValue,
  type ProtocolSuite,
} from "../../helpers/protocol-tests.js";

type Generated = Record<string, (...args: unknown[]) => any>;

const suites: ProtocolSuite[] =
  SHARED_DIR === undefined ? [] : await loadRestJsonSuites(SHARED_DIR);
const streamSuites = suites.filter((s) =>
  s.streams.some((c) => c.testCase.appliesTo !== "server"),
);

/** The input or output member that holds the event stream. */
function streamMember(
  suite: ProtocolSuite,
  structureId: string | undefined,
): { name: string; union: Shape } | undefined {
  if (structureId === undefined || structureId === "smithy.api#Unit")
    return undefined;
  for (const m of suite.index.shape(structureId).members) {
    const target = suite.index.target(m);
    if (target.type === "union" && target.traits.has("smithy.api#streaming"))
      return { name: m.name, union: target };
  }
  return undefined;
}

async function* iterate<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

/** Bytes cut into chunks of 1, 2, 3… bytes, so messages cross chunk boundaries everywhere. */
function* unevenChunks(bytes: Uint8Array): Generator<Uint8Array> {
  for (
    let at = 0, size = 1;
    at < bytes.length;
    at += size, size = (size % 7) + 1
  )
    yield bytes.subarray(at, at + size);
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

for (const suite of streamSuites) {
  const service = nameOf(suite.service.id);
  describe(`restJson1 client event streams (${service})`, async () => {
    const files = await generate(suite.model, { service: suite.service.id });
    const { mod } = await loadGenerated<Generated>(files);

    it(`${service} package type-checks with its event streams`, async () => {
      await typecheck(files, `${service}-event-streams`);
    }, 120_000);

    describe("restJson1 client event streams", () => {
      for (const { operation, testCase } of suite.streams.filter(
        (c) => c.testCase.appliesTo !== "server",
      )) {
        const op = nameOf(operation.id);
        const input = streamMember(suite, operation.input);
        const output = streamMember(suite, operation.output);
        const requestEvents = (testCase.events ?? []).filter(
          (e) => e.type === "request",
        );
        const responseEvents = (testCase.events ?? []).filter(
          (e) => e.type === "response",
        );
        const failure = testCase.expectation?.failure;

        it(testCase.id, async () => {
          let checked = 0;
          if (
            testCase.initialRequest !== undefined ||
            requestEvents.length > 0
          ) {
            const params = toTypeScriptValue(
              suite.index,
              suite.index.shape(operation.input!),
              testCase.initialRequestParams ?? {},
            ) as Record<string, unknown>;
            const events = requestEvents.map((e) =>
              toTypeScriptValue(suite.index, input!.union, e.params),
            );
            if (requestEvents.length > 0) params[input!.name] = iterate(events);
            const request = mod[`serialize${op}Request`]!(
              params,
              "https://example.com",
            );
            if (testCase.initialRequest !== undefined) {
              expect(request.method).toBe(testCase.initialRequest.method);
              expect(request.path).toBe(testCase.initialRequest.uri);
              for (const [name, value] of Object.entries(
                testCase.initialRequest.headers ?? {},
              ))
                expect(headerOf(request.headers, name), name).toBe(value);
              checked++;
            }
            if (requestEvents.length > 0) {
              expect(headerOf(request.headers, "content-type")).toBe(
                "application/vnd.amazon.eventstream",
              );
              const messages: string[] = [];
              for await (const message of request.body as AsyncIterable<Uint8Array>)
                messages.push(base64(message));
              expect(messages).toEqual(requestEvents.map((e) => e.bytes));
              checked++;
            }
          }
          if (
            testCase.initialResponse !== undefined ||
            responseEvents.length > 0
          ) {
            const initial = testCase.initialResponse ?? { code: 200 };
            const bytes = Buffer.concat(
              responseEvents.map((e) => Buffer.from(e.bytes ?? "", "base64")),
            );
            const body = initial.body ?? iterate([...unevenChunks(bytes)]);
            const read = async () => {
              const out = await mod[`deserialize${op}Response`]!({
                statusCode: initial.code,
                headers: initial.headers ?? {},
                body,
              });
              const events: unknown[] = [];
              if (output !== undefined && out[output.name] !== undefined)
                for await (const event of out[
                  output.name
                ] as AsyncIterable<unknown>)
                  events.push(event);
              return { out, events };
            };
            if (failure !== undefined) {
              const error = await read().then(
                () => undefined,
                (e: unknown) => e as { name?: string },
              );
              expect(error, "the stream must end with an error").toBeDefined();
              if (failure.errorId !== undefined)
                expect(error!.name).toBe(nameOf(failure.errorId));
            } else {
              const { out, events } = await read();
              if (testCase.initialResponseParams !== undefined) {
                const expected = toTypeScriptValue(
                  suite.index,
                  suite.index.shape(operation.output!),
                  testCase.initialResponseParams,
                );
                const { [output!.name]: _stream, ...rest } = stripMetadata(
                  out,
                ) as Record<string, unknown>;
                expect(rest).toEqual(expected);
              }
              expect(events).toEqual(
                responseEvents.map((e) =>
                  toTypeScriptValue(suite.index, output!.union, e.params),
                ),
              );
            }
            checked++;
          }
          expect(checked, "the case exercises something").toBeGreaterThan(0);
        });
      }
    });
  });
}

if (streamSuites.length === 0)
  describe.skip(`restJson1 client event streams (${SHARED_MISSING})`, () =>
    it("needs ../shared", () => {}));
