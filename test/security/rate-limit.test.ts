import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.js';
import { sha256Hex } from '../../src/gateway/auth/authenticator.js';
import { openSocket, post, sseFirst } from '../helpers/auth.js';
import { bearer, startAuthStack } from '../helpers/auth-stack.js';
import { startStack } from '../helpers/gateway.js';
import {
  createMemoryRateLimiter,
  createRedisRateLimiter,
  type RateLimiter,
} from '../../src/gateway/rate-limiter.js';
import { REDIS_URL, testPrefix } from '../helpers/redis.js';
const LOCATIONS = '{ locations { code } }';
const COUNTERS = 'subscription { backorderCounters(filter: { variantIds: [74] }) { qtyBackordered } }';
const KEY = 'rate-limit-test-key-0123456789';

function expectLimited(answer: {
  status: number;
  headers: Headers;
  body: { errors?: { extensions?: Record<string, unknown> }[] };
}) {
  expect(answer.status).toBe(429);
  expect(answer.body.errors?.[0]?.extensions?.['code']).toBe('RATE_LIMITED');
  const retryAfter = Number(answer.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
}

describe('per-client rate limits in memory', async () => {
  const stack = await startAuthStack({
    gateway: {
      clientRateLimit: { limit: 3, windowMs: 60_000 },
      auth: {
        jwt: {
          secret: 'test-jwt-secret-of-at-least-32-bytes',
          issuer: 'https://id.example.test/',
          audience: 'backorder-gateway',
        },
        apiKeys: [{ name: 'sync', sha256: sha256Hex(KEY), scopes: ['inventory:read', 'events:subscribe'] }],
      },
    },
  });
  const url = stack.gateway.graphqlUrl;
  const scopes = ['inventory:read', 'events:subscribe'];

  it('answers 429 RATE_LIMITED with Retry-After past the limit, per token subject, calling nothing upstream', async () => {
    const alice = await bearer(scopes, 'alice');
    for (let i = 0; i < 3; i += 1) expect((await post(url, alice, LOCATIONS)).status).toBe(200);
    await stack.mark();
    expectLimited(await post(url, alice, LOCATIONS));
    expect(await stack.requests()).toEqual([]);
    // Another token of the same subject shares the allowance; another subject has its own.
    expectLimited(await post(url, await bearer(scopes, 'alice', 600), LOCATIONS));
    expect((await post(url, await bearer(scopes, 'bob'), LOCATIONS)).status).toBe(200);
  });

  it('counts SSE subscriptions and graphql-ws subscribe messages against the same allowance', async () => {
    const carol = await bearer(scopes, 'carol');
    const connection = await openSocket(url, { authorization: carol });
    connection.subscribe('1', COUNTERS);
    expect(await connection.first('1')).toMatchObject({ type: 'next' });
    const sse = await sseFirst(url, carol, COUNTERS);
    expect(sse.status).toBe(200);
    expect((await post(url, carol, LOCATIONS)).status).toBe(200);
    const limitedSse = await sseFirst(url, carol, COUNTERS);
    expect(limitedSse.status).toBe(429);
    expect(limitedSse.headers.get('retry-after')).toMatch(/^\d+$/);
    connection.subscribe('2', COUNTERS);
    const refused = await connection.first('2');
    expect(refused).toMatchObject({ type: 'error', payload: [{ extensions: { code: 'RATE_LIMITED' } }] });
  });

  it('counts an API key by its name', async () => {
    for (let i = 0; i < 3; i += 1) expect((await post(url, `ApiKey ${KEY}`, LOCATIONS)).status).toBe(200);
    expectLimited(await post(url, `ApiKey ${KEY}`, LOCATIONS));
  });
});

describe('per-client rate limits shared through Redis', async () => {
  const prefix = `bg-test-${randomBytes(6).toString('hex')}`;
  afterAll(async () => {
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });
  const options = {
    redisUrl: REDIS_URL,
    redisPrefix: prefix,
    clientRateLimit: { limit: 4, windowMs: 60_000 },
  };
  const [a, b] = await Promise.all([
    startAuthStack({ gateway: options }),
    startAuthStack({ gateway: options }),
  ]);

  it('applies one allowance across two gateways', async () => {
    const dave = await bearer(['inventory:read'], 'dave');
    expect((await post(a.gateway.graphqlUrl, dave, LOCATIONS)).status).toBe(200);
    expect((await post(b.gateway.graphqlUrl, dave, LOCATIONS)).status).toBe(200);
    expect((await post(a.gateway.graphqlUrl, dave, LOCATIONS)).status).toBe(200);
    expect((await post(b.gateway.graphqlUrl, dave, LOCATIONS)).status).toBe(200);
    expectLimited(await post(a.gateway.graphqlUrl, dave, LOCATIONS));
    expectLimited(await post(b.gateway.graphqlUrl, dave, LOCATIONS));
    const redis = new Redis(REDIS_URL);
    expect(await redis.keys(`${prefix}:ratelimit:*`)).toEqual([`${prefix}:ratelimit:jwt:dave`]);
    await redis.quit();
  });
});

describe('the allowance over time', () => {
  const options = { limit: 4, windowMs: 8_000 };
  const limiters: [string, () => RateLimiter][] = [
    ['in memory', () => createMemoryRateLimiter(options)],
    ['in Redis', () => createRedisRateLimiter({ ...options, url: REDIS_URL, prefix: testPrefix() })],
  ];

  it.each(limiters)(
    '%s: allows the limit at once, then one more per window / limit, never twice the limit across a window edge',
    async (_, create) => {
      const limiter = create();
      try {
        const hits = async (count: number) => {
          const decisions = [];
          for (let i = 0; i < count; i += 1) decisions.push(await limiter.hit('erin'));
          return decisions.map((decision) => decision.allowed);
        };
        expect(await hits(5)).toEqual([true, true, true, true, false]);
        const refused = await limiter.hit('erin');
        // The next request is allowed one interval (8,000 / 4 ms) after the burst began.
        expect(refused.resetInMs).toBeGreaterThan(0);
        expect(refused.resetInMs).toBeLessThanOrEqual(2_000);
        expect(await hits(1)).toEqual([false]);
        expect((await limiter.hit('frank')).allowed).toBe(true);
        await new Promise((resolve) => setTimeout(resolve, refused.resetInMs + 200));
        // One interval later: one request, not a fresh window's four.
        expect(await hits(2)).toEqual([true, false]);
      } finally {
        await limiter.close();
      }
    },
  );
});

describe('a burst', () => {
  it.each([
    ['in memory', createMemoryRateLimiter],
    [
      'in Redis',
      (options: { limit: number; windowMs: number }) =>
        createRedisRateLimiter({ ...options, url: REDIS_URL, prefix: testPrefix() }),
    ],
  ] as const)(
    '%s: is allowed exactly the limit when the interval is not a whole number of ms',
    async (_, create) => {
      // 60,000 / limit ms between requests: 8,571.43 ms for 7, 6,666.67 ms for 9, ...
      const limits = Array.from({ length: 28 }, (_, i) => i + 3);
      const allowed: Record<number, number> = {};
      for (const limit of limits) {
        const limiter = create({ limit, windowMs: 60_000 });
        try {
          const decisions = [];
          for (let i = 0; i <= limit; i += 1) decisions.push(await limiter.hit('grace'));
          allowed[limit] = decisions.filter((decision) => decision.allowed).length;
        } finally {
          await limiter.close();
        }
      }
      expect(allowed).toEqual(Object.fromEntries(limits.map((limit) => [limit, limit])));
    },
  );
});

describe('rate limit defaults', () => {
  it('is off with the emulator and on with a real store, configurable', () => {
    expect(readConfig({}).clientRateLimit).toBeUndefined();
    const store = { BIGCOMMERCE_STORE_HASH: 'abc', BIGCOMMERCE_ACCESS_TOKEN: 't' };
    expect(readConfig(store).clientRateLimit).toEqual({ limit: 600, windowMs: 60_000 });
    expect(readConfig({ CLIENT_RATE_LIMIT: '5', CLIENT_RATE_WINDOW_MS: '1000' }).clientRateLimit).toEqual({
      limit: 5,
      windowMs: 1000,
    });
    expect(readConfig({ ...store, CLIENT_RATE_LIMIT: '0' }).clientRateLimit).toBeUndefined();
    expect(() => readConfig({ CLIENT_RATE_LIMIT: '-1' })).toThrow('CLIENT_RATE_LIMIT');
    expect(() => readConfig({ CLIENT_RATE_WINDOW_MS: '5' })).toThrow('CLIENT_RATE_WINDOW_MS');
  });

  it('limits by remote address when authentication is off but a limit is set', async () => {
    const stack = await startStack({ gateway: { clientRateLimit: { limit: 1, windowMs: 60_000 } } });
    expect((await stack.gql(LOCATIONS)).status).toBe(200);
    expect((await stack.gql(LOCATIONS)).status).toBe(429);
  });
});
