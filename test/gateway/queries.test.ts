import { describe, expect, it } from 'vitest';
import { readAggregate } from '../../src/upstream/bigcommerce-admin-graphql/client.js';
import { Reader } from '../../src/upstream/guards.js';
import { addFault } from '../helpers/emulator.js';
import { startStack } from '../helpers/gateway.js';
import { operation } from '../helpers/operations.js';

const CATALOG = operation('catalog.graphql');

interface Level {
  id: string;
  location: { entityId: number; code: string };
  availableToSell: number;
  onHand: number;
  qtyBackordered: number;
  backorderLimit: number | null;
  remainingBackorderAllowance: number | null;
  canBackorder: boolean;
  atBackorderLimit: boolean;
}
interface CatalogVariant {
  id: string;
  entityId: number;
  sku: string;
  inventory: Record<string, unknown> | null;
  locations: Level[];
}
interface CatalogProduct {
  id: string;
  entityId: number;
  inventory: Record<string, unknown> | null;
  variants: { edges: { node: CatalogVariant }[]; pageInfo: { hasNextPage: boolean } };
}

function catalogProducts(data: Record<string, unknown> | null | undefined): CatalogProduct[] {
  return (data as { products: { edges: { node: CatalogProduct }[] } }).products.edges.map(
    (edge) => edge.node,
  );
}

