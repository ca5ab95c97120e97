import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import type { Resolvers } from '../../__generated__/resolvers-types.js';
import {
  AGGREGATE_FIELDS,
  MAX_COMPLEXITY,
  PRODUCT_FIELDS,
  productInventoryFields,
  readProduct,
  type ProductRecord,
  type VariantPage,
  type VariantRecord,
} from '../../upstream/bigcommerce-admin-graphql/client.js';
import { Reader } from '../../upstream/guards.js';
import { RemoteFieldUnavailableError } from '../../upstream/errors.js';
import {
  MAX_READ_PAGE,
  listInventoryItems,
  type InventoryItemRecord,
  type LocationStock,
} from '../../upstream/bigcommerce-rest/inventory.js';
import type { GatewayContext } from '../context.js';
import { decodeOffset, encodeOffset, globalId } from '../global-id.js';
import { RODE_ALONG, catalogSelection, type CatalogSelection } from '../catalog-stitching.js';
import { variantPageCost } from '../loaders.js';
import type { InventoryLevelModel } from '../models.js';
import { argumentOf, childFields, fieldsAt, hasConditions } from '../selection.js';

const DEFAULT_VARIANT_PAGE = 20;
/** Headroom under Admin GraphQL's complexity limit for the products page query. */
const COMPLEXITY_BUDGET = MAX_COMPLEXITY * 0.9;

/** Refuses page sizes outside `1..max` before any upstream call. */
export function pageSize(
  value: number | null | undefined,
  fallback: number,
  max: number,
  name: string,
): number {
  const size = value ?? fallback;
  if (!Number.isSafeInteger(size) || size < 1 || size > max) {
    throw new GraphQLError(`${name} must be between 1 and ${max}, got ${size}`, {
      extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
    });
  }
  return size;
}

export function levelsOf(
  item: InventoryItemRecord,
  locationIds?: readonly number[] | null,
): InventoryLevelModel[] {
  const wanted = locationIds === null || locationIds === undefined ? null : new Set(locationIds);
  return item.locations
    .filter((stock) => wanted === null || wanted.has(stock.locationId))
    .map((stock) => ({
      item: { sku: item.sku, variantId: item.variantId, productId: item.productId },
      stock,
    }));
}

function remainingAllowance(stock: LocationStock): number | null {
  const limit = stock.settings.backorderLimit;
  return limit === null ? null : Math.max(0, limit - stock.qtyBackordered);
}

interface ProductsPlan {
  readonly query: string;
  /**
   * The inventory items the page's fields will load (product SKUs, variant SKUs and levels), fetched as soon as the
   * page is read so that those fields complete without awaiting; null when they select none, or when a field on the
   * way is conditional (`@include`, `@skip`) and might not run.
   */
  readonly items: {
    readonly productSku: boolean;
    readonly variantSku: boolean;
    readonly variantLocations: boolean;
  } | null;
  readonly variants: {
    readonly first: number;
    readonly after: string | null;
    readonly withAggregates: boolean;
  } | null;
  /** The store's catalog fields that ride in the page's call; the product records carry them. */
  readonly catalog: CatalogSelection | null;
  /** Whether the page asks for the products' names (only when `name` is selected). */
  readonly withName: boolean;
}

/**
 * Looks ahead at what the `products` query selects, so that one Admin GraphQL call fetches the page, the
 * aggregates and each product's first page of variants whenever the store's complexity limit allows.
 */
