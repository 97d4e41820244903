/**
 * A response body that cannot be read: malformed or hostile XML, invalid UTF-8, a value of the
 * wrong form. `offset` is the position in the document (UTF-16 code units) where reading stopped.
 */
export class DeserializationError extends Error {
  override readonly name = "DeserializationError";
  readonly offset: number | undefined;

  constructor(message: string, offset?: number) {
    super(offset === undefined ? message : `${message} (at offset ${offset})`);
    this.offset = offset;
  }
}
