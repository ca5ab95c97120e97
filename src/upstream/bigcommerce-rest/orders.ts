import { isUpstreamHttpError } from '../errors.js';
import { Reader } from '../guards.js';
import type { Transport } from '../transport.js';

export interface OrderRecord {
  readonly id: number;
  readonly statusId: number;
  readonly status: string;
  readonly customerId: number;
  readonly dateCreated: string;
  readonly itemsTotal: number;
  readonly totalIncTax: string;
}

export interface OrderLineRecord {
  readonly id: number;
  readonly orderId: number;
  readonly productId: number;
  readonly variantId: number;
  readonly name: string;
  readonly sku: string;
  readonly quantity: number;
  /** Beta field; absent (0) on orders without backordered units. */
  readonly quantityBackordered: number;
}

/** One entry of the 409 OutOfStock body. */
export interface OutOfStockEntry {
  readonly variantId: number;
  readonly locationId: number;
  readonly availableQuantity: number;
  readonly availableQuantityForBackorder: number;
  readonly message: string;
}

export type OrderWriteResult =
  | { readonly ok: true; readonly order: OrderRecord }
  | { readonly ok: false; readonly kind: 'out-of-stock'; readonly entries: readonly OutOfStockEntry[] }
  | {
      readonly ok: false;
      readonly kind: 'invalid';
      readonly message: string;
      readonly fields: Readonly<Record<string, string>>;
    }
  | { readonly ok: false; readonly kind: 'not-found' };

export interface OrderLineInput {
  readonly id?: number;
  readonly product_id?: number;
  readonly variant_id?: number;
  readonly quantity?: number;
  readonly quantity_backordered?: number;
}

function readOrder(reader: Reader, value: unknown): OrderRecord {
  const order = reader.record(value);
  return {
    id: reader.field(order, 'id', (r, v) => r.int(v)),
    statusId: reader.field(order, 'status_id', (r, v) => r.int(v)),
    status: reader.field(order, 'status', (r, v) => r.string(v)),
    customerId: reader.field(order, 'customer_id', (r, v) => r.int(v)),
    dateCreated: reader.field(order, 'date_created', (r, v) => r.string(v)),
    itemsTotal: reader.field(order, 'items_total', (r, v) => r.int(v)),
    totalIncTax: reader.field(order, 'total_inc_tax', (r, v) =>
      typeof v === 'number' ? v.toFixed(4) : r.string(v),
    ),
  };
}

function readLine(reader: Reader, value: unknown): OrderLineRecord {
  const line = reader.record(value);
  return {
    id: reader.field(line, 'id', (r, v) => r.int(v)),
    orderId: reader.field(line, 'order_id', (r, v) => r.int(v)),
    productId: reader.field(line, 'product_id', (r, v) => r.int(v)),
    variantId: reader.field(line, 'variant_id', (r, v) => r.int(v)),
    name: reader.field(line, 'name', (r, v) => r.string(v)),
    sku: reader.field(line, 'sku', (r, v) => r.string(v)),
    quantity: reader.field(line, 'quantity', (r, v) => r.int(v)),
    quantityBackordered: reader.field(line, 'quantity_backordered', (r, v) =>
      v === undefined ? 0 : r.int(v),
    ),
  };
}

/** Reads a V2 error array (`[{status, message, details}]`) into a write result. */
function readOrderRefusal(operation: string, status: number, body: unknown): OrderWriteResult {
  const reader = new Reader(operation);
  const first = Array.isArray(body) ? (body[0] as unknown) : body;
  const entry =
    typeof first === 'object' && first !== null && !Array.isArray(first)
      ? (first as Record<string, unknown>)
      : {};
  const message = typeof entry['message'] === 'string' ? entry['message'] : `${operation} answered ${status}`;
  const details =
    typeof entry['details'] === 'object' && entry['details'] !== null
      ? (entry['details'] as Record<string, unknown>)
      : {};
  if (status === 409) {
    const errors = reader.at('0.details').field(details, 'errors', (r, v) =>
      r.each(v, (er, item) => {
        const error = er.record(item);
        return {
          variantId: er.field(error, 'variant_id', (r2, v2) => r2.int(v2)),
          locationId: er.field(error, 'location_id', (r2, v2) => r2.int(v2)),
          availableQuantity: er.field(error, 'available_quantity', (r2, v2) => r2.int(v2)),
          availableQuantityForBackorder: er.field(error, 'available_quantity_for_backorder', (r2, v2) =>
            r2.int(v2),
          ),
          message: er.field(error, 'message', (r2, v2) => r2.string(v2)),
        };
      }),
    );
    return { ok: false, kind: 'out-of-stock', entries: errors };
  }
  const fields: Record<string, string> = {};
  const invalid = details['invalid_reason'];
  if (typeof invalid === 'object' && invalid !== null) {
    for (const [key, value] of Object.entries(invalid)) fields[key] = String(value);
  }
  return { ok: false, kind: 'invalid', message, fields };
}

