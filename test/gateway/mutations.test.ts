import { describe, expect, it } from 'vitest';
import { locationItem } from '../helpers/emulator.js';
import { startStack, type Stack } from '../helpers/gateway.js';
import { operation } from '../helpers/operations.js';

const ADJUST = operation('adjust-inventory.graphql');
const SETTINGS = operation('set-backorder-limits.graphql');
const CREATE_ORDER = operation('create-order.graphql');
const UPDATE_ORDER = operation('update-order.graphql');
const BILLING = { firstName: 'Ada', lastName: 'Lovelace', zip: '78701', email: 'ada@example.com' };

type Result = Record<string, unknown> & { __typename: string };

async function mutate(stack: Stack, document: string, field: string, input: unknown): Promise<Result> {
  const { body } = await stack.gql(document, { input });
  expect(body.errors).toBeUndefined();
  return (body.data as Record<string, Result>)[field] as Result;
}

function adjustCalls(requests: { path: string }[]): number {
  return requests.filter((request) => request.path.startsWith('/v3/inventory/adjustments/')).length;
}

describe('adjustInventory', () => {
  it('applies the guide absolute example and returns the items as the store now holds them', async () => {
    const stack = await startStack();
    const result = await mutate(stack, ADJUST, 'adjustInventory', {
      mode: 'ABSOLUTE',
      reason: 'Absolute adjustment reason',
      items: [
        { locationId: 1, variantId: 1, quantity: 1, qtyBackordered: 0 },
        { locationId: 2, variantId: 3, quantity: 1 },
        { locationId: 3, sku: 'sku-4', qtyBackordered: 0 },
        { locationId: 1, sku: 'sku-5', quantity: 1, qtyBackordered: 0 },
        { locationId: 1, productId: 111, quantity: 7, qtyBackordered: 0 },
      ],
    });
    expect(result.__typename).toBe('InventoryAdjusted');
    expect(result['transactionIds']).toHaveLength(1);
    const items = result['items'] as {
      id: string;
      onHand: number;
      qtyBackordered: number;
      remainingBackorderAllowance: number | null;
    }[];
    expect(items.map((item) => [item.id, item.onHand, item.qtyBackordered])).toEqual([
      ['InventoryLevel:77/1@1', 1, 0],
      ['InventoryLevel:77/3@2', 1, 0],
      ['InventoryLevel:80/4@3', 0, 0],
      ['InventoryLevel:80/5@1', 1, 0],
      ['InventoryLevel:111/106@1', 7, 0],
    ]);
    expect(await locationItem(stack.emulator, 1, 1)).toMatchObject({
      total_inventory_onhand: 1,
      qty_backordered: 0,
    });
  });

  it('applies relative changes of on-hand and backordered quantities', async () => {
    const stack = await startStack();
    const result = await mutate(stack, ADJUST, 'adjustInventory', {
      mode: 'RELATIVE',
      items: [{ locationId: 1, variantId: 74, quantity: 5, qtyBackordered: -5 }],
    });
    expect(result).toMatchObject({
      __typename: 'InventoryAdjusted',
      items: [{ onHand: 17, qtyBackordered: 0, availableToSell: 15, remainingBackorderAllowance: 50 }],
    });
  });

  it('returns ValidationError for bad input without calling the store', async () => {
    const stack = await startStack();
    await stack.mark();
    const result = await mutate(stack, ADJUST, 'adjustInventory', {
      mode: 'ABSOLUTE',
      items: [
        { locationId: 1, variantId: 78, sku: 'RE-130', quantity: 1 },
        { locationId: 1, variantId: 78 },
        { locationId: 1, variantId: 78, quantity: -1 },
      ],
    });
    expect(result.__typename).toBe('ValidationError');
    expect((result['fields'] as { path: string[] }[]).map((field) => field.path.join('.'))).toEqual([
      'input.items.0',
      'input.items.1',
      'input.items.2.quantity',
    ]);
    expect(await stack.requests()).toEqual([]);
  });

  it('maps the store refusal onto the client input paths', async () => {
    const stack = await startStack();
    const result = await mutate(stack, ADJUST, 'adjustInventory', {
      mode: 'RELATIVE',
      items: [
        { locationId: 1, sku: 'sku-5', quantity: -1 },
        { locationId: 1, variantId: 78, quantity: -11 },
      ],
    });
    expect(result.__typename).toBe('ValidationError');
    expect(result['fields']).toEqual([
      {
        path: ['input', 'items', '1', 'quantity'],
        message: 'would drop on hand to 1, below the safety stock of 2',
      },
    ]);
    expect((await locationItem(stack.emulator, 1, 5)).total_inventory_onhand).toBe(30);
  });

  it('returns NotFoundError for items or locations the store does not know', async () => {
    const stack = await startStack();
    const result = await mutate(stack, ADJUST, 'adjustInventory', {
      mode: 'ABSOLUTE',
      items: [
        { locationId: 1, variantId: 9999, quantity: 1 },
        { locationId: 77, variantId: 78, quantity: 1 },
      ],
    });
    expect(result).toMatchObject({ __typename: 'NotFoundError', ids: ['variantId 9999', 'location 77'] });
  });

  it('sends more than 2,000 items in calls of at most 2,000', async () => {
    const stack = await startStack();
    await stack.mark();
    const items = Array.from({ length: 4500 }, (_, i) => ({
      locationId: 1 + (i % 3),
      variantId: [1, 2, 3, 4, 5, 74, 75, 78, 79][i % 9] ?? 1,
      quantity: i,
    }));
    const result = await mutate(stack, ADJUST, 'adjustInventory', { mode: 'ABSOLUTE', items });
    expect(result.__typename).toBe('InventoryAdjusted');
    expect(result['transactionIds']).toHaveLength(3);
    const calls = (await stack.requests()).filter((request) =>
      request.path.startsWith('/v3/inventory/adjustments/'),
    );
    expect(calls).toHaveLength(3);
    expect((await locationItem(stack.emulator, 3, 79)).total_inventory_onhand).toBe(4499 - 9 * 0);
  });
});

