import { Redis } from 'ioredis';

/** One client's allowance, as it stands after a request. */
export interface RateLimitDecision {
  readonly allowed: boolean;
  /** Until the next request would be allowed (when refused), or until the allowance is whole again. */
  readonly resetInMs: number;
}

/**
 * A steady allowance per client (the generic cell rate algorithm): `limit` requests per `windowMs`, at most `limit`
 * at once, then one more every `windowMs / limit`. Unlike fixed windows, no client gets twice its limit across a
 * window's edge. Each client is one timestamp (when its allowance is next whole); with Redis, one atomic step shared
 * by every replica.
 */
export interface RateLimiter {
  hit(client: string): Promise<RateLimitDecision>;
  close(): Promise<void>;
}

export interface RateLimiterOptions {
  /** Requests per client per window, and the largest burst. */
  readonly limit: number;
  /** Window length. */
  readonly windowMs: number;
}

/**
 * One step of the algorithm: `tat` is when the client's allowance is next whole (its "theoretical arrival time"),
 * at most `windowMs` ahead of now; each request moves it on by `windowMs / limit`.
 */
function step(
  tat: number | undefined,
  now: number,
  options: RateLimiterOptions,
): { readonly decision: RateLimitDecision; readonly tat: number | undefined } {
  const next = Math.max(tat ?? now, now) + options.windowMs / options.limit;
  if (next - now > options.windowMs)
    return { decision: { allowed: false, resetInMs: Math.ceil(next - options.windowMs - now) }, tat };
  return { decision: { allowed: true, resetInMs: Math.ceil(next - now) }, tat: next };
}

/** In this process only; clients whose allowance is whole again are swept now and then. */
export function createMemoryRateLimiter(options: RateLimiterOptions): RateLimiter {
  const tats = new Map<string, number>();
  let nextSweep = Date.now() + options.windowMs;
  return {
    hit(client) {
      const now = Date.now();
      if (now >= nextSweep) {
        for (const [key, tat] of tats) if (tat <= now) tats.delete(key);
        nextSweep = now + options.windowMs;
      }
      const { decision, tat } = step(tats.get(client), now, options);
      if (tat !== undefined) tats.set(client, tat);
      return Promise.resolve(decision);
    },
    close: () => Promise.resolve(),
  };
}

// The same step in Redis, on Redis's clock so replicas agree; the key expires when the allowance is whole again.
const HIT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local window = tonumber(ARGV[1])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now then tat = now end
local nextTat = tat + window / tonumber(ARGV[2])
if nextTat - now > window then return {0, math.ceil(nextTat - window - now)} end
redis.call('SET', KEYS[1], string.format('%.3f', nextTat), 'PX', math.ceil(nextTat - now))
return {1, math.ceil(nextTat - now)}
`;

/** Shared by replicas through Redis, under `{prefix}:ratelimit:`. */
export function createRedisRateLimiter(
  options: RateLimiterOptions & { readonly url: string; readonly prefix: string },
): RateLimiter {
  const redis = new Redis(options.url, { lazyConnect: true, maxRetriesPerRequest: 2 });
  redis.defineCommand('rateLimitHit', { numberOfKeys: 1, lua: HIT });
  const commands = redis as unknown as {
    rateLimitHit(key: string, windowMs: number, limit: number): Promise<unknown>;
  };
  return {
    async hit(client) {
      const answer = await commands.rateLimitHit(
        `${options.prefix}:ratelimit:${client}`,
        options.windowMs,
        options.limit,
      );
      if (!Array.isArray(answer) || typeof answer[0] !== 'number' || typeof answer[1] !== 'number')
        throw new Error('unexpected rate limit answer from Redis');
      return { allowed: answer[0] === 1, resetInMs: answer[1] };
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
