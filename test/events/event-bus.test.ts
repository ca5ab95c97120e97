import { describe, expect, it } from 'vitest';
import {
  EventExpiredError,
  createMemoryEventBus,
  decide,
  type InventoryEvent,
} from '../../src/gateway/events/event-bus.js';
import type { LocationStock } from '../../src/upstream/bigcommerce-rest/inventory.js';
import { silentLogger } from '../../src/gateway/logger.js';

const ITEM = { sku: 'RE-130', variantId: 78, productId: 130 };

function stock(qtyBackordered: number, onHand = 2, backorderLimit: number | null = 33): LocationStock {
  return {
    locationId: 1,
    locationCode: 'BC-LOCATION-1',
    locationName: 'Default location',
    locationEnabled: true,
    availableToSell: Math.max(0, onHand - 2),
    onHand,
    qtyBackordered,
    settings: { safetyStock: 2, isInStock: true, warningLevel: 2, binPickingNumber: '1', backorderLimit },
  };
}

describe('publishing rule', () => {
  it('publishes a change only when the figures differ, and never an older read after a newer one', () => {
    const first = decide(undefined, { item: ITEM, stock: stock(5), readAt: 100 });
    expect(first?.kinds).toEqual(['change']);
    const same = decide(first?.next, { item: ITEM, stock: stock(5), readAt: 200 });
    expect(same?.kinds).toEqual([]);
    const older = decide(same?.next, { item: ITEM, stock: stock(9), readAt: 150 });
    expect(older).toBeNull();
    const newer = decide(same?.next, { item: ITEM, stock: stock(9), readAt: 300 });
    expect(newer).toMatchObject({ kinds: ['change'], countersChanged: true });
  });

  it('announces the limit once when crossed or signalled, and again only after dropping below it', () => {
    const below = decide(undefined, { item: ITEM, stock: stock(10), readAt: 1, baselineOnly: true });
    const reached = decide(below?.next, { item: ITEM, stock: stock(33), readAt: 2 });
    expect(reached?.kinds).toEqual(['change', 'limit']);
    const signalledLater = decide(reached?.next, {
      item: ITEM,
      stock: stock(33),
      readAt: 3,
      limitReached: true,
    });
    expect(signalledLater?.kinds).toEqual([]);
    const dropped = decide(signalledLater?.next, { item: ITEM, stock: stock(20), readAt: 4 });
    const again = decide(dropped?.next, { item: ITEM, stock: stock(33), readAt: 5 });
    expect(again?.kinds).toEqual(['change', 'limit']);
    const unlimited = decide(undefined, { item: ITEM, stock: stock(500, 0, null), readAt: 1 });
    expect(unlimited?.kinds).toEqual(['change']);
  });
});

describe('Redis bus', () => {
  it('applies the same rule atomically: an older read from another replica publishes nothing', async () => {
    const { randomBytes } = await import('node:crypto');
    const { Redis } = await import('ioredis');
    const { createRedisEventBus } = await import('../../src/gateway/events/redis-event-bus.js');
    const url = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
    const prefix = `bg-test-${randomBytes(6).toString('hex')}`;
    const { createRedisConnection } = await import('../../src/gateway/events/redis-connection.js');
    const [ca, cb] = await Promise.all([
      createRedisConnection({ url, logger: silentLogger }),
      createRedisConnection({ url, logger: silentLogger }),
    ]);
    const [a, b] = await Promise.all([
      createRedisEventBus({ connection: ca, logger: silentLogger, prefix }),
      createRedisEventBus({ connection: cb, logger: silentLogger, prefix }),
    ]);
    try {
      expect(
        (await a.observe([{ item: ITEM, stock: stock(5), readAt: 200 }])).map((event) => event.kind),
      ).toEqual(['change']);
      expect(await b.observe([{ item: ITEM, stock: stock(3), readAt: 100 }])).toEqual([]);
      expect(await b.observe([{ item: ITEM, stock: stock(5), readAt: 300 }])).toEqual([]);
      const reached = await b.observe([{ item: ITEM, stock: stock(33), readAt: 400 }]);
      expect(reached.map((event) => event.kind)).toEqual(['change', 'limit']);
      expect(await a.observe([{ item: ITEM, stock: stock(33), readAt: 500, limitReached: true }])).toEqual(
        [],
      );
      expect(await a.watchedProducts()).toEqual([ITEM.productId]);
    } finally {
      await Promise.all([a.close(), b.close()]);
      await Promise.all([ca.close(), cb.close()]);
      const redis = new Redis(url);
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
    }
  });
});

describe('memory bus', () => {
  it('replays what a client missed after its last id, in order, then continues live', async () => {
    const bus = createMemoryEventBus();
    const published = await bus.observe(
      [1, 2, 3].map((qty, i) => ({ item: ITEM, stock: stock(qty), readAt: i + 1 })),
    );
    const seen: InventoryEvent[] = [];
    const stop = await bus.subscribe((event) => seen.push(event), published[0]?.id);
    await bus.observe([{ item: ITEM, stock: stock(4), readAt: 10 }]);
    expect(seen.map((event) => event.stock.qtyBackordered)).toEqual([2, 3, 4]);
    stop();
    expect(bus.listenerCount()).toBe(0);
  });

  it('refuses to resume from an id older than its retention', async () => {
    const bus = createMemoryEventBus({ retention: 2 });
    const published = await bus.observe(
      [1, 2, 3, 4].map((qty, i) => ({ item: ITEM, stock: stock(qty), readAt: i + 1 })),
    );
    await expect(bus.subscribe(() => undefined, published[0]?.id)).rejects.toBeInstanceOf(EventExpiredError);
    await expect(bus.subscribe(() => undefined, published[2]?.id)).resolves.toBeTypeOf('function');
  });

  it('refuses to resume from an id it never issued, such as one from before a restart', async () => {
    const before = createMemoryEventBus();
    const old = (
      await before.observe([1, 2, 3].map((qty) => ({ item: ITEM, stock: stock(qty), readAt: qty })))
    ).at(-1);
    const restarted = createMemoryEventBus();
    await restarted.observe([{ item: ITEM, stock: stock(2), readAt: 9 }]);
    await expect(restarted.subscribe(() => undefined, old?.id)).rejects.toBeInstanceOf(EventExpiredError);
    await expect(restarted.subscribe(() => undefined, '1-0')).rejects.toBeInstanceOf(EventExpiredError);
  });
});
