import { createServer, type AddressInfo } from 'node:net';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { post } from '../helpers/auth.js';
import { bearer, startAuthStack } from '../helpers/auth-stack.js';
import { REDIS_URL, testPrefix } from '../helpers/redis.js';
import { createGateway, type Gateway } from '../../src/gateway/create-gateway.js';
import { createLogger } from '../../src/gateway/logger.js';
import { createRedisBudget } from '../../src/gateway/redis-budget.js';
import { createLocalBudget, type UpstreamBudget } from '../../src/upstream/transport.js';
import { lastSeq, requestsSince, startEmulator, TOKEN } from '../helpers/emulator.js';

const LOCATIONS = '{ locations { entityId } }';

async function query(gateway: Gateway): Promise<unknown> {
  const response = await fetch(gateway.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: LOCATIONS }),
  });
  return ((await response.json()) as { errors?: unknown }).errors;
}

/** `count` replicas of one store sharing a budget in Redis under `prefix`, stopped after the suite. */
async function startReplicas(
  emulator: Awaited<ReturnType<typeof startEmulator>>,
  count: number,
  options: { readonly remoteSchema?: false } = {},
): Promise<Gateway[]> {
  const prefix = testPrefix();
  const replicas = await Promise.all(
    Array.from({ length: count }, () =>
      createGateway({
        storeUrl: emulator.storeUrl,
        accessToken: TOKEN,
        redisUrl: REDIS_URL,
        redisPrefix: prefix,
        logger: createLogger({ level: 'error', write: () => undefined }),
        ...options,
      }),
    ),
  );
  afterAll(() => Promise.all(replicas.map((replica) => replica.stop())));
  return replicas;
}

describe('the store budget shared by replicas through Redis', () => {
  it('keeps three replicas under load within the store quota: the store never answers 429', async () => {
    const emulator = await startEmulator({ quota: 8, windowMs: 1_500 });
    // Every call of the window counts here: no read of the store's schema at start.
    const replicas = await startReplicas(emulator, 3, { remoteSchema: false });
    const since = await lastSeq(emulator);
    // 30 reads, 10 per replica, 4 at a time on each: about four windows' worth of the store's quota.
    const errors = await Promise.all(
      replicas.map(async (replica) => {
        const found: unknown[] = [];
        let next = 0;
        await Promise.all(
          Array.from({ length: 4 }, async () => {
            while (next < 10) {
              next += 1;
              found.push(await query(replica));
            }
          }),
        );
        return found;
      }),
    );
    expect(errors.flat().filter((error) => error !== undefined)).toEqual([]);
    const statuses = (await requestsSince(emulator, since)).map((request) => request.status);
    expect(statuses.filter((status) => status === 429)).toEqual([]);
    expect(statuses.filter((status) => status === 200)).toHaveLength(30);
  });
});

describe('clients taking turns at a scarce store budget', () => {
  it("serves a light client's calls within a window while another client's burst waits, and loses nothing", async () => {
    const stack = await startAuthStack({ emulator: { quota: 4, windowMs: 1_000 } });
    const [heavy, light] = await Promise.all([
      bearer(['inventory:read'], 'client-a'),
      bearer(['inventory:read'], 'client-b'),
    ]);
    const ask = async (authorization: string) =>
      (await post(stack.gateway.graphqlUrl, authorization, LOCATIONS)).body.errors;
    // The first answer tells the gateway the store's budget.
    expect(await ask(heavy)).toBeUndefined();
    await stack.mark();
    const finished: ('heavy' | 'light')[] = [];
    const errors: unknown[] = [];
    const send = (who: 'heavy' | 'light', authorization: string) =>
      ask(authorization).then((error) => {
        if (error !== undefined) errors.push(error);
        finished.push(who);
      });
    // 12 calls from one client: three windows of the store's quota of 4.
    const burst = Array.from({ length: 12 }, () => send('heavy', heavy));
    // Once the burst has spent the current window, the other client asks twice.
    await vi.waitFor(async () => expect((await stack.requests()).length).toBeGreaterThanOrEqual(2), {
      timeout: 5_000,
      interval: 10,
    });
    const few = [send('light', light), send('light', light)];
    await Promise.all([...burst, ...few]);
    expect(errors).toEqual([]);
    expect(finished).toHaveLength(14);
    // In turn, the light client's two calls go in the next window beside two of the burst's; first come first
    // served would have put them after all twelve.
    const heavyAfterLight = finished.length - 1 - finished.lastIndexOf('light');
    expect(heavyAfterLight).toBeGreaterThanOrEqual(4);
    const statuses = (await stack.requests()).map((request) => request.status);
    expect(statuses.filter((status) => status === 429)).toEqual([]);
    expect(statuses).toHaveLength(14);
  });
});

