// The initial messages of an RPC protocol's event streams (streaming.rst, "Initial messages").
// With no HTTP bindings to carry an operation's other members, those of the input travel as a
// first `initial-request` event before the input's events, and those of the output arrive as a
// first `initial-response` event, as the protocol's document (as SDK v3 sends and reads them).

import type { HttpResponse, MetadataBearer } from "@smithy/types";
import { unreadable, type ServiceErrors } from "../client/errors.js";
import { eventMessage, eventStream } from "./write.js";

/** The request body of an input stream: the initial-request (`document`, of media type `contentType`), then a message per event. */
export async function* initialRequest<T>(
  contentType: string,
  document: Uint8Array,
  events: AsyncIterable<T> | Iterable<T> | null | undefined,
  write: (event: T) => Uint8Array,
): AsyncGenerator<Uint8Array> {
  yield eventMessage([[":message-type", 7, "event"], [":event-type", 7, "initial-request"], [":content-type", 7, contentType]], {}, [], document);
  if (events != null) yield* eventStream(events, write);
}

/**
 * The output of an output stream once its first message is read, as SDK v3 reads it: an
 * initial-response gives the output's other members (`read`, from its payload; without `read`
 * the output has none and the message is dropped); any other first event stays the stream's
 * first; a first exception message rejects, with its error. (The stream's reader gives an
 * initial-response, not an event of its union, as `{ $unknown: ["initial-response", payload] }`.)
 */
export async function initialResponse<O extends MetadataBearer>(
  output: O,
  member: keyof O,
  response: HttpResponse,
  errors: ServiceErrors,
  read?: (payload: Uint8Array) => object,
): Promise<O> {
  const events = output[member] as AsyncGenerator<unknown>;
  const first = await events.next();
  const payload = first.done ? undefined : initialPayload(first.value);
  if (payload !== undefined && read !== undefined) {
    try {
      Object.assign(output, read(payload));
    } catch (e) {
      return unreadable(response, output.$metadata, payload, e, errors);
    }
  }
  output[member] = afterInitial(events, first) as O[keyof O];
  return output;
}

/** The stream after its initial-response: `first` unless it was that, then the rest. */
async function* afterInitial<T>(events: AsyncGenerator<T>, first: IteratorResult<T>): AsyncGenerator<T> {
  if (first.done) return;
  if (initialPayload(first.value) === undefined) yield first.value;
  yield* events;
}

/** The payload of an initial-response event, else undefined. */
function initialPayload(event: unknown): Uint8Array | undefined {
  const unknown = (event as { $unknown?: [string, unknown] } | null)?.$unknown;
  return unknown?.[0] === "initial-response" && unknown[1] instanceof Uint8Array ? unknown[1] : undefined;
}