/** Sends an order write; never retried, so a lost answer surfaces as a timeout or network error. */
async function writeOrder(
  transport: Transport,
  method: 'POST' | 'PUT',
  path: string,
  operation: string,
  body: Record<string, unknown>,
  signal: AbortSignal | undefined,
): Promise<OrderWriteResult> {
  try {
    const response = await transport.request({
      method,
      path,
      body,
      idempotent: false,
      ...(signal === undefined ? {} : { signal }),
    });
    return { ok: true, order: readOrder(new Reader(operation), response.body) };
  } catch (error) {
    if (isUpstreamHttpError(error, 404)) return { ok: false, kind: 'not-found' };
    if (
      isUpstreamHttpError(error, 409) ||
      isUpstreamHttpError(error, 422) ||
      isUpstreamHttpError(error, 400)
    ) {
      return readOrderRefusal(operation, error.status, error.body);
    }
    throw error;
  }
}

/** `POST /v2/orders`. */
export function createOrder(
  transport: Transport,
  body: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<OrderWriteResult> {
  return writeOrder(transport, 'POST', '/v2/orders', 'POST /v2/orders', body, signal);
}

/** `PUT /v2/orders/{id}`: a quantity change allocates stock, so it is not idempotent either. */
export function updateOrder(
  transport: Transport,
  orderId: number,
  body: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<OrderWriteResult> {
  return writeOrder(transport, 'PUT', `/v2/orders/${orderId}`, 'PUT /v2/orders/{id}', body, signal);
}

export async function getOrder(
  transport: Transport,
  orderId: number,
  signal?: AbortSignal,
): Promise<OrderRecord | null> {
  try {
    const response = await transport.request({
      method: 'GET',
      path: `/v2/orders/${orderId}`,
      idempotent: true,
      ...(signal === undefined ? {} : { signal }),
    });
    return readOrder(new Reader('GET /v2/orders/{id}'), response.body);
  } catch (error) {
    if (isUpstreamHttpError(error, 404)) return null;
    throw error;
  }
}

/** Every line of an order (`GET /v2/orders/{id}/products`, all pages; 204 means none). */
export async function listOrderLines(
  transport: Transport,
  orderId: number,
  signal?: AbortSignal,
): Promise<OrderLineRecord[]> {
  const lines: OrderLineRecord[] = [];
  const reader = new Reader('GET /v2/orders/{id}/products');
  for (let page = 1; ; page += 1) {
    const response = await transport.request({
      method: 'GET',
      path: `/v2/orders/${orderId}/products`,
      query: { page: String(page), limit: '250' },
      idempotent: true,
      ...(signal === undefined ? {} : { signal }),
    });
    if (response.status === 204 || response.body === undefined) return lines;
    const pageLines = reader.each(response.body, readLine);
    lines.push(...pageLines);
    if (pageLines.length < 250) return lines;
  }
}

/** One page of `GET /v2/orders` (204 means an empty page). */
export async function listOrders(
  transport: Transport,
  paging: { page: number; limit: number },
  signal?: AbortSignal,
): Promise<OrderRecord[]> {
  const response = await transport.request({
    method: 'GET',
    path: '/v2/orders',
    query: { page: String(paging.page), limit: String(paging.limit) },
    idempotent: true,
    ...(signal === undefined ? {} : { signal }),
  });
  if (response.status === 204 || response.body === undefined) return [];
  return new Reader('GET /v2/orders').each(response.body, readOrder);
}
