import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { NEW_WINDOW_SLACK_MS, createLocalBudget, type UpstreamBudget } from '../upstream/transport.js';
import type { Logger } from './logger.js';

export interface RedisBudgetOptions {
  /** e.g. `redis://127.0.0.1:6379` */
  readonly url: string;
  /** Prefix of the key; replicas sharing a store share the prefix. @default 'backorder-gateway' */
  readonly prefix?: string;
  /** Longest single wait for the window to reset, in milliseconds. @default 60000 */
  readonly maxWaitMs?: number;
  readonly logger: Logger;
}

/** How long the one call that learns an unknown budget holds the others back at most. */
const PROBE_MS = 2000;

/** Waits for `connecting`, or rejects with the signal's reason once it aborts; removes its listener either way. */
async function waitUnlessAborted(connecting: Promise<void>, signal: AbortSignal): Promise<void> {
  signal.throwIfAborted();
  let onAbort = (): void => undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason as Error);
  });
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    await Promise.race([connecting, aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

/** How long calls wait for the first connection to Redis before this replica counts them on its own. */
const CONNECT_WAIT_MS = 2000;

export interface RedisBudget extends UpstreamBudget {
  close(): Promise<void>;
}

// Redis's own clock decides windows, so replicas agree whatever their clocks say. The hash holds `left`, `reset`
// (epoch ms), and the store's `quota` and `window`. Acquire answers 0 when a call may go (it is counted), else the
// milliseconds to wait. Before anything is known one call goes alone to learn the budget; when the window has
// passed, a new one is assumed with the full quota, ending a little later than the store's can (the store starts
// its window when the first call arrives, after this one is counted).
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local left = redis.call('HGET', KEYS[1], 'left')
if left == false then
  if redis.call('SET', KEYS[2], '1', 'NX', 'PX', ARGV[1]) then return 0 end
  return 20
end
local reset = tonumber(redis.call('HGET', KEYS[1], 'reset') or '0')
if now >= reset then
  local quota = tonumber(redis.call('HGET', KEYS[1], 'quota') or '-1')
  local window = tonumber(redis.call('HGET', KEYS[1], 'window') or '0')
  if quota < 1 or window <= 0 then return 0 end
  redis.call('HSET', KEYS[1], 'left', quota - 1, 'reset', now + window + tonumber(ARGV[2]))
  return 0
end
left = tonumber(left)
if left > 0 then
  redis.call('HSET', KEYS[1], 'left', left - 1)
  return 0
end
return reset - now
`;

// Update: the store's own figures replace an assumed or older window; within one window the budget only goes down
// (answers to calls sent before others in flight report more than is left) and the window only gets longer (the
// store's starts when a call arrives, which can be well after it was counted here).
const UPDATE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local nextLeft = tonumber(ARGV[1])
local nextReset = now + tonumber(ARGV[2])
local slack = tonumber(ARGV[3])
local left = redis.call('HGET', KEYS[1], 'left')
local reset = tonumber(redis.call('HGET', KEYS[1], 'reset') or '0')
if left == false or now >= reset or math.abs(nextReset - reset) > slack then
  redis.call('HSET', KEYS[1], 'left', nextLeft, 'reset', nextReset)
else
  if nextLeft < tonumber(left) then redis.call('HSET', KEYS[1], 'left', nextLeft) end
  if nextReset > reset then redis.call('HSET', KEYS[1], 'reset', nextReset) end
end
if ARGV[4] ~= '' then redis.call('HSET', KEYS[1], 'quota', ARGV[4]) end
if ARGV[5] ~= '' then redis.call('HSET', KEYS[1], 'window', ARGV[5]) end
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]) + 600000)
return 0
`;

const EXHAUST = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('HSET', KEYS[1], 'left', 0, 'reset', now + tonumber(ARGV[1]))
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[1]) + 60000)
return 0
`;

/**
 * The store's request budget shared by every replica through one Redis hash (`{prefix}:upstream-budget`), fed by
 * the `X-Rate-Limit-*` headers any replica receives: a call is counted before it is sent, so replicas together stay
 * within the store's quota instead of each spending what it last heard was left. When Redis cannot be reached the
 * replica falls back to its own budget (traffic goes on; the replicas may then meet a 429, which the transport
 * waits out).
 */
export function createRedisBudget(options: RedisBudgetOptions): RedisBudget {
  const key = `${options.prefix ?? 'backorder-gateway'}:upstream-budget`;
  const maxWaitMs = options.maxWaitMs ?? 60_000;
  const local = createLocalBudget(maxWaitMs);
  // Commands fail at once while disconnected instead of queueing: a budget that waits on Redis would stall traffic.
  const redis = new Redis(options.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  let warned = false;
  redis.on('error', (error: Error) => {
    if (warned) return;
    warned = true;
    options.logger.warn('shared upstream budget unavailable; using this replica only', {
      error: error.message,
    });
  });
  redis.on('ready', () => {
    warned = false;
  });
  // Commands sent before the first connection is made would fail and go to this replica's own budget, uncounted by
  // the others: replicas starting together would each spend the store's quota on their start-up calls. The first
  // connection is waited for (at most `CONNECT_WAIT_MS`; an error ends the wait at once).
  let connecting: Promise<void> | undefined = new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      redis.off('ready', done);
      redis.off('error', done);
      connecting = undefined;
      resolve();
    };
    const timer = setTimeout(done, CONNECT_WAIT_MS);
    timer.unref();
    redis.once('ready', done);
    redis.once('error', done);
  });
  const run = (script: string, ...args: (string | number)[]): Promise<unknown> =>
    redis.eval(script, 2, key, `${key}:probe`, ...args);

  return {
    async acquire(signal) {
      if (connecting !== undefined) {
        if (signal === undefined) await connecting;
        else await waitUnlessAborted(connecting, signal);
      }
      for (;;) {
        let waitMs: number;
        try {
          waitMs = Number(await run(ACQUIRE, PROBE_MS, NEW_WINDOW_SLACK_MS));
        } catch {
          await local.acquire(signal);
          return;
        }
        if (waitMs <= 0) return;
        await sleep(Math.min(waitMs, maxWaitMs), undefined, signal === undefined ? {} : { signal });
      }
    },
    update(left, resetMs, limits) {
      local.update(left, resetMs, limits);
      run(UPDATE, left, resetMs, NEW_WINDOW_SLACK_MS, limits?.quota ?? '', limits?.windowMs ?? '').catch(
        () => undefined,
      );
    },
    exhaustFor(ms) {
      local.exhaustFor(ms);
      run(EXHAUST, Math.ceil(ms)).catch(() => undefined);
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