describe('Catalog', () => {
  it('unifies Admin GraphQL aggregates and REST per-location detail with derived backorder figures', async () => {
    const stack = await startStack();
    const { body } = await stack.gql(CATALOG, { first: 10, variantsFirst: 10 }, 'Catalog');
    expect(body.errors).toBeUndefined();
    const products = catalogProducts(body.data);
    expect(products.map((product) => product.id)).toEqual([
      'Product:77',
      'Product:80',
      'Product:111',
      'Product:112',
      'Product:130',
      'Product:140',
      'Product:150',
    ]);
    const mugs = products.find((product) => product.entityId === 112);
    expect(mugs?.inventory).toEqual({
      availableToSell: 13,
      onHand: 15,
      qtyBackordered: 11,
      backorderLimit: 65,
      availability: 'AVAILABLE',
    });
    const sm13 = mugs?.variants.edges[0]?.node;
    expect(sm13?.locations[0]).toMatchObject({
      id: 'InventoryLevel:112/74@1',
      location: { entityId: 1, code: 'BC-LOCATION-1' },
      availableToSell: 10,
      onHand: 12,
      qtyBackordered: 5,
      backorderLimit: 50,
      remainingBackorderAllowance: 45,
      canBackorder: true,
      atBackorderLimit: false,
    });
    const atLimit = products.find((product) => product.entityId === 77)?.variants.edges[0]?.node.locations[0];
    expect(atLimit).toMatchObject({
      qtyBackordered: 20,
      backorderLimit: 20,
      remainingBackorderAllowance: 0,
      canBackorder: false,
      atBackorderLimit: true,
    });
    const unlimited = products.find((product) => product.entityId === 80)?.variants.edges[0]?.node
      .locations[2];
    expect(unlimited).toMatchObject({
      backorderLimit: null,
      remainingBackorderAllowance: null,
      canBackorder: true,
      atBackorderLimit: false,
    });
    const productLevel = products.find((product) => product.entityId === 111);
    expect(productLevel?.inventory).toMatchObject({ onHand: 40, availability: 'AVAILABLE' });
    expect(productLevel?.variants.edges[0]?.node).toMatchObject({ entityId: 106, inventory: null });
    expect(productLevel?.variants.edges[0]?.node.locations[0]).toMatchObject({ onHand: 40 });
    expect(products.find((product) => product.entityId === 140)?.inventory).toBeNull();
  });

  it('costs the minimum: one Admin GraphQL call and one REST inventory call', async () => {
    const stack = await startStack();
    await stack.mark();
    const { body } = await stack.gql(CATALOG, { first: 10, variantsFirst: 10 }, 'Catalog');
    expect(body.errors).toBeUndefined();
    const requests = await stack.requests();
    expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /graphql',
      'GET /v3/inventory/items',
    ]);
    expect(
      requests[1]?.query['variant_id:in']
        ?.split(',')
        .map(Number)
        .sort((a, b) => a - b),
    ).toEqual([1, 2, 3, 4, 5, 74, 75, 78, 79, 106, 141, 151]);
  });

  it('answers a page of 50 products x 5 variants x 3 locations with two upstream calls', async () => {
    const stack = await startStack({ emulator: { seed: { large: 250 } } });
    await stack.mark();
    const { body } = await stack.gql(CATALOG, { first: 50, variantsFirst: 5 }, 'Catalog');
    expect(body.errors).toBeUndefined();
    const products = catalogProducts(body.data);
    expect(products).toHaveLength(50);
    expect(products.every((product) => product.variants.edges.length === 5)).toBe(true);
    expect(
      products.flatMap((product) => product.variants.edges).every((edge) => edge.node.locations.length === 3),
    ).toBe(true);
    const requests = await stack.requests();
    expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /graphql',
      'GET /v3/inventory/items',
    ]);
    expect(requests[1]?.query['variant_id:in']?.split(',')).toHaveLength(250);
  });

  it('reports a failed inventory call at every SKU that needed it, after one call', async () => {
    const stack = await startStack({ gateway: { upstreamRetries: 0 } });
    await addFault(stack.emulator, { kind: '503', count: 1, path: '/v3/inventory/items' });
    await stack.mark();
    const { body } = await stack.gql(CATALOG, { first: 3, variantsFirst: 2 }, 'Catalog');
    // Level lists are non-null all the way up to `products`: their failure nulls the answer.
    expect(body.data).toBeNull();
    const paths = (body.errors ?? []).map((error) => error.path?.join('.') ?? '');
    expect(paths.every((path) => /\.(sku|locations)$/.test(path))).toBe(true);
    for (const product of [0, 1])
      for (const variant of [0, 1])
        expect(paths).toContain(`products.edges.${product}.node.variants.edges.${variant}.node.sku`);
    const requests = await stack.requests();
    expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /graphql',
      'GET /v3/inventory/items',
    ]);
  });

  it('makes no inventory call for a page whose SKUs and levels are all skipped', async () => {
    const stack = await startStack();
    await stack.mark();
    const { body } = await stack.gql(
      `query SkippedLevels($show: Boolean!) {
        products(first: 3) { edges { node { entityId sku @include(if: $show)
          variants(first: 2) { edges { node { entityId sku @include(if: $show) locations @skip(if: true) { id } } } }
        } } }
      }`,
      { show: false },
    );
    expect(body.errors).toBeUndefined();
    expect(catalogProducts(body.data)).toHaveLength(3);
    const requests = await stack.requests();
    expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual(['POST /graphql']);
  });

  it('pages products and variants with cursors', async () => {
    const stack = await startStack();
    const page =
      'query($after: String, $vafter: String) { products(first: 2, after: $after) { edges { node { entityId variants(first: 1, after: $vafter) { edges { cursor node { entityId } } pageInfo { hasNextPage endCursor } } } } pageInfo { hasNextPage endCursor } } }';
    type Page = {
      products: {
        edges: {
          node: {
            entityId: number;
            variants: {
              edges: { node: { entityId: number } }[];
              pageInfo: { hasNextPage: boolean; endCursor: string };
            };
          };
        }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    const first = (await stack.gql(page)).body.data as Page;
    expect(first.products.edges.map((edge) => edge.node.entityId)).toEqual([77, 80]);
    expect(first.products.pageInfo.hasNextPage).toBe(true);
    const typewriter = first.products.edges[0]?.node.variants;
    expect(typewriter?.edges.map((edge) => edge.node.entityId)).toEqual([1]);
    const second = (await stack.gql(page, { after: first.products.pageInfo.endCursor })).body.data as Page;
    expect(second.products.edges.map((edge) => edge.node.entityId)).toEqual([111, 112]);
    const mugs = second.products.edges[1]?.node.variants;
    expect(mugs?.edges.map((edge) => edge.node.entityId)).toEqual([74]);
    const next = await stack.gql(
      'query($after: String) { product(entityId: 112) { variants(first: 1, after: $after) { edges { node { entityId } } pageInfo { hasNextPage } } } }',
      { after: mugs?.pageInfo.endCursor },
    );
    expect(next.body.data).toEqual({
      product: { variants: { edges: [{ node: { entityId: 75 } }], pageInfo: { hasNextPage: false } } },
    });
  });

  it('batches a product looked up by id and its variants into Admin GraphQL nodes calls, SKUs from inventory items', async () => {
    const stack = await startStack();
    await stack.mark();
    const { body } = await stack.gql(
      '{ a: product(entityId: 112) { name variants { edges { node { sku inventory { qtyBackordered } } } } } b: product(entityId: 130) { name } c: variant(entityId: 78) { sku product { name } } }',
    );
    expect(body.data).toEqual({
      a: {
        name: 'Stoneware Mug',
        variants: {
          edges: [
            { node: { sku: 'SM13', inventory: { qtyBackordered: 5 } } },
            { node: { sku: 'SM14', inventory: { qtyBackordered: 6 } } },
          ],
        },
      },
      b: { name: 'Rechargeable Earbuds' },
      c: { sku: 'RE-130', product: { name: 'Rechargeable Earbuds' } },
    });
    const requests = await stack.requests();
    // Admin GraphQL documents no SKU: the variants' SKUs come from REST V3 inventory items, one call for the
    // variant looked up by id (after the nodes call) and one for the product's variant page (after its call),
    // the latter concurrent with the variant page call.
    expect(requests.map((request) => request.path).sort()).toEqual([
      '/graphql',
      '/graphql',
      '/v3/inventory/items',
      '/v3/inventory/items',
    ]);
    expect(requests.flatMap((request) => request.query['variant_id:in'] ?? []).sort()).toEqual([
      '74,75',
      '78',
    ]);
  });

  it('answers SKUs from inventory items: a product tracked at product level has one, others answer null', async () => {
    const stack = await startStack();
    const { body } = await stack.gql(
      '{ products(first: 10) { edges { node { entityId name sku variants { edges { node { entityId sku } } } } } } }',
    );
    expect(body.errors).toBeUndefined();
    type Node = {
      entityId: number;
      name: string;
      sku: string | null;
      variants: { edges: { node: { entityId: number; sku: string | null } }[] };
    };
    const nodes = (body.data as { products: { edges: { node: Node }[] } }).products.edges.map(
      (edge) => edge.node,
    );
    expect(
      nodes.map((node) => [
        node.entityId,
        node.name,
        node.sku,
        node.variants.edges.map((edge) => edge.node.sku),
      ]),
    ).toEqual([
      [77, 'Selectric Typewriter', null, ['SLCTBS-A9615491', 'SLCTBS-B9615492', 'SLCTBS-C9615493']],
      [80, 'Canvas Tote', null, ['sku-4', 'sku-5']],
      [111, 'Ceramic Mug', 'MUG-111', ['MUG-111']],
      [112, 'Stoneware Mug', null, ['SM13', 'SM14']],
      [130, 'Rechargeable Earbuds', null, ['RE-130', 'RE-131']],
      [140, 'Gift Wrap', null, [null]],
      [150, 'Desk Lamp', 'LAMP-150', ['LAMP-150']],
    ]);
    // A product looked up alone finds its SKU through its product-level inventory item.
    const alone = await stack.gql('{ product(entityId: 150) { sku } other: product(entityId: 77) { sku } }');
    expect(alone.body.data).toEqual({ product: { sku: 'LAMP-150' }, other: { sku: null } });
  });
});

