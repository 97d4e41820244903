// @requestCompression (behavior-traits.rst): an operation with the trait sends its serialized
// body gzipped, compressed once per call before any attempt is signed. Only a client with such
// an operation imports this module, so no other bundle carries it. Node's zlib is taken with
// `process.getBuiltinModule` (never imported); elsewhere the standard CompressionStream.

import type { HttpRequest } from "@smithy/types";
import { concatBytes } from "../bytes.js";
import { byteLength, utf8 } from "../text.js";
import { platform } from "./platform.js";

/** The client config keys of request compression, as SDK v3 names them. */
export interface CompressionConfig {
  /**
   * Sends every request uncompressed. Default: AWS_DISABLE_REQUEST_COMPRESSION (`true` or
   * `false`), else false.
   */
  disableRequestCompression?: boolean;
  /**
   * A body of fewer bytes goes uncompressed; a streamed body is compressed whatever its size.
   * An integer from 0 to 10485760. Default: AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES, else 10240.
   */
  requestMinCompressionSizeBytes?: number;
}

const DEFAULT_MIN_SIZE = 10_240;
const MAX_MIN_SIZE = 10_485_760;

/**
 * `config` with both settings resolved (the config's, else the environment's, else the
 * default) and checked: a value of the wrong type or out of range throws, naming its source.
 */
export function withCompressionConfig<C extends CompressionConfig>(config: C): C & Required<CompressionConfig> {
  const env = platform.process?.env ?? {};
  const disable = setting(config.disableRequestCompression, "disableRequestCompression", env, "AWS_DISABLE_REQUEST_COMPRESSION", parseBoolean);
  const minSize = setting(config.requestMinCompressionSizeBytes, "requestMinCompressionSizeBytes", env, "AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES", Number);
  if (disable !== undefined && typeof disable.value !== "boolean") {
    throw new TypeError(`${disable.source} must be true or false (got ${JSON.stringify(disable.value)})`);
  }
  const size = minSize?.value;
  if (minSize !== undefined && !(typeof size === "number" && Number.isInteger(size) && size >= 0 && size <= MAX_MIN_SIZE)) {
    throw new RangeError(`${minSize.source} must be an integer from 0 to ${MAX_MIN_SIZE} (got ${JSON.stringify(minSize.raw)})`);
  }
  return {
    ...config,
    disableRequestCompression: (disable?.value as boolean | undefined) ?? false,
    requestMinCompressionSizeBytes: (size as number | undefined) ?? DEFAULT_MIN_SIZE,
  };
}

/** A setting from the config, else from the environment variable (parsed), with where it came from. */
function setting(
  configured: unknown,
  key: string,
  env: Record<string, string | undefined>,
  variable: string,
  parse: (text: string) => unknown
): { value: unknown; raw: unknown; source: string } | undefined {
  if (configured !== undefined) return { value: configured, raw: configured, source: `The client config's ${key}` };
  const text = env[variable];
  if (text === undefined || text === "") return undefined;
  return { value: parse(text.trim()), raw: text, source: `The environment variable ${variable}` };
}

const parseBoolean = (text: string): unknown => (text === "true" ? true : text === "false" ? false : text);

/**
 * Compresses `request` in place with the first of the operation's `encodings` this client
 * supports (only gzip), unless `config` (resolved by withCompressionConfig) disables it: a body
 * of text or bytes when it holds at least the minimum size, a streamed body always. The encoding
 * is appended to a Content-Encoding the request already has (a modeled header member's).
 */
