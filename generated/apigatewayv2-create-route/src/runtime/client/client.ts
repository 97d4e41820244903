// A copy of smithy-ts-codegen's runtime/client/client.ts, written by the generator: do not edit.
// The protocol-neutral client core a generated `<Service>Client` extends: a call serializes the
// input once (the same idempotency token on every attempt), then per attempt signs, sends,
// deserializes and retries as SDK v3 does; interceptors see each step. Names and shapes follow
// SDK v3 (`send(command, { abortSignal })`, `$metadata.attempts` / `totalRetryDelay`).

import type { AwsCredentialIdentity, Endpoint, EndpointV2, HttpRequest, HttpResponse, MetadataBearer, ResponseMetadata } from "@smithy/types";
import { credentialProvider, type CredentialsConfig } from "./credentials.js";
import { FetchHttpHandler, type FetchHandlerOptions, type RequestHandler } from "./fetch-handler.js";
import { NodeHttpHandler, type NodeHttpHandlerOptions } from "./node-http-handler.js";
import { abortError, platform, sleep, type AbortSignalLike, type FetchFunction } from "./platform.js";
import {
  AdaptiveRetryStrategy,
  errorType,
  retryAfterMs,
  StandardRetryStrategy,
  type RetryMode,
  type RetryToken,
} from "./retry.js";
import type { Signer, SignerFactory, SigningScope } from "./signing.js";

/** What `new URL()` gives, declared here: the runtime compiles without the DOM library. */
interface UrlLike {
  readonly href: string;
  readonly protocol: string;
  readonly hostname: string;
  readonly port: string;
  readonly pathname: string;
  readonly searchParams: Iterable<[string, string]>;
}

export type EndpointInput = string | UrlLike | Endpoint | EndpointV2;
type Provider<T> = () => Promise<T>;

export interface Logger {
  debug(...content: unknown[]): void;
  info(...content: unknown[]): void;
  warn(...content: unknown[]): void;
  error(...content: unknown[]): void;
}

/** What each interceptor hook sees; a hook may replace `request` before signing or transmit. */
export interface InterceptorContext {
  readonly operation: string;
  readonly input: unknown;
  /** 1 for the first attempt. */
  attempt: number;
  request?: HttpRequest | undefined;
  response?: HttpResponse | undefined;
  output?: unknown;
  error?: unknown;
}

type Hook = (context: InterceptorContext) => void | Promise<void>;

/** Hooks around a call; every client config holds one array of these, run in order. */
export interface Interceptor {
  /** Once per call, before the input is serialized. */
  beforeSerialization?: Hook;
  /** Per attempt, with the request before it is signed. */
  beforeSigning?: Hook;
  /** Per attempt, with the signed request before it is sent. */
  beforeTransmit?: Hook;
  /** Per attempt, with the response before it is read (its body is unread: do not consume it). */
  afterResponse?: Hook;
  /** Per attempt that got a response, with `output` or `error` from its deserialization. */
  afterDeserialization?: Hook;
}

export interface ClientConfig {
  region?: string | Provider<string>;
  credentials?: CredentialsConfig;
  /** A fixed endpoint; with the service's endpoint rules, the rules' `Endpoint` parameter. */
  endpoint?: EndpointInput | Provider<EndpointInput>;
  useFipsEndpoint?: boolean;
  useDualstackEndpoint?: boolean;
  maxAttempts?: number;
  retryMode?: RetryMode;
  /** A handler (SDK v3's `handle(request, options)`), or the default fetch handler's options. */
  requestHandler?: RequestHandler | (FetchHandlerOptions & NodeHttpHandlerOptions);
  /** The `fetch` the default handler calls. */
  fetch?: FetchFunction;
  logger?: Logger;
  interceptors?: Interceptor[];
  /** Milliseconds added to the local clock when signing; corrected from the server's `Date`. */
  systemClockOffset?: number;
  /** Appended to the `x-amz-user-agent` header. */
  customUserAgent?: string;
}

/** The config as endpoint rules read it: region resolved, a configured endpoint as its URL string. */
export interface EndpointConfig {
  readonly [key: string]: unknown;
  readonly region?: string | undefined;
  readonly useFipsEndpoint?: boolean | undefined;
  readonly useDualstackEndpoint?: boolean | undefined;
  readonly endpoint?: string | undefined;
}

