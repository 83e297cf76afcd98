/** A request problem with the HTTP status that answers it (bad path, body too large, bad JSON). */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
