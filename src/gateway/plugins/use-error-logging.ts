import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import {
  UpstreamError,
  UpstreamHttpError,
  UpstreamNetworkError,
  UpstreamTimeoutError,
} from '../../upstream/errors.js';
import type { Logger } from '../logger.js';

export interface ErrorLoggingOptions {
  /** Where unexpected errors are logged with their detail (clients only see "Unexpected error."). */
  readonly logger: Logger;
  /** The store's host (e.g. `api.bigcommerce.com`), named in upstream failures. @default none */
  readonly storeHost?: string;
}

/** What an operator should check for an upstream failure, when the failure says. */
export function upstreamHint(error: UpstreamError): string | undefined {
  if (error instanceof UpstreamHttpError) {
    if (error.status === 401) return 'the store refused the access token: check BIGCOMMERCE_ACCESS_TOKEN';
    if (error.status === 403) return 'the API account lacks the OAuth scope this call needs';
    if (error.status === 404)
      return 'if every call answers 404, the store does not exist: check BIGCOMMERCE_STORE_HASH and BIGCOMMERCE_API_URL';
    return undefined;
  }
  if (error instanceof UpstreamNetworkError)
    return 'the store could not be reached: check BIGCOMMERCE_API_URL and the network';
  if (error instanceof UpstreamTimeoutError) return 'the store did not answer in time (UPSTREAM_TIMEOUT_MS)';
  return undefined;
}

/**
 * Logs every error that yoga masks (upstream failures, bugs) with what an operator needs: the upstream host,
 * operation and status, a hint when the failure points at the configuration, the GraphQL path. Runs before
 * masking, so it sees the original error.
 */
export function useErrorLogging({ logger, storeHost }: ErrorLoggingOptions): Plugin {
  return {
    onExecute() {
      return {
        onExecuteDone({ result }) {
          if (!('errors' in result) || result.errors === undefined) return;
          const errors: readonly unknown[] = result.errors;
          for (const error of errors) {
            if (!(error instanceof GraphQLError)) continue;
            const original = error.originalError;
            if (original === undefined || original instanceof GraphQLError) continue;
            const hint = original instanceof UpstreamError ? upstreamHint(original) : undefined;
            logger.error('unexpected error', {
              path: error.path?.join('.'),
              error: original.name,
              detail: original.message,
              ...(original instanceof UpstreamError
                ? { upstream: original.operation, ...(storeHost === undefined ? {} : { host: storeHost }) }
                : {}),
              ...(original instanceof UpstreamHttpError ? { status: original.status } : {}),
              ...(hint === undefined ? {} : { hint }),
            });
          }
        },
      };
    },
  };
}
