import { isUpstreamHttpError } from '../errors.js';
import { Reader } from '../guards.js';
import type { Transport } from '../transport.js';

/** BigCommerce's limit on items per adjustment or settings request. */
export const MAX_WRITE_ITEMS = 2000;
/** The largest page the inventory GETs accept. */
export const MAX_READ_PAGE = 1000;

export interface InventorySettings {
  readonly safetyStock: number;
  readonly isInStock: boolean;
  readonly warningLevel: number;
  readonly binPickingNumber: string;
  /** null = unlimited backorders. */
  readonly backorderLimit: number | null;
}

/** An inventory item's stock at one location, as REST V3 reports it. */
export interface LocationStock {
  readonly locationId: number;
  readonly locationCode: string;
  readonly locationName: string;
  readonly locationEnabled: boolean;
  readonly availableToSell: number;
  readonly onHand: number;
  readonly qtyBackordered: number;
  readonly settings: InventorySettings;
}

/** An inventory item (`GET /v3/inventory/items`). */
export interface InventoryItemRecord {
  readonly sku: string;
  /** The variant id (for a product-level item, the product's base variant). */
  readonly variantId: number;
  readonly productId: number;
  readonly locations: readonly LocationStock[];
}

export interface LocationRecord {
  readonly id: number;
  readonly code: string;
  readonly label: string;
  readonly enabled: boolean;
}

export interface ItemFilter {
  readonly variantIds?: readonly number[];
  readonly productIds?: readonly number[];
  readonly skus?: readonly string[];
  readonly locationIds?: readonly number[];
}

export interface Page<T> {
  readonly data: readonly T[];
  readonly total: number;
  readonly totalPages: number;
}

function readSettings(reader: Reader, value: unknown): InventorySettings {
  const settings = reader.record(value);
  return {
    safetyStock: reader.field(settings, 'safety_stock', (r, v) => r.int(v)),
    isInStock: reader.field(settings, 'is_in_stock', (r, v) => r.boolean(v)),
    warningLevel: reader.field(settings, 'warning_level', (r, v) => r.int(v)),
    binPickingNumber: reader.field(settings, 'bin_picking_number', (r, v) =>
      v === null || v === undefined ? '' : r.string(v),
    ),
    // The beta field; a store without backorders omits it, which means no backorders (0).
    backorderLimit: reader.field(settings, 'backorder_limit', (r, v) =>
      v === undefined ? 0 : r.nullableInt(v),
    ),
  };
}

function readLocationStock(reader: Reader, value: unknown): LocationStock {
  const row = reader.record(value);
  return {
    locationId: reader.field(row, 'location_id', (r, v) => r.int(v)),
    locationCode: reader.field(row, 'location_code', (r, v) => r.string(v)),
    locationName: reader.field(row, 'location_name', (r, v) => r.string(v)),
    locationEnabled: reader.field(row, 'location_enabled', (r, v) => r.boolean(v)),
    availableToSell: reader.field(row, 'available_to_sell', (r, v) => r.int(v)),
    onHand: reader.field(row, 'total_inventory_onhand', (r, v) => r.int(v)),
    qtyBackordered: reader.field(row, 'qty_backordered', (r, v) => (v === undefined ? 0 : r.int(v))),
    settings: reader.field(row, 'settings', readSettings),
  };
}

function readItem(reader: Reader, value: unknown): InventoryItemRecord {
  const item = reader.record(value);
  const identity = reader.field(item, 'identity', (r, v) => r.record(v));
  const identityReader = reader.at('identity');
  return {
    sku: identityReader.field(identity, 'sku', (r, v) => r.string(v)),
    variantId: identityReader.field(identity, 'variant_id', (r, v) => r.int(v)),
    productId: identityReader.field(identity, 'product_id', (r, v) => r.int(v)),
    locations: reader.field(item, 'locations', (r, v) => r.each(v, readLocationStock)),
  };
}

function readPage<T>(reader: Reader, body: unknown, read: (reader: Reader, value: unknown) => T): Page<T> {
  const root = reader.record(body);
  const data = reader.field(root, 'data', (r, v) => r.each(v, read));
  const meta = reader.field(root, 'meta', (r, v) => r.record(v));
  const pagination = meta['pagination'];
  if (pagination === undefined) return { data, total: data.length, totalPages: 1 };
  const paging = reader.at('meta').field(meta, 'pagination', (r, v) => r.record(v));
  return {
    data,
    total: reader.at('meta.pagination').field(paging, 'total', (r, v) => r.int(v)),
    totalPages: reader.at('meta.pagination').field(paging, 'total_pages', (r, v) => r.int(v)),
  };
}

function filterQuery(filter: ItemFilter): Record<string, string> {
  const query: Record<string, string> = {};
  if (filter.variantIds !== undefined) query['variant_id:in'] = filter.variantIds.join(',');
  if (filter.productIds !== undefined) query['product_id:in'] = filter.productIds.join(',');
  if (filter.skus !== undefined) query['sku:in'] = filter.skus.join(',');
  if (filter.locationIds !== undefined) query['location_id:in'] = filter.locationIds.join(',');
  return query;
}

/** One page of `GET /v3/inventory/items`. */
export async function listInventoryItems(
  transport: Transport,
  filter: ItemFilter,
  paging: { page: number; limit: number },
  signal?: AbortSignal,
): Promise<Page<InventoryItemRecord>> {
  const response = await transport.request({
    method: 'GET',
    path: '/v3/inventory/items',
    query: { ...filterQuery(filter), page: String(paging.page), limit: String(paging.limit) },
    idempotent: true,
    ...(signal === undefined ? {} : { signal }),
  });
  return readPage(new Reader('GET /v3/inventory/items'), response.body, readItem);
}