describe('write coalescing', () => {
  it('merges concurrent adjustments from many clients into few upstream calls', async () => {
    // A wide window: on a loaded machine 60 requests from this one process reach the gateway over seconds.
    const stack = await startStack({ gateway: { coalesceWindowMs: 1_000, coalesceMaxWaitMs: 10_000 } });
    await stack.mark();
    const results = await Promise.all(
      Array.from({ length: 60 }, () =>
        mutate(stack, ADJUST, 'adjustInventory', {
          mode: 'RELATIVE',
          reason: 'restock',
          items: [{ locationId: 1, variantId: 78, quantity: 1 }],
        }),
      ),
    );
    expect(results.every((result) => result.__typename === 'InventoryAdjusted')).toBe(true);
    expect((await locationItem(stack.emulator, 1, 78)).total_inventory_onhand).toBe(72);
    expect(adjustCalls(await stack.requests())).toBeLessThanOrEqual(3);
  });

  it('fails only the client whose items were refused; the others are applied', async () => {
    const stack = await startStack({ gateway: { coalesceWindowMs: 1_000, coalesceMaxWaitMs: 10_000 } });
    await stack.mark();
    const inputs = Array.from({ length: 10 }, (_, i) => ({
      mode: 'RELATIVE',
      reason: 'restock',
      items:
        i === 4
          ? [
              { locationId: 1, variantId: 78, quantity: 1 },
              { locationId: 1, sku: 'sku-5', quantity: -31 },
            ]
          : [{ locationId: 1, variantId: 78, quantity: 1 }],
    }));
    const results = await Promise.all(inputs.map((input) => mutate(stack, ADJUST, 'adjustInventory', input)));
    expect(results.map((result) => result.__typename)).toEqual(
      inputs.map((_, i) => (i === 4 ? 'ValidationError' : 'InventoryAdjusted')),
    );
    expect(results[4]?.['fields']).toEqual([
      { path: ['input', 'items', '1', 'quantity'], message: expect.stringContaining('on hand') as string },
    ]);
    expect((await locationItem(stack.emulator, 1, 78)).total_inventory_onhand).toBe(21);
    expect((await locationItem(stack.emulator, 1, 5)).total_inventory_onhand).toBe(30);
    // The refused merged call and the others sent again, plus the first adjustment, sent at once on its own.
    expect(adjustCalls(await stack.requests())).toBeLessThanOrEqual(3);
  });
});

