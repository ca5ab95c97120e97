import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { UpstreamRateLimitError, UpstreamUnavailableError } from '../../upstream/errors.js';
import type { Logger } from '../logger.js';
import { replaceExecutionErrors } from './replace-execution-errors.js';

export interface UpstreamUnavailableOptions {
  /** Where each such failure is logged (at warn), with the upstream operation. */
  readonly logger: Logger;
}

/** `extensions.code` of a request the store did not apply and that the client may send again. */
export const UPSTREAM_UNAVAILABLE = 'UPSTREAM_UNAVAILABLE';

function clientMessage(error: UpstreamUnavailableError | UpstreamRateLimitError): string {
  if (error instanceof UpstreamRateLimitError)
    return 'The store is rate limiting this gateway; nothing was applied. Send the request again later.';
  if (error.message.includes('circuit open'))
    return "The store's API is failing, so the gateway is not sending it requests for now; nothing was applied. Send the request again later.";
  return 'The store is unavailable; nothing was applied. Send the request again later.';
}

/**
 * Turns upstream failures that applied nothing (a refused connection, a 503, an open circuit breaker, rate limits
 * that outlasted the waits) into a clear error the client may act on, instead of "Unexpected error.":
 * `extensions: { code: 'UPSTREAM_UNAVAILABLE', retryable: true, retryAfterMs, http: { status: 503 } }`. Runs
 * before error logging and masking; the upstream detail goes to the log only.
 */
export function useUpstreamUnavailable({ logger }: UpstreamUnavailableOptions): Plugin {
  return {
    onExecute: replaceExecutionErrors((original, error, location) => {
      if (!(original instanceof UpstreamUnavailableError || original instanceof UpstreamRateLimitError))
        return undefined;
      const retryAfterMs =
        original instanceof UpstreamRateLimitError ? original.waitMs : original.retryAfterMs;
      logger.warn('upstream unavailable', {
        path: error.path?.join('.'),
        upstream: original.operation,
        detail: original.message,
      });
      return new GraphQLError(clientMessage(original), {
        ...location,
        extensions: { code: UPSTREAM_UNAVAILABLE, retryable: true, retryAfterMs, http: { status: 503 } },
      });
    }),
  };
}
