import DataLoader from 'dataloader';
import {
  AGGREGATE_FIELDS,
  MAX_COMPLEXITY,
  MAX_NODES_PER_CALL,
  PRODUCT_ID_PREFIX,
  VARIANT_ID_PREFIX,
  productInventoryFields,
  readProduct,
  readVariant,
  readVariantPage,
  type AdminGraphqlClient,
  type ProductRecord,
  type VariantPage,
  type VariantRecord,
} from '../upstream/bigcommerce-admin-graphql/client.js';
import { Reader } from '../upstream/guards.js';
import {
  MAX_READ_PAGE,
  listAllInventoryItems,
  listLocations,
  type InventoryItemRecord,
  type ItemFilter,
  type LocationRecord,
} from '../upstream/bigcommerce-rest/inventory.js';
import {
  getOrder,
  listOrderLines,
  type OrderLineRecord,
  type OrderRecord,
} from '../upstream/bigcommerce-rest/orders.js';
import { RemoteFieldUnavailableError } from '../upstream/errors.js';
import type { Transport } from '../upstream/transport.js';

/** Keeps `?variant_id:in=...` well under common URL limits. */
const MAX_ID_LIST_CHARS = 1800;

export interface Upstream {
  readonly transport: Transport;
  readonly graphql: AdminGraphqlClient;
}

export type NodeRecord =
  | { readonly kind: 'product'; readonly product: ProductRecord }
  | { readonly kind: 'variant'; readonly variant: VariantRecord };

/** Products and variants by Admin GraphQL id (registered in upstream-documents.ts). */
export const NODES_QUERY = nodesQuery(true);

/**
 * The same lookup without the product's name, sent while the store's schema lacks a field the name is read from:
 * variants and the other fields of products do not need it (registered in upstream-documents.ts).
 */
export const NODES_QUERY_WITHOUT_NAME = nodesQuery(false);

/** The store fields `Product.name` is read from (`basicInformation { name }`). */
const NAME_FIELDS: ReadonlySet<string> = new Set([
  'Product.basicInformation',
  'ProductBasicInformation.name',
]);

function nodesQuery(withName: boolean): string {
  return `query GatewayNodes($ids: [ID!]!) {
  nodes(ids: $ids) {
    __typename
    id
    ... on Product { ${withName ? 'basicInformation { name } ' : ''}${productInventoryFields(true)} }
    ... on Variant { product { id } ${AGGREGATE_FIELDS} }
  }
}`;
}

/** One page of variants of each product (registered in upstream-documents.ts). */
export const VARIANT_PAGES_QUERY = `query GatewayVariantPages($ids: [ID!]!, $first: Int!, $after: String) {
            nodes(ids: $ids) { id ... on Product { variants(first: $first, after: $after) {
              edges { cursor node { id ${AGGREGATE_FIELDS} } } pageInfo { hasNextPage endCursor } } } }
          }`;

/** Splits values into chunks whose comma-joined text stays under `maxChars` and whose size stays under `maxCount`. */
export function chunkForUrl<T extends string | number>(
  values: readonly T[],
  maxChars: number,
  maxCount: number,
): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let chars = 0;
  for (const value of values) {
    const length = String(value).length + 1;
    if (current.length > 0 && (chars + length > maxChars || current.length >= maxCount)) {
      chunks.push(current);
      current = [];
      chars = 0;
    }
    current.push(value);
    chars += length;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/**
 * Reads the inventory items named by `keys` (variant ids, skus or product ids) in calls chunked by URL length and
 * page size, in parallel, following pagination. `onePerKey` sizes pages to the chunk (a variant id or sku names one
 * item; a product id may name several). Returns the items and the number of chunked calls.
 */
export async function readInventoryItems<K extends number | string>(
  transport: Transport,
  keys: readonly K[],
  filterFor: (chunk: K[]) => ItemFilter,
  options: { readonly onePerKey: boolean; readonly signal?: AbortSignal | undefined },
): Promise<{ items: InventoryItemRecord[]; calls: number }> {
  const chunks = chunkForUrl([...new Set(keys)], MAX_ID_LIST_CHARS, MAX_READ_PAGE);
  const pages = await Promise.all(
    chunks.map((chunk) =>
      listAllInventoryItems(
        transport,
        filterFor(chunk),
        options.onePerKey ? Math.min(MAX_READ_PAGE, chunk.length) : MAX_READ_PAGE,
        options.signal,
      ),
    ),
  );
  return { items: pages.flat(), calls: chunks.length };
}

/** Admin GraphQL cost of one product's variant page as the emulator and BigCommerce count it. */
export function variantPageCost(first: number, withAggregates: boolean): number {
  // variants(first) { edges { cursor node { id inventory {...} } } pageInfo { hasNextPage endCursor } }:
  // a connection multiplies everything it selects by its page size.
  const node = 1 + 1 + (withAggregates ? 8 : 0);
  return 1 + first * (1 + 1 + node + 3);
}

/** Creates a value on first call and returns the same one after. */
function once<T>(create: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= create());
}