describe('replicas starting together', () => {
  it("count their start-up calls (the store's schema read) in the shared budget: the store never answers 429", async () => {
    const emulator = await startEmulator({ quota: 2, windowMs: 1_500 });
    const since = await lastSeq(emulator);
    // Each replica reads the store's schema before it serves, with a fresh connection to Redis.
    const replicas = await startReplicas(emulator, 4);
    const errors = await Promise.all(replicas.map((replica) => query(replica)));
    expect(errors.filter((error) => error !== undefined)).toEqual([]);
    const statuses = (await requestsSince(emulator, since)).map((request) => request.status);
    expect(statuses.filter((status) => status === 429)).toEqual([]);
    expect(statuses.filter((status) => status === 200)).toHaveLength(8);
  });
});

describe('the shared budget while Redis has not answered yet', () => {
  it('gives up waiting for the first connection when the call is cancelled', async () => {
    // A server that accepts connections and never answers: the first connection is never ready.
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    const budget = createRedisBudget({
      url: `redis://127.0.0.1:${port}`,
      prefix: testPrefix(),
      logger: createLogger({ level: 'error', write: () => undefined }),
    });
    try {
      const cancel = new AbortController();
      const waiting = budget.acquire(cancel.signal);
      cancel.abort(new Error('client went away'));
      await expect(waiting).rejects.toThrow('client went away');
    } finally {
      budget.close().catch(() => undefined);
      silent.close();
    }
  });
});

describe('the shared budget without Redis', () => {
  it("lets calls go on this replica's own budget when Redis cannot be reached, and says so once", async () => {
    const lines: string[] = [];
    // Nothing listens on port 1.
    const budget = createRedisBudget({
      url: 'redis://127.0.0.1:1',
      prefix: testPrefix(),
      logger: createLogger({ level: 'warn', write: (line) => lines.push(line) }),
    });
    try {
      for (let i = 0; i < 3; i += 1) await budget.acquire(undefined);
      expect(lines.filter((line) => line.includes('shared upstream budget unavailable'))).toHaveLength(1);
    } finally {
      await budget.close();
    }
  });
});

describe('a store window that ends later than the gateway assumed', () => {
  const budgets: [string, () => UpstreamBudget & { close?: () => Promise<void> }][] = [
    ['in this process', () => createLocalBudget(60_000)],
    [
      'in Redis',
      () =>
        createRedisBudget({
          url: REDIS_URL,
          prefix: testPrefix(),
          logger: createLogger({ level: 'error', write: () => undefined }),
        }),
    ],
  ];

  it.each(budgets)('%s: waits for the end the store reports, not the one assumed', async (_, create) => {
    const budget = create();
    try {
      await budget.acquire(undefined);
      // The store: nothing left, a new window in 100 ms, 2 calls per 100 ms window.
      budget.update(0, 100, { quota: 2, windowMs: 100 });
      // Waits for that window to pass, then assumes a new one ending 1.1 s from now (window + slack).
      await budget.acquire(undefined);
      // The store's new window began later than assumed (its first call arrived late): it ends in 1.5 s.
      budget.update(1, 1_500);
      await budget.acquire(undefined);
      const started = Date.now();
      await budget.acquire(undefined);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_300);
    } finally {
      await budget.close?.();
    }
  });
});
