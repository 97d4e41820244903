// Event streams of an RPC protocol's client (awsJson, rpcv2Cbor). With no HTTP bindings, an
// input stream is the whole request body and an output stream the whole response body; the
// operation's other members travel as the stream's initial message, a first `initial-request` /
// `initial-response` event holding them as the protocol's document (streaming.rst, "Initial
// messages"; runtime/eventstream/initial.ts). Events and exception events are written and read
// by EventStreamCode with the protocol's codec. A request with an input stream is sent as
// `application/vnd.amazon.eventstream` without a Content-Length (smithy-rpc-v2-cbor.rst; SDK
// v3's event-stream middleware sets that Content-Type for awsJson too).

import type { EmitContext } from "../../emit/context.js";
import type { RuntimeImports } from "../../codegen/runtime-imports.js";
import { eventStreamMember } from "../../index/event-streams.js";
import type { Member, Shape } from "../../model/model.js";
import type { JsonCode } from "../codec/json/json-code.js";
import { EventStreamCode, type EventPayloadCodec } from "./event-stream.js";

export const EVENT_STREAM_CONTENT_TYPE = "application/vnd.amazon.eventstream";

/** What an operation's output stream changes in its deserializer and reader. */
export interface OutputStreamCode {
  /** The reader's parameters: the body uncollected, the response and its metadata. */
  readonly readerParams: string;
  readonly readerStatements: string[];
  /** The expression completing `output` (as `receive` resolved it) with its initial-response. */
  readonly initialResponse: string;
}

export class RpcEventStreams {
  private readonly code: EventStreamCode;
  private readonly initialReaders: string[] = [];
  private readonly initialCode: string[] = [];

  constructor(
    private readonly ctx: EmitContext,
    private readonly json: JsonCode,
    private readonly runtime: RuntimeImports,
    private readonly payloads: EventPayloadCodec,
  ) {
    this.code = new EventStreamCode(ctx.index, json, runtime, payloads);
  }

  inputStream = (op: Shape): Member | undefined => eventStreamMember(this.ctx.index, op.input);
  outputStream = (op: Shape): Member | undefined => eventStreamMember(this.ctx.index, op.output);

  /** The functions written so far: events' writers and readers, initial-response readers. */
  functions(): string[] {
    return [...this.code.functions(), ...this.initialCode];
  }

  /** The module-level names of those functions. */
  names(): string[] {
    return [...this.code.names(), ...this.initialReaders];
  }

  /** The modeled errors an operation's output stream can end with (its union's exception events). */
  errors(op: Shape): Shape[] {
    const member = this.outputStream(op);
    if (member === undefined) return [];
    return this.ctx.index.target(member).members.map((m) => this.ctx.index.target(m)).filter((e) => e.traits.has("smithy.api#error"));
  }

  /** The body of a request with the input stream `member`: the initial-request with the input's other members, then the events. */
  requestBody(op: Shape, member: Member): string {
    const others = this.ctx.index.shape(op.input!).members.filter((m) => m !== member);
    const document = this.payloads.encode(others.length > 0 ? this.json.objectLiteral(others, "input", false) : "{}");
    const events = this.json.read("input", member.name);
    return `${this.runtime.use("initialRequest")}(${JSON.stringify(this.payloads.contentType)}, ${document}, ${events}, ${this.code.writer(this.ctx.index.target(member))})`;
  }

  /** The reader of an output with the stream `member`, whose other members an initial-response carries. */
  response(op: Shape, member: Member, opName: string, outputType: string, errorTable: string): OutputStreamCode {
    const rt = this.runtime;
    const others = this.ctx.index.shape(op.output!).members.filter((m) => m !== member);
    let reader = "";
    if (others.length > 0) {
      reader = `read${opName}Initial`;
      this.initialReaders.push(reader);
      this.initialCode.push(
        `/** The members of ${outputType} other than its stream, from the initial-response. */\n` +
          `function ${reader}(payload: Uint8Array): Partial<${outputType}> {\n` +
          `  const v: any = ${this.payloads.decode("payload")};\n  const o = {} as Partial<${outputType}>;\n` +
          `  ${this.json.readMembers(others, "v", "o").join("\n  ")}\n  return o;\n}`,
      );
    }
    return {
      readerParams: `body: unknown, _headers: ${rt.smithyType("HeaderBag")}, r: ${rt.smithyType("HttpResponse")}, $metadata: ${rt.smithyType("ResponseMetadata")}`,
      readerStatements: [this.json.write("o", member.name, this.code.responseStream(member, errorTable))],
      initialResponse: `${rt.use("initialResponse")}(output, ${JSON.stringify(member.name)}, response, ${errorTable}${reader === "" ? "" : `, ${reader}`})`,
    };
  }
}
