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
 * window's edge. Each client is one figure (how much of its allowance is used, or, in Redis, when it is next whole);
 * with Redis, one atomic step shared by every replica.
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
 * A client's allowance in this process: `used` requests' worth of it taken as of `at` (ms). Kept in requests rather
 * than as a timestamp ahead of now, so that a burst within one millisecond adds whole numbers and is judged
 * exactly: a timestamp near 1.8e12 ms moved on by `windowMs / limit` (8,571.43 ms for 7 a minute) rounds at each step,
 * and the last request of a full burst could come out a fraction of a microsecond over the window and be refused.
 */
interface Allowance {
  readonly used: number;
  readonly at: number;
}

/**
 * One step of the algorithm: the allowance used drains at `limit` per `windowMs`; a request that would take it over
 * `limit` is refused. `used * windowMs / limit` is how far ahead of now the allowance is next whole (the
 * "theoretical arrival time" of the generic cell rate algorithm).
 */
function step(
  allowance: Allowance | undefined,
  now: number,
  options: RateLimiterOptions,
): { readonly decision: RateLimitDecision; readonly allowance: Allowance | undefined } {
  const interval = options.windowMs / options.limit;
  const drained = allowance === undefined ? 0 : (now - allowance.at) / interval;
  const used = Math.max(0, (allowance?.used ?? 0) - drained) + 1;
  // A margin far below one request, for the rounding of `drained`.
  if (used > options.limit + 1e-9)
    return {
      decision: { allowed: false, resetInMs: Math.ceil((used - options.limit) * interval) },
      allowance,
    };
  return { decision: { allowed: true, resetInMs: Math.ceil(used * interval) }, allowance: { used, at: now } };
}

/** In this process only; clients whose allowance is whole again are swept now and then. */
export function createMemoryRateLimiter(options: RateLimiterOptions): RateLimiter {
  const allowances = new Map<string, Allowance>();
  const interval = options.windowMs / options.limit;
  let nextSweep = Date.now() + options.windowMs;
  return {
    hit(client) {
      const now = Date.now();
      if (now >= nextSweep) {
        for (const [key, allowance] of allowances)
          if (allowance.at + allowance.used * interval <= now) allowances.delete(key);
        nextSweep = now + options.windowMs;
      }
      const { decision, allowance } = step(allowances.get(client), now, options);
      if (allowance !== undefined) allowances.set(client, allowance);
      return Promise.resolve(decision);
    },
    close: () => Promise.resolve(),
  };
}

// The same step in Redis, on Redis's clock so replicas agree: the allowance is kept as "{used} {at}" and the key
// expires when it is whole again (anything else found under the key counts as a whole allowance).
const HIT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval = tonumber(ARGV[1]) / tonumber(ARGV[2])
local limit = tonumber(ARGV[2])
local used, at = 0, now
local saved = redis.call('GET', KEYS[1])
if saved then
  local u, a = string.match(saved, '^(%S+) (%S+)$')
  if u and a then used, at = tonumber(u), tonumber(a) end
end
used = math.max(0, used - (now - at) / interval) + 1
if used > limit + 1e-9 then return {0, math.ceil((used - limit) * interval)} end
redis.call('SET', KEYS[1], string.format('%.17g %d', used, now), 'PX', math.ceil(used * interval))
return {1, math.ceil(used * interval)}
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
