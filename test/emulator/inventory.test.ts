import { describe, expect, it } from 'vitest';
import { call, locationItem, startEmulator } from '../helpers/emulator.js';
import { specErrors } from '../helpers/openapi.js';
import { startReceiver } from '../helpers/receiver.js';

const INVENTORY = 'inventory.v3.yml';

/** The guide's absolute adjustment example, byte for byte in shape. */
const GUIDE_ABSOLUTE = {
  reason: 'Absolute adjustment reason',
  items: [
    { location_id: 1, variant_id: 1, quantity: 1, qty_backordered: 0 },
    { location_id: 2, variant_id: 3, quantity: 1 },
    { location_id: 3, sku: 'sku-4', qty_backordered: 0 },
    { location_id: 1, sku: 'sku-5', quantity: 1, qty_backordered: 0 },
    { location_id: 1, product_id: 111, quantity: 7, qty_backordered: 0 },
  ],
};

/** The guide's relative adjustment example. */
const GUIDE_RELATIVE = {
  reason: 'Relative adjustment reason',
  items: [
    { location_id: 1, variant_id: 1, quantity: 1, qty_backordered: -1 },
    { location_id: 2, variant_id: 3, quantity: 1 },
    { location_id: 3, sku: 'sku-4', qty_backordered: -3 },
    { location_id: 1, sku: 'sku-5', quantity: -1 },
  ],
};

interface ProblemBody {
  status: number;
  title: string;
  type: string;
  errors: Record<string, string>;
}

describe('GET /v3/inventory/locations/{id}/items', () => {
  it('answers the guide example for RE-130 with the beta fields', async () => {
    const emulator = await startEmulator();
    const response = await call(emulator, 'GET', '/v3/inventory/locations/1/items?sku:in=RE-130');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      data: [
        {
          identity: { sku: 'RE-130', variant_id: 78, product_id: 130 },
          available_to_sell: 10,
          total_inventory_onhand: 12,
          qty_backordered: 0,
          settings: {
            safety_stock: 2,
            is_in_stock: true,
            warning_level: 2,
            bin_picking_number: '1',
            backorder_limit: 33,
          },
        },
      ],
    });
    expect(
      specErrors(INVENTORY, '/inventory/locations/{location_id}/items', 'GET', 200, response.body),
    ).toEqual([]);
  });

  it('answers 404 problem+json for an unknown location', async () => {
    const emulator = await startEmulator();
    const response = await call(emulator, 'GET', '/v3/inventory/locations/999/items');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect((response.body as ProblemBody).title).toContain('999');
    expect(
      specErrors(
        INVENTORY,
        '/inventory/locations/{location_id}/items',
        'GET',
        404,
        response.body,
        'application/problem+json',
      ),
    ).toEqual([]);
  });
});