/** What the generated client knows of its service. */
export interface ServiceDefaults {
  /**
   * SigV4 for an `aws.auth#sigv4` service: its signing name, and the signer's module, imported
   * on the first send (it loads @smithy/signature-v4). Undefined sends requests unsigned.
   */
  readonly sigv4?: { readonly signingName: string; readonly load: () => Promise<SignerFactory> } | undefined;
  /**
   * The endpoint of a call from the service's endpoint rules (the generated endpoints module:
   * the config's and the operation's parameters, then `resolveEndpoint`), when it has them.
   */
  readonly resolveEndpoint?: ((config: EndpointConfig, operation: string, input: unknown) => EndpointV2) | undefined;
  readonly userAgent: string;
}

export interface SendOptions {
  abortSignal?: AbortSignalLike | undefined;
  /** Milliseconds per attempt until the response's headers arrive; overrides the handler's. */
  requestTimeout?: number | undefined;
}

/** The serializer and deserializer of one operation, as a generated package exports them. */
export interface Operation<I, O> {
  readonly name: string;
  readonly serialize: (input: I, endpoint: string | UrlLike | Endpoint) => HttpRequest;
  readonly deserialize: (response: HttpResponse) => Promise<O & MetadataBearer>;
  /**
   * How a signing client signs it (the model's `@auth` / `@optionalAuth`): always (absent),
   * "optional" (unsigned when no credentials can be found) or "none" (`@auth([])`).
   */
  readonly auth?: "optional" | "none";
  /** `aws.auth#unsignedPayload`: the body is signed as UNSIGNED-PAYLOAD, not hashed. */
  readonly unsignedPayload?: boolean;
}

/** A command: an operation and its input. A generated `<Op>Command` passes its operation. */
export abstract class Command<I, O> {
  constructor(
    readonly input: I,
    readonly operation: Operation<I, O>
  ) {}
}

/** SDK v3's clock-skew error codes: a refusal that may be the local clock's fault. */
const CLOCK_SKEW_CODES = new Set([
  "AuthFailure", "InvalidSignatureException", "RequestExpired", "RequestInTheFuture", "RequestTimeTooSkewed",
  "SignatureDoesNotMatch",
]);
/** SDK v3 corrects its clock when the server's differs by this much. */
const CLOCK_SKEW_THRESHOLD_MS = 240_000;

interface Failure {
  $metadata?: Partial<ResponseMetadata> & { clockSkewCorrected?: boolean };
  $response?: HttpResponse;
}

export class Client {
  /** The offset signing adds to the local clock; updated from servers' `Date` headers. */
  systemClockOffset: number;
  // ES private fields: a generated subclass's operation methods can never collide with them.
  readonly #handler: RequestHandler;
  readonly #retry: StandardRetryStrategy;
  readonly #credentials: () => Promise<AwsCredentialIdentity>;
  #signer: Promise<Signer> | undefined;
  readonly #interceptors: readonly Interceptor[];
  readonly #userAgent: string;
  readonly #service: ServiceDefaults;