function byKey<K, V>(keys: readonly K[], found: ReadonlyMap<K, V>): (V | null)[] {
  return keys.map((key) => found.get(key) ?? null);
}

/**
 * The loaders of one GraphQL request (or one subscription event). Each batches and caches the upstream calls
 * behind it; batch functions keep DataLoader's contract (one result per key, in key order, null for a miss) and
 * throw only when the whole upstream call failed.
 */
export function createLoaders(upstream: Upstream, signal?: AbortSignal) {
  const { transport, graphql } = upstream;

  // Every loader is built on first use: a subscription's context usually needs none of them.
  const nodeById = once(
    () =>
      new DataLoader<string, NodeRecord | null>(
        async (ids) => {
          let data: Record<string, unknown>;
          try {
            data = await graphql.query('GatewayNodes', NODES_QUERY, { ids }, signal);
          } catch (error) {
            const withoutName =
              error instanceof RemoteFieldUnavailableError &&
              error.coordinates.every((coordinate) => NAME_FIELDS.has(coordinate));
            if (!withoutName) throw error;
            data = await graphql.query('GatewayNodes', NODES_QUERY_WITHOUT_NAME, { ids }, signal);
          }
          const reader = new Reader('Admin GraphQL GatewayNodes');
          const nodes = reader.field(data, 'nodes', (r, v) => r.array(v));
          return ids.map((_, index): NodeRecord | null => {
            const value = nodes[index];
            if (value === null || value === undefined) return null;
            const nodeReader = reader.at(`nodes.${index}`);
            const typename = nodeReader.record(value)['__typename'];
            if (typename === 'Product') return { kind: 'product', product: readProduct(nodeReader, value) };
            if (typename === 'Variant') return { kind: 'variant', variant: readVariant(nodeReader, value) };
            return null;
          });
        },
        { maxBatchSize: MAX_NODES_PER_CALL },
      ),
  );

  /** Loads inventory items for a filter key (variant ids, skus or product ids), chunked by URL length. */
  function itemLoader<K extends number | string>(
    filterFor: (chunk: K[]) => ItemFilter,
    keyOf: (item: InventoryItemRecord) => K,
  ) {
    return new DataLoader<K, InventoryItemRecord | null>(
      async (keys) => {
        const { items } = await readInventoryItems(transport, keys, filterFor, { onePerKey: true, signal });
        const found = new Map<K, InventoryItemRecord>();
        for (const item of items) found.set(keyOf(item), item);
        return byKey(keys, found);
      },
      // Dispatch after the whole resolver pass, not after one tick: a catalog page asks a product's SKU a few
      // ticks before its variants' SKUs and levels, and all of them belong in one inventory call.
      { batchScheduleFn: (dispatch) => setImmediate(dispatch) },
    );
  }

  const inventoryByVariantId = once(() =>
    itemLoader<number>(
      (chunk) => ({ variantIds: chunk }),
      (item) => item.variantId,
    ),
  );
  const inventoryBySku = once(() =>
    itemLoader<string>(
      (chunk) => ({ skus: chunk }),
      (item) => item.sku,
    ),
  );
  const inventoryByProductId = once(() =>
    itemLoader<number>(
      (chunk) => ({ productIds: chunk }),
      (item) => item.productId,
    ),
  );

  /** Keys are `{productId}|{first}|{after}`; products asking for the same page shape share `nodes` calls. */
  const variantPageByKey = once(
    () =>
      new DataLoader<string, VariantPage | null>(async (keys) => {
        const groups = new Map<string, { productIds: number[]; first: number; after: string | null }>();
        for (const key of new Set(keys)) {
          const [productId = '0', first = '20', after = ''] = key.split('|');
          const shape = `${first}|${after}`;
          const group = groups.get(shape) ?? {
            productIds: [],
            first: Number(first),
            after: after === '' ? null : after,
          };
          group.productIds.push(Number(productId));
          groups.set(shape, group);
        }
        const found = new Map<string, VariantPage>();
        await Promise.all(
          [...groups.entries()].flatMap(([shape, group]) => {
            const perProduct = 2 + variantPageCost(group.first, true);
            const size = Math.max(
              1,
              Math.min(MAX_NODES_PER_CALL, Math.floor((MAX_COMPLEXITY * 0.9) / perProduct)),
            );
            const calls = [];
            for (let i = 0; i < group.productIds.length; i += size) {
              const productIds = group.productIds.slice(i, i + size);
              calls.push(
                graphql
                  .query(
                    'GatewayVariantPages',
                    VARIANT_PAGES_QUERY,
                    {
                      ids: productIds.map((id) => `${PRODUCT_ID_PREFIX}${id}`),
                      first: group.first,
                      after: group.after,
                    },
                    signal,
                  )
                  .then((data) => {
                    const reader = new Reader('Admin GraphQL GatewayVariantPages');
                    reader
                      .field(data, 'nodes', (r, v) => r.array(v))
                      .forEach((node, index) => {
                        const productId = productIds[index];
                        if (node === null || productId === undefined) return;
                        const nodeReader = reader.at(`nodes.${index}`);
                        const variants = nodeReader.record(node)['variants'];
                        if (variants !== undefined)
                          found.set(
                            `${productId}|${shape}`,
                            readVariantPage(nodeReader.at('variants'), variants, productId),
                          );
                      });
                  }),
              );
            }
            return calls;
          }),
        );
        return byKey(keys, found);
      }),
  );

  // Outcomes readable without awaiting, so that the fields of a page fetched ahead complete in one synchronous
  // pass: a promise per field costs more than the field itself on a page of thousands of fields.
  /** Inventory items by variant id whose loads have settled (the item, null for none, or the load's error). */
  const settledItems = new Map<number, InventoryItemRecord | null | Error>();
  /** Variant pages primed before any load of their key (the loader would answer them, from its cache). */
  const primedPages = new Map<string, VariantPage>();
  /** Variant page keys loaded through the loader: a later prime does not change what the loader answers. */
  const loadedPageKeys = new Set<string>();
  /** Bumped by `forgetInventory`: loads that settle after it are not kept. */
  let inventoryGeneration = 0;

  let locations: Promise<LocationRecord[]> | undefined;
  const orderById = once(
    () =>
      new DataLoader<number, OrderRecord | null>((ids) =>
        Promise.all(ids.map((id) => getOrder(transport, id, signal))),
      ),
  );
  const orderLinesByOrderId = once(
    () =>
      new DataLoader<number, OrderLineRecord[]>((ids) =>
        Promise.all(ids.map((id) => listOrderLines(transport, id, signal))),
      ),
  );

  return {
    get nodeById() {
      return nodeById();
    },
    async product(entityId: number): Promise<ProductRecord | null> {
      const node = await nodeById().load(`${PRODUCT_ID_PREFIX}${entityId}`);
      return node?.kind === 'product' ? node.product : null;
    },
    async variant(entityId: number): Promise<VariantRecord | null> {
      const node = await nodeById().load(`${VARIANT_ID_PREFIX}${entityId}`);
      return node?.kind === 'variant' ? node.variant : null;
    },
    /** Records fetched in a larger query, so that later loads need no call. Only full records are primed. */
    primeProduct(product: ProductRecord): void {
      if (product.aggregate !== undefined)
        nodeById().prime(`${PRODUCT_ID_PREFIX}${product.entityId}`, { kind: 'product', product });
    },
    primeVariant(variant: VariantRecord): void {
      if (variant.aggregate !== undefined)
        nodeById().prime(`${VARIANT_ID_PREFIX}${variant.entityId}`, { kind: 'variant', variant });
    },
    get inventoryByVariantId() {
      return inventoryByVariantId();
    },
    get inventoryBySku() {
      return inventoryBySku();
    },
    get inventoryByProductId() {
      return inventoryByProductId();
    },
    /**
     * Loads the items of these variants (in the same inventory call as anything else loaded in this pass) and keeps
     * the outcomes for `settledInventory`. Never rejects: a failed load is kept as its error.
     */
    async settleInventoryByVariantId(variantIds: readonly number[]): Promise<void> {
      const generation = inventoryGeneration;
      const results = await inventoryByVariantId().loadMany(variantIds);
      if (generation !== inventoryGeneration) return;
      variantIds.forEach((id, index) => {
        const result = results[index];
        if (result !== undefined) settledItems.set(id, result);
      });
    },
    /** What `inventoryByVariantId.load(variantId)` settled with, when `settleInventoryByVariantId` covered it. */
    settledInventory(variantId: number): InventoryItemRecord | null | Error | undefined {
      return settledItems.get(variantId);
    },
    /**
     * One page of a product's variants by `{productId}|{first}|{after}`: the page itself when it was primed before
     * any load of its key (what the loader's cache would answer), else the loader's promise.
     */
    variantPage(key: string): VariantPage | null | Promise<VariantPage | null> {
      const primed = primedPages.get(key);
      if (primed !== undefined) return primed;
      loadedPageKeys.add(key);
      return variantPageByKey().load(key);
    },
    /** A page fetched in a larger query (the products page); like DataLoader's `prime`, the first value stays. */
    primeVariantPage(key: string, page: VariantPage): void {
      variantPageByKey().prime(key, page);
      if (!loadedPageKeys.has(key) && !primedPages.has(key)) primedPages.set(key, page);
    },
    locations(): Promise<LocationRecord[]> {
      locations ??= listLocations(transport, signal);
      return locations;
    },
    get orderById() {
      return orderById();
    },
    get orderLinesByOrderId() {
      return orderLinesByOrderId();
    },
    /** Forgets cached inventory so reads after a write see the store's new figures. */
    forgetInventory(): void {
      inventoryGeneration += 1;
      settledItems.clear();
      primedPages.clear();
      loadedPageKeys.clear();
      for (const loader of [
        inventoryByVariantId,
        inventoryBySku,
        inventoryByProductId,
        nodeById,
        variantPageByKey,
      ])
        loader().clearAll();
    },
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