describe('GET /v3/inventory/items', () => {
  it('lists every location of an item with the guide shape', async () => {
    const emulator = await startEmulator();
    const response = await call(emulator, 'GET', '/v3/inventory/items?variant_id:in=79');
    expect(response.status).toBe(200);
    const body = response.body as { data: { identity: unknown; locations: { location_id: number }[] }[] };
    expect(body.data).toHaveLength(1);
    expect(body.data[0]?.identity).toEqual({ sku: 'RE-131', variant_id: 79, product_id: 130, sku_id: 1079 });
    expect(body.data[0]?.locations.map((location) => location.location_id)).toEqual([1, 2, 3]);
    expect(body.data[0]?.locations[0]).toEqual({
      location_id: 1,
      location_code: 'BC-LOCATION-1',
      location_name: 'Default location',
      available_to_sell: 10,
      total_inventory_onhand: 11,
      location_enabled: true,
      qty_backordered: 0,
      settings: {
        safety_stock: 1,
        is_in_stock: true,
        warning_level: 1,
        bin_picking_number: '1',
        backorder_limit: 33,
      },
    });
    expect(specErrors(INVENTORY, '/inventory/items', 'GET', 200, response.body)).toEqual([]);
  });

  it('filters by sku, product, variant and location, and never lists untracked products', async () => {
    const emulator = await startEmulator();
    const bySku = (await call(emulator, 'GET', '/v3/inventory/items?sku:in=sku-4,sku-5')).body as {
      data: { identity: { sku: string } }[];
    };
    expect(bySku.data.map((item) => item.identity.sku)).toEqual(['sku-4', 'sku-5']);
    const byProduct = (await call(emulator, 'GET', '/v3/inventory/items?product_id:in=77,140')).body as {
      data: { identity: { variant_id: number } }[];
    };
    expect(byProduct.data.map((item) => item.identity.variant_id)).toEqual([1, 2, 3]);
    const productLevel = (await call(emulator, 'GET', '/v3/inventory/items?product_id:in=111')).body as {
      data: { identity: unknown }[];
    };
    expect(productLevel.data[0]?.identity).toEqual({
      sku: 'MUG-111',
      variant_id: 106,
      product_id: 111,
      sku_id: 0,
    });
    const byLocation = (await call(emulator, 'GET', '/v3/inventory/items?variant_id:in=1&location_id:in=2,3'))
      .body as { data: { locations: { location_id: number }[] }[] };
    expect(byLocation.data[0]?.locations.map((location) => location.location_id)).toEqual([2, 3]);
    const byCode = (
      await call(emulator, 'GET', '/v3/inventory/items?variant_id:in=1&location_code:in=WH-WEST')
    ).body as { data: { locations: { location_id: number }[] }[] };
    expect(byCode.data[0]?.locations.map((location) => location.location_id)).toEqual([3]);
  });

  it('paginates with meta.pagination', async () => {
    const emulator = await startEmulator();
    const first = (await call(emulator, 'GET', '/v3/inventory/items?limit=4&page=1')).body as {
      data: { identity: { variant_id: number } }[];
      meta: { pagination: Record<string, unknown> };
    };
    const third = (await call(emulator, 'GET', '/v3/inventory/items?limit=4&page=3')).body as {
      data: { identity: { variant_id: number } }[];
      meta: { pagination: Record<string, unknown> };
    };
    expect(first.meta.pagination).toEqual({
      total: 11,
      count: 4,
      per_page: 4,
      current_page: 1,
      total_pages: 3,
      links: { current: '?limit=4&page=1', next: '?limit=4&page=2' },
    });
    expect(third.data).toHaveLength(3);
    expect(third.meta.pagination).toMatchObject({
      current_page: 3,
      links: { previous: '?limit=4&page=2', current: '?limit=4&page=3' },
    });
    const all = (await call(emulator, 'GET', '/v3/inventory/items?limit=1000')).body as { data: unknown[] };
    expect(all.data).toHaveLength(11);
  });

  it('refuses malformed filters and limits with 422', async () => {
    const emulator = await startEmulator();
    for (const query of ['variant_id:in=1,x', 'page=0', 'limit=abc']) {
      const response = await call(emulator, 'GET', `/v3/inventory/items?${query}`);
      expect(response.status, query).toBe(422);
      expect(Object.keys((response.body as ProblemBody).errors).length, query).toBeGreaterThan(0);
    }
  });

  it('answers 413 to a limit above 1,000, as BigCommerce does for a limit over the maximum', async () => {
    const emulator = await startEmulator();
    expect((await call(emulator, 'GET', '/v3/inventory/items?limit=1000')).status).toBe(200);
    const response = await call(emulator, 'GET', '/v3/inventory/items?limit=1001');
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.body).toMatchObject({ status: 413, errors: { limit: 'must be <= 1000' } });
  });
});

