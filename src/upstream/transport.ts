import { Agent, type Dispatcher } from 'undici';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  UpstreamAbortedError,
  UpstreamHttpError,
  UpstreamNetworkError,
  UpstreamProtocolError,
  UpstreamRateLimitError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
} from './errors.js';
import {
  apiOf,
  createCircuitBreaker,
  type CircuitBreaker,
  type CircuitBreakerOptions,
  type CircuitSnapshot,
} from './circuit-breaker.js';
import { createFairBudget } from './fair-budget.js';

export interface TransportOptions {
  /** Store API base, e.g. `https://api.bigcommerce.com/stores/abc123`; paths are appended. */
  readonly baseUrl: string;
  /** Sent as `X-Auth-Token`; never logged or included in errors. */
  readonly accessToken: string;
  /** Time limit of one attempt, in milliseconds. @default 10000 */
  readonly timeoutMs?: number;
  /** Extra attempts for idempotent calls after a 5xx, a timeout or a dropped connection. @default 3 */
  readonly retries?: number;
  /** Base of the jittered exponential backoff between retries, in milliseconds. @default 100 */
  readonly retryBaseMs?: number;
  /** Extra attempts after 429 answers, for any call (a 429 means the store did not process it). @default 5 */
  readonly rateLimitRetries?: number;
  /** Longest single wait for the rate-limit window to reset, in milliseconds. @default 60000 */
  readonly maxRateLimitWaitMs?: number;
  /** Most connections kept open to the store at once. @default 32 */
  readonly maxConnections?: number;
  /** Called for each attempt, e.g. for logs and metrics; gets no secrets. */
  readonly onAttempt?: (event: AttemptEvent) => void;
  /** Called before each wait (for the rate budget, after a 429, before a retry), e.g. for metrics. */
  readonly onWait?: (event: WaitEvent) => void;
  /** Extra request headers, read per attempt in the caller's async context (e.g. `x-correlation-id`). */
  readonly headers?: () => Readonly<Record<string, string>> | undefined;
  /** Where the store's request budget is kept. @default this process's own (`createLocalBudget`) */
  readonly budget?: UpstreamBudget;
  /**
   * One circuit breaker per upstream API (REST V3, REST V2, Admin GraphQL): after repeated failures calls fail at
   * once with `UpstreamUnavailableError` instead of waiting out timeouts; `false` turns them off.
   * @default { failureThreshold: 5, openMs: 5000 }
   */
  readonly circuitBreaker?: CircuitBreakerOptions | false;
}

export interface WaitEvent {
  readonly reason: 'rate-budget' | 'rate-limited' | 'retry';
  readonly ms: number;
}

export interface AttemptEvent {
  readonly operation: string;
  readonly attempt: number;
  /** HTTP status, or the error class name when no answer came. */
  readonly outcome: number | string;
  readonly ms: number;
  /** `X-Rate-Limit-Requests-Left` of the answer, when it had one. */
  readonly rateLimitLeft?: number;
}

export interface UpstreamCall {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path below the store base, e.g. `/v3/inventory/items`. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  /**
   * Whether sending the call twice is harmless (reads, absolute adjustments, settings, GraphQL queries). Only
   * these are retried after a 5xx, a timeout or a dropped connection.
   */
  readonly idempotent: boolean;
  /** Cancels the call, e.g. when the GraphQL client disconnects. */
  readonly signal?: AbortSignal;
  /**
   * Who the call is made for (a token subject, an API key name, a remote address): when the store's budget is
   * scarce, waiting calls are served in turn per client. @default '' (the gateway's own work)
   */
  readonly client?: string;
}

export interface UpstreamResponse {
  readonly status: number;
  readonly headers: HeaderReader;
  /** Parsed JSON; `undefined` for an empty body. */
  readonly body: unknown;
}

export interface Transport {
  request(call: UpstreamCall): Promise<UpstreamResponse>;
  /** Closes the kept-alive connections. */
  close(): Promise<void>;
  /** The state of each upstream API's circuit breaker, for readiness and metrics (absent when there are none). */
  circuits?(): CircuitSnapshot[];
}

/** Case-insensitive access to response headers (Node gives them lower-cased). */
export interface HeaderReader {
  get(name: string): string | null;
  has(name: string): boolean;
}

/** A response as read off the wire. */
interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
}

