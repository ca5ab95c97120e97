/**
 * A circuit breaker for one upstream API. Closed: calls go through and consecutive failed attempts are counted.
 * After `failureThreshold` of them in a row it opens: calls fail at once, without being sent, for `openMs`. Then it
 * is half-open: one call goes through as a probe (others still fail at once); its success closes the breaker, its
 * failure opens it again. Only answers that say the store is unwell count as failures (5xx, timeouts, connection
 * errors); 4xx answers, 429 included, are the store working as designed.
 */

export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  /** Consecutive failed attempts that open the breaker. @default 5 */
  readonly failureThreshold?: number;
  /** How long an open breaker refuses calls before letting one probe through, in milliseconds. @default 5000 */
  readonly openMs?: number;
}

export interface CircuitSnapshot {
  /** The upstream API: `rest-v3`, `rest-v2` or `admin-graphql`. */
  readonly api: string;
  readonly state: CircuitState;
  /** Failed attempts in a row (reset by any success). */
  readonly consecutiveFailures: number;
  /** Times the breaker opened since the process started. */
  readonly opened: number;
  /** Calls refused without being sent since the process started. */
  readonly rejected: number;
  /** While open: milliseconds until a probe may go through; otherwise 0. */
  readonly retryInMs: number;
}

export interface CircuitBreaker {
  /**
   * Whether a call may be sent now. In the half-open state only the first caller gets `probe: true`; the caller
   * must report the outcome with `success` or `failure`.
   */
  admit():
    | { readonly allowed: true; readonly probe: boolean }
    | { readonly allowed: false; readonly retryInMs: number };
  success(): void;
  failure(): void;
  /** The admitted call ended without telling anything about the store (it was cancelled): free the probe slot. */
  release(): void;
  snapshot(): CircuitSnapshot;
}

export function createCircuitBreaker(api: string, options: CircuitBreakerOptions = {}): CircuitBreaker {
  const threshold = options.failureThreshold ?? 5;
  const openMs = options.openMs ?? 5000;
  let state: CircuitState = 'closed';
  let failures = 0;
  let openedAt = 0;
  let opened = 0;
  let rejected = 0;
  let probing = false;

  const open = () => {
    state = 'open';
    openedAt = Date.now();
    opened += 1;
    probing = false;
  };

  return {
    admit() {
      if (state === 'open' && Date.now() - openedAt >= openMs) state = 'half-open';
      if (state === 'closed') return { allowed: true, probe: false };
      if (state === 'half-open' && !probing) {
        probing = true;
        return { allowed: true, probe: true };
      }
      rejected += 1;
      return { allowed: false, retryInMs: Math.max(0, openedAt + openMs - Date.now()) };
    },
    success() {
      failures = 0;
      state = 'closed';
      probing = false;
    },
    failure() {
      failures += 1;
      if (state === 'half-open' || (state === 'closed' && failures >= threshold)) open();
    },
    release() {
      probing = false;
    },
    snapshot() {
      if (state === 'open' && Date.now() - openedAt >= openMs) state = 'half-open';
      return {
        api,
        state,
        consecutiveFailures: failures,
        opened,
        rejected,
        retryInMs: state === 'open' ? Math.max(0, openedAt + openMs - Date.now()) : 0,
      };
    },
  };
}

/** Which upstream API a store path belongs to: each has its own breaker. */
export function apiOf(path: string): string {
  if (path.startsWith('/graphql')) return 'admin-graphql';
  if (path.startsWith('/v2/')) return 'rest-v2';
  return 'rest-v3';
}