describe('inventory items, locations and backorders', () => {
  it('filters inventory items and pages them with totalCount', async () => {
    const stack = await startStack();
    const query = operation('inventory-items.graphql');
    type Items = {
      inventoryItems: {
        totalCount: number;
        edges: {
          node: {
            sku: string;
            locations: { location: { entityId: number }; orderableQuantity: number | null }[];
          };
        }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    const bySku = (await stack.gql(query, { filter: { skus: ['RE-130', 'sku-4'], locationIds: [1, 3] } }))
      .body.data as Items;
    expect(bySku.inventoryItems.totalCount).toBe(2);
    expect(
      bySku.inventoryItems.edges.map((edge) => [
        edge.node.sku,
        edge.node.locations.map((level) => [level.location.entityId, level.orderableQuantity]),
      ]),
    ).toEqual([
      [
        'sku-4',
        [
          [1, 0],
          [3, null],
        ],
      ],
      [
        'RE-130',
        [
          [1, 43],
          [3, 0],
        ],
      ],
    ]);
    const page1 = (await stack.gql(query, { first: 4 })).body.data as Items;
    expect(page1.inventoryItems.totalCount).toBe(11);
    expect(page1.inventoryItems.pageInfo.hasNextPage).toBe(true);
    const page2 = (await stack.gql(query, { first: 4, after: page1.inventoryItems.pageInfo.endCursor })).body
      .data as Items;
    expect(page2.inventoryItems.edges.map((edge) => edge.node.sku)).toEqual([
      'sku-5',
      'MUG-111',
      'SM13',
      'SM14',
    ]);
    const odd = (await stack.gql(query, { first: 3, after: page1.inventoryItems.pageInfo.endCursor })).body
      .data as Items;
    expect(odd.inventoryItems.edges.map((edge) => edge.node.sku)).toEqual(['sku-5', 'MUG-111', 'SM13']);
  });

  it('lists locations and the backorders by location, most backordered first', async () => {
    const stack = await startStack();
    const locations = await stack.gql('{ locations { id entityId code name enabled } }');
    expect(locations.body.data).toEqual({
      locations: [
        { id: 'Location:1', entityId: 1, code: 'BC-LOCATION-1', name: 'Default location', enabled: true },
        { id: 'Location:2', entityId: 2, code: 'WH-EAST', name: 'East warehouse', enabled: true },
        { id: 'Location:3', entityId: 3, code: 'WH-WEST', name: 'West warehouse', enabled: true },
      ],
    });
    const { body } = await stack.gql(operation('backorders.graphql'), {}, 'Backorders');
    type Backorders = {
      backorders: {
        location: { entityId: number };
        totalQtyBackordered: number;
        items: { sku: string; qtyBackordered: number; atBackorderLimit: boolean }[];
      }[];
    };
    const groups = (body.data as Backorders).backorders;
    expect(
      groups.map((group) => [
        group.location.entityId,
        group.totalQtyBackordered,
        group.items.map((item) => [item.sku, item.qtyBackordered]),
      ]),
    ).toEqual([
      [
        1,
        43,
        [
          ['SLCTBS-A9615491', 20],
          ['LAMP-150', 12],
          ['SM14', 6],
          ['SM13', 5],
        ],
      ],
      [2, 3, [['sku-5', 3]]],
      [3, 8, [['sku-4', 8]]],
    ]);
    expect(groups[0]?.items[0]?.atBackorderLimit).toBe(true);
    const east = (await stack.gql(operation('backorders.graphql'), { locationIds: [2] })).body
      .data as Backorders;
    expect(east.backorders.map((group) => group.location.entityId)).toEqual([2]);
  });
});

describe('nodes and orders', () => {
  it('refetches every node type by global id, with null for unknown ids', async () => {
    const stack = await startStack();
    const ids = [
      'Product:112',
      'Variant:74',
      'Location:2',
      'InventoryItem:112/74',
      'InventoryLevel:112/74@1',
      'Order:100',
      'OrderLine:100/8',
      'Product:9999',
      'garbage',
    ];
    const { body } = await stack.gql('query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }', { ids });
    expect(body.data).toEqual({
      nodes: [
        { __typename: 'Product', id: 'Product:112' },
        { __typename: 'Variant', id: 'Variant:74' },
        { __typename: 'Location', id: 'Location:2' },
        { __typename: 'InventoryItem', id: 'InventoryItem:112/74' },
        { __typename: 'InventoryLevel', id: 'InventoryLevel:112/74@1' },
        { __typename: 'Order', id: 'Order:100' },
        { __typename: 'OrderLine', id: 'OrderLine:100/8' },
        null,
        null,
      ],
    });
  });

  it('reads an order with its lines and backordered quantities', async () => {
    const stack = await startStack();
    const { body } = await stack.gql(operation('order.graphql'), { entityId: 100 });
    expect(body.data).toMatchObject({
      order: {
        id: 'Order:100',
        status: 'Awaiting Fulfillment',
        quantityBackordered: 5,
        lines: [
          {
            id: 'OrderLine:100/8',
            sku: 'SM13',
            quantity: 5,
            quantityBackordered: 5,
            quantityFromStock: 0,
            variant: { id: 'Variant:74' },
          },
        ],
      },
    });
    expect((await stack.gql(operation('order.graphql'), { entityId: 404 })).body.data).toEqual({
      order: null,
    });
    const orders = await stack.gql(
      '{ orders(first: 10) { edges { node { entityId } } pageInfo { hasNextPage } } }',
    );
    expect(orders.body.data).toEqual({
      orders: { edges: [{ node: { entityId: 100 } }], pageInfo: { hasNextPage: false } },
    });
  });
});

describe('bad input', () => {
  it('refuses malformed variables and out-of-range page sizes before calling the store', async () => {
    const stack = await startStack();
    await stack.mark();
    const wrongType = await stack.gql(CATALOG, { first: 'ten' }, 'Catalog');
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.errors?.[0]?.message).toContain('Int cannot represent');
    const tooMany = await stack.gql(CATALOG, { first: 51 }, 'Catalog');
    expect(tooMany.body.errors?.[0]).toMatchObject({
      message: 'first must be between 1 and 50, got 51',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const unknownField = await stack.gql('{ products { nope } }');
    expect(unknownField.body.errors?.[0]?.message).toContain('Cannot query field "nope"');
    const badCursor = await stack.gql('{ inventoryItems(after: "zzz") { totalCount } }');
    expect(badCursor.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await stack.requests()).toEqual([]);
  });

  it('refuses broken JSON, bodies without a length and oversize bodies', async () => {
    const stack = await startStack({ gateway: { maxBodyBytes: 1000 } });
    const broken = await fetch(stack.gateway.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(broken.status).toBe(400);
    const big = await fetch(stack.gateway.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ locations { id } } # ${'x'.repeat(2000)}` }),
    });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { errors: { message: string }[] }).errors[0]?.message).toBe(
      'Request body exceeds 1000 bytes',
    );
    const chunked = await fetch(stack.gateway.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new ReadableStream({
        start: (controller) => {
          controller.enqueue(new TextEncoder().encode('{"query":"{ locations { id } }"}'));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(411);
  });

  it('maps an availability it does not know to UNKNOWN', () => {
    const aggregate = readAggregate(new Reader('test'), {
      aggregated: {
        availableToSell: 0,
        onHand: 0,
        qtyBackordered: 0,
        backorderLimit: null,
        warningLevel: 0,
        availability: 'PREORDER',
      },
    });
    expect(aggregate?.availability).toBe('UNKNOWN');
  });
});
