// The error a server raises for a request the protocol rejects before its operation runs: the
// response it makes (status and `x-amzn-errortype`) travels with it.

/**
 * A request the protocol rejects before its operation runs. `statusCode` and `errorType` (the
 * `x-amzn-errortype` header) make its response; `message` says why, for logs only.
 */
export class RequestError extends Error {
  override readonly name: string = "RequestError";
  readonly statusCode: number;
  readonly errorType: string;

  constructor(statusCode: number, errorType: string, message: string) {
    super(message);
    // Keeps instanceof working when the class is transpiled to ES5-style constructors.
    Object.setPrototypeOf(this, new.target.prototype);
    this.statusCode = statusCode;
    this.errorType = errorType;
  }
}

/** 400 SerializationException: the request does not fit the model. */
export const malformed = (why: string): RequestError => new RequestError(400, "SerializationException", why);

/** 404 UnknownOperationException: the request names no operation of the service. */
export const unknownOperation = (why: string): RequestError => new RequestError(404, "UnknownOperationException", why);

/** Any failure while reading a request (a check, or a TypeError on a hostile value) as a request error. */
export function asRequestError(e: unknown): RequestError {
  return e instanceof RequestError ? e : malformed(e instanceof Error ? e.message : "the request could not be read");
}

/** A percent-decoded text, or undefined when it is not valid percent-encoding. */
export function percentDecode(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}