function headerReader(raw: Record<string, string | string[] | undefined>): HeaderReader {
  const get = (name: string): string | null => {
    const value = raw[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  };
  return { get, has: (name) => get(name) !== null };
}

/**
 * The store's request budget, fed by its `X-Rate-Limit-*` headers, so that calls wait instead of provoking 429s.
 * BigCommerce counts requests per store, shared by every app and replica: a budget shared by replicas (Redis)
 * implements this too.
 */
export interface UpstreamBudget {
  /** Waits until a call may be sent, and counts it against the budget; `client` is who the call is made for. */
  acquire(signal: AbortSignal | undefined, client?: string): Promise<void>;
  /**
   * Counts a call against the budget and returns true when it may be sent now without waiting; false (nothing
   * counted) when it would have to wait. Budgets that cannot tell at once leave it out.
   */
  tryAcquire?(): boolean;
  /**
   * The store's answer: `left` requests in the window that resets in `resetMs`; `limits` when the store also sent
   * its quota and window length (`X-Rate-Limit-Requests-Quota`, `X-Rate-Limit-Time-Window-Ms`).
   */
  update(left: number, resetMs: number, limits?: { readonly quota: number; readonly windowMs: number }): void;
  /** The store answered 429: no call until `ms` from now. */
  exhaustFor(ms: number): void;
}

/** Within one window the budget only goes down; a reset more than this much later starts a new window. */
export const NEW_WINDOW_SLACK_MS = 1000;

/**
 * The budget of one process. Once the store has sent its quota and window length, a window that has passed is
 * assumed refilled to the quota, ending a little later than the store's can (as the Redis budget does), so the
 * calls that waited for it do not all go at once and meet 429s; before that, a passed window means nothing is known.
 */
export function createLocalBudget(maxWaitMs: number, onWait?: (event: WaitEvent) => void): UpstreamBudget {
  let left: number | undefined;
  let resetAt = 0;
  let limits: { readonly quota: number; readonly windowMs: number } | undefined;
  /** Starts a new window when the last one has passed; true when a call may go now. */
  const hasRoom = (now: number): boolean => {
    if (now >= resetAt) {
      if (limits === undefined || limits.quota < 1 || limits.windowMs <= 0) left = undefined;
      else {
        left = limits.quota;
        resetAt = now + limits.windowMs + NEW_WINDOW_SLACK_MS;
      }
    }
    return left === undefined || left > 0;
  };
  return {
    async acquire(signal) {
      for (;;) {
        const now = Date.now();
        if (hasRoom(now)) break;
        onWait?.({ reason: 'rate-budget', ms: Math.min(resetAt - now, maxWaitMs) });
        await sleep(Math.min(resetAt - now, maxWaitMs), undefined, signal === undefined ? {} : { signal });
      }
      if (left !== undefined) left -= 1;
    },
    tryAcquire() {
      if (!hasRoom(Date.now())) return false;
      if (left !== undefined) left -= 1;
      return true;
    },
    update(headerLeft, resetMs, storeLimits) {
      if (storeLimits !== undefined) limits = storeLimits;
      const now = Date.now();
      const nextReset = now + resetMs;
      // An answer to a call sent before others in flight reports more than is left: keep the lower figure. The
      // store's window may end later than assumed (its window starts when a call arrives, which can be well after
      // the call was counted here on a busy machine): keep the later end.
      if (left === undefined || now >= resetAt || nextReset > resetAt + NEW_WINDOW_SLACK_MS) {
        left = headerLeft;
        resetAt = nextReset;
      } else {
        left = Math.min(left, headerLeft);
        resetAt = Math.max(resetAt, nextReset);
      }
    },
    exhaustFor(ms) {
      left = 0;
      resetAt = Date.now() + ms;
    },
  };
}

function backoff(baseMs: number, attempt: number): number {
  // Full jitter: a random wait up to base * 2^attempt, capped at 10 s.
  return Math.random() * Math.min(10_000, baseMs * 2 ** attempt);
}

const RETRYABLE_STATUS = new Set([500, 502, 503, 504]);

/** Connection errors that happen before any byte of the request is sent: safe to retry for any call. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

function errorCode(error: unknown): string | undefined {
  for (
    let current = error, depth = 0;
    depth < 3 && typeof current === 'object' && current !== null;
    depth += 1
  ) {
    if ('code' in current && typeof current.code === 'string') return current.code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * The HTTP client every BigCommerce call goes through: authentication, a per-attempt timeout tied to the caller's
 * cancellation, the shared rate budget, 429 waits (the reset header, or jittered backoff when it is missing) and
 * retries for idempotent calls only.
 */
export function createTransport(options: TransportOptions): Transport {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const retries = options.retries ?? 3;
  const retryBaseMs = options.retryBaseMs ?? 100;
  const rateLimitRetries = options.rateLimitRetries ?? 5;
  // Calls that must wait for the store's budget take it in turn per client.
  const budget = createFairBudget(
    options.budget ?? createLocalBudget(options.maxRateLimitWaitMs ?? 60_000, options.onWait),
  );
  const base = new URL(options.baseUrl.replace(/\/+$/, ''));
  const origin = base.origin;
  const basePath = base.pathname.replace(/\/+$/, '');
  const agent = new Agent({ keepAliveTimeout: 10_000, connections: options.maxConnections ?? 32 });
  const breakerOptions = options.circuitBreaker;
  const breakers = new Map<string, CircuitBreaker>();
  const breakerFor = (api: string): CircuitBreaker | undefined => {
    if (breakerOptions === false) return undefined;
    let breaker = breakers.get(api);
    if (breaker === undefined) {
      breaker = createCircuitBreaker(api, breakerOptions);
      breakers.set(api, breaker);
    }
    return breaker;
  };

  /**
   * One request through undici's dispatcher, its body gathered into a string: no URL parsing, response stream or
   * abort controller per call. Rejects with undici's error, or with `aborted` once `abort` was called.
   */
  function send(
    call: UpstreamCall,
    path: string,
    headers: Record<string, string>,
  ): { response: Promise<RawResponse>; abort: () => void } {
    let controller: Dispatcher.DispatchController | undefined;
    let aborted = false;
    const abort = () => {
      if (aborted) return;
      aborted = true;
      // Before the request reaches a connection, it is aborted there (as undici's own request() does).
      controller?.abort(new Error('aborted'));
    };
    const response = new Promise<RawResponse>((resolve, reject) => {
      let status = 0;
      let rawHeaders: Record<string, string | string[] | undefined> = {};
      const chunks: Buffer[] = [];
      const handler: Dispatcher.DispatchHandler = {
        onRequestStart(started) {
          controller = started;
          if (aborted) started.abort(new Error('aborted'));
        },
        onResponseStart(_, statusCode, headers) {
          status = statusCode;
          rawHeaders = headers;
        },
        onResponseData(_, chunk) {
          chunks.push(chunk);
        },
        onResponseEnd() {
          const text = (chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)).toString('utf8');
          // Decoded as undici's body.text() does: a leading byte order mark is dropped.
          resolve({
            status,
            headers: rawHeaders,
            text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text,
          });
        },
        onResponseError(_, error) {
          reject(error);
        },
      };
      agent.dispatch(
        {
          origin,
          path,
          method: call.method,
          headers,
          ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
        },
        handler,
      );
    });
    return { response, abort };
  }

  async function attemptOnce(call: UpstreamCall, operation: string, path: string): Promise<UpstreamResponse> {
    const headers: Record<string, string> = {
      ...options.headers?.(),
      accept: 'application/json',
      'x-auth-token': options.accessToken,
      'user-agent': 'backorder-gateway',
    };
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    const cancelled = (): boolean => call.signal?.aborted === true;
    if (cancelled()) throw new UpstreamAbortedError(`${operation} was cancelled`, operation);
    const { response, abort } = send(call, path, headers);
    // The attempt ends when its timer fires or the caller cancels.
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      abort();
    }, timeoutMs);
    // Like AbortSignal.timeout's, the timer does not keep the process alive.
    timer.unref();
    call.signal?.addEventListener('abort', abort, { once: true });
    let status: number;
    let rawHeaders: Record<string, string | string[] | undefined>;
    let text: string;
    try {
      ({ status, headers: rawHeaders, text } = await response);
    } catch (error) {
      clearTimeout(timer);
      call.signal?.removeEventListener('abort', abort);
      if (cancelled()) throw new UpstreamAbortedError(`${operation} was cancelled`, operation);
      if (timedOut) throw new UpstreamTimeoutError(operation, timeoutMs);
      const code = errorCode(error);
      if (code !== undefined && NOT_SENT_CODES.has(code))
        throw new UpstreamUnavailableError(
          `${operation} was not sent: the store could not be reached (${code})`,
          operation,
          null,
        );
      throw new UpstreamNetworkError(
        `${operation} failed: connection error${code === undefined ? '' : `: ${code}`}`,
        operation,
      );
    }
    clearTimeout(timer);
    call.signal?.removeEventListener('abort', abort);
    const ok = status >= 200 && status < 300;
    let body: unknown;
    if (text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        if (ok)
          throw new UpstreamProtocolError(
            `${operation} answered ${status} with a body that is not JSON`,
            operation,
          );
        body = text.slice(0, 500);
      }
    }
    return { status, headers: headerReader(rawHeaders), body };
  }

  return {
    close: () => agent.close(),
    circuits: () =>
      breakerOptions === false
        ? []
        : ['rest-v3', 'rest-v2', 'admin-graphql'].map((api) =>
            (breakerFor(api) as CircuitBreaker).snapshot(),
          ),
    async request(call) {
      const operation = `${call.method} ${call.path}`;
      const api = apiOf(call.path);
      const breaker = breakerFor(api);
      const query = call.query === undefined ? '' : `?${new URLSearchParams(call.query).toString()}`;
      const path = `${basePath}${call.path}${query}`;
      let failures = 0;
      let limited = 0;
      const pause = (ms: number, reason: WaitEvent['reason'] = 'retry') => {
        options.onWait?.({ reason, ms });
        return sleep(ms, undefined, call.signal === undefined ? {} : { signal: call.signal });
      };
      for (;;) {
        await budget.acquire(call.signal, call.client);
        const admitted = breaker?.admit();
        if (admitted !== undefined && !admitted.allowed) {
          const snapshot = breaker?.snapshot();
          throw new UpstreamUnavailableError(
            `${operation} was not sent: the store's ${api} API failed ${snapshot?.consecutiveFailures ?? 0} times in a row (circuit open); try again in ${admitted.retryInMs} ms`,
            operation,
            admitted.retryInMs,
          );
        }
        const started = performance.now();
        let response: UpstreamResponse;
        try {
          response = await attemptOnce(call, operation, path);
        } catch (error) {
          if (error instanceof UpstreamAbortedError) breaker?.release();
          else breaker?.failure();
          options.onAttempt?.({
            operation,
            attempt: failures + limited + 1,
            outcome: (error as Error).name,
            ms: performance.now() - started,
          });
          // Nothing was sent when the connection was refused, so any call may be tried again.
          const retryable =
            error instanceof UpstreamUnavailableError ||
            (call.idempotent &&
              (error instanceof UpstreamTimeoutError || error instanceof UpstreamNetworkError));
          if (!retryable || failures >= retries) throw error;
          failures += 1;
          await pause(backoff(retryBaseMs, failures));
          continue;
        }
        const left = Number(response.headers.get('x-rate-limit-requests-left'));
        options.onAttempt?.({
          operation,
          attempt: failures + limited + 1,
          outcome: response.status,
          ms: performance.now() - started,
          ...(response.headers.has('x-rate-limit-requests-left') && Number.isFinite(left)
            ? { rateLimitLeft: left }
            : {}),
        });
        const resetMs = Number(response.headers.get('x-rate-limit-time-reset-ms'));
        if (
          response.headers.has('x-rate-limit-requests-left') &&
          Number.isFinite(left) &&
          Number.isFinite(resetMs)
        ) {
          const quota = Number(response.headers.get('x-rate-limit-requests-quota') ?? Number.NaN);
          const windowMs = Number(response.headers.get('x-rate-limit-time-window-ms') ?? Number.NaN);
          budget.update(
            left,
            resetMs,
            Number.isFinite(quota) && Number.isFinite(windowMs) ? { quota, windowMs } : undefined,
          );
        }
        if (response.status >= 500) breaker?.failure();
        else breaker?.success();
        if (response.status === 429) {
          const resetHeader = response.headers.get('x-rate-limit-time-reset-ms');
          const waitMs =
            resetHeader === null
              ? backoff(retryBaseMs * 2, limited + 1)
              : Number(resetHeader) + Math.random() * 50;
          if (limited >= rateLimitRetries) throw new UpstreamRateLimitError(operation, Math.round(waitMs));
          limited += 1;
          if (resetHeader !== null) budget.exhaustFor(waitMs);
          else await pause(waitMs, 'rate-limited');
          continue;
        }
        if (call.idempotent && RETRYABLE_STATUS.has(response.status) && failures < retries) {
          failures += 1;
          await pause(backoff(retryBaseMs, failures));
          continue;
        }
        if (response.status >= 200 && response.status < 300) return response;
        throw new UpstreamHttpError(operation, response.status, response.body);
      }
    },
  };
}
