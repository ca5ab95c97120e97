import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { REDIS_URL, testPrefix } from '../helpers/redis.js';
import { createGateway } from '../../src/gateway/create-gateway.js';
import { createLogger } from '../../src/gateway/logger.js';
import { call, startEmulator, TOKEN } from '../helpers/emulator.js';
import { envelope, postWebhook, SECRET, startLiveStack, subscribeWs, wsClient } from '../helpers/live.js';
import { syncHooks } from '../../src/gateway/hooks-sync.js';
import { createTransport } from '../../src/upstream/transport.js';

const STOCK_CHANGED =
  'subscription($filter: InventoryEventFilter, $after: String) { stockChanged(filter: $filter, after: $after) { eventId level { id onHand } } }';
const COUNTERS =
  'subscription($filter: InventoryEventFilter) { backorderCounters(filter: $filter) { eventId initial onHand } }';
const RE130 = { variantIds: [78], locationIds: [1] };

interface Changed {
  eventId: string;
  level: { id: string; onHand: number };
}

interface Counters {
  eventId: string;
  initial: boolean;
  onHand: number;
}

interface Deliveries {
  attempts: { hash: string; error: string | null; status_code: number | null; scope: string }[];
}

/** Sets on-hand of RE-130 at location 1 directly on the store, as a point of sale would. */
async function setOnHand(emulator: Parameters<typeof call>[0], quantity: number): Promise<void> {
  const response = await call(emulator, 'PUT', '/v3/inventory/adjustments/absolute', {
    body: { items: [{ location_id: 1, variant_id: 78, quantity }] },
  });
  expect(response.status).toBe(200);
}

async function deliveries(url: string): Promise<Deliveries> {
  return (await (await fetch(`${url}/_emulator/deliveries`)).json()) as Deliveries;
}

describe('deduplication that never hides a change', () => {
  it('publishes the final figure of two store-side changes 150 ms apart, whose webhooks share a hash', async () => {
    const stack = await startLiveStack();
    const changes = subscribeWs<Changed>(
      wsClient(stack.gateway.graphqlUrl),
      STOCK_CHANGED,
      { filter: RE130 },
      'stockChanged',
    );
    await expect.poll(() => stack.gateway.subscriptionCount()).toBe(1);
    // Both changes inside one whole second of the store's clock, so that BigCommerce's hash (ids plus created_at
    // in seconds) is the same for both webhooks.
    await sleep(1000 - (Date.now() % 1000) + 5);
    await setOnHand(stack.emulator, 41);
    await sleep(150);
    await setOnHand(stack.emulator, 42);
    await expect.poll(() => changes.values.at(-1)?.level.onHand).toBe(42);
    const stockChanged = (await deliveries(stack.emulator.url)).attempts.filter((attempt) =>
      attempt.scope.endsWith('stock_changed'),
    );
    expect(stockChanged).toHaveLength(2);
    // On a very slow machine the two changes may still straddle a second; the final figure must arrive either way.
    const shared = stockChanged[0]?.hash === stockChanged[1]?.hash;
    expect(stack.gateway.stats.webhooks.duplicates).toBe(shared ? 1 : 0);
  });

  it('reads again for a webhook that arrives while the read for an earlier one is in flight', async () => {
    // 300 ms per store answer: the second change lands while the first webhook's read is still running.
    const stack = await startLiveStack({ emulator: { latencyMs: 300 } });
    const changes = subscribeWs<Changed>(
      wsClient(stack.gateway.graphqlUrl),
      STOCK_CHANGED,
      { filter: RE130 },
      'stockChanged',
    );
    await expect.poll(() => stack.gateway.subscriptionCount()).toBe(1);
    await setOnHand(stack.emulator, 50);
    await expect.poll(() => stack.gateway.events.health().readBacks.items).toBe(1);
    await setOnHand(stack.emulator, 51);
    await expect.poll(() => changes.values.at(-1)?.level.onHand, { timeout: 10_000 }).toBe(51);
  });
});

