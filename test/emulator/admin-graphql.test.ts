import {
  buildClientSchema,
  getIntrospectionQuery,
  type GraphQLObjectType,
  type IntrospectionQuery,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { parseEmulatorFlags } from '../../src/emulator/cli.js';
import { createEmulator, type Emulator } from '../../src/emulator/create-emulator.js';
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
      'query Nodes($ids: [ID!]!) { nodes(ids: $ids) { id __typename ... on Variant { product { id } } ... on InventoryLocation { code } } }';
    const { body } = await graphql(emulator, query, {
      ids: ['bc/store/productVariant/78', 'bc/store/product/999', 'bc/store/inventoryLocation/2', 'nonsense'],
    });
    expect(body.data).toEqual({
      nodes: [
        {
          id: 'bc/store/productVariant/78',
          __typename: 'Variant',
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
      '{ store { products(filters: { ids: ["bc/store/product/150", "bc/store/product/77"] }) { edges { node { id basicInformation { name } } } } } }',
    );
    expect(filtered.body.data).toEqual({
      store: {
        products: {
          edges: [
            { node: { id: 'bc/store/product/77', basicInformation: { name: 'Selectric Typewriter' } } },
            { node: { id: 'bc/store/product/150', basicInformation: { name: 'Desk Lamp' } } },
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
      `{ store { products(first: 50) { edges { node { id variants(first: 50) { edges { node { id inventory { ${AGGREGATED} } } } } } } } } }`,
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

const PRODUCT_111 = 'bc/store/product/111';
const FR = '{ channelId: "bc/store/channel/2", locale: "fr" }';

/** Reads `data.store.product` of a guide query. */
function productOf(body: GraphqlBody): Record<string, unknown> {
  expect(body.errors).toBeUndefined();
  return (body.data as { store: { product: Record<string, unknown> } }).store.product;
}

describe('Admin GraphQL catalog: the guides of "International Enhancements for Multi-Storefront"', () => {
  it('answers the basic-information guide query with global values and the channel-locale override', async () => {
    const emulator = await startEmulator();
    const { body } = await graphql(
      emulator,
      `query { store { products (filters: {ids: ["${PRODUCT_111}"]}) { edges { node {
        id
        basicInformation { name description }
        overridesForLocale (localeContext: ${FR}) { basicInformation { name description } }
      } } } } }`,
    );
    expect(body).toEqual({
      data: {
        store: {
          products: {
            edges: [
              {
                node: {
                  id: PRODUCT_111,
                  basicInformation: {
                    name: 'Ceramic Mug',
                    description: '<p>A glazed ceramic mug, <em>dishwasher safe</em>.</p>',
                  },
                  overridesForLocale: {
                    basicInformation: {
                      name: 'Tasse en céramique',
                      description:
                        '<p>Une tasse en céramique émaillée, <em>lavable au lave-vaisselle</em>.</p>',
                    },
                  },
                },
              },
            ],
          },
        },
      },
    });
  });

  it('answers the SEO and URL guide queries, with null override members where a locale has none', async () => {
    const emulator = await startEmulator();
    const seo = await graphql(
      emulator,
      `query { store { product (id: "${PRODUCT_111}") { id seoInformation { pageTitle metaDescription }
        overridesForLocale(localeContext: ${FR}) { seoInformation { pageTitle metaDescription } } } } }`,
    );
    expect(productOf(seo.body)).toEqual({
      id: PRODUCT_111,
      seoInformation: { pageTitle: 'Ceramic Mug', metaDescription: 'Buy Ceramic Mug online.' },
      overridesForLocale: {
        seoInformation: {
          pageTitle: 'Tasse en céramique | Boutique',
          metaDescription: 'Tasse en céramique émaillée.',
        },
      },
    });
    const url = (locale: string) =>
      graphql(
        emulator,
        `query { store { product (id: "${PRODUCT_111}") { id urlPath { path }
          overridesForLocale (localeContext: { channelId: "bc/store/channel/2", locale: "${locale}" }) { urlPath { path } } } } }`,
      );
    expect(productOf((await url('fr')).body)).toEqual({
      id: PRODUCT_111,
      urlPath: { path: '/ceramic-mug/' },
      overridesForLocale: { urlPath: { path: '/fr/tasse-en-ceramique/' } },
    });
    expect(productOf((await url('uk')).body)).toEqual({
      id: PRODUCT_111,
      urlPath: { path: '/ceramic-mug/' },
      overridesForLocale: { urlPath: null },
    });
    // Product 112 overrides SEO and URL only: its basic information inherits.
    const partial = await graphql(
      emulator,
      `{ store { product(id: "bc/store/product/112") { overridesForLocale(localeContext: ${FR}) {
        basicInformation { name } seoInformation { pageTitle } urlPath { path } } } } }`,
    );
    expect(productOf(partial.body)).toEqual({
      overridesForLocale: {
        basicInformation: null,
        seoInformation: { pageTitle: 'Tasse en grès | Boutique' },
        urlPath: { path: '/fr/tasse-en-gres/' },
      },
    });
  });

  it('answers the images guide query: CDN urls, one thumbnail, per-image channel-locale overrides', async () => {
    const emulator = await startEmulator();
    const { body } = await graphql(
      emulator,
      `query { store { product(id: "${PRODUCT_111}") { images { edges { node {
        id altText isThumbnail sortOrder urlStandard urlZoom addedToProduct
        overrides( context: ${FR}) { edges { node { ... on ProductImagesOverridesForChannelLocale {
          context { channelId locale } altText isThumbnail sortOrder addedToProduct } } } }
      } } } } } }`,
    );
    const cdn = `https://cdn11.bigcommerce.com/s-${emulator.storeHash}/products/111/images`;
    expect(productOf(body)).toEqual({
      images: {
        edges: [
          {
            node: {
              id: 'bc/store/productImage/1111',
              altText: 'Ceramic Mug, view 1',
              isThumbnail: true,
              sortOrder: 0,
              urlStandard: `${cdn}/1111/ceramic-mug-1.386.513.jpg?c=1`,
              urlZoom: `${cdn}/1111/ceramic-mug-1.1280.1280.jpg?c=1`,
              addedToProduct: true,
              overrides: {
                edges: [
                  {
                    node: {
                      context: { channelId: 'bc/store/channel/2', locale: 'fr' },
                      altText: 'Tasse en céramique, vue de face',
                      isThumbnail: true,
                      sortOrder: 0,
                      addedToProduct: true,
                    },
                  },
                ],
              },
            },
          },
          {
            node: {
              id: 'bc/store/productImage/1112',
              altText: 'Ceramic Mug, view 2',
              isThumbnail: false,
              sortOrder: 1,
              urlStandard: `${cdn}/1112/ceramic-mug-2.386.513.jpg?c=1`,
              urlZoom: `${cdn}/1112/ceramic-mug-2.1280.1280.jpg?c=1`,
              addedToProduct: true,
              overrides: { edges: [] },
            },
          },
        ],
      },
    });
  });

  it('answers the custom-fields guide query with global values and overrides', async () => {
    const emulator = await startEmulator();
    const { body } = await graphql(
      emulator,
      `query { store { product(id: "${PRODUCT_111}") { customFields { edges { node {
        id name value
        overrides (context: ${FR}) { edges { node { ... on ProductCustomFieldOverridesForChannelLocale {
          name value isVisible context { channelId locale } } } } }
      } } } } } }`,
    );
    expect(productOf(body)).toEqual({
      customFields: {
        edges: [
          {
            node: {
              id: 'bc/store/productCustomField/1111',
              name: 'Capacity',
              value: '350 ml',
              overrides: {
                edges: [
                  {
                    node: {
                      name: 'Contenance',
                      value: '350 ml',
                      isVisible: true,
                      context: { channelId: 'bc/store/channel/2', locale: 'fr' },
                    },
                  },
                ],
              },
            },
          },
          {
            node: {
              id: 'bc/store/productCustomField/1112',
              name: 'Dishwasher safe',
              value: 'Yes',
              overrides: { edges: [] },
            },
          },
        ],
      },
    });
  });

  it('answers the variant-options guide query with one value per variant and label overrides', async () => {
    const emulator = await startEmulator();
    const query = (
      product: string,
    ) => `query { store { product(id: "${product}") { id options (first: 3) { edges { node {
      id displayName isShared values { id label isDefault }
      overridesForLocale( localeContext: ${FR}) { displayName values { id label } }
    } } } } } }`;
    expect(productOf((await graphql(emulator, query('bc/store/product/77'))).body)).toEqual({
      id: 'bc/store/product/77',
      options: {
        edges: [
          {
            node: {
              id: 'bc/store/productOption/77',
              displayName: 'Colour',
              isShared: false,
              values: [
                { id: 'bc/store/productOptionValue/1', label: 'Blue', isDefault: true },
                { id: 'bc/store/productOptionValue/2', label: 'Red', isDefault: false },
                { id: 'bc/store/productOptionValue/3', label: 'Cream', isDefault: false },
              ],
              overridesForLocale: {
                displayName: 'Couleur',
                values: [
                  { id: 'bc/store/productOptionValue/1', label: 'Bleu' },
                  { id: 'bc/store/productOptionValue/2', label: 'Rouge' },
                  { id: 'bc/store/productOptionValue/3', label: 'Crème' },
                ],
              },
            },
          },
        ],
      },
    });
    // The guide: an option without overrides answers displayName null and no values.
    const plain = productOf((await graphql(emulator, query('bc/store/product/80'))).body);
    expect(plain['options']).toMatchObject({
      edges: [{ node: { overridesForLocale: { displayName: null, values: [] } } }],
    });
  });

  it('refuses a channelId that is not a channel id', async () => {
    const emulator = await startEmulator();
    const { body } = await graphql(
      emulator,
      `{ store { product(id: "${PRODUCT_111}") { overridesForLocale(localeContext: { channelId: "2", locale: "fr" }) { urlPath { path } } } } }`,
    );
    expect(body.errors?.[0]?.message).toBe(
      'channelId must be a channel id like "bc/store/channel/1", got "2"',
    );
  });

  it('gives every product of the large seed catalog data whose option values match its variants', async () => {
    const emulator = await startEmulator({ seed: { large: 12 } });
    const { body } = await graphql(
      emulator,
      `{ store { products(first: 5) { edges { node {
        basicInformation { name description } seoInformation { pageTitle } urlPath { path }
        images { edges { node { isThumbnail } } } customFields { edges { node { name } } }
        options { edges { node { values { id } } } }
        variants { edges { node { id } } }
        overridesForLocale(localeContext: ${FR}) { basicInformation { name } }
      } } } } }`,
    );
    expect(body.errors).toBeUndefined();
    type Node = {
      basicInformation: { name: string; description: string };
      images: { edges: { node: { isThumbnail: boolean } }[] };
      customFields: { edges: unknown[] };
      options: { edges: { node: { values: { id: string }[] } }[] };
      variants: { edges: { node: { id: string } }[] };
      overridesForLocale: { basicInformation: { name: string } | null };
    };
    const nodes = (
      body.data as { store: { products: { edges: { node: Node }[] } } }
    ).store.products.edges.map((edge) => edge.node);
    expect(nodes).toHaveLength(3);
    for (const node of nodes) {
      expect(node.basicInformation.name).toMatch(/^Bench product \d+$/);
      expect(node.basicInformation.description).toMatch(/^<p>/);
      expect(node.images.edges.length).toBeGreaterThanOrEqual(1);
      expect(node.images.edges.length).toBeLessThanOrEqual(3);
      expect(node.images.edges.filter((edge) => edge.node.isThumbnail)).toHaveLength(1);
      expect([1, 2]).toContain(node.customFields.edges.length);
      expect(node.options.edges[0]?.node.values.map((value) => value.id.split('/').pop())).toEqual(
        node.variants.edges.map((edge) => edge.node.id.split('/').pop()),
      );
    }
    // Every tenth product carries fr overrides.
    expect(nodes[0]?.overridesForLocale.basicInformation).toEqual({ name: 'Produit de test 1000' });
    expect(nodes[1]?.overridesForLocale.basicInformation).toBeNull();
  });
});

describe('Admin GraphQL schema', () => {
  it("answers graphql-js's standard introspection query without charging it", async () => {
    const emulator = await startEmulator();
    const { body, headers } = await graphql(emulator, getIntrospectionQuery());
    expect(body.errors).toBeUndefined();
    expect(headers.get('x-bc-graphql-complexity')).toBe('0');
    const schema = buildClientSchema(body.data as unknown as IntrospectionQuery);
    const product = schema.getType('Product') as GraphQLObjectType;
    expect(Object.keys(product.getFields())).toEqual([
      'id',
      'basicInformation',
      'seoInformation',
      'urlPath',
      'images',
      'customFields',
      'options',
      'overridesForLocale',
      'inventory',
      'variants',
    ]);
    expect(Object.keys((schema.getType('Variant') as GraphQLObjectType).getFields())).toEqual([
      'id',
      'product',
      'inventory',
    ]);
  });

  it('refuses Product.name, Product.sku and Variant.sku as unknown fields', async () => {
    const emulator = await startEmulator();
    const { body } = await graphql(
      emulator,
      '{ node(id: "bc/store/product/111") { ... on Product { name sku } ... on Variant { sku } } }',
    );
    expect(body.data).toBeUndefined();
    expect(body.errors?.map((error) => error.message)).toEqual([
      'Cannot query field "name" on type "Product".',
      'Cannot query field "sku" on type "Product".',
      'Cannot query field "sku" on type "Variant".',
    ]);
  });

  it('leaves out the fields named by adminGraphqlWithout, for validation and introspection', async () => {
    const emulator = await startEmulator({ adminGraphqlWithout: ['Product.seoInformation'] });
    const { body } = await graphql(
      emulator,
      `{ store { product(id: "${PRODUCT_111}") { seoInformation { pageTitle } } } }`,
    );
    expect(body.errors?.map((error) => error.message)).toEqual([
      'Cannot query field "seoInformation" on type "Product". Did you mean "basicInformation"?',
    ]);
    const introspection = await graphql(emulator, getIntrospectionQuery());
    const schema = buildClientSchema(introspection.body.data as unknown as IntrospectionQuery);
    expect((schema.getType('Product') as GraphQLObjectType).getFields()['seoInformation']).toBeUndefined();
    expect(emulator.removedAdminGraphqlFields()).toEqual(['Product.seoInformation']);
  });

  it('refuses to start with a coordinate that names no field', async () => {
    await expect(createEmulator({ adminGraphqlWithout: ['Product.nope'] })).rejects.toThrow(
      'adminGraphqlWithout: "Product.nope" names no Admin GraphQL field',
    );
  });

  it('removes and restores fields at run time, as a store whose schema drifts', async () => {
    const emulator = await startEmulator();
    const query = `{ store { product(id: "${PRODUCT_111}") { urlPath { path } } } }`;
    expect((await graphql(emulator, query)).body.errors).toBeUndefined();
    emulator.removeAdminGraphqlFields(['Product.urlPath', 'ProductImage.urlZoom']);
    expect((await graphql(emulator, query)).body.errors?.[0]?.message).toBe(
      'Cannot query field "urlPath" on type "Product".',
    );
    expect(() => emulator.removeAdminGraphqlFields(['Nope.field'])).toThrow('"Nope.field" names no');
    expect(emulator.removedAdminGraphqlFields()).toEqual(['Product.urlPath', 'ProductImage.urlZoom']);
    emulator.restoreAdminGraphqlFields();
    expect(emulator.removedAdminGraphqlFields()).toEqual([]);
    expect(productOf((await graphql(emulator, query)).body)).toEqual({ urlPath: { path: '/ceramic-mug/' } });
  });

  it('reads --admin-graphql-without as comma-separated coordinates', () => {
    expect(
      parseEmulatorFlags(['--admin-graphql-without', 'Product.seoInformation, Product.urlPath'])
        .adminGraphqlWithout,
    ).toEqual(['Product.seoInformation', 'Product.urlPath']);
    expect(() => parseEmulatorFlags(['--admin-graphql-without', 'Product'])).toThrow(
      '--admin-graphql-without: "Product" is not a Type.field coordinate',
    );
  });
});