  constructor(
    readonly config: ClientConfig,
    service: ServiceDefaults
  ) {
    this.#service = service;
    const handler = config.requestHandler;
    this.#handler = handler !== undefined && "handle" in handler ? handler : defaultHandler(config.fetch, handler);
    const maxAttempts = config.maxAttempts ?? 3;
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
      throw new Error(`maxAttempts must be an integer of at least 1 (got ${String(config.maxAttempts)})`);
    }
    this.#retry = config.retryMode === "adaptive" ? new AdaptiveRetryStrategy(maxAttempts) : new StandardRetryStrategy(maxAttempts);
    this.#credentials = credentialProvider(config.credentials);
    this.#interceptors = config.interceptors ?? [];
    this.systemClockOffset = config.systemClockOffset ?? 0;
    this.#userAgent = config.customUserAgent ? `${service.userAgent} ${config.customUserAgent}` : service.userAgent;
  }

  /** Sends a command: resolves with its output and `$metadata`, or rejects with its error. */
  async send<I, O>(command: Command<I, O>, options: SendOptions = {}): Promise<O & MetadataBearer> {
    const { operation, input } = command;
    const signal = options.abortSignal;
    const context: InterceptorContext = { operation: operation.name, input, attempt: 0 };
    await this.#run("beforeSerialization", context);
    const signs = this.#service.sigv4 !== undefined && operation.auth !== "none";
    const [endpoint, scope, loaded] = await Promise.all([this.#endpoint(operation.name, input), signs && this.#scope(), signs && this.#loadSigner()]);
    // An @optionalAuth operation without credentials is sent anonymously, as the model allows.
    const signer = loaded && (operation.auth !== "optional" || (await this.#credentials().then(() => true, () => false))) ? loaded : undefined;
    const base = operation.serialize(input, endpoint.target);
    base.headers["host"] = base.port ? `${base.hostname}:${base.port}` : base.hostname;
    base.headers["x-amz-user-agent"] = this.#userAgent;
    base.headers["amz-sdk-invocation-id"] = platform.crypto.randomUUID();
    // The signer takes a payload hash given in this header as it is.
    if (operation.unsignedPayload && signer) base.headers["x-amz-content-sha256"] = "UNSIGNED-PAYLOAD";
    for (const name in endpoint.headers) base.headers[name] = endpoint.headers[name]!.join(",");
    // A streamed body can be read once: such a call gets one attempt, as in SDK v3.
    const body = base.body;
    const replayable = body == null || typeof body === "string" || body instanceof Uint8Array;
    const maxAttempts = replayable ? this.#retry.maxAttempts : 1;
    const token: RetryToken = { retries: 0, cost: undefined };
    let totalRetryDelay = 0;
    for (;;) {
      context.attempt = token.retries + 1;
      context.response = undefined;
      let response: HttpResponse | undefined;
      try {
        if (signal?.aborted) throw abortError(signal);
        const request: HttpRequest = { ...base, headers: { ...base.headers, "amz-sdk-request": `attempt=${context.attempt}; max=${maxAttempts}` } };
        context.request = request;
        await this.#run("beforeSigning", context);
        if (signer && scope) {
          const signingScope = endpoint.scope ? { name: endpoint.scope.name ?? scope.name, region: endpoint.scope.region ?? scope.region } : scope;
          context.request = await signer(context.request, signingScope, new Date(Date.now() + this.systemClockOffset));
        }
        await this.#run("beforeTransmit", context);
        await this.#retry.beforeAttempt();
        ({ response } = await this.#handler.handle(context.request, {
          abortSignal: signal,
          requestTimeout: options.requestTimeout,
        }));
        context.response = response;
        await this.#run("afterResponse", context);
        const output = await operation.deserialize(response);
        this.#sampleClock(response);
        this.#retry.afterAttempt(undefined);
        this.#retry.recordSuccess(token);
        context.output = output;
        await this.#run("afterDeserialization", context);
        output.$metadata.attempts = context.attempt;
        output.$metadata.totalRetryDelay = totalRetryDelay;
        return output;
      } catch (caught) {
        // Aborted mid-way (a body cut off reads as a deserialization failure): the abort is the error.
        const error = signal?.aborted ? abortError(signal) : caught;
        const failure = (typeof error === "object" && error !== null ? error : {}) as Failure;
        response ??= failure.$response;
        if (response && this.#sampleClock(response) && CLOCK_SKEW_CODES.has(String((error as Error).name))) {
          failure.$metadata ??= {};
          failure.$metadata.clockSkewCorrected = true;
        }
        const type = errorType(error);
        if (response !== undefined) {
          this.#retry.afterAttempt(type);
          context.error = error;
          await this.#run("afterDeserialization", context);
          context.error = undefined;
        } else if (type === "THROTTLING" || type === "TRANSIENT") {
          this.#retry.afterAttempt(type);
        }
        const delay = token.retries + 1 < maxAttempts && !signal?.aborted
          ? this.#retry.retryDelay(token, type, retryAfterMs(header(response, "retry-after"), Date.now()))
          : undefined;
        if (delay === undefined) {
          if (typeof error === "object" && error !== null) {
            failure.$metadata ??= {};
            failure.$metadata.attempts = context.attempt;
            failure.$metadata.totalRetryDelay = totalRetryDelay;
          }
          throw error;
        }
        this.config.logger?.debug(`${operation.name}: attempt ${context.attempt} failed (${type}); retrying in ${delay} ms`);
        totalRetryDelay += delay;
        await sleep(delay, signal);
      }
    }
  }

  /** Releases the handler's resources (SDK v3's `destroy`). */
  destroy(): void {
    (this.#handler as { destroy?: () => void }).destroy?.();
  }

  async #run(hook: keyof Interceptor, context: InterceptorContext): Promise<void> {
    for (const interceptor of this.#interceptors) await interceptor[hook]?.(context);
  }

  async #region(): Promise<string | undefined> {
    const region = this.config.region;
    return typeof region === "function" ? region() : region ?? platform.process?.env["AWS_REGION"];
  }

  async #scope(): Promise<SigningScope> {
    const region = await this.#region();
    if (!region) throw new Error("Region is missing: set `region` in the client config or AWS_REGION");
    return { name: this.#service.sigv4!.signingName, region };
  }

  /** The signer, its module imported once, on the first send (a failed import is tried again). */
  #loadSigner(): Promise<Signer> | undefined {
    const sigv4 = this.#service.sigv4;
    if (sigv4 === undefined) return undefined;
    this.#signer ??= sigv4.load().then(
      (create) => create(this.#credentials),
      (error: unknown) => {
        this.#signer = undefined;
        throw error;
      }
    );
    return this.#signer;
  }

  /** The endpoint of a call: the rules' result when the service has them, else the configured one. */
  async #endpoint(operation: string, input: unknown): Promise<{
    target: string | UrlLike | Endpoint;
    headers?: Record<string, string[]> | undefined;
    scope?: { name?: string; region?: string } | undefined;
  }> {
    const configured = typeof this.config.endpoint === "function" ? await this.config.endpoint() : this.config.endpoint;
    const resolve = this.#service.resolveEndpoint;
    if (resolve === undefined) {
      if (configured === undefined) throw new Error("No endpoint: set `endpoint` in the client config");
      return { target: typeof configured !== "string" && "url" in configured ? configured.url : configured };
    }
    const { endpoint: _configured, region: _region, ...rest } = this.config;
    const resolved = resolve(
      { ...rest, region: await this.#region(), endpoint: configured === undefined ? undefined : endpointString(configured) },
      operation,
      input
    );
    const auth = (resolved.properties?.["authSchemes"] as { name?: string; signingName?: string; signingRegion?: string }[] | undefined)
      ?.find((s) => s.name === "sigv4");
    return {
      target: resolved.url,
      headers: resolved.headers,
      scope: auth && {
        ...(auth.signingName ? { name: auth.signingName } : {}),
        ...(auth.signingRegion ? { region: auth.signingRegion } : {}),
      },
    };
  }

  /** Corrects the clock from a response's `Date` when it is off by the threshold; true when it did. */
  #sampleClock(response: HttpResponse): boolean {
    const date = header(response, "date");
    const server = date === undefined ? NaN : Date.parse(date);
    if (Number.isNaN(server)) return false;
    const now = Date.now();
    if (Math.abs(now + this.systemClockOffset - server) < CLOCK_SKEW_THRESHOLD_MS) return false;
    this.systemClockOffset = server - now;
    return true;
  }
}

function header(response: HttpResponse | undefined, name: string): string | undefined {
  if (response === undefined) return undefined;
  for (const key in response.headers) if (key.toLowerCase() === name) return response.headers[key];
  return undefined;
}

function endpointString(endpoint: EndpointInput): string {
  if (typeof endpoint === "string") return endpoint;
  if ("url" in endpoint) return endpoint.url.href;
  if ("href" in endpoint) return endpoint.href;
  const port = endpoint.port ? `:${endpoint.port}` : "";
  return `${endpoint.protocol}//${endpoint.hostname}${port}${endpoint.path ?? ""}`;
}

/**
 * The transport when the config names none: in Node (which hands over node:http without an
 * import) the keep-alive NodeHttpHandler, about 2.4× Node 20's fetch per request over loopback
 * (`npm run bench -- client`); elsewhere, or when a `fetch` is given, fetch.
 */
function defaultHandler(fetch: FetchFunction | undefined, options: FetchHandlerOptions & NodeHttpHandlerOptions = {}): RequestHandler {
  if (fetch === undefined && options.fetch === undefined && platform.process?.getBuiltinModule !== undefined) return new NodeHttpHandler(options);
  return new FetchHttpHandler({ ...options, ...(fetch ? { fetch } : {}) });
}
