import { RemoteFieldUnavailableError, UpstreamGraphqlError, graphqlErrorMessages } from '../errors.js';
import { Reader } from '../guards.js';
import type { Transport } from '../transport.js';
import { isRegistered, UnregisteredDocumentError, type AdminGraphqlRegistry } from './documents.js';
import { coordinateOf } from './remote-schema.js';

/** Admin GraphQL: the most ids per `nodes` call and the largest page (Part A 8). */
export const MAX_NODES_PER_CALL = 50;
/** Admin GraphQL refuses queries above this complexity. */
export const MAX_COMPLEXITY = 10_000;

export const PRODUCT_ID_PREFIX = 'bc/store/product/';
export const VARIANT_ID_PREFIX = 'bc/store/productVariant/';

/** The availability values this gateway knows; anything else is reported as UNKNOWN. */
const KNOWN_AVAILABILITY = new Set(['AVAILABLE', 'BACKORDER', 'UNAVAILABLE']);

export interface AggregateRecord {
  readonly availableToSell: number;
  readonly onHand: number;
  readonly qtyBackordered: number;
  readonly backorderLimit: number | null;
  readonly warningLevel: number;
  readonly availability: 'AVAILABLE' | 'BACKORDER' | 'UNAVAILABLE' | 'UNKNOWN';
}

export interface VariantRecord {
  readonly entityId: number;
  readonly productId: number;
  /**
   * Known when the record was built from REST data (an inventory item's `identity.sku`, an order line); Admin
   * GraphQL documents no variant SKU, so records read from it leave this out.
   */
  readonly sku?: string;
  /** `undefined` when the query did not ask for it; null when the store has none. */
  readonly aggregate?: AggregateRecord | null;
}

export interface VariantPage {
  readonly variants: readonly VariantRecord[];
  /** The upstream cursor of each variant's edge. */
  readonly cursors: readonly string[];
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
}

/** How a product tracks inventory: Admin GraphQL's `isInventoryTracked` and `hasVariantInventory`. */
export type InventoryTracking = 'none' | 'product' | 'variant';

export interface ProductRecord {
  readonly entityId: number;
  /**
   * `basicInformation.name` (product-basic-info guide); null when the query left it out (the store's schema no
   * longer has it).
   */
  readonly name: string | null;
  /** `undefined` when the query did not ask for `inventory`. */
  readonly tracking?: InventoryTracking;
  readonly aggregate?: AggregateRecord | null;
  /** The first page of variants, when the query asked for it. */
  readonly variantPage?: VariantPage;
  /** The `first` and `after` that `variantPage` was fetched with. */
  readonly variantPageKey?: string;
}

export function entityIdOf(nodeId: string): number {
  return Number(nodeId.slice(nodeId.lastIndexOf('/') + 1));
}

const AGGREGATED_FIELDS =
  'aggregated { availableToSell onHand qtyBackordered backorderLimit warningLevel availability }';

/** A variant's aggregated inventory. */
export const AGGREGATE_FIELDS = `inventory { ${AGGREGATED_FIELDS} }`;

/** A product's inventory tracking and, when `withAggregate`, its aggregated inventory. */
export function productInventoryFields(withAggregate: boolean): string {
  return `inventory { isInventoryTracked hasVariantInventory ${withAggregate ? AGGREGATED_FIELDS : ''} }`;
}

/** The product fields every gateway document asks: its id and `basicInformation { name }`. */
export const PRODUCT_FIELDS = 'id basicInformation { name }';

export interface AdminGraphqlClient {
  /**
   * Runs a query registered in the client's registry (any other is refused with `UnregisteredDocumentError`);
   * top-level errors become `UpstreamGraphqlError`, or `RemoteFieldUnavailableError` when the store no longer has
   * a field the document selects. Queries are idempotent and retried.
   */
  query(
    operationName: string,
    document: string,
    variables: Record<string, unknown>,
    signal?: AbortSignal,
  ): Promise<Record<string, unknown>>;
}

