import { afterAll, describe, expect, it } from 'vitest';
import { REDIS_URL, testPrefix } from '../helpers/redis.js';
import { createGateway } from '../../src/gateway/create-gateway.js';
import { createLogger } from '../../src/gateway/logger.js';
import { startEmulator, TOKEN, call } from '../helpers/emulator.js';
import { envelope, postWebhook, SECRET, subscribeWs, wsClient } from '../helpers/live.js';

const STOCK_CHANGED =
  'subscription($filter: InventoryEventFilter, $after: String) { stockChanged(filter: $filter, after: $after) { eventId level { id onHand } } }';

interface Changed {
  eventId: string;
  level: { id: string; onHand: number };
}

async function replica(storeUrl: string, prefix: string) {
  return createGateway({
    storeUrl,
    accessToken: TOKEN,
    webhookSecret: SECRET,
    redisUrl: REDIS_URL,
    redisPrefix: prefix,
    refetchWindowMs: 10,
    logger: createLogger({ level: 'error', write: () => undefined }),
  });
}

describe('replicas sharing Redis', () => {
  it('delivers an event received by one replica to subscribers on the other, once when both read the change', async () => {
    const emulator = await startEmulator();
    const prefix = testPrefix();
    const [a, b] = await Promise.all([
      replica(emulator.storeUrl, prefix),
      replica(emulator.storeUrl, prefix),
    ]);
    afterAll(() => Promise.all([a.stop(), b.stop()]));
    const onB = subscribeWs<Changed>(
      wsClient(b.graphqlUrl),
      STOCK_CHANGED,
      { filter: { variantIds: [78] } },
      'stockChanged',
    );
    await expect.poll(() => b.subscriptionCount()).toBe(1);
    await call(emulator, 'PUT', '/v3/inventory/adjustments/absolute', {
      body: { items: [{ location_id: 1, variant_id: 78, quantity: 41 }] },
    });
    const hook = envelope(
      'stock_changed',
      { product_id: 130, variant_id: 78, location_id: 1 },
      `hash-${prefix}`,
    );
    expect((await postWebhook(a.url, hook)).status).toBe(200);
    expect((await postWebhook(b.url, hook)).status).toBe(200);
    const [event] = await onB.waitFor(1);
    expect(event?.level).toEqual({ id: 'InventoryLevel:130/78@1', onHand: 41 });
    // Each replica reads the item back (a hash never suppresses a read); the shared snapshots publish it once.
    expect(a.stats.webhooks.accepted + b.stats.webhooks.accepted).toBe(2);
    await expect.poll(() => a.refetchCalls() + b.refetchCalls()).toBe(2);
    await expect.poll(() => a.events.health().readBacks.items + b.events.health().readBacks.items).toBe(0);
    await a.events.reconciler.sweep(true);
    expect(onB.values).toHaveLength(1);
  });

  it('lets a client resume from its last id on a restarted replica, in order, with nothing missed or doubled', async () => {
    const emulator = await startEmulator();
    const prefix = testPrefix();
    const a = await replica(emulator.storeUrl, prefix);
    afterAll(() => a.stop());
    let b = await replica(emulator.storeUrl, prefix);
    const first = subscribeWs<Changed>(
      wsClient(b.graphqlUrl),
      STOCK_CHANGED,
      { filter: { variantIds: [78] } },
      'stockChanged',
    );
    await expect.poll(() => b.subscriptionCount()).toBe(1);
    const adjust = async (quantity: number, hash: string) => {
      await call(emulator, 'PUT', '/v3/inventory/adjustments/absolute', {
        body: { items: [{ location_id: 1, variant_id: 78, quantity }] },
      });
      expect(
        (
          await postWebhook(
            a.url,
            envelope(
              'stock_changed',
              { product_id: 130, variant_id: 78, location_id: 1 },
              `${prefix}-${hash}`,
            ),
          )
        ).status,
      ).toBe(200);
    };
    await adjust(50, 'one');
    const [seen] = await first.waitFor(1);
    first.dispose();
    await b.stop();
    // While the client is away, two more changes happen.
    await adjust(51, 'two');
    await expect.poll(() => a.refetchCalls()).toBe(2);
    await adjust(52, 'three');
    await expect.poll(() => a.refetchCalls()).toBe(3);
    b = await replica(emulator.storeUrl, prefix);
    afterAll(() => b.stop());
    const resumed = subscribeWs<Changed>(
      wsClient(b.graphqlUrl),
      STOCK_CHANGED,
      { filter: { variantIds: [78] }, after: seen?.eventId },
      'stockChanged',
    );
    await resumed.waitFor(2);
    await adjust(53, 'four');
    await resumed.waitFor(3);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(resumed.values.map((value) => value.level.onHand)).toEqual([51, 52, 53]);
    const ids = resumed.values.map((value) => value.eventId);
    expect(new Set(ids).size).toBe(3);
  });

  it('lets one replica at a time sweep, through a lock in Redis', async () => {
    const emulator = await startEmulator();
    const prefix = testPrefix();
    const [a, b] = await Promise.all([
      replica(emulator.storeUrl, prefix),
      replica(emulator.storeUrl, prefix),
    ]);
    afterAll(() => Promise.all([a.stop(), b.stop()]));
    const reports = await Promise.all([a.events.reconciler.sweep(), b.events.reconciler.sweep()]);
    expect(reports.filter((report) => report !== null)).toHaveLength(1);
    expect(await b.events.reconciler.sweep()).toBeNull();
  });
});