describe('durable read-backs', () => {
  it('publishes a read-back that failed for 10 s once the store recovers, without giving up', async () => {
    const stack = await startLiveStack({
      gateway: { readBackRetryBaseMs: 50, readBackRetryMaxMs: 500, upstreamRetries: 0 },
    });
    const changes = subscribeWs<Changed>(
      wsClient(stack.gateway.graphqlUrl),
      STOCK_CHANGED,
      { filter: RE130 },
      'stockChanged',
    );
    await expect.poll(() => stack.gateway.subscriptionCount()).toBe(1);
    const fault = await fetch(`${stack.emulator.url}/_emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ kind: '503', path: '/v3/inventory/items', method: 'GET' }),
    });
    expect(fault.status).toBe(201);
    await setOnHand(stack.emulator, 44);
    await expect.poll(() => stack.gateway.events.health().readBacks.failing).toBe(1);
    // The store's reads stay broken for 10 s.
    await sleep(10_000);
    expect(changes.values).toEqual([]);
    await fetch(`${stack.emulator.url}/_emulator/faults`, { method: 'DELETE' });
    // Within the guarantee (30 s): the next retry, or the circuit breaker's probe once its open period ends.
    await expect
      .poll(() => changes.values.map((value) => value.level.onHand), { timeout: 15_000 })
      .toEqual([44]);
    expect(stack.gateway.events.health().readBacks).toEqual({ items: 0, failing: 0 });
    const failures = stack.logs.filter((line) => line.includes('webhook read-back failed'));
    expect(failures.length).toBeGreaterThan(5);
    expect(stack.logs.some((line) => line.includes('given up'))).toBe(false);
  }, 40_000);

  it('keeps an acknowledged read-back in Redis across a restart and publishes it from the new process', async () => {
    const emulator = await startEmulator();
    const prefix = testPrefix();
    const start = () =>
      createGateway({
        storeUrl: emulator.storeUrl,
        accessToken: TOKEN,
        webhookSecret: SECRET,
        redisUrl: REDIS_URL,
        redisPrefix: prefix,
        refetchWindowMs: 10,
        upstreamRetries: 0,
        readBackRetryMaxMs: 200,
        logger: createLogger({ level: 'error', write: () => undefined }),
      });
    const first = await start();
    const transport = createTransport({ baseUrl: emulator.storeUrl, accessToken: TOKEN });
    await syncHooks(transport, `${first.url}/webhooks/bigcommerce`, SECRET);
    await fetch(`${emulator.url}/_emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ kind: '503', path: '/v3/inventory/items', method: 'GET' }),
    });
    await setOnHand(emulator, 33);
    await expect.poll(() => first.events.health().readBacks.failing).toBe(1);
    await first.stop();
    const redis = new Redis(REDIS_URL);
    expect(await redis.hkeys(`${prefix}:read-backs`)).toEqual(['v78']);
    await fetch(`${emulator.url}/_emulator/faults`, { method: 'DELETE' });
    const second = await start();
    afterAll(() => second.stop());
    await syncHooks(transport, `${second.url}/webhooks/bigcommerce`, SECRET);
    await transport.close();
    await expect.poll(async () => (await redis.hkeys(`${prefix}:read-backs`)).length).toBe(0);
    const published = await redis.xrange(`${prefix}:events`, '-', '+');
    await redis.quit();
    expect(published).toHaveLength(1);
    expect(published[0]?.[1].join(' ')).toContain('"onHand":33');
  });
});

describe('a full read-back queue', () => {
  it('answers 503 with Retry-After, never 500, and turns readiness false until it drains', async () => {
    const stack = await startLiveStack({
      gateway: { maxPendingReadBacks: 1, upstreamRetries: 0, readBackRetryMaxMs: 100 },
    });
    await fetch(`${stack.emulator.url}/_emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ kind: '503', path: '/v3/inventory/items', method: 'GET' }),
    });
    const first = await postWebhook(
      stack.gateway.url,
      envelope('stock_changed', { product_id: 130, variant_id: 78, location_id: 1 }, 'full-1'),
    );
    expect(first.status).toBe(200);
    const refused = await postWebhook(
      stack.gateway.url,
      envelope('stock_changed', { product_id: 131, variant_id: 79, location_id: 1 }, 'full-2'),
    );
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('60');
    expect(await refused.json()).toEqual({ error: 'busy; deliver again later' });
    const ready = await fetch(`${stack.gateway.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ ready: false, acceptingWebhooks: false, redis: null });
    await fetch(`${stack.emulator.url}/_emulator/faults`, { method: 'DELETE' });
    await expect.poll(async () => (await fetch(`${stack.gateway.url}/readyz`)).status).toBe(200);
    expect(stack.gateway.stats.webhooks).toMatchObject({ accepted: 1, refused: 1 });
  });
});

