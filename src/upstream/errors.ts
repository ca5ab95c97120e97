/** Base of every failure talking to BigCommerce. Messages never contain the access token. */
export class UpstreamError extends Error {
  constructor(
    message: string,
    /** e.g. `GET /v3/inventory/items` */
    readonly operation: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** BigCommerce answered with a status the caller did not expect. */
export class UpstreamHttpError extends UpstreamError {
  constructor(
    operation: string,
    readonly status: number,
    /** The parsed JSON body, or the raw text when it was not JSON. */
    readonly body: unknown,
  ) {
    super(`${operation} answered ${status}`, operation);
  }
}

/** No answer within the time limit. For a write, whether it was applied is unknown. */
export class UpstreamTimeoutError extends UpstreamError {
  constructor(
    operation: string,
    readonly timeoutMs: number,
  ) {
    super(`${operation} timed out after ${timeoutMs} ms`, operation);
  }
}

/** The connection failed or was dropped. For a write, whether it was applied is unknown. */
export class UpstreamNetworkError extends UpstreamError {}

/** Still rate limited after the allowed waits; `waitMs` is what the store last asked for. */
export class UpstreamRateLimitError extends UpstreamError {
  constructor(
    operation: string,
    readonly waitMs: number,
  ) {
    super(`${operation} is rate limited; the store asked to wait ${waitMs} ms`, operation);
  }
}

/**
 * The call was not applied and may be sent again: the store refused the connection (nothing was sent), answered
 * 503, or its API's circuit breaker is open after repeated failures (nothing was sent).
 */
export class UpstreamUnavailableError extends UpstreamError {
  constructor(
    message: string,
    operation: string,
    /** When sending again makes sense, in milliseconds from now; null when unknown. */
    readonly retryAfterMs: number | null,
    options?: ErrorOptions,
  ) {
    super(message, operation, options);
  }
}

/** The caller cancelled the request (its client went away). */
export class UpstreamAbortedError extends UpstreamError {}

/** The answer did not have the documented shape. */
export class UpstreamProtocolError extends UpstreamError {}

/** Admin GraphQL answered with top-level errors. */
export class UpstreamGraphqlError extends UpstreamError {
  constructor(
    operation: string,
    readonly messages: readonly string[],
  ) {
    super(`${operation} failed: ${messages.join('; ')}`, operation);
  }
}

export function isUpstreamHttpError(error: unknown, status?: number): error is UpstreamHttpError {
  return error instanceof UpstreamHttpError && (status === undefined || error.status === status);
}

/** Whether a write may or may not have been applied: the answer was lost. */
export function isUnknownOutcome(error: unknown): error is UpstreamTimeoutError | UpstreamNetworkError {
  return error instanceof UpstreamTimeoutError || error instanceof UpstreamNetworkError;
}

/**
 * A document needs fields the store's Admin GraphQL schema no longer has (`coordinates`, e.g. `Product.name`): it
 * was not sent, or the store refused it in validation. Nothing was applied.
 */
export class RemoteFieldUnavailableError extends UpstreamError {
  constructor(
    operation: string,
    readonly coordinates: readonly string[],
  ) {
    super(
      `${operation} needs ${coordinates.join(', ')}, which the store's Admin GraphQL schema no longer has`,
      operation,
    );
  }
}

/** The `message` of each entry of a GraphQL answer's `errors` ('unknown error' where there is none). */
export function graphqlErrorMessages(errors: readonly unknown[]): string[] {
  return errors.map((error) =>
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { message?: unknown }).message === 'string'
      ? (error as { message: string }).message
      : 'unknown error',
  );
}