function planProducts(info: GraphQLResolveInfo, first: number): ProductsPlan {
  const nodes = fieldsAt(info, ['edges', 'node']);
  // The store's catalog fields the page selects ride in the same call when the complexity budget allows.
  const selected = catalogSelection(info, nodes);
  const ridingCost = (selected?.complexity ?? 0) * first;
  const withInventory = childFields(info, nodes, 'inventory').length > 0;
  // The name only when selected: a page that does not show it keeps working while the store's schema lacks it.
  const withName = childFields(info, nodes, 'name').length > 0;
  const variantFields = childFields(info, nodes, 'variants');
  const shapes = new Map(
    variantFields.map((field) => {
      const size = argumentOf(info, field, 'first');
      const after = argumentOf(info, field, 'after');
      const shape = {
        first: typeof size === 'number' ? size : DEFAULT_VARIANT_PAGE,
        after: typeof after === 'string' ? after : null,
      };
      return [`${shape.first}|${shape.after ?? ''}`, shape];
    }),
  );
  const shape = shapes.size === 1 ? [...shapes.values()][0] : undefined;
  const variantNodes = childFields(info, childFields(info, variantFields, 'edges'), 'node');
  // edges, cursor, node; id and basicInformation { name }; inventory's tracking flags (always: Product.sku needs
  // them) and aggregates; the variant page; pageInfo.
  const baseCost = (variantCost: number) =>
    1 + first * (1 + 1 + 1 + 3 + 3 + (withInventory ? 7 : 0) + variantCost + 3) + 3;
  const catalog = selected !== null && baseCost(0) + ridingCost <= COMPLEXITY_BUDGET ? selected : null;
  const cost = (variantCost: number) => baseCost(variantCost) + (catalog === null ? 0 : ridingCost);
  let variants: ProductsPlan['variants'] = null;
  if (shape !== undefined && shape.first >= 1 && shape.first <= 50) {
    const withAggregates = childFields(info, variantNodes, 'inventory').length > 0;
    if (cost(variantPageCost(shape.first, withAggregates)) <= COMPLEXITY_BUDGET)
      variants = { ...shape, withAggregates };
    else if (withAggregates && cost(variantPageCost(shape.first, false)) <= COMPLEXITY_BUDGET)
      variants = { ...shape, withAggregates: false };
  }
  const productSku = childFields(info, nodes, 'sku').length > 0;
  const variantSku = variants !== null && childFields(info, variantNodes, 'sku').length > 0;
  const variantLocations = variants !== null && childFields(info, variantNodes, 'locations').length > 0;
  const items =
    (productSku || variantSku || variantLocations) && !hasConditions(info, info.fieldNodes)
      ? { productSku, variantSku, variantLocations }
      : null;
  return {
    query: productsPageQuery(withName, withInventory, variants, catalog),
    items,
    variants,
    catalog,
    withName,
  };
}

/**
 * The variants whose inventory items the page's fields will load, in the order they would load them: the SKUs of
 * products tracked at product level first (they are asked while the page's products complete), then the variants'.
 */
function itemsAhead(plan: ProductsPlan, products: readonly ProductRecord[]): number[] {
  const ids: number[] = [];
  if (plan.items === null) return ids;
  if (plan.items.productSku)
    for (const product of products)
      if (product.tracking === 'product')
        for (const variant of product.variantPage?.variants ?? []) ids.push(variant.entityId);
  if (plan.items.variantSku || plan.items.variantLocations)
    for (const product of products)
      for (const variant of product.variantPage?.variants ?? [])
        if (plan.items.variantLocations || variant.sku === undefined) ids.push(variant.entityId);
  return ids;
}

/**
 * The products page document for one shape: with or without the aggregates, with or without each product's first
 * page of variants (with or without theirs). Every shape without catalog fields is registered in
 * upstream-documents.ts; the store's catalog fields a client selects ride along (built from a selection the stitched
 * schema, itself built from the store's schema, has validated).
 */
export function productsPageQuery(
  withName: boolean,
  withInventory: boolean,
  variants: { readonly withAggregates: boolean } | null,
  catalog: CatalogSelection | null = null,
): string {
  const variantSelection =
    variants === null
      ? ''
      : `variants(first: $variantsFirst, after: $variantsAfter) { edges { cursor node { id ${variants.withAggregates ? AGGREGATE_FIELDS : ''} } } pageInfo { hasNextPage endCursor } }`;
  const catalogVariables = catalog === null ? '' : catalog.variableDefinitions.map((d) => `, ${d}`).join('');
  return `query GatewayProducts($first: Int!, $after: String${variants === null ? '' : ', $variantsFirst: Int!, $variantsAfter: String'}${catalogVariables}) {
    store { products(first: $first, after: $after) {
      edges { cursor node { ${withName ? PRODUCT_FIELDS : 'id'} ${productInventoryFields(withInventory)} ${variantSelection} ${catalog?.selection ?? ''} } }
      pageInfo { hasNextPage endCursor }
    } }
  }`;
}