export function createAdminGraphqlClient(
  transport: Transport,
  registry: AdminGraphqlRegistry,
): AdminGraphqlClient {
  return {
    async query(operationName, document, variables, signal) {
      if (!isRegistered(registry, operationName, document))
        throw new UnregisteredDocumentError(operationName);
      registry.beforeSend?.(operationName, document);
      const response = await transport.request({
        method: 'POST',
        path: '/graphql',
        body: { query: document, variables, operationName },
        idempotent: true,
        ...(signal === undefined ? {} : { signal }),
      });
      const reader = new Reader(`Admin GraphQL ${operationName}`);
      const body = reader.record(response.body);
      const errors = body['errors'];
      if (Array.isArray(errors) && errors.length > 0) {
        const messages = graphqlErrorMessages(errors);
        // A field the store no longer has: the schema is read again before the call fails.
        const missing = messages
          .filter((message) => message.startsWith('Cannot query field'))
          .map((message) => coordinateOf(message))
          .filter((coordinate) => coordinate !== undefined);
        if (missing.length > 0) {
          await registry.onRefused?.(operationName, messages);
          throw new RemoteFieldUnavailableError(`Admin GraphQL ${operationName}`, missing);
        }
        throw new UpstreamGraphqlError(`Admin GraphQL ${operationName}`, messages);
      }
      return reader.field(body, 'data', (r, v) => r.record(v));
    },
  };
}

export function readAggregate(reader: Reader, value: unknown): AggregateRecord | null {
  if (value === null || value === undefined) return null;
  const inventory = reader.record(value);
  const aggregated = inventory['aggregated'];
  if (aggregated === null || aggregated === undefined) return null;
  const r = reader.at('aggregated');
  const record = r.record(aggregated);
  const availability = r.field(record, 'availability', (ar, v) => ar.string(v));
  return {
    availableToSell: r.field(record, 'availableToSell', (ar, v) => ar.int(v)),
    onHand: r.field(record, 'onHand', (ar, v) => ar.int(v)),
    qtyBackordered: r.field(record, 'qtyBackordered', (ar, v) => ar.int(v)),
    backorderLimit: r.field(record, 'backorderLimit', (ar, v) => ar.nullableInt(v)),
    warningLevel: r.field(record, 'warningLevel', (ar, v) => ar.int(v)),
    availability: KNOWN_AVAILABILITY.has(availability)
      ? (availability as AggregateRecord['availability'])
      : 'UNKNOWN',
  };
}

function readProductInventory(
  reader: Reader,
  value: unknown,
): { tracking: InventoryTracking; aggregate?: AggregateRecord | null } {
  const inventory = reader.record(value);
  const tracked = reader.field(inventory, 'isInventoryTracked', (r, v) => r.boolean(v));
  const byVariant = reader.field(inventory, 'hasVariantInventory', (r, v) => r.boolean(v));
  return {
    tracking: !tracked ? 'none' : byVariant ? 'variant' : 'product',
    ...('aggregated' in inventory ? { aggregate: readAggregate(reader, inventory) } : {}),
  };
}

export function readVariant(reader: Reader, value: unknown, productId?: number): VariantRecord {
  const node = reader.record(value);
  const product = node['product'];
  const owner =
    productId ?? entityIdOf(reader.at('product').field(reader.record(product), 'id', (r, v) => r.string(v)));
  return {
    entityId: entityIdOf(reader.field(node, 'id', (r, v) => r.string(v))),
    productId: owner,
    ...('inventory' in node ? { aggregate: reader.field(node, 'inventory', readAggregate) } : {}),
  };
}

export function readVariantPage(reader: Reader, value: unknown, productId: number): VariantPage {
  const connection = reader.record(value);
  const pageInfo = reader.field(connection, 'pageInfo', (r, v) => r.record(v));
  const edges = reader.field(connection, 'edges', (r, v) => r.each(v, (er, edge) => er.record(edge)));
  return {
    variants: edges.map((edge, index) =>
      reader.at(`edges.${index}`).field(edge, 'node', (nr, node) => readVariant(nr, node, productId)),
    ),
    cursors: edges.map((edge, index) =>
      reader.at(`edges.${index}`).field(edge, 'cursor', (r, v) => r.string(v)),
    ),
    hasNextPage: reader.at('pageInfo').field(pageInfo, 'hasNextPage', (r, v) => r.boolean(v)),
    endCursor: reader
      .at('pageInfo')
      .field(pageInfo, 'endCursor', (r, v) => (v === null ? null : r.string(v))),
  };
}

export function readProduct(reader: Reader, value: unknown, variantPageKey?: string): ProductRecord {
  const node = reader.record(value);
  const entityId = entityIdOf(reader.field(node, 'id', (r, v) => r.string(v)));
  const basic =
    'basicInformation' in node ? reader.field(node, 'basicInformation', (r, v) => r.record(v)) : undefined;
  return {
    entityId,
    name:
      basic === undefined ? null : reader.at('basicInformation').field(basic, 'name', (r, v) => r.string(v)),
    ...('inventory' in node ? reader.field(node, 'inventory', readProductInventory) : {}),
    ...('variants' in node && variantPageKey !== undefined
      ? {
          variantPage: reader.field(node, 'variants', (r, v) => readVariantPage(r, v, entityId)),
          variantPageKey,
        }
      : {}),
  };
}
