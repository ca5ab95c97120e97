import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../src/config.js';
import { call } from '../helpers/emulator.js';
import { startStack } from '../helpers/gateway.js';

describe('query shapes and their upstream cost', () => {
  it('falls back to batched nodes calls when one page asks for variants in two shapes', async () => {
    const stack = await startStack();
    await stack.mark();
    const { body } = await stack.gql(
      '{ products(first: 3) { edges { node { entityId few: variants(first: 1) { edges { node { entityId } } } all: variants(first: 5) { edges { node { entityId } } } } } } }',
    );
    expect(body.errors).toBeUndefined();
    type Node = {
      entityId: number;
      few: { edges: { node: { entityId: number } }[] };
      all: { edges: { node: { entityId: number } }[] };
    };
    const nodes = (body.data as { products: { edges: { node: Node }[] } }).products.edges.map(
      (edge) => edge.node,
    );
    expect(
      nodes.map((node) => [
        node.entityId,
        node.few.edges.length,
        node.all.edges.map((edge) => edge.node.entityId),
      ]),
    ).toEqual([
      [77, 1, [1, 2, 3]],
      [80, 1, [4, 5]],
      [111, 1, [106]],
    ]);
    // One call for the page, then one nodes call per variant page shape for all three products.
    expect((await stack.requests()).map((request) => request.path)).toEqual([
      '/graphql',
      '/graphql',
      '/graphql',
    ]);
  });

  it('filters a variant locations by id without another upstream call', async () => {
    const stack = await startStack();
    await stack.mark();
    const { body } = await stack.gql(
      '{ variant(entityId: 1) { east: locations(locationIds: [2]) { onHand } all: locations { location { code } } } }',
    );
    expect(body.data).toEqual({
      variant: {
        east: [{ onHand: 8 }],
        all: [
          { location: { code: 'BC-LOCATION-1' } },
          { location: { code: 'WH-EAST' } },
          { location: { code: 'WH-WEST' } },
        ],
      },
    });
    expect((await stack.requests()).map((request) => request.path)).toEqual([
      '/graphql',
      '/v3/inventory/items',
    ]);
  });

  it('pages orders with cursors and refuses a cursor from another page size', async () => {
    const stack = await startStack();
    for (let i = 0; i < 2; i += 1) {
      await call(stack.emulator, 'POST', '/v2/orders', {
        body: {
          billing_address: { zip: '78701' },
          products: [{ product_id: 130, variant_id: 78, quantity: 1 }],
        },
      });
    }
    const page =
      'query($after: String, $first: Int) { orders(first: $first, after: $after) { edges { node { entityId } } pageInfo { hasNextPage endCursor } } }';
    type Page = {
      orders: {
        edges: { node: { entityId: number } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    const first = (await stack.gql(page, { first: 2 })).body.data as Page;
    expect(first.orders.edges.map((edge) => edge.node.entityId)).toEqual([100, 101]);
    expect(first.orders.pageInfo.hasNextPage).toBe(true);
    const second = (await stack.gql(page, { first: 2, after: first.orders.pageInfo.endCursor })).body
      .data as Page;
    expect(second.orders.edges.map((edge) => edge.node.entityId)).toEqual([102]);
    const mismatched = await stack.gql(page, { first: 3, after: first.orders.pageInfo.endCursor });
    expect(mismatched.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('resolves the product of an inventory level and a line variant lazily, batched', async () => {
    const stack = await startStack();
    await stack.mark();
    const { body } = await stack.gql(
      '{ inventoryItems(filter: { skus: ["SM13", "RE-130"] }) { edges { node { product { name } variant { sku inventory { qtyBackordered } } } } } }',
    );
    expect(body.data).toEqual({
      inventoryItems: {
        edges: [
          {
            node: {
              product: { name: 'Stoneware Mug' },
              variant: { sku: 'SM13', inventory: { qtyBackordered: 5 } },
            },
          },
          {
            node: {
              product: { name: 'Rechargeable Earbuds' },
              variant: { sku: 'RE-130', inventory: { qtyBackordered: 0 } },
            },
          },
        ],
      },
    });
    expect((await stack.requests()).map((request) => request.path)).toEqual([
      '/v3/inventory/items',
      '/graphql',
    ]);
  });
});

describe('configuration flags', () => {
  it('reads PERSISTED_DOCUMENTS_ONLY and REDIS_PREFIX, naming bad values', () => {
    expect(readConfig({ PERSISTED_DOCUMENTS_ONLY: 'true', REDIS_PREFIX: 'shop-1' })).toMatchObject({
      persistedDocumentsOnly: true,
      redisPrefix: 'shop-1',
    });
    expect(readConfig({})).toMatchObject({
      persistedDocumentsOnly: false,
      redisPrefix: 'backorder-gateway',
      publicUrl: undefined,
    });
    expect(() => readConfig({ PERSISTED_DOCUMENTS_ONLY: 'yes' })).toThrow(ConfigError);
    expect(() => readConfig({ REDIS_PREFIX: 'has space' })).toThrow('REDIS_PREFIX');
  });
});