/**
 * The product record with the catalog fields that rode in its call, under their field names: the stitching layer
 * finds them present and fetches nothing more (see catalog-stitching.ts).
 */
function withCatalogFields(
  product: ProductRecord,
  node: unknown,
  catalog: CatalogSelection | null,
): ProductRecord {
  if (catalog === null || typeof node !== 'object' || node === null) return product;
  const fields: Record<string, unknown> = {};
  for (const name of catalog.fields) if (name in node) fields[name] = (node as Record<string, unknown>)[name];
  const record: ProductRecord & { readonly [RODE_ALONG]: ReadonlySet<string> } = {
    ...product,
    ...fields,
    [RODE_ALONG]: new Set(catalog.fields),
  };
  return record;
}

async function fetchProductsPage(
  context: GatewayContext,
  info: GraphQLResolveInfo,
  first: number,
  after: string | null,
) {
  const plan = planProducts(info, first);
  const variables: Record<string, unknown> = { first, after, ...plan.catalog?.variables };
  if (plan.variants !== null) {
    variables['variantsFirst'] = plan.variants.first;
    variables['variantsAfter'] = plan.variants.after;
  }
  const data = await context.upstream.graphql.query('GatewayProducts', plan.query, variables, context.signal);
  const reader = new Reader('Admin GraphQL GatewayProducts');
  const connection = reader.at('store.products').record(reader.at('store').record(data['store'])['products']);
  const pageKey = plan.variants === null ? undefined : `${plan.variants.first}|${plan.variants.after ?? ''}`;
  const edges = reader.at('store.products').each(connection['edges'], (r, edge) => {
    const record = r.record(edge);
    return {
      cursor: r.field(record, 'cursor', (cr, v) => cr.string(v)),
      node: r.field(record, 'node', (nr, v) =>
        withCatalogFields(readProduct(nr, v, pageKey), v, plan.catalog),
      ),
    };
  });
  const pageInfo = reader.at('store.products.pageInfo').record(connection['pageInfo']);
  for (const { node } of edges) {
    // A record read without its name would answer `name` wrongly elsewhere in the operation.
    if (plan.withName) context.loaders.primeProduct(node);
    if (node.variantPage !== undefined && pageKey !== undefined) {
      context.loaders.primeVariantPage(`${node.entityId}|${pageKey}`, node.variantPage);
      for (const variant of node.variantPage.variants) context.loaders.primeVariant(variant);
    }
  }
  // The same inventory call the fields below would make, started now; they then read its outcome.
  const ahead = itemsAhead(
    plan,
    edges.map((edge) => edge.node),
  );
  if (ahead.length > 0) await context.loaders.settleInventoryByVariantId(ahead);
  return {
    edges,
    pageInfo: {
      hasNextPage: pageInfo['hasNextPage'] === true,
      hasPreviousPage: after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: typeof pageInfo['endCursor'] === 'string' ? pageInfo['endCursor'] : null,
    },
  };
}

async function productOf(context: GatewayContext, productId: number): Promise<ProductRecord> {
  const product = await context.loaders.product(productId);
  if (product === null) throw new Error(`product ${productId} is missing from Admin GraphQL`);
  return product;
}

/**
 * A product's SKU as REST V3 inventory items report it: only a product tracked at product level has an item of
 * its own (`identity.variant_id` is its base variant). Where the variants' page is at hand (a catalog page), the
 * lookup goes through the variants' inventory loader, so it shares their call.
 */
function productSku(context: GatewayContext, product: ProductRecord): string | null | Promise<string | null> {
  if (product.tracking === undefined) return loadProductSku(context, product);
  if (product.tracking !== 'product') return null;
  const variants = product.variantPage?.variants ?? [];
  if (variants.length === 0) return loadProductSku(context, product);
  const items = variants.map((variant) => context.loaders.settledInventory(variant.entityId));
  if (items.includes(undefined)) return loadProductSku(context, product);
  // A failure is answered as a rejection, like an awaited load: the fields beside it still run and report theirs.
  if (items.some((item) => item instanceof Error))
    return Promise.resolve(items).then((all) => skuAmong(all, product));
  return skuAmong(items, product);
}

