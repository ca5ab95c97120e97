import { describe, expect, it } from 'vitest';
import { bearer, startAuthStack } from '../helpers/auth-stack.js';
import { post } from '../helpers/auth.js';
import { call } from '../helpers/emulator.js';
import { startStack, type Stack } from '../helpers/gateway.js';
import { operation } from '../helpers/operations.js';

type Data = Record<string, unknown>;

/** What the store's own Admin GraphQL answers for these products (the source of every stitched field). */
async function storeProducts(stack: Stack, ids: readonly number[], selection: string, variables: Data = {}) {
  const definitions = Object.keys(variables).length === 0 ? '' : ', $locale: LocaleContextInput!';
  const response = await call(stack.emulator, 'POST', '/graphql', {
    body: {
      query: `query ($ids: [ID!]!${definitions}) { nodes(ids: $ids) { ... on Product { ${selection} } } }`,
      variables: { ids: ids.map((id) => `bc/store/product/${id}`), ...variables },
    },
  });
  const body = response.body as { data?: { nodes: Data[] }; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data?.nodes ?? [];
}

/** Store calls made since `stack.mark()`, as `POST /graphql` (Admin GraphQL) and the rest. */
async function storeCalls(stack: Stack) {
  const requests = await stack.requests();
  const graphql = requests.filter((request) => request.method === 'POST' && request.path === '/graphql');
  return { graphql: graphql.length, total: requests.length };
}

const CATALOG_FIELDS = `
  basicInformation { name description }
  images(first: 1) { edges { node { urlStandard altText } } }
`;

/** `Catalog` with the store's names, descriptions and first image on every product. */
const CATALOG_WITH_FIELDS = operation('catalog.graphql').replace(
  /(node \{\s*id\s*entityId)/,
  `$1 ${CATALOG_FIELDS}`,
);

describe('catalog fields stitched onto Product', async () => {
  const stack = await startStack();

  it("answers Catalog with names, descriptions and first images in Catalog's own 2 store calls", async () => {
    const variables = { first: 10, variantsFirst: 5 };
    await stack.mark();
    const plain = await stack.gql(operation('catalog.graphql'), variables);
    expect(plain.body.errors).toBeUndefined();
    const plainCalls = await storeCalls(stack);
    expect(plainCalls).toEqual({ graphql: 1, total: 2 });

    await stack.mark();
    const stitched = await stack.gql(CATALOG_WITH_FIELDS, variables);
    expect(stitched.body.errors).toBeUndefined();
    expect(await storeCalls(stack)).toEqual(plainCalls);

    const edges = (stitched.body.data?.['products'] as { edges: { node: Data }[] }).edges;
    // The demo store holds 7 products.
    expect(edges).toHaveLength(7);
    const ids = edges.map(({ node }) => node['entityId'] as number);
    const store = await storeProducts(stack, ids, CATALOG_FIELDS);
    expect(
      edges.map(({ node }) => ({ basicInformation: node['basicInformation'], images: node['images'] })),
    ).toEqual(store);
    // The gateway's own fields are unchanged by the store's next to them.
    const plainEdges = (plain.body.data?.['products'] as { edges: { node: Data }[] }).edges;
    expect(edges.map(({ node }) => node['variants'])).toEqual(plainEdges.map(({ node }) => node['variants']));
  });

  it('answers product(entityId:) with one call for its own fields and one for the store catalog', async () => {
    await stack.mark();
    const { body } = await stack.gql(`{
      product(entityId: 77) {
        id entityId inventory { availability }
        basicInformation { name description }
        seoInformation { pageTitle metaDescription }
        urlPath { path }
        customFields(first: 5) { edges { node { name value } } }
        options(first: 5) { edges { node { displayName values { label isDefault } } } }
      }
    }`);
    expect(body.errors).toBeUndefined();
    expect(await storeCalls(stack)).toEqual({ graphql: 2, total: 2 });
    const product = body.data?.['product'] as Data;
    expect(product['id']).toBe('Product:77');
    const [store] = await storeProducts(
      stack,
      [77],
      `basicInformation { name description } seoInformation { pageTitle metaDescription } urlPath { path }
       customFields(first: 5) { edges { node { name value } } }
       options(first: 5) { edges { node { displayName values { label isDefault } } } }`,
    );
    expect(store).toBeDefined();
    expect(product).toMatchObject(store ?? {});
  });

  it("answers a product's overrides for channel 2's French locale as the store holds them", async () => {
    const locale = { channelId: 'bc/store/channel/2', locale: 'fr' };
    const selection = `overridesForLocale(localeContext: $locale) {
      basicInformation { name description } seoInformation { pageTitle metaDescription } urlPath { path }
    }`;
    const { body } = await stack.gql(
      `query ($locale: CatalogLocaleContextInput!) { product(entityId: 77) { ${selection} } }`,
      { locale },
    );
    expect(body.errors).toBeUndefined();
    const [store] = await storeProducts(stack, [77], selection, { locale });
    expect(body.data?.['product']).toEqual(store);
    // The same overrides ride in a products page's own call, the locale passed as the client's variable.
    await stack.mark();
    const page = await stack.gql(
      `query ($locale: CatalogLocaleContextInput!) { products(first: 50) { edges { node { entityId ${selection} } } } }`,
      { locale },
    );
    expect(page.body.errors).toBeUndefined();
    expect(await storeCalls(stack)).toEqual({ graphql: 1, total: 1 });
    const seventySeven = (page.body.data?.['products'] as { edges: { node: Data }[] }).edges.find(
      ({ node }) => node['entityId'] === 77,
    );
    if (seventySeven !== undefined)
      expect(seventySeven.node['overridesForLocale']).toEqual(store?.['overridesForLocale']);
  });

  it('answers the ProductPage document with the store catalog and the availability per variant and location', async () => {
    const { body } = await stack.gql(operation('product-page.graphql'), {
      entityId: 77,
      locale: { channelId: 'bc/store/channel/2', locale: 'fr' },
    });
    expect(body.errors).toBeUndefined();
    const product = body.data?.['product'] as Data;
    expect(typeof (product['basicInformation'] as Data)['name']).toBe('string');
    const variants = (product['variants'] as { edges: { node: Data }[] }).edges;
    expect(variants.length).toBeGreaterThan(0);
    expect(variants[0]?.node['locations']).toEqual(expect.any(Array));
  });

  it('completes products and variants returned by node and nodes, in one store call for all of them', async () => {
    await stack.mark();
    const { body } = await stack.gql(`{
      nodes(ids: ["Product:77", "Product:111", "Order:100"]) {
        __typename id ... on Product { basicInformation { name } }
      }
    }`);
    expect(body.errors).toBeUndefined();
    const calls = (await stack.requests()).filter((request) => request.path === '/graphql');
    // The gateway's own nodes call, then one call for both products' catalog fields.
    expect(calls).toHaveLength(2);
    const nodes = body.data?.['nodes'] as Data[];
    const store = await storeProducts(stack, [77, 111], 'basicInformation { name }');
    expect(nodes.slice(0, 2).map((node) => node['basicInformation'])).toEqual(
      store.map((node) => node['basicInformation']),
    );
    expect(nodes[2]).toEqual({ __typename: 'Order', id: 'Order:100' });
  });

  it('asks the store for nothing when only the gateway fields and __typename are selected', async () => {
    await stack.mark();
    const { body } = await stack.gql('{ product(entityId: 77) { __typename id entityId sku } }');
    expect(body.errors).toBeUndefined();
    expect(await storeCalls(stack)).toEqual({ graphql: 1, total: 1 });
  });
});

describe('catalog fields of many products', async () => {
  // 600 variants: 120 products (ids 1000 to 1119) of 5 variants each.
  const stack = await startStack({ emulator: { seed: { large: 600 } } });
  const productIds = Array.from({ length: 120 }, (_, i) => 1000 + i);
  const itemsOf = (selection: string, first = 1000) => `query ($ids: [Int!]) {
    inventoryItems(filter: { productIds: $ids }, first: ${first}) { edges { node { product { entityId ${selection} } } } }
  }`;

  it('reads 120 products in calls of at most 50 ids, sent in parallel', async () => {
    await stack.mark();
    const plain = await stack.gql(itemsOf(''), { ids: productIds });
    expect(plain.body.errors).toBeUndefined();
    const plainCalls = await storeCalls(stack);

    await stack.mark();
    const stitched = await stack.gql(itemsOf('basicInformation { name }'), { ids: productIds });
    expect(stitched.body.errors).toBeUndefined();
    const stitchedCalls = await storeCalls(stack);
    // 120 ids in calls of 50: 3 Admin GraphQL calls more than the same page without catalog fields.
    expect(stitchedCalls.graphql - plainCalls.graphql).toBe(3);
    expect(stitchedCalls.total - plainCalls.total).toBe(3);

    const edges = (stitched.body.data?.['inventoryItems'] as { edges: { node: { product: Data } }[] }).edges;
    const names = new Map(
      edges.map(({ node }) => [node.product['entityId'], node.product['basicInformation']]),
    );
    expect(names.size).toBe(120);
    const store = await storeProducts(stack, productIds.slice(0, 50), 'basicInformation { name }');
    expect(productIds.slice(0, 50).map((id) => names.get(id))).toEqual(
      store.map((node) => node['basicInformation']),
    );
  });

  it('splits an expensive selection into smaller calls to stay under the store complexity limit', async () => {
    await stack.mark();
    const { body } = await stack.gql(
      itemsOf(
        'images(first: 50) { edges { node { urlStandard altText isThumbnail sortOrder urlZoom } } }',
        250,
      ),
      { ids: productIds.slice(0, 50) },
    );
    expect(body.errors).toBeUndefined();
    const calls = await storeCalls(stack);
    // One product's selection costs 1 + 50 x 7 = 351: 25 products per call (under 9,000), so 2 calls for 50.
    const withoutImages = await (async () => {
      await stack.mark();
      await stack.gql(itemsOf('', 250), { ids: productIds.slice(0, 50) });
      return storeCalls(stack);
    })();
    expect(calls.graphql - withoutImages.graphql).toBe(2);
  });
});

describe('scopes and cost of catalog fields', async () => {
  const stack = await startAuthStack({ gateway: { limits: { maxCost: 1500 } } });
  const url = stack.gateway.graphqlUrl;

  it('needs inventory:read for the store fields, refused before any store call', async () => {
    const orderReader = await bearer(['orders:read']);
    await stack.mark();
    const answer = await post(
      url,
      orderReader,
      '{ order(entityId: 100) { lines { variant { product { basicInformation { name } } } } } }',
    );
    expect(answer.status).toBe(403);
    const error = answer.body.errors?.[0];
    expect(error?.extensions?.['code']).toBe('FORBIDDEN');
    expect(error?.extensions?.['fields']).toEqual(expect.arrayContaining(['Product.basicInformation']));
    expect(await stack.requests()).toEqual([]);
  });

  it('counts a store connection by its first and refuses an operation over the cost limit', async () => {
    const reader = await bearer(['inventory:read']);
    const page = (first: number) =>
      `{ products(first: 20) { edges { node { images(first: ${first}) { edges { node { urlStandard } } } } } } }`;
    const small = await post(url, reader, page(1));
    expect(small.body.errors).toBeUndefined();
    await stack.mark();
    const large = await post(url, reader, page(50));
    expect(large.status).toBe(400);
    expect(large.body.errors?.[0]?.extensions).toMatchObject({ code: 'COST_LIMIT_EXCEEDED', limit: 1500 });
    expect(await stack.requests()).toEqual([]);
  });

  it("refuses a store page larger than the store's 50 before any store call, given inline or as a variable", async () => {
    const reader = await bearer(['inventory:read']);
    const images =
      'query ($first: Int) { product(entityId: 111) { images(first: $first) { edges { node { urlStandard } } } } }';
    await stack.mark();
    for (const [query, variables] of [
      ['{ product(entityId: 111) { images(first: 51) { edges { node { urlStandard } } } } }', {}],
      [images, { first: 200 }],
    ] as const) {
      const refused = await post(url, reader, query, variables);
      expect(refused.status).toBe(400);
      expect(refused.body.errors?.[0]?.message).toMatch(/"images\(first:\)" takes at most 50, got (51|200)/);
      expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'LIST_LIMIT_EXCEEDED', limit: 50 });
    }
    expect(await stack.requests()).toEqual([]);
    const largest = await post(url, reader, images, { first: 50 });
    expect(largest.body.errors).toBeUndefined();
    const product = largest.body.data?.['product'] as { images: { edges: unknown[] } } | undefined;
    expect(product?.images.edges.length).toBeGreaterThan(0);
  });
});

describe('the public schema', async () => {
  const stack = await startStack();
  const { body } = await stack.gql(`{
    __schema {
      queryType { fields { name } }
      mutationType { fields { name } }
      types { name }
    }
  }`);
  const schema = body.data?.['__schema'] as {
    queryType: { fields: { name: string }[] };
    mutationType: { fields: { name: string }[] };
    types: { name: string }[];
  };

  it("has the gateway's root fields and mutations only, none of the store's", () => {
    expect(schema.mutationType.fields.map((field) => field.name).sort()).toEqual([
      'adjustInventory',
      'createOrder',
      'updateInventorySettings',
      'updateOrder',
    ]);
    const roots = schema.queryType.fields.map((field) => field.name);
    expect(roots).not.toContain('store');
    expect(roots.filter((name) => name.startsWith('_'))).toEqual([]);
  });

  it('names every type it takes from the store with the prefix Catalog', () => {
    const names = schema.types.map((type) => type.name);
    expect(names).toEqual(
      expect.arrayContaining(['CatalogProductImage', 'CatalogPageInfo', 'PageInfo', 'Product']),
    );
    expect(names).not.toContain('CatalogStore');
    expect(names).not.toContain('CatalogNode');
    expect(names).not.toContain('CatalogProduct');
  });
});