/** Every page of `GET /v3/inventory/items` for a filter: the first page, then the rest in parallel. */
export async function listAllInventoryItems(
  transport: Transport,
  filter: ItemFilter,
  limit: number,
  signal?: AbortSignal,
): Promise<InventoryItemRecord[]> {
  const first = await listInventoryItems(transport, filter, { page: 1, limit }, signal);
  const rest = await Promise.all(
    Array.from({ length: Math.max(0, first.totalPages - 1) }, (_, i) =>
      listInventoryItems(transport, filter, { page: i + 2, limit }, signal),
    ),
  );
  return [first, ...rest].flatMap((page) => page.data);
}

function readLocation(reader: Reader, value: unknown): LocationRecord {
  const row = reader.record(value);
  return {
    id: reader.field(row, 'id', (r, v) => r.int(v)),
    code: reader.field(row, 'code', (r, v) => r.string(v)),
    label: reader.field(row, 'label', (r, v) => r.string(v)),
    enabled: reader.field(row, 'enabled', (r, v) => r.boolean(v)),
  };
}

/** Every location (`GET /v3/inventory/locations`, all pages). */
export async function listLocations(transport: Transport, signal?: AbortSignal): Promise<LocationRecord[]> {
  const reader = new Reader('GET /v3/inventory/locations');
  const locations: LocationRecord[] = [];
  for (let page = 1; ; page += 1) {
    const response = await transport.request({
      method: 'GET',
      path: '/v3/inventory/locations',
      query: { page: String(page), limit: String(MAX_READ_PAGE) },
      idempotent: true,
      ...(signal === undefined ? {} : { signal }),
    });
    const result = readPage(reader, response.body, readLocation);
    locations.push(...result.data);
    if (page >= result.totalPages) return locations;
  }
}

/** A refused write: BigCommerce's problem+json, with `errors` keyed by input path (`items.3.quantity`). */
export interface WriteRefusal {
  readonly ok: false;
  readonly status: number;
  readonly title: string;
  readonly errors: Readonly<Record<string, string>>;
}

export type WriteResult = { readonly ok: true; readonly transactionId: string } | WriteRefusal;

function readRefusal(operation: string, status: number, body: unknown): WriteRefusal {
  const reader = new Reader(operation);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return {
      ok: false,
      status,
      title: typeof body === 'string' ? body : `${operation} answered ${status}`,
      errors: {},
    };
  }
  const record = reader.record(body);
  const errors: Record<string, string> = {};
  const raw = record['errors'];
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    for (const [key, value] of Object.entries(raw))
      errors[key] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return {
    ok: false,
    status,
    title: typeof record['title'] === 'string' ? record['title'] : `${operation} answered ${status}`,
    errors,
  };
}

function readTransaction(operation: string, body: unknown): string {
  const reader = new Reader(operation);
  return reader.field(reader.record(body), 'transaction_id', (r, v) => r.string(v));
}

export interface AdjustmentItem {
  readonly location_id: number;
  readonly variant_id?: number;
  readonly sku?: string;
  readonly product_id?: number;
  readonly quantity?: number;
  readonly qty_backordered?: number;
}

/**
 * `PUT /v3/inventory/adjustments/absolute` or `POST .../relative`. Absolute adjustments are idempotent and retried;
 * relative ones never are, so a lost answer surfaces as `UpstreamTimeoutError` / `UpstreamNetworkError`.
 */
export async function adjustInventory(
  transport: Transport,
  mode: 'absolute' | 'relative',
  request: { readonly reason?: string; readonly items: readonly AdjustmentItem[] },
  signal?: AbortSignal,
): Promise<WriteResult> {
  const operation =
    mode === 'absolute'
      ? 'PUT /v3/inventory/adjustments/absolute'
      : 'POST /v3/inventory/adjustments/relative';
  try {
    const response = await transport.request({
      method: mode === 'absolute' ? 'PUT' : 'POST',
      path: `/v3/inventory/adjustments/${mode}`,
      body: request,
      idempotent: mode === 'absolute',
      ...(signal === undefined ? {} : { signal }),
    });
    return { ok: true, transactionId: readTransaction(operation, response.body) };
  } catch (error) {
    if (isUpstreamHttpError(error, 422)) return readRefusal(operation, 422, error.body);
    throw error;
  }
}

export interface SettingEntry {
  readonly identity: { readonly variant_id?: number; readonly sku?: string; readonly product_id?: number };
  readonly backorder_limit?: number | null;
  readonly safety_stock?: number;
  readonly is_in_stock?: boolean;
  readonly warning_level?: number;
  readonly bin_picking_number?: string;
}

/** `PUT /v3/inventory/locations/{id}/items`: idempotent (settings are absolute values). */
export async function updateLocationSettings(
  transport: Transport,
  locationId: number,
  settings: readonly SettingEntry[],
  signal?: AbortSignal,
): Promise<WriteResult> {
  const operation = 'PUT /v3/inventory/locations/{id}/items';
  try {
    const response = await transport.request({
      method: 'PUT',
      path: `/v3/inventory/locations/${locationId}/items`,
      body: { settings },
      idempotent: true,
      ...(signal === undefined ? {} : { signal }),
    });
    return { ok: true, transactionId: readTransaction(operation, response.body) };
  } catch (error) {
    if (isUpstreamHttpError(error, 422) || isUpstreamHttpError(error, 404))
      return readRefusal(operation, error.status, error.body);
    throw error;
  }
}
