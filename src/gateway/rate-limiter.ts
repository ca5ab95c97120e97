import { Redis } from 'ioredis';

/** One client's allowance in its current window. */
export interface RateLimitDecision {
  readonly allowed: boolean;
  /** Until the window resets. */
  readonly resetInMs: number;
}

/**
 * Fixed windows per client: a client's first request opens a window of `windowMs` in which it may make `limit`
 * requests. Simple, and, with Redis, one atomic step shared by every replica.
 */
export interface RateLimiter {
  hit(client: string): Promise<RateLimitDecision>;
  close(): Promise<void>;
}

export interface RateLimiterOptions {
  /** Requests per client per window. */
  readonly limit: number;
  /** Window length. */
  readonly windowMs: number;
}

/** In this process only; windows of clients gone quiet are swept as new ones open. */
export function createMemoryRateLimiter(options: RateLimiterOptions): RateLimiter {
  const windows = new Map<string, { count: number; resetAt: number }>();
  let nextSweep = Date.now() + options.windowMs;
  return {
    hit(client) {
      const now = Date.now();
      if (now >= nextSweep) {
        for (const [key, window] of windows) if (window.resetAt <= now) windows.delete(key);
        nextSweep = now + options.windowMs;
      }
      let window = windows.get(client);
      if (window === undefined || window.resetAt <= now) {
        window = { count: 0, resetAt: now + options.windowMs };
        windows.set(client, window);
      }
      window.count += 1;
      return Promise.resolve({ allowed: window.count <= options.limit, resetInMs: window.resetAt - now });
    },
    close: () => Promise.resolve(),
  };
}

// INCR, opening the window on the first hit; a key that lost its expiry (never expected) gets one again.
const HIT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`;

/** Shared by replicas through Redis, under `{prefix}:ratelimit:`. */
export function createRedisRateLimiter(
  options: RateLimiterOptions & { readonly url: string; readonly prefix: string },
): RateLimiter {
  const redis = new Redis(options.url, { lazyConnect: true, maxRetriesPerRequest: 2 });
  redis.defineCommand('rateLimitHit', { numberOfKeys: 1, lua: HIT });
  const commands = redis as unknown as { rateLimitHit(key: string, windowMs: number): Promise<unknown> };
  return {
    async hit(client) {
      const answer = await commands.rateLimitHit(`${options.prefix}:ratelimit:${client}`, options.windowMs);
      if (!Array.isArray(answer) || typeof answer[0] !== 'number' || typeof answer[1] !== 'number')
        throw new Error('unexpected rate limit answer from Redis');
      return { allowed: answer[0] <= options.limit, resetInMs: answer[1] };
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
