import { describe, expect, it } from 'vitest';
import { call, locationItem, startEmulator } from '../helpers/emulator.js';
import { startReceiver } from '../helpers/receiver.js';

const STOCK_CHANGED = 'store/channel/*/inventory/product/stock_changed';

describe('events follow what reads show', () => {
  it('fires stock_changed when a delayed write becomes visible, not before', async () => {
    const emulator = await startEmulator({ applyDelayMs: 200 });
    const receiver = await startReceiver();
    await call(emulator, 'POST', '/v3/hooks', { body: { scope: STOCK_CHANGED, destination: receiver.url } });
    const sent = Date.now();
    await call(emulator, 'PUT', '/v3/inventory/adjustments/absolute', {
      body: { items: [{ location_id: 1, variant_id: 78, quantity: 64 }] },
    });
    const [delivery] = await receiver.waitFor(1);
    expect((delivery?.at ?? 0) - sent).toBeGreaterThanOrEqual(150);
    expect((await locationItem(emulator, 1, 78)).total_inventory_onhand).toBe(64);
  });

  it('fires nothing for settings that change nothing, or adjustments that leave figures as they were', async () => {
    const emulator = await startEmulator({ webhookTimeScale: 0.001 });
    const receiver = await startReceiver();
    await call(emulator, 'POST', '/v3/hooks', {
      body: { scope: 'store/channel/*/inventory/*', destination: receiver.url },
    });
    await call(emulator, 'PUT', '/v3/inventory/locations/1/items', {
      body: { settings: [{ identity: { variant_id: 78 }, backorder_limit: 33, safety_stock: 2 }] },
    });
    await call(emulator, 'PUT', '/v3/inventory/adjustments/absolute', {
      body: { items: [{ location_id: 1, variant_id: 78, quantity: 12 }] },
    });
    await call(emulator, 'PUT', '/v3/inventory/locations/1/items', {
      body: { settings: [{ identity: { variant_id: 78 }, warning_level: 7 }] },
    });
    const [only] = await receiver.waitFor(1);
    expect(only?.body).toMatchObject({
      scope: 'store/channel/1/inventory/product/settings_changed',
      data: { variant_id: 78 },
    });
    const deliveries = (await (await fetch(`${emulator.url}/_emulator/deliveries`)).json()) as {
      attempts: unknown[];
      pending: number;
    };
    expect(deliveries).toMatchObject({ pending: 0 });
    expect(deliveries.attempts).toHaveLength(1);
  });
});

describe('hooks listing', () => {
  it('filters by scope and destination and pages with meta', async () => {
    const emulator = await startEmulator();
    for (const [scope, destination] of [
      [STOCK_CHANGED, 'https://a.example.com/x'],
      ['store/order/created', 'https://a.example.com/x'],
      [STOCK_CHANGED, 'https://b.example.com/y'],
    ] as const) {
      await call(emulator, 'POST', '/v3/hooks', { body: { scope, destination } });
    }
    const byScope = (await call(emulator, 'GET', `/v3/hooks?scope=${encodeURIComponent(STOCK_CHANGED)}`))
      .body as { data: { destination: string }[] };
    expect(byScope.data.map((hook) => hook.destination)).toEqual([
      'https://a.example.com/x',
      'https://b.example.com/y',
    ]);
    const byDestination = (
      await call(emulator, 'GET', `/v3/hooks?destination=${encodeURIComponent('https://a.example.com/x')}`)
    ).body as { data: unknown[] };
    expect(byDestination.data).toHaveLength(2);
    const paged = (await call(emulator, 'GET', '/v3/hooks?limit=2&page=2')).body as {
      data: unknown[];
      meta: { pagination: { total: number; current_page: number } };
    };
    expect(paged.data).toHaveLength(1);
    expect(paged.meta.pagination).toMatchObject({ total: 3, current_page: 2 });
  });
});

describe('Admin GraphQL limits', () => {
  it('refuses a query deeper than 16 levels', async () => {
    const emulator = await startEmulator();
    // Each level adds product > variants > edges > node: six levels nest 24 fields deep, at complexity well under 10,000.
    let selection = 'id';
    for (let i = 0; i < 6; i += 1)
      selection = `product { variants(first: 1) { edges { node { ${selection} } } } }`;
    const deep = `{ node(id: "bc/store/productVariant/1") { ... on Variant { ${selection} } } }`;
    const response = await call(emulator, 'POST', '/graphql', { body: { query: deep } });
    const body = response.body as { errors?: { message: string }[] };
    expect(body.errors?.[0]?.message).toContain('maximum depth of 16');
  });
});
