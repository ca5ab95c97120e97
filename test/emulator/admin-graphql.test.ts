import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../src/emulator/create-emulator.js';
import { call, startEmulator } from '../helpers/emulator.js';

const AGGREGATED =
  'aggregated { availableToSell warningLevel backorderLimit availability onHand qtyBackordered }';

/** The guide's Admin GraphQL query, verbatim. */
const GUIDE_QUERY = `{
  store {
    products {
      edges {
        node {
          id
          inventory { ${AGGREGATED} }
          variants { edges { cursor node { id inventory { ${AGGREGATED} } } } }
        }
      }
    }
  }
}`;

interface GraphqlBody {
  data?: Record<string, unknown>;
  errors?: { message: string }[];
}

async function graphql(emulator: Emulator, query: string, variables?: Record<string, unknown>) {
  const response = await call(emulator, 'POST', '/graphql', { body: { query, variables } });
  return { status: response.status, headers: response.headers, body: response.body as GraphqlBody };
}

describe('Admin GraphQL', () => {
  it('answers the guide query with aggregates summed over locations', async () => {
    const emulator = await startEmulator();
    const { status, headers, body } = await graphql(emulator, GUIDE_QUERY);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(Number(headers.get('x-bc-graphql-complexity'))).toBeGreaterThan(0);
    expect(headers.get('x-rate-limit-requests-quota')).not.toBeNull();
    type Node = {
      id: string;
      inventory: { aggregated: unknown };
      variants: { edges: { cursor: string; node: { id: string; inventory: { aggregated: unknown } } }[] };
    };
    const nodes = (
      body.data as { store: { products: { edges: { node: Node }[] } } }
    ).store.products.edges.map((edge) => edge.node);
    expect(nodes.map((node) => node.id)).toEqual([
      'bc/store/product/77',
      'bc/store/product/80',
      'bc/store/product/111',
      'bc/store/product/112',
      'bc/store/product/130',
      'bc/store/product/140',
      'bc/store/product/150',
    ]);
    const mugs = nodes.find((node) => node.id === 'bc/store/product/112');
    expect(mugs?.inventory.aggregated).toEqual({
      availableToSell: 13,
      warningLevel: 5,
      backorderLimit: 65,
      availability: 'AVAILABLE',
      onHand: 15,
      qtyBackordered: 11,
    });
    expect(mugs?.variants.edges.map((edge) => [edge.node.id, edge.node.inventory.aggregated])).toEqual([
      [
        'bc/store/productVariant/74',
        {
          availableToSell: 10,
          warningLevel: 5,
          backorderLimit: 50,
          availability: 'AVAILABLE',
          onHand: 12,
          qtyBackordered: 5,
        },
      ],
      [
        'bc/store/productVariant/75',
        {
          availableToSell: 3,
          warningLevel: 0,
          backorderLimit: 15,
          availability: 'AVAILABLE',
          onHand: 3,
          qtyBackordered: 6,
        },
      ],
    ]);
    const tote = nodes.find((node) => node.id === 'bc/store/product/80');
    expect(tote?.variants.edges[0]?.node.inventory.aggregated).toMatchObject({
      availableToSell: 0,
      backorderLimit: null,
      availability: 'BACKORDER',
      qtyBackordered: 8,
    });
    expect(nodes.find((node) => node.id === 'bc/store/product/140')?.inventory.aggregated).toBeNull();
    const mug = nodes.find((node) => node.id === 'bc/store/product/111');
    expect(mug?.inventory.aggregated).toMatchObject({ onHand: 40 });
    expect(mug?.variants.edges[0]?.node.inventory.aggregated).toBeNull();
  });

  it('reports UNAVAILABLE when nothing is sellable and no allowance is left', async () => {
    const emulator = await startEmulator();
    await call(emulator, 'PUT', '/v3/inventory/adjustments/absolute', {
      body: { items: [{ location_id: 2, variant_id: 1, quantity: 0 }] },
    });
    const { body } = await graphql(
      emulator,
      `{ node(id: "bc/store/productVariant/1") { ... on Variant { inventory { ${AGGREGATED} } } } }`,
    );
    expect(body.data).toEqual({
      node: {
        inventory: {
          aggregated: {
            availableToSell: 0,
            warningLevel: 0,
            backorderLimit: 20,
            availability: 'UNAVAILABLE',
            onHand: 0,
            qtyBackordered: 20,
          },
        },
      },
    });
  });

  it('resolves nodes(ids) in order with null for unknown ids, and refuses more than 50', async () => {
    const emulator = await startEmulator();
    const query =
      'query Nodes($ids: [ID!]!) { nodes(ids: $ids) { id __typename ... on Variant { sku product { id } } ... on InventoryLocation { code } } }';
    const { body } = await graphql(emulator, query, {
      ids: ['bc/store/productVariant/78', 'bc/store/product/999', 'bc/store/inventoryLocation/2', 'nonsense'],
    });
    expect(body.data).toEqual({
      nodes: [
        {
          id: 'bc/store/productVariant/78',
          __typename: 'Variant',
          sku: 'RE-130',
          product: { id: 'bc/store/product/130' },
        },
        null,
        { id: 'bc/store/inventoryLocation/2', __typename: 'InventoryLocation', code: 'WH-EAST' },
        null,
      ],
    });
    const tooMany = await graphql(emulator, query, {
      ids: Array.from({ length: 51 }, (_, i) => `bc/store/product/${i}`),
    });
    expect(tooMany.body.errors?.[0]?.message).toContain('at most 50 ids');
  });

  it('pages products with cursors and filters them by ids', async () => {
    const emulator = await startEmulator();
    const page =
      'query Page($after: String) { store { products(first: 3, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } } }';
    type Page = {
      store: {
        products: {
          edges: { node: { id: string } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      };
    };
    const first = (await graphql(emulator, page)).body.data as Page;
    expect(first.store.products.pageInfo.hasNextPage).toBe(true);
    const second = (await graphql(emulator, page, { after: first.store.products.pageInfo.endCursor })).body
      .data as Page;
    expect(second.store.products.edges.map((edge) => edge.node.id)).toEqual([
      'bc/store/product/112',
      'bc/store/product/130',
      'bc/store/product/140',
    ]);
    const filtered = await graphql(
      emulator,
      '{ store { products(filters: { ids: ["bc/store/product/150", "bc/store/product/77"] }) { edges { node { id name } } } } }',
    );
    expect(filtered.body.data).toEqual({
      store: {
        products: {
          edges: [
            { node: { id: 'bc/store/product/77', name: 'Selectric Typewriter' } },
            { node: { id: 'bc/store/product/150', name: 'Desk Lamp' } },
          ],
        },
      },
    });
  });

  it('refuses pages over 50 and queries over 10,000 complexity with BigCommerce message', async () => {
    const emulator = await startEmulator();
    const big = await graphql(emulator, '{ store { products(first: 51) { edges { node { id } } } } }');
    expect(big.body.errors?.[0]?.message).toContain('first must be between 0 and 50');
    const complex = await graphql(
      emulator,
      `{ store { products(first: 50) { edges { node { id variants(first: 50) { edges { node { id sku inventory { ${AGGREGATED} } } } } } } } } }`,
    );
    expect(complex.body.data).toBeUndefined();
    expect(complex.body.errors?.[0]?.message).toMatch(
      /^The query is too complex as it has a complexity score of \d+ out of 10000\./,
    );
    expect(Number(complex.headers.get('x-bc-graphql-complexity'))).toBeGreaterThan(10_000);
  });

  it('answers syntax and validation errors in GraphQL style, and malformed bodies with 400', async () => {
    const emulator = await startEmulator();
    expect((await graphql(emulator, '{ store { nope } }')).body.errors?.[0]?.message).toContain(
      'Cannot query field "nope"',
    );
    expect((await graphql(emulator, '{ store {')).body.errors?.[0]?.message).toContain('Syntax Error');
    const noQuery = await call(emulator, 'POST', '/graphql', { body: { variables: {} } });
    expect(noQuery.status).toBe(400);
    expect(noQuery.body).toEqual({
      errors: [{ message: 'Request body must be JSON with a "query" string' }],
    });
  });
});
