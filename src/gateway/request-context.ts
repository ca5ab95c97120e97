import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * The id of the HTTP request being handled, kept in an AsyncLocalStorage for everything that request starts: log
 * lines carry it as `requestId`, and its upstream calls send it as `X-Correlation-Id`. Work shared by many requests
 * (a coalesced adjustment, a webhook burst's read-back) carries the id of the request that started it.
 */
const storage = new AsyncLocalStorage<string>();

/** The header a request id comes in and goes out with. */
export const REQUEST_ID_HEADER = 'x-request-id';

const ACCEPTED_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's id when it is a sane token (letters, digits, `._:-`, at most 128), otherwise a new UUID. */
export function requestIdFrom(header: string | readonly string[] | undefined): string {
  const value = typeof header === 'string' ? header : header?.[0];
  return typeof value === 'string' && ACCEPTED_ID.test(value) ? value : randomUUID();
}

/** Runs `fn` (and everything it starts) as the handling of request `id`. */
export function runWithRequestId<T>(id: string, fn: () => T): T {
  return storage.run(id, fn);
}

/** The id of the request whose handling is running, if any. */
export function currentRequestId(): string | undefined {
  return storage.getStore();
}
