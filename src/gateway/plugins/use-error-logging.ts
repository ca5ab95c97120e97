import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { UpstreamError, UpstreamHttpError } from '../../upstream/errors.js';
import type { Logger } from '../logger.js';

export interface ErrorLoggingOptions {
  /** Where unexpected errors are logged with their detail (clients only see "Unexpected error."). */
  readonly logger: Logger;
}

/**
 * Logs every error that yoga masks (upstream failures, bugs) with what an operator needs: the upstream operation
 * and status, the GraphQL path. Runs before masking, so it sees the original error.
 */
export function useErrorLogging({ logger }: ErrorLoggingOptions): Plugin {
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
            logger.error('unexpected error', {
              path: error.path?.join('.'),
              error: original.name,
              detail: original.message,
              ...(original instanceof UpstreamError ? { upstream: original.operation } : {}),
              ...(original instanceof UpstreamHttpError ? { status: original.status } : {}),
            });
          }
        },
      };
    },
  };
}
