import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Viewer } from '../auth/viewer.js';
import type { Logger } from '../logger.js';
import type { RateLimiter } from '../rate-limiter.js';
import type { Authentication } from './use-authentication.js';

export interface ClientRateLimitOptions {
  readonly limiter: RateLimiter;
  readonly authentication: Authentication;
  readonly logger: Logger;
}

/** Per-client request limits, over HTTP, SSE and graphql-ws alike. */
export interface ClientRateLimit {
  /** Counts one request of this client; the error to answer with when it is over its limit, else null. */
  check(viewer: Viewer, address: string | undefined): Promise<GraphQLError | null>;
}

/**
 * Who a request is from, for rate limits and turns at the store's budget: the token's subject or the API key's
 * name, else (authentication off) the remote address.
 */
export function clientOf(viewer: Viewer, address: string | undefined): string {
  if (viewer.kind !== 'anonymous' && viewer.subject !== null) return `${viewer.kind}:${viewer.subject}`;
  return `address:${address ?? 'unknown'}`;
}

export function createClientRateLimit({ limiter, logger }: ClientRateLimitOptions): ClientRateLimit {
  return {
    async check(viewer, address) {
      let decision;
      try {
        decision = await limiter.hit(clientOf(viewer, address));
      } catch (error) {
        // A broken limiter store must not take the gateway down with it.
        logger.warn('rate limit unavailable; request allowed', {
          error: error instanceof Error ? error.message : String(error),
        });
        return null;
      }
      if (decision.allowed) return null;
      const retryAfterS = Math.max(1, Math.ceil(decision.resetInMs / 1000));
      return new GraphQLError(`Rate limit exceeded: try again in ${retryAfterS} s`, {
        extensions: {
          code: 'RATE_LIMITED',
          retryAfterS,
          http: { status: 429, headers: { 'Retry-After': String(retryAfterS) } },
        },
      });
    },
  };
}

/**
 * Counts every GraphQL request over HTTP and SSE against its client's limit, once authenticated and before its
 * document is read; over the limit it answers 429 `RATE_LIMITED` with `Retry-After`. graphql-ws subscribe messages
 * are counted by `ClientRateLimit.check` in the socket's `onSubscribe`.
 */
export function useClientRateLimit(
  rateLimit: ClientRateLimit | null,
  authentication: Authentication,
): Plugin {
  if (rateLimit === null) return {};
  return {
    async onParams({ request, context }) {
      const viewer = authentication.viewerOf({ request });
      const address = (context as { req?: { socket?: { remoteAddress?: string } } }).req?.socket
        ?.remoteAddress;
      const refusal = await rateLimit.check(viewer, address);
      if (refusal !== null) throw refusal;
    },
  };
}