describe('PUT /v3/inventory/adjustments/absolute', () => {
  it('applies the guide example and answers a transaction id', async () => {
    const emulator = await startEmulator();
    const response = await call(emulator, 'PUT', '/v3/inventory/adjustments/absolute', {
      body: GUIDE_ABSOLUTE,
    });
    expect(response.status).toBe(200);
    expect((response.body as { transaction_id: string }).transaction_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(specErrors(INVENTORY, '/inventory/adjustments/absolute', 'PUT', 200, response.body)).toEqual([]);
    expect(await locationItem(emulator, 1, 1)).toMatchObject({
      total_inventory_onhand: 1,
      qty_backordered: 0,
    });
    expect(await locationItem(emulator, 2, 3)).toMatchObject({ total_inventory_onhand: 1 });
    expect(await locationItem(emulator, 3, 4)).toMatchObject({
      total_inventory_onhand: 0,
      qty_backordered: 0,
    });
    const mug = (await call(emulator, 'GET', '/v3/inventory/locations/1/items?product_id:in=111')).body as {
      data: { total_inventory_onhand: number }[];
    };
    expect(mug.data[0]?.total_inventory_onhand).toBe(7);
  });

  it('rejects the whole request when one item is bad, naming the item', async () => {
    const emulator = await startEmulator();
    const before = await locationItem(emulator, 1, 78);
    const response = await call(emulator, 'PUT', '/v3/inventory/adjustments/absolute', {
      body: {
        items: [
          { location_id: 1, variant_id: 78, quantity: 99 },
          { location_id: 1, variant_id: 79, quantity: -5 },
        ],
      },
    });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect((response.body as ProblemBody).errors).toHaveProperty(['items.1.quantity']);
    expect(
      specErrors(
        INVENTORY,
        '/inventory/adjustments/absolute',
        'PUT',
        422,
        response.body,
        'application/problem+json',
      ),
    ).toEqual([]);
    expect(await locationItem(emulator, 1, 78)).toEqual(before);
  });

  it.each([
    [
      'over the int32 ceiling',
      { location_id: 1, variant_id: 78, quantity: 2_147_483_648 },
      'items.0.quantity',
    ],
    [
      'a negative backorder count',
      { location_id: 1, variant_id: 78, qty_backordered: -1 },
      'items.0.qty_backordered',
    ],
    ['no identity', { location_id: 1, quantity: 1 }, 'items.0'],
    ['mixed identities', { location_id: 1, variant_id: 78, sku: 'RE-130', quantity: 1 }, 'items.0'],
    ['no quantity at all', { location_id: 1, variant_id: 78 }, 'items.0'],
    ['an unknown variant', { location_id: 1, variant_id: 9999, quantity: 1 }, 'items.0.variant_id'],
    ['an unknown sku', { location_id: 1, sku: 'NOPE', quantity: 1 }, 'items.0.sku'],
    ['an unknown location', { location_id: 42, variant_id: 78, quantity: 1 }, 'items.0.location_id'],
    ['a missing location', { variant_id: 78, quantity: 1 }, 'items.0.location_id'],
    ['a fractional quantity', { location_id: 1, variant_id: 78, quantity: 1.5 }, 'items.0.quantity'],
    ['an untracked product', { location_id: 1, product_id: 140, quantity: 1 }, 'items.0.product_id'],
  ])('refuses %s with 422 naming %s', async (_name, item, path) => {
    const emulator = await startEmulator();
    const response = await call(emulator, 'PUT', '/v3/inventory/adjustments/absolute', {
      body: { items: [item] },
    });
    expect(response.status).toBe(422);
    expect((response.body as ProblemBody).errors).toHaveProperty([path]);
  });

  it('refuses the wrong identity for the tracking mode with BigCommerce title', async () => {
    const emulator = await startEmulator();
    const byVariant = await call(emulator, 'PUT', '/v3/inventory/adjustments/absolute', {
      body: { items: [{ location_id: 1, variant_id: 106, quantity: 1 }] },
    });
    expect(byVariant.status).toBe(422);
    expect((byVariant.body as ProblemBody).title).toBe(
      '[Item with variant_id 106 is tracked by product, please update stock by product id]',
    );
    const byProduct = await call(emulator, 'PUT', '/v3/inventory/adjustments/absolute', {
      body: { items: [{ location_id: 1, product_id: 130, quantity: 1 }] },
    });
    expect((byProduct.body as ProblemBody).title).toBe(
      '[Item with product_id 130 is tracked by variant, please update stock by variant id or sku]',
    );
  });

  it('refuses more than 2,000 items and empty or missing item lists', async () => {
    const emulator = await startEmulator();
    const items = Array.from({ length: 2001 }, () => ({ location_id: 1, variant_id: 78, quantity: 1 }));
    const tooMany = await call(emulator, 'PUT', '/v3/inventory/adjustments/absolute', { body: { items } });
    expect(tooMany.status).toBe(422);
    expect((tooMany.body as ProblemBody).errors['items']).toContain('2001');
    expect(
      (await call(emulator, 'PUT', '/v3/inventory/adjustments/absolute', { body: { items: [] } })).status,
    ).toBe(422);
    expect(
      (await call(emulator, 'PUT', '/v3/inventory/adjustments/absolute', { body: { reason: 'x' } })).status,
    ).toBe(422);
    expect((await call(emulator, 'PUT', '/v3/inventory/adjustments/absolute', { body: [1, 2] })).status).toBe(
      422,
    );
    const exactly = await call(emulator, 'PUT', '/v3/inventory/adjustments/absolute', {
      body: {
        items: Array.from({ length: 2000 }, (_, i) => ({ location_id: 1, variant_id: 78, quantity: i })),
      },
    });
    expect(exactly.status).toBe(200);
    expect((await locationItem(emulator, 1, 78)).total_inventory_onhand).toBe(1999);
  });
});

describe('POST /v3/inventory/adjustments/relative', () => {
  it('applies the guide example as deltas', async () => {
    const emulator = await startEmulator();
    const response = await call(emulator, 'POST', '/v3/inventory/adjustments/relative', {
      body: GUIDE_RELATIVE,
    });
    expect(response.status).toBe(200);
    expect(specErrors(INVENTORY, '/inventory/adjustments/relative', 'POST', 200, response.body)).toEqual([]);
    expect(await locationItem(emulator, 1, 1)).toMatchObject({
      total_inventory_onhand: 1,
      qty_backordered: 19,
    });
    expect(await locationItem(emulator, 2, 3)).toMatchObject({ total_inventory_onhand: 6 });
    expect(await locationItem(emulator, 3, 4)).toMatchObject({ qty_backordered: 5 });
    expect(await locationItem(emulator, 1, 5)).toMatchObject({ total_inventory_onhand: 29 });
  });

  it('requires an absolute adjustment before the first relative one', async () => {
    const emulator = await startEmulator();
    const response = await call(emulator, 'POST', '/v3/inventory/adjustments/relative', {
      body: { items: [{ location_id: 3, variant_id: 1, quantity: 2 }] },
    });
    expect(response.status).toBe(422);
    expect((response.body as ProblemBody).title).toBe(
      'Items with identity: [variant_id 1] requires absolute adjustment before relative',
    );
    expect((response.body as ProblemBody).errors['items.0']).toContain('location 3');
    await call(emulator, 'PUT', '/v3/inventory/adjustments/absolute', {
      body: { items: [{ location_id: 3, variant_id: 1, quantity: 0 }] },
    });
    const after = await call(emulator, 'POST', '/v3/inventory/adjustments/relative', {
      body: { items: [{ location_id: 3, variant_id: 1, quantity: 2 }] },
    });
    expect(after.status).toBe(200);
    expect((await locationItem(emulator, 3, 1)).total_inventory_onhand).toBe(2);
  });

  it('refuses a decrement below safety stock and below zero, changing nothing', async () => {
    const emulator = await startEmulator();
    const belowSafety = await call(emulator, 'POST', '/v3/inventory/adjustments/relative', {
      body: {
        items: [
          { location_id: 1, sku: 'sku-5', quantity: -1 },
          { location_id: 1, variant_id: 78, quantity: -11 },
        ],
      },
    });
    expect(belowSafety.status).toBe(422);
    expect((belowSafety.body as ProblemBody).errors['items.1.quantity']).toContain('safety stock of 2');
    expect((await locationItem(emulator, 1, 5)).total_inventory_onhand).toBe(30);
    const belowZero = await call(emulator, 'POST', '/v3/inventory/adjustments/relative', {
      body: { items: [{ location_id: 1, variant_id: 1, qty_backordered: -21 }] },
    });
    expect(belowZero.status).toBe(422);
    expect((belowZero.body as ProblemBody).errors).toHaveProperty(['items.0.qty_backordered']);
    const toSafety = await call(emulator, 'POST', '/v3/inventory/adjustments/relative', {
      body: { items: [{ location_id: 1, variant_id: 78, quantity: -10 }] },
    });
    expect(toSafety.status).toBe(200);
    expect(await locationItem(emulator, 1, 78)).toMatchObject({
      total_inventory_onhand: 2,
      available_to_sell: 0,
    });
  });

  it('accumulates repeated items of one request in order', async () => {
    const emulator = await startEmulator();
    const response = await call(emulator, 'POST', '/v3/inventory/adjustments/relative', {
      body: {
        items: [
          { location_id: 1, sku: 'sku-5', quantity: 5 },
          { location_id: 1, variant_id: 5, quantity: -2 },
        ],
      },
    });
    expect(response.status).toBe(200);
    expect((await locationItem(emulator, 1, 5)).total_inventory_onhand).toBe(33);
  });
});

describe('PUT /v3/inventory/locations/{id}/items (settings)', () => {
  it('applies the guide example with a full identity', async () => {
    const emulator = await startEmulator();
    const response = await call(emulator, 'PUT', '/v3/inventory/locations/1/items', {
      body: {
        settings: [
          { identity: { sku: 'SLCTBS-A9615491', variant_id: 1, product_id: 77 }, backorder_limit: 100 },
        ],
      },
    });
    expect(response.status).toBe(200);
    expect(
      specErrors(INVENTORY, '/inventory/locations/{location_id}/items', 'PUT', 200, response.body),
    ).toEqual([]);
    expect((await locationItem(emulator, 1, 1)).settings).toMatchObject({
      backorder_limit: 100,
      safety_stock: 0,
    });
  });

  it('changes only the fields sent and accepts null as unlimited', async () => {
    const emulator = await startEmulator();
    await call(emulator, 'PUT', '/v3/inventory/locations/1/items', {
      body: { settings: [{ identity: { variant_id: 78 }, backorder_limit: null, bin_picking_number: 'B7' }] },
    });
    expect((await locationItem(emulator, 1, 78)).settings).toEqual({
      safety_stock: 2,
      is_in_stock: true,
      warning_level: 2,
      bin_picking_number: 'B7',
      backorder_limit: null,
    });
  });

  it('refuses an entry without settings in BigCommerce words, and bad values, changing nothing', async () => {
    const emulator = await startEmulator();
    const empty = await call(emulator, 'PUT', '/v3/inventory/locations/1/items', {
      body: { settings: [{ identity: { variant_id: 78 } }] },
    });
    expect(empty.status).toBe(422);
    expect(empty.body).toMatchObject({ title: 'Payload contains invalid fields' });
    expect((empty.body as ProblemBody).errors['setting.0.settings']).toMatch(
      /^At least one setting must be specified/,
    );
    expect(
      specErrors(
        INVENTORY,
        '/inventory/locations/{location_id}/items',
        'PUT',
        422,
        empty.body,
        'application/problem+json',
      ),
    ).toEqual([]);
    const mixed = await call(emulator, 'PUT', '/v3/inventory/locations/1/items', {
      body: {
        settings: [
          { identity: { variant_id: 78 }, backorder_limit: 5 },
          { identity: { variant_id: 79 }, backorder_limit: -1 },
        ],
      },
    });
    expect(mixed.status).toBe(422);
    expect((mixed.body as ProblemBody).errors).toHaveProperty(['settings.1.backorder_limit']);
    expect((await locationItem(emulator, 1, 78)).settings['backorder_limit']).toBe(33);
    const conflicting = await call(emulator, 'PUT', '/v3/inventory/locations/1/items', {
      body: { settings: [{ identity: { variant_id: 78, sku: 'RE-131' }, warning_level: 1 }] },
    });
    expect((conflicting.body as ProblemBody).errors['settings.0.identity']).toContain('different variants');
    expect(
      (
        await call(emulator, 'PUT', '/v3/inventory/locations/9/items', {
          body: { settings: [{ identity: { variant_id: 78 }, warning_level: 1 }] },
        })
      ).status,
    ).toBe(404);
  });
});

describe('backorder messages', () => {
  const SETTINGS_CHANGED = 'store/channel/*/inventory/product/settings_changed';

  it('stores backorder_message_id, answers backorder_message only where one is assigned, and emits settings_changed', async () => {
    const emulator = await startEmulator();
    const receiver = await startReceiver();
    await call(emulator, 'POST', '/v3/hooks', {
      body: { scope: SETTINGS_CHANGED, destination: receiver.url },
    });
    const assigned = await call(emulator, 'PUT', '/v3/inventory/locations/1/items', {
      body: { settings: [{ identity: { variant_id: 78 }, backorder_message_id: 3 }] },
    });
    expect(assigned.status).toBe(200);
    const item = await call(emulator, 'GET', '/v3/inventory/locations/1/items?variant_id:in=78,79');
    expect(specErrors(INVENTORY, '/inventory/locations/{location_id}/items', 'GET', 200, item.body)).toEqual(
      [],
    );
    const [withMessage, without] = (item.body as { data: { settings: Record<string, unknown> }[] }).data;
    expect(withMessage?.settings['backorder_message']).toEqual({
      id: 3,
      name: 'Made to order',
      message: 'Made to order: ships 4 to 6 weeks after purchase.',
      is_default: false,
      created_at: '2026-03-04T09:00:00Z',
      updated_at: '2026-03-04T09:00:00Z',
    });
    // Unassigned items keep exactly the guide's keys.
    expect(Object.keys(without?.settings ?? {})).toEqual([
      'safety_stock',
      'is_in_stock',
      'warning_level',
      'bin_picking_number',
      'backorder_limit',
    ]);
    const everywhere = await call(emulator, 'GET', '/v3/inventory/items?variant_id:in=78');
    expect(specErrors(INVENTORY, '/inventory/items', 'GET', 200, everywhere.body)).toEqual([]);
    const locations = (
      everywhere.body as {
        data: { locations: { location_id: number; settings: Record<string, unknown> }[] }[];
      }
    ).data[0]?.locations;
    expect(locations?.map((entry) => [entry.location_id, 'backorder_message' in entry.settings])).toEqual([
      [1, true],
      [2, false],
      [3, false],
    ]);
    const [event] = await receiver.waitFor(1);
    expect(event?.body).toMatchObject({
      scope: 'store/channel/1/inventory/product/settings_changed',
      data: { product_id: 130, variant_id: 78, location_id: 1 },
    });

    // null goes back to the store's default message, which is not shown.
    await call(emulator, 'PUT', '/v3/inventory/locations/1/items', {
      body: { settings: [{ identity: { variant_id: 78 }, backorder_message_id: null }] },
    });
    expect((await locationItem(emulator, 1, 78)).settings).not.toHaveProperty('backorder_message');
    await receiver.waitFor(2);
  });

  it('refuses a message id that does not exist, changing nothing', async () => {
    const emulator = await startEmulator();
    const refused = await call(emulator, 'PUT', '/v3/inventory/locations/1/items', {
      body: {
        settings: [
          { identity: { variant_id: 78 }, backorder_message_id: 2 },
          { identity: { variant_id: 79 }, backorder_message_id: 99 },
          { identity: { variant_id: 79 }, backorder_message_id: 'soon' },
        ],
      },
    });
    expect(refused.status).toBe(422);
    expect(Object.keys((refused.body as ProblemBody).errors)).toEqual([
      'settings.1.backorder_message_id',
      'settings.2.backorder_message_id',
    ]);
    expect((refused.body as ProblemBody).errors['settings.1.backorder_message_id']).toBe(
      'Backorder message with id 99 does not exist',
    );
    expect((await locationItem(emulator, 1, 78)).settings).not.toHaveProperty('backorder_message');
  });

  it('seeds messages, one of them assigned in the demo store', async () => {
    const emulator = await startEmulator();
    expect((await locationItem(emulator, 1, 75)).settings['backorder_message']).toMatchObject({
      id: 2,
      name: 'Ships in 2 weeks',
      is_default: false,
    });
  });
});

describe('GET /v3/inventory/locations', () => {
  it('lists the demo locations in the spec shape, with filters', async () => {
    const emulator = await startEmulator();
    const response = await call(emulator, 'GET', '/v3/inventory/locations');
    expect(response.status).toBe(200);
    expect(specErrors('locations.v3.yml', '/inventory/locations', 'GET', 200, response.body)).toEqual([]);
    const body = response.body as { data: { id: number; code: string; label: string }[] };
    expect(body.data.map((location) => [location.id, location.code])).toEqual([
      [1, 'BC-LOCATION-1'],
      [2, 'WH-EAST'],
      [3, 'WH-WEST'],
    ]);
    const filtered = (
      await call(emulator, 'GET', '/v3/inventory/locations?location_id:in=2,3&is_default=false')
    ).body as { data: { id: number }[] };
    expect(filtered.data.map((location) => location.id)).toEqual([2, 3]);
  });
});
