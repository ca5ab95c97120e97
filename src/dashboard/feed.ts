import type { Client } from 'graphql-ws';
import { isCountersValue, type CountersValue } from './model.js';

/**
 * Follows the `backorderCounters` subscription over graphql-ws and keeps following it: after a lost connection it
 * subscribes again with `after` set to the last event id it saw, so the gateway sends what was missed, in order,
 * each event once. When the gateway no longer holds that event (`EVENT_EXPIRED`), or no event was seen yet, it
 * subscribes without `after` and starts again from the current counters.
 */

export type FeedState =
  | { readonly kind: 'connecting' }
  | { readonly kind: 'live' }
  | { readonly kind: 'reconnecting'; readonly attempt: number; readonly reason: string }
  | { readonly kind: 'unauthorized'; readonly reason: string }
  | { readonly kind: 'stopped' };

export interface Failure {
  /** `unauthorized`: stop until new credentials; `expired`: start again without `after`; `retry`: back off. */
  readonly kind: 'unauthorized' | 'expired' | 'retry';
  readonly reason: string;
}

export interface CountersFeedOptions {
  /** A graphql-ws client; its `connectionParams` carry the credentials. */
  readonly client: Client;
  /** The `BackorderCounters` document of operations/ (its text, so that persisted-document checks accept it). */
  readonly query: string;
  /**
   * Every counters value. `fresh` is true for the first value of a subscription started without `after`: it and
   * the values after it are the current counters, and whatever the caller held before is stale.
   */
  readonly onValue: (value: CountersValue, fresh: boolean) => void;
  readonly onState: (state: FeedState) => void;
  /** Resolves when it is time to subscribe again after the `attempt`-th failure in a row. @default backoff() */
  readonly waitBeforeRetry?: (attempt: number) => Promise<void>;
}

export interface CountersFeed {
  /** The id of the last event received, sent as `after` on the next subscription; null before the first. */
  lastEventId(): string | null;
  stop(): void;
}

/** graphql-ws's close codes for refused credentials: 4401 (Unauthorized) and 4403 (Forbidden). */
const AUTH_CLOSE_CODES = new Set([4401, 4403]);
const AUTH_ERROR_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function errorCode(error: unknown): string | null {
  if (!isRecord(error) || !isRecord(error['extensions'])) return null;
  const code = error['extensions']['code'];
  return typeof code === 'string' ? code : null;
}

/** What a subscription failure (a close event, GraphQL errors or an Error) means for the feed. */
export function classifyFailure(error: unknown): Failure {
  if (Array.isArray(error)) {
    const codes = error.map(errorCode);
    const reason = error
      .map((entry) => (isRecord(entry) && typeof entry['message'] === 'string' ? entry['message'] : ''))
      .filter((message) => message !== '')
      .join('; ');
    if (codes.some((code) => code !== null && AUTH_ERROR_CODES.has(code)))
      return { kind: 'unauthorized', reason: reason || 'The gateway refused the credentials' };
    if (codes.includes('EVENT_EXPIRED')) return { kind: 'expired', reason };
    return { kind: 'retry', reason: reason || 'The subscription failed' };
  }
  if (isRecord(error) && typeof error['code'] === 'number' && !(error instanceof Error)) {
    const reason = typeof error['reason'] === 'string' ? error['reason'] : '';
    if (AUTH_CLOSE_CODES.has(error['code']))
      return { kind: 'unauthorized', reason: reason || 'The gateway refused the credentials' };
    return { kind: 'retry', reason: reason || `Connection closed (${error['code']})` };
  }
  if (error instanceof Error) return { kind: 'retry', reason: error.message };
  return { kind: 'retry', reason: 'Connection lost' };
}

/** Jittered exponential backoff: about 0.5 s, 1 s, 2 s ... capped at 15 s. */
export function backoff(attempt: number): Promise<void> {
  const base = Math.min(15_000, 500 * 2 ** Math.max(0, attempt - 1));
  return new Promise((resolve) => setTimeout(resolve, base / 2 + Math.random() * (base / 2)));
}

export function followCounters(options: CountersFeedOptions): CountersFeed {
  const { client, query, onValue, onState } = options;
  const waitBeforeRetry = options.waitBeforeRetry ?? backoff;
  let after: string | null = null;
  let attempt = 0;
  let stopped = false;
  let unsubscribe: (() => void) | null = null;

  const offConnected = client.on('connected', () => {
    if (!stopped) onState({ kind: 'live' });
  });

  const retry = (failure: Failure): void => {
    unsubscribe = null;
    if (stopped) return;
    if (failure.kind === 'unauthorized') {
      onState({ kind: 'unauthorized', reason: failure.reason });
      return;
    }
    if (failure.kind === 'expired') {
      after = null;
      subscribe();
      return;
    }
    attempt += 1;
    onState({ kind: 'reconnecting', attempt, reason: failure.reason });
    void waitBeforeRetry(attempt).then(() => {
      if (stopped) return;
      onState({ kind: 'connecting' });
      subscribe();
    });
  };

  function subscribe(): void {
    let fresh = after === null;
    let ended = false;
    let dispose: () => void = () => undefined;
    const end = (failure: Failure): void => {
      if (ended) return;
      ended = true;
      // A payload with errors leaves the subscription open on the gateway: close it before subscribing again.
      dispose();
      retry(failure);
    };
    dispose = client.subscribe(
      { query, variables: after === null ? {} : { after }, operationName: 'BackorderCounters' },
      {
        next: (result) => {
          const value = result.data?.['backorderCounters'];
          if (!isCountersValue(value)) {
            if (result.errors !== undefined) end(classifyFailure(result.errors));
            return;
          }
          attempt = 0;
          if (value.eventId !== '') after = value.eventId;
          onValue(value, fresh);
          fresh = false;
        },
        error: (error) => end(classifyFailure(error)),
        complete: () => end({ kind: 'retry', reason: 'The gateway ended the subscription' }),
      },
    );
    unsubscribe = dispose;
  }

  onState({ kind: 'connecting' });
  subscribe();
  return {
    lastEventId: () => after,
    stop() {
      stopped = true;
      offConnected();
      unsubscribe?.();
      unsubscribe = null;
      onState({ kind: 'stopped' });
    },
  };
}