describe('updateInventorySettings', () => {
  it('sets limits (null for unlimited, 0 for none) and returns the new figures', async () => {
    const stack = await startStack();
    const result = await mutate(stack, SETTINGS, 'updateInventorySettings', {
      items: [
        { locationId: 1, sku: 'SLCTBS-A9615491', backorderLimit: 25 },
        { locationId: 1, variantId: 78, backorderLimit: null },
        { locationId: 2, sku: 'sku-5', backorderLimit: 0, warningLevel: 3 },
      ],
    });
    expect(result.__typename).toBe('InventorySettingsUpdated');
    expect((result['items'] as unknown[]).map((item) => item)).toEqual([
      expect.objectContaining({
        sku: 'SLCTBS-A9615491',
        backorderLimit: 25,
        qtyBackordered: 20,
        remainingBackorderAllowance: 5,
        atBackorderLimit: false,
      }),
      expect.objectContaining({ sku: 'RE-130', backorderLimit: null, remainingBackorderAllowance: null }),
      expect.objectContaining({ sku: 'sku-5', backorderLimit: 0, remainingBackorderAllowance: 0 }),
    ]);
  });

  it('maps a store refusal of settings onto the input paths', async () => {
    const stack = await startStack();
    // Product 111 is tracked at product level: naming its base variant is refused by the store.
    const result = await mutate(stack, SETTINGS, 'updateInventorySettings', {
      items: [
        { locationId: 1, variantId: 78, backorderLimit: 5 },
        { locationId: 1, variantId: 106, backorderLimit: 5 },
      ],
    });
    expect(result).toMatchObject({
      __typename: 'ValidationError',
      fields: [
        { path: ['input', 'items', '1'], message: expect.stringContaining('tracked by product') as string },
      ],
    });
    expect((await locationItem(stack.emulator, 1, 78)).settings['backorder_limit']).toBe(33);
  });

  it('refuses unknown locations and items, and entries without settings', async () => {
    const stack = await startStack();
    expect(
      await mutate(stack, SETTINGS, 'updateInventorySettings', {
        items: [{ locationId: 9, variantId: 78, backorderLimit: 1 }],
      }),
    ).toMatchObject({ __typename: 'NotFoundError', ids: ['location 9'] });
    expect(
      await mutate(stack, SETTINGS, 'updateInventorySettings', {
        items: [{ locationId: 1, variantId: 9999, backorderLimit: 1 }],
      }),
    ).toMatchObject({ __typename: 'NotFoundError' });
    const empty = await mutate(stack, SETTINGS, 'updateInventorySettings', {
      items: [{ locationId: 1, variantId: 78 }],
    });
    expect(empty).toMatchObject({
      __typename: 'ValidationError',
      fields: [{ path: ['input', 'items', '0'] }],
    });
    expect((await locationItem(stack.emulator, 1, 78)).settings['backorder_limit']).toBe(33);
  });
});