export async function compressRequest(request: HttpRequest, config: object, encodings: readonly string[]): Promise<void> {
  const { disableRequestCompression, requestMinCompressionSizeBytes } = config as CompressionConfig;
  const body: unknown = request.body;
  if (disableRequestCompression === true || body == null || !encodings.includes("gzip")) return;
  const headers = request.headers;
  if (typeof body === "string" || body instanceof Uint8Array) {
    const size = byteLength(body);
    if (size === 0 || size < (requestMinCompressionSizeBytes ?? DEFAULT_MIN_SIZE)) return;
    const compressed = await gzip(typeof body === "string" ? utf8(body) : body);
    if (compressed === undefined) return;
    request.body = compressed;
    headers[headerName(headers, "content-length")] = String(compressed.length);
  } else {
    const compressed = gzipStream(body);
    if (compressed === undefined) return;
    request.body = compressed;
    // The compressed length is unknown until the stream ends.
    delete headers[headerName(headers, "content-length")];
  }
  const encoding = headerName(headers, "content-encoding");
  headers[encoding] = headers[encoding] ? `${headers[encoding]}, gzip` : "gzip";
}

/** The parts of a web ReadableStream and CompressionStream used here (typed here, not in platform.ts: only this module needs them). */
interface ReadableStreamLike {
  pipeThrough(transform: CompressionStreamLike): unknown;
  getReader(): { read(): Promise<{ done: true; value?: undefined } | { done: false; value: Uint8Array }>; cancel(): Promise<void> };
}
interface CompressionStreamLike {
  readonly readable: ReadableStreamLike;
  readonly writable: { getWriter(): { write(chunk: Uint8Array): Promise<void>; close(): Promise<void>; abort(reason?: unknown): Promise<void> } };
}
/** Node ≥ 18 and current browsers have it. */
const CompressionStream = (platform as { CompressionStream?: new (format: "gzip") => CompressionStreamLike }).CompressionStream;

interface Zlib {
  gzip(data: Uint8Array, callback: (error: Error | null, result: Uint8Array) => void): void;
}

/** `bytes` gzipped (node:zlib in Node, else CompressionStream); undefined where neither exists. */
async function gzip(bytes: Uint8Array): Promise<Uint8Array | undefined> {
  const zlib = platform.process?.getBuiltinModule?.("node:zlib") as Zlib | undefined;
  if (zlib !== undefined) {
    return new Promise((resolve, reject) => zlib.gzip(bytes, (error, result) => (error ? reject(error) : resolve(result))));
  }
  const stream = gzipStream(once(bytes));
  if (stream === undefined) return undefined;
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return concatBytes(chunks);
}

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

/**
 * A streamed body gzipped as it is read: a web ReadableStream piped through CompressionStream,
 * an async iterable (a Node stream, a generator) as an async iterable of gzip chunks. Undefined
 * where there is no CompressionStream or the body is neither.
 */
function gzipStream(body: unknown): unknown {
  if (CompressionStream === undefined) return undefined;
  if (typeof (body as ReadableStreamLike).pipeThrough === "function") return (body as ReadableStreamLike).pipeThrough(new CompressionStream("gzip"));
  if (typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] !== "function") return undefined;
  return gzipChunks(body as AsyncIterable<Uint8Array | string>, new CompressionStream("gzip"));
}

async function* gzipChunks(source: AsyncIterable<Uint8Array | string>, compression: CompressionStreamLike): AsyncGenerator<Uint8Array> {
  const writer = compression.writable.getWriter();
  const reader = compression.readable.getReader();
  // Written as the compressor takes it (its backpressure), read as the consumer pulls.
  const feeding = (async () => {
    try {
      for await (const chunk of source) await writer.write(typeof chunk === "string" ? utf8(chunk) : chunk);
      await writer.close();
    } catch (error) {
      await writer.abort(error).catch(() => {});
    }
  })();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      yield value;
    }
    await feeding;
  } finally {
    // A consumer that stops early (an aborted request) stops the source too.
    await reader.cancel().catch(() => {});
  }
}

/** The name `headers` has for `lower` in any case, else `lower`. */
function headerName(headers: Record<string, string>, lower: string): string {
  for (const name in headers) if (name.toLowerCase() === lower) return name;
  return lower;
}