/** The SKU of the product's own item among its variants' (the first failed load throws). */
function skuAmong(
  items: readonly (InventoryItemRecord | null | Error | undefined)[],
  product: ProductRecord,
): string | null {
  for (const item of items) {
    if (item instanceof Error) throw item;
    if (item?.productId === product.entityId) return item.sku;
  }
  return null;
}

async function loadProductSku(context: GatewayContext, product: ProductRecord): Promise<string | null> {
  const tracking = product.tracking ?? (await context.loaders.product(product.entityId))?.tracking;
  if (tracking !== 'product') return null;
  const variants = product.variantPage?.variants ?? [];
  if (variants.length > 0) {
    const items = await context.loaders.inventoryByVariantId.loadMany(
      variants.map((variant) => variant.entityId),
    );
    return skuAmong(items, product);
  }
  return (await context.loaders.inventoryByProductId.load(product.entityId))?.sku ?? null;
}

/** A products page's variant connection from one page of variants (null: the store has no such product). */
function variantConnection(page: VariantPage | null, after: string | null) {
  const variants = page?.variants ?? [];
  return {
    edges: variants.map((node, index) => ({ cursor: page?.cursors[index] ?? '', node })),
    pageInfo: {
      hasNextPage: page?.hasNextPage ?? false,
      hasPreviousPage: after !== null,
      startCursor: page?.cursors[0] ?? null,
      endCursor: page?.endCursor ?? null,
    },
  };
}

/**
 * A variant's inventory item: at once when a page fetched it ahead, else through the loader. A failed load is a
 * rejection, as awaiting the load would give: thrown at once, it would stop the rest of a synchronous pass, and
 * the fields beside it would no longer report their own errors.
 */
function itemOf(
  context: GatewayContext,
  variantId: number,
): InventoryItemRecord | null | Promise<InventoryItemRecord | null> {
  const settled = context.loaders.settledInventory(variantId);
  if (settled === undefined) return context.loaders.inventoryByVariantId.load(variantId);
  if (settled instanceof Error) return Promise.reject(settled);
  return settled;
}