describe('reconciliation', () => {
  it('heals a lost webhook with the periodic sweep', async () => {
    const stack = await startLiveStack({
      emulator: { webhookLossRate: 1 },
      gateway: { sweepIntervalMs: 300, sweepCallSpacingMs: 10 },
    });
    const counters = subscribeWs<Counters>(
      wsClient(stack.gateway.graphqlUrl),
      COUNTERS,
      { filter: RE130 },
      'backorderCounters',
    );
    const [initial] = await counters.waitFor(1);
    expect(initial?.initial).toBe(true);
    await setOnHand(stack.emulator, (initial?.onHand ?? 0) + 7);
    await expect
      .poll(() => counters.values.at(-1)?.onHand, { timeout: 10_000 })
      .toBe((initial?.onHand ?? 0) + 7);
    expect(counters.values).toHaveLength(2);
    const lost = (await deliveries(stack.emulator.url)).attempts.filter(
      (attempt) => attempt.error === 'lost',
    );
    expect(lost.length).toBeGreaterThan(0);
    expect(stack.gateway.stats.webhooks.received).toBe(0);
    expect(stack.gateway.events.reconciler.stats().published).toBe(1);
  });

  it('reactivates a hook the store deactivated, then sweeps for what it missed', async () => {
    const emulator = await startEmulator();
    const gateway = await createGateway({
      storeUrl: emulator.storeUrl,
      accessToken: TOKEN,
      webhookSecret: SECRET,
      refetchWindowMs: 10,
      sweepIntervalMs: 0,
      logger: createLogger({ level: 'error', write: () => undefined }),
    });
    afterAll(() => gateway.stop());
    const destination = `${gateway.url}/webhooks/bigcommerce`;
    const transport = createTransport({ baseUrl: emulator.storeUrl, accessToken: TOKEN });
    await syncHooks(transport, destination, SECRET);
    await transport.close();
    const counters = subscribeWs<Counters>(
      wsClient(gateway.graphqlUrl),
      COUNTERS,
      { filter: RE130 },
      'backorderCounters',
    );
    const [initial] = await counters.waitFor(1);
    const hooks = (await call(emulator, 'GET', '/v3/hooks')).body as { data: { id: number }[] };
    for (const hook of hooks.data)
      await call(emulator, 'PUT', `/v3/hooks/${hook.id}`, { body: { is_active: false } });
    await setOnHand(emulator, (initial?.onHand ?? 0) + 3);
    expect(gateway.stats.webhooks.received).toBe(0);
    // A second gateway process syncing the same destination periodically.
    const syncing = await createGateway({
      storeUrl: emulator.storeUrl,
      accessToken: TOKEN,
      sweepIntervalMs: 0,
      logger: createLogger({ level: 'error', write: () => undefined }),
      hooksSync: { destination, secret: SECRET, intervalMs: 100 },
    });
    afterAll(() => syncing.stop());
    await expect
      .poll(async () => {
        const listed = (await call(emulator, 'GET', '/v3/hooks')).body as { data: { is_active: boolean }[] };
        return listed.data.every((hook) => hook.is_active);
      })
      .toBe(true);
    expect(syncing.events.reconciler.stats().hookSyncs).toBeGreaterThan(0);
    // The change made while the hooks were off reaches the subscriber through the sweep of the gateway that watches
    // it (here: a forced sweep, as the syncing process holds no figures for it).
    await gateway.events.reconciler.sweep(true);
    await expect.poll(() => counters.values.at(-1)?.onHand).toBe((initial?.onHand ?? 0) + 3);
  });
});

describe('resume cursors', () => {
  it('answers a malformed after with BAD_USER_INPUT and an unknown one with EVENT_EXPIRED', async () => {
    const stack = await startLiveStack();
    const client = wsClient(stack.gateway.graphqlUrl);
    const malformed = subscribeWs<Changed>(client, STOCK_CHANGED, { after: 'garbage' }, 'stockChanged');
    await expect.poll(() => malformed.errors.length).toBe(1);
    expect(JSON.stringify(malformed.errors)).toContain('BAD_USER_INPUT');
    // An id from before a restart of this gateway (it keeps events in memory).
    const unknown = subscribeWs<Changed>(
      client,
      STOCK_CHANGED,
      { after: `${Date.now() - 60_000}-0` },
      'stockChanged',
    );
    await expect.poll(() => unknown.errors.length).toBe(1);
    expect(JSON.stringify(unknown.errors)).toContain('EVENT_EXPIRED');
    const overHttp = await stack.gql(
      'subscription($after: String) { stockChanged(after: $after) { eventId } }',
      { after: '12-ab' },
    );
    expect(JSON.stringify(overHttp.body)).toContain('BAD_USER_INPUT');
    expect(JSON.stringify(overHttp.body)).not.toContain('Unexpected error');
  });
});