describe('createOrder', () => {
  it('answers an order beyond stock plus allowance with the seed OutOfStock figures', async () => {
    const stack = await startStack();
    const result = await mutate(stack, CREATE_ORDER, 'createOrder', {
      billingAddress: BILLING,
      lines: [{ productId: 112, variantId: 74, quantity: 56 }],
    });
    expect(result).toEqual({
      __typename: 'OutOfStockError',
      message: 'The order asks for more than stock plus backorder allowance; nothing was changed.',
      lines: [
        {
          variantId: 74,
          locationId: 1,
          requested: 56,
          availableQuantity: 10,
          availableQuantityForBackorder: 45,
          message:
            'Insufficient stock of variant(id: 74), available stock: 10, available quantity for backorder: 45. order(id: ), channel(id: 1), location(id: 1).',
        },
      ],
    });
  });

  it('creates an order that takes stock then backorders, returning the lines and inventory after the write', async () => {
    const stack = await startStack();
    const result = await mutate(stack, CREATE_ORDER, 'createOrder', {
      billingAddress: BILLING,
      lines: [{ productId: 112, variantId: 74, quantity: 55 }],
    });
    expect(result.__typename).toBe('OrderCreated');
    expect(result['order']).toMatchObject({
      status: 'Pending',
      quantityBackordered: 45,
      lines: [{ variantId: 74, quantity: 55, quantityBackordered: 45, quantityFromStock: 10 }],
    });
    const levels = result['items'] as {
      id: string;
      qtyBackordered: number;
      remainingBackorderAllowance: number;
      atBackorderLimit: boolean;
    }[];
    expect(levels.find((level) => level.id === 'InventoryLevel:112/74@1')).toMatchObject({
      qtyBackordered: 50,
      remainingBackorderAllowance: 0,
      atBackorderLimit: true,
    });
  });

  it('refuses bad lines in the gateway and maps store refusals to input paths', async () => {
    const stack = await startStack();
    const split = await mutate(stack, CREATE_ORDER, 'createOrder', {
      billingAddress: BILLING,
      lines: [{ productId: 130, variantId: 78, quantity: 2, quantityBackordered: 3 }],
    });
    expect(split).toMatchObject({
      __typename: 'ValidationError',
      fields: [{ path: ['input', 'lines', '0', 'quantityBackordered'] }],
    });
    const wrongVariant = await mutate(stack, CREATE_ORDER, 'createOrder', {
      billingAddress: BILLING,
      lines: [{ productId: 130, variantId: 74, quantity: 1 }],
    });
    expect(wrongVariant).toMatchObject({
      __typename: 'ValidationError',
      fields: [{ path: ['input', 'lines', '0', 'variantId'] }],
    });
    const zip = await mutate(stack, CREATE_ORDER, 'createOrder', {
      billingAddress: { zip: '1' },
      lines: [{ productId: 130, variantId: 78, quantity: 1 }],
    });
    expect(zip).toMatchObject({
      __typename: 'ValidationError',
      fields: [{ path: ['input', 'billingAddress', 'zip'] }],
    });
  });
});

describe('updateOrder', () => {
  it('allocates an increase and releases backorders on a decrease', async () => {
    const stack = await startStack();
    const up = await mutate(stack, UPDATE_ORDER, 'updateOrder', {
      orderId: 100,
      lines: [{ lineId: 8, quantity: 20 }],
    });
    expect(up).toMatchObject({
      __typename: 'OrderUpdated',
      order: { quantityBackordered: 10, lines: [{ quantity: 20, quantityBackordered: 10 }] },
    });
    const down = await mutate(stack, UPDATE_ORDER, 'updateOrder', {
      orderId: 100,
      statusId: 9,
      lines: [{ lineId: 8, quantity: 4 }],
    });
    expect(down).toMatchObject({
      __typename: 'OrderUpdated',
      order: { statusId: 9, status: 'Awaiting Shipment', quantityBackordered: 0 },
    });
    expect(await locationItem(stack.emulator, 1, 74)).toMatchObject({
      total_inventory_onhand: 8,
      qty_backordered: 0,
    });
  });

  it('answers the guide PUT example with ValidationError, unknown orders with NotFoundError, and too much with OutOfStockError', async () => {
    const stack = await startStack();
    expect(
      await mutate(stack, UPDATE_ORDER, 'updateOrder', {
        orderId: 100,
        lines: [{ lineId: 8, quantity: 50, quantityBackordered: 100 }],
      }),
    ).toMatchObject({
      __typename: 'ValidationError',
      fields: [{ path: ['input', 'lines', '0', 'quantityBackordered'] }],
    });
    expect(await mutate(stack, UPDATE_ORDER, 'updateOrder', { orderId: 4040, statusId: 2 })).toMatchObject({
      __typename: 'NotFoundError',
      ids: ['4040'],
    });
    expect(
      await mutate(stack, UPDATE_ORDER, 'updateOrder', {
        orderId: 100,
        lines: [{ lineId: 8, quantity: 100 }],
      }),
    ).toMatchObject({
      __typename: 'OutOfStockError',
      lines: [{ variantId: 74, requested: 100, availableQuantity: 10, availableQuantityForBackorder: 45 }],
    });
  });
});