export const inventoryResolvers: Resolvers = {
  Query: {
    products: (_, args, context, info) =>
      fetchProductsPage(context, info, pageSize(args.first, 20, 50, 'first'), args.after ?? null),
    product: (_, args, context) => context.loaders.product(args.entityId),
    variant: (_, args, context) => context.loaders.variant(args.entityId),
    locations: (_, __, context) => context.loaders.locations(),
    inventoryItems: async (_, args, context) => {
      const first = pageSize(args.first, 50, MAX_READ_PAGE, 'first');
      const offset = decodeOffset(args.after);
      if (offset === null)
        throw new GraphQLError('after is not a cursor this API issued', {
          extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
        });
      const filter = args.filter ?? {};
      const upstreamFilter = {
        ...(filter.productIds === null || filter.productIds === undefined
          ? {}
          : { productIds: filter.productIds }),
        ...(filter.variantIds === null || filter.variantIds === undefined
          ? {}
          : { variantIds: filter.variantIds }),
        ...(filter.skus === null || filter.skus === undefined ? {} : { skus: filter.skus }),
        ...(filter.locationIds === null || filter.locationIds === undefined
          ? {}
          : { locationIds: filter.locationIds }),
      };
      // Upstream pages by number: an offset that is not a multiple of the page size reads one wider page.
      const aligned = offset % first === 0;
      const limit = aligned ? first : Math.min(MAX_READ_PAGE, offset + first);
      const page = await listInventoryItems(
        context.upstream.transport,
        upstreamFilter,
        { page: aligned ? offset / first + 1 : 1, limit },
        context.signal,
      );
      const items = aligned ? page.data : page.data.slice(offset, offset + first);
      if (filter.locationIds === null || filter.locationIds === undefined) {
        for (const item of items) context.loaders.inventoryByVariantId.prime(item.variantId, item);
      }
      return {
        totalCount: page.total,
        edges: items.map((node, index) => ({ cursor: encodeOffset(offset + index + 1), node })),
        pageInfo: {
          hasNextPage: offset + items.length < page.total,
          hasPreviousPage: offset > 0,
          startCursor: items.length === 0 ? null : encodeOffset(offset + 1),
          endCursor: items.length === 0 ? null : encodeOffset(offset + items.length),
        },
      };
    },
  },
  Product: {
    id: (product) => globalId.product(product.entityId),
    name: (product) => {
      // Read without its name while the store's schema lacks it; validation refuses `name` by then, unless the
      // schema changed during this operation.
      if (product.name === null)
        throw new RemoteFieldUnavailableError('Admin GraphQL GatewayNodes', ['Product.basicInformation']);
      return product.name;
    },
    sku: (product, _, context) => productSku(context, product),
    inventory: (product, _, context) =>
      product.aggregate !== undefined
        ? product.aggregate
        : context.loaders.product(product.entityId).then((loaded) => loaded?.aggregate ?? null),
    variants: (product, args, context) => {
      const first = pageSize(args.first, DEFAULT_VARIANT_PAGE, 50, 'first');
      const after = args.after ?? null;
      const page = context.loaders.variantPage(`${product.entityId}|${first}|${after ?? ''}`);
      return page instanceof Promise
        ? page.then((loaded) => variantConnection(loaded, after))
        : variantConnection(page, after);
    },
  },
  Variant: {
    id: (variant) => globalId.variant(variant.entityId),
    // REST V3 inventory items carry the SKU (`identity.sku`); the same loader serves `locations`, so a page of
    // variants asking both costs one inventory call.
    sku: (variant, _, context) => {
      if (variant.sku !== undefined) return variant.sku;
      const item = itemOf(context, variant.entityId);
      return item instanceof Promise ? item.then((loaded) => loaded?.sku ?? null) : (item?.sku ?? null);
    },
    product: (variant, _, context) => productOf(context, variant.productId),
    inventory: (variant, _, context) =>
      variant.aggregate !== undefined
        ? variant.aggregate
        : context.loaders.variant(variant.entityId).then((loaded) => loaded?.aggregate ?? null),
    locations: (variant, args, context) => {
      const item = itemOf(context, variant.entityId);
      return item instanceof Promise
        ? item.then((loaded) => (loaded === null ? [] : levelsOf(loaded, args.locationIds)))
        : item === null
          ? []
          : levelsOf(item, args.locationIds);
    },
  },
  Location: {
    id: (location) => globalId.location(location.id),
    entityId: (location) => location.id,
    name: (location) => location.label,
  },
  InventoryItem: {
    id: (item) => globalId.inventoryItem(item.productId, item.variantId),
    product: (item, _, context) => productOf(context, item.productId),
    variant: (item): VariantRecord => ({
      entityId: item.variantId,
      productId: item.productId,
      sku: item.sku,
    }),
    locations: (item) => levelsOf(item),
  },
  InventoryLevel: {
    id: ({ item, stock }) => globalId.inventoryLevel(item.productId, item.variantId, stock.locationId),
    location: ({ stock }) => ({
      id: stock.locationId,
      code: stock.locationCode,
      label: stock.locationName,
      enabled: stock.locationEnabled,
    }),
    product: ({ item }, _, context) => productOf(context, item.productId),
    variant: ({ item }): VariantRecord => ({
      entityId: item.variantId,
      productId: item.productId,
      sku: item.sku,
    }),
    sku: ({ item }) => item.sku,
    availableToSell: ({ stock }) => stock.availableToSell,
    onHand: ({ stock }) => stock.onHand,
    qtyBackordered: ({ stock }) => stock.qtyBackordered,
    safetyStock: ({ stock }) => stock.settings.safetyStock,
    isInStock: ({ stock }) => stock.settings.isInStock,
    warningLevel: ({ stock }) => stock.settings.warningLevel,
    binPickingNumber: ({ stock }) => stock.settings.binPickingNumber,
    backorderLimit: ({ stock }) => stock.settings.backorderLimit,
    remainingBackorderAllowance: ({ stock }) => remainingAllowance(stock),
    canBackorder: ({ stock }) => {
      const remaining = remainingAllowance(stock);
      return remaining === null || remaining > 0;
    },
    atBackorderLimit: ({ stock }) => {
      const limit = stock.settings.backorderLimit;
      return limit !== null && limit > 0 && stock.qtyBackordered >= limit;
    },
    orderableQuantity: ({ stock }) => {
      const remaining = remainingAllowance(stock);
      return remaining === null ? null : stock.availableToSell + remaining;
    },
  },
};
