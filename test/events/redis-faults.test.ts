import { afterAll, describe, expect, it } from 'vitest';
import { createGateway } from '../../src/gateway/create-gateway.js';
import { syncHooks } from '../../src/gateway/hooks-sync.js';
import { createLogger } from '../../src/gateway/logger.js';
import { createTransport } from '../../src/upstream/transport.js';
import { call, startEmulator, TOKEN } from '../helpers/emulator.js';
import { SECRET, subscribeWs, wsClient } from '../helpers/live.js';
import { operation } from '../helpers/operations.js';
import { startOwnRedis } from '../helpers/redis-server.js';

const COUNTERS =
  'subscription($filter: InventoryEventFilter) { backorderCounters(filter: $filter) { eventId initial onHand } }';
const RE130 = { variantIds: [78], locationIds: [1] };

interface Counters {
  eventId: string;
  initial: boolean;
  onHand: number;
}

interface Deliveries {
  attempts: { status_code: number | null; error: string | null; ms: number }[];
}

describe('Redis stopped and started under writes and webhooks', () => {
  it('reports every applied write as applied, acknowledges webhooks, and loses or doubles no event', async () => {
    const redis = await startOwnRedis();
    const emulator = await startEmulator();
    const logs: string[] = [];
    const unhandled: string[] = [];
    const consoleError = console.error;
    console.error = (...args: unknown[]) => unhandled.push(args.map(String).join(' '));
    afterAll(() => {
      console.error = consoleError;
    });
    const gateway = await createGateway({
      storeUrl: emulator.storeUrl,
      accessToken: TOKEN,
      webhookSecret: SECRET,
      redisUrl: redis.url,
      redisPrefix: 'bg-fault-test',
      refetchWindowMs: 10,
      sweepIntervalMs: 0,
      logger: createLogger({ level: 'debug', secrets: [TOKEN], write: (line) => logs.push(line) }),
    });
    afterAll(() => gateway.stop());
    const transport = createTransport({ baseUrl: emulator.storeUrl, accessToken: TOKEN });
    await syncHooks(transport, `${gateway.url}/webhooks/bigcommerce`, SECRET);
    await transport.close();

    const counters = subscribeWs<Counters>(
      wsClient(gateway.graphqlUrl),
      COUNTERS,
      { filter: RE130 },
      'backorderCounters',
    );
    const [initial] = await counters.waitFor(1);
    const start = initial?.onHand ?? 0;
    const adjust = async () => {
      const response = await fetch(gateway.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: operation('adjust-inventory.graphql'),
          variables: { input: { mode: 'RELATIVE', items: [{ locationId: 1, variantId: 78, quantity: 1 }] } },
        }),
      });
      const body = (await response.json()) as { data?: { adjustInventory?: { __typename: string } } };
      return body.data?.adjustInventory?.__typename ?? JSON.stringify(body);
    };
    const storeSide = async () => {
      const response = await call(emulator, 'POST', '/v3/inventory/adjustments/relative', {
        body: { reason: 'point of sale', items: [{ location_id: 1, variant_id: 78, quantity: 1 }] },
      });
      expect(response.status).toBe(200);
    };

    // Before, during and after the outage: writes through the gateway and changes made on the store.
    const outcomes: string[] = [];
    outcomes.push(await adjust());
    await storeSide();
    await redis.stop();
    for (let i = 0; i < 5; i += 1) {
      outcomes.push(await adjust());
      await storeSide();
    }
    await expect.poll(() => gateway.events.health().redis?.status).toBe('down');
    const ready = await fetch(`${gateway.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true, redis: { status: 'down' } });
    await expect.poll(() => gateway.events.health().unpublished).toBeGreaterThan(0);
    await redis.start();
    for (let i = 0; i < 2; i += 1) {
      outcomes.push(await adjust());
      await storeSide();
    }
    const expected = start + 16;
    const level = (await call(emulator, 'GET', '/v3/inventory/items?variant_id:in=78&location_id:in=1'))
      .body as { data: { locations: { location_id: number; total_inventory_onhand: number }[] }[] };
    expect(level.data[0]?.locations.find((entry) => entry.location_id === 1)?.total_inventory_onhand).toBe(
      expected,
    );
    expect(outcomes).toEqual(Array.from({ length: 8 }, () => 'InventoryAdjusted'));

    await expect.poll(() => counters.values.at(-1)?.onHand, { timeout: 15_000 }).toBe(expected);
    const seen = counters.values.map((value) => value.onHand);
    // Never the same figure twice in a row, never backwards, each event id once.
    for (let i = 1; i < seen.length; i += 1) expect(seen[i]).toBeGreaterThan(seen[i - 1] ?? 0);
    const ids = counters.values.slice(1).map((value) => value.eventId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(gateway.events.health()).toMatchObject({ redis: { status: 'ready' }, unpublished: 0 });

    // Every webhook was acknowledged at once with 200, none failed or hung.
    const { attempts } = (await (await fetch(`${emulator.url}/_emulator/deliveries`)).json()) as Deliveries;
    expect(attempts.length).toBeGreaterThanOrEqual(8);
    expect(attempts.every((attempt) => attempt.status_code === 200)).toBe(true);
    expect(gateway.stats.webhooks.recordedLocally).toBeGreaterThan(0);

    // Every log line is JSON, none carries a stack; ioredis printed nothing of its own.
    for (const line of logs) expect(() => JSON.parse(line) as unknown).not.toThrow();
    expect(logs.some((line) => line.includes('redis unreachable'))).toBe(true);
    expect(logs.some((line) => line.includes('    at '))).toBe(false);
    expect(unhandled.filter((line) => line.includes('ioredis'))).toEqual([]);
  }, 60_000);
});
