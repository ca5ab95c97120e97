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

const NODES_QUERY = `query GatewayNodes($ids: [ID!]!) {
  nodes(ids: $ids) {
    __typename
    id
    ... on Product { basicInformation { name } ${productInventoryFields(true)} }
    ... on Variant { product { id } ${AGGREGATE_FIELDS} }
  }
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
          const data = await graphql.query('GatewayNodes', NODES_QUERY, { ids }, signal);
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
              const query = `query GatewayVariantPages($ids: [ID!]!, $first: Int!, $after: String) {
            nodes(ids: $ids) { id ... on Product { variants(first: $first, after: $after) {
              edges { cursor node { id ${AGGREGATE_FIELDS} } } pageInfo { hasNextPage endCursor } } } }
          }`;
              calls.push(
                graphql
                  .query(
                    'GatewayVariantPages',
                    query,
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
    get variantPageByKey() {
      return variantPageByKey();
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
