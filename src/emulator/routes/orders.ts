import {
  MAX_QUANTITY,
  availableToSell,
  backorderAllowance,
  rfc2822,
  type ItemKey,
  type StockRow,
  type StoreDatabase,
} from '../db.js';
import {
  ApiError,
  SqlFilter,
  isInteger,
  isRecord,
  type Reply,
  type Route,
  type RouteContext,
} from '../http.js';

/**
 * `GET /v2/order_statuses` as orders.v2.oas2.yml documents it: id, name and description of each status, in the
 * display order of the spec's `/orders/count` example (`sort_order`). The emulator has no custom labels.
 */
const STATUS_TABLE: readonly { id: number; name: string; description: string }[] = [
  {
    id: 0,
    name: 'Incomplete',
    description:
      'An incomplete order happens when a shopper reached the payment page, but did not complete the transaction.',
  },
  { id: 1, name: 'Pending', description: 'Customer started the checkout process, but did not complete it.' },
  {
    id: 7,
    name: 'Awaiting Payment',
    description: 'Customer has completed checkout process, but payment has yet to be confirmed.',
  },
  {
    id: 11,
    name: 'Awaiting Fulfillment',
    description: 'Customer has completed the checkout process and payment has been confirmed.',
  },
  {
    id: 9,
    name: 'Awaiting Shipment',
    description: 'Order has been pulled and packaged, and is awaiting collection from a shipping provider.',
  },
  {
    id: 8,
    name: 'Awaiting Pickup',
    description: 'Order has been pulled, and is awaiting customer pickup from a seller-specified location.',
  },
  {
    id: 3,
    name: 'Partially Shipped',
    description:
      'Only some items in the order have been shipped, due to some products being pre-order only or other reasons.',
  },
  {
    id: 10,
    name: 'Completed',
    description: 'Client has paid for their digital product and their file(s) are available for download.',
  },
  {
    id: 2,
    name: 'Shipped',
    description:
      'Order has been shipped, but receipt has not been confirmed; seller has used the Ship Items action.',
  },
  {
    id: 5,
    name: 'Cancelled',
    description: 'Seller has cancelled an order, due to a stock inconsistency or other reasons.',
  },
  {
    id: 6,
    name: 'Declined',
    description: 'Seller has marked the order as declined for lack of manual payment, or other reasons.',
  },
  { id: 4, name: 'Refunded', description: 'Seller has used the Refund action.' },
  {
    id: 13,
    name: 'Disputed',
    description:
      'Customer has initiated a dispute resolution process for the PayPal transaction that paid for the order.',
  },
  {
    id: 12,
    name: 'Manual Verification Required',
    description: 'Order is on hold while some aspect needs to be manually confirmed.',
  },
  { id: 14, name: 'Partially Refunded', description: 'Seller has partially refunded the order.' },
];

const ORDER_STATUSES: Readonly<Record<number, string>> = Object.fromEntries(
  STATUS_TABLE.map((status) => [status.id, status.name]),
);

function renderStatus(status: (typeof STATUS_TABLE)[number], sortOrder: number) {
  return {
    id: status.id,
    name: status.name,
    system_label: status.name,
    custom_label: status.name,
    system_description: status.description,
    order: sortOrder,
  };
}

const OUT_OF_STOCK_MESSAGE =
  'Quantities of one or more products are out of stock or did not meet quantity requirements.';

interface OrderRow {
  readonly id: number;
  readonly customer_id: number;
  readonly status_id: number;
  readonly channel_id: number;
  readonly billing_address: string;
  readonly staff_notes: string;
  readonly customer_message: string;
  readonly external_id: string | null;
  readonly date_created: string;
  readonly date_modified: string;
}

interface OrderProductRow {
  readonly id: number;
  readonly order_id: number;
  readonly product_id: number;
  readonly variant_id: number;
  /** The stock row's variant id (0 for a product-level item); null for lines that move no stock. */
  readonly item_variant_id: number | null;
  readonly location_id: number | null;
  readonly name: string;
  readonly sku: string;
  readonly price: string;
  readonly quantity: number;
  readonly quantity_backordered: number;
}

function money(value: number): string {
  return value.toFixed(4);
}

/** The stock row an order line draws on: the item, the variant it is sold as, and the location. */
interface StockTarget {
  readonly key: ItemKey;
  readonly variantId: number;
  readonly locationId: number;
}

interface OutOfStockEntry {
  readonly variantId: number;
  readonly locationId: number;
  readonly available: number;
  readonly forBackorder: number;
}

/**
 * Part A 3: checks every line against a running copy of stock, then either applies all of them or answers
 * 409 with one entry per failing (variant, location), changing nothing.
 */
class Allocation {
  private readonly rows = new Map<string, StockRow>();
  private readonly failures = new Map<string, OutOfStockEntry>();

  constructor(private readonly store: StoreDatabase) {}

  private row(key: ItemKey, locationId: number): StockRow | undefined {
    const mapKey = `${key.productId}:${key.variantId}:${locationId}`;
    const cached = this.rows.get(mapKey);
    if (cached !== undefined) return cached;
    const row = this.store.projectedStock(key, locationId);
    if (row !== undefined) this.rows.set(mapKey, row);
    return row;
  }

  /**
   * Takes `quantity` more units; `backordered` fixes the split when the client sent one, otherwise the shelf is
   * used first. Returns the split, or null after recording a failure.
   */
  take(
    stock: StockTarget,
    quantity: number,
    backordered: number | undefined,
  ): { fromStock: number; toBackorder: number } | null {
    const row = this.row(stock.key, stock.locationId);
    const ats = row === undefined ? 0 : availableToSell(row);
    const allowance = row === undefined ? 0 : backorderAllowance(row);
    const fromStock =
      backordered === undefined ? Math.min(Math.max(quantity, 0), ats) : quantity - backordered;
    const toBackorder = quantity - fromStock;
    const fits = fromStock <= ats && (allowance === null || toBackorder <= allowance);
    if (!fits || row === undefined) {
      this.failures.set(`${stock.variantId}:${stock.locationId}`, {
        variantId: stock.variantId,
        locationId: stock.locationId,
        available: ats,
        forBackorder: allowance ?? MAX_QUANTITY,
      });
      return null;
    }
    this.move(row, fromStock, toBackorder);
    return { fromStock, toBackorder };
  }

  /** Gives back `toShelf` units to on-hand stock and releases `backorders` backordered units. */
  release(stock: StockTarget, toShelf: number, backorders: number): void {
    const row = this.row(stock.key, stock.locationId);
    if (row !== undefined) this.move(row, -toShelf, -backorders);
  }

  private move(row: StockRow, fromStock: number, toBackorder: number): void {
    const onHand = fromStock === 0 ? row.on_hand : (row.on_hand ?? 0) - fromStock;
    const qtyBackordered = Math.max(0, row.qty_backordered + toBackorder);
    this.rows.set(`${row.product_id}:${row.variant_id}:${row.location_id}`, {
      ...row,
      on_hand: onHand,
      qty_backordered: qtyBackordered,
    });
  }

  /** Throws the 409 when any line failed; otherwise writes every changed row. */
  commit(orderId: number | null, channelId: number): void {
    if (this.failures.size > 0) {
      const errors = [...this.failures.values()].map((failure) => ({
        type: 'OutOfStock',
        message:
          `Insufficient stock of variant(id: ${failure.variantId}), available stock: ${failure.available}, ` +
          `available quantity for backorder: ${failure.forBackorder}. order(id: ${orderId ?? ''}), ` +
          `channel(id: ${channelId}), location(id: ${failure.locationId}).`,
        variant_id: failure.variantId,
        location_id: failure.locationId,
        available_quantity: failure.available,
        available_quantity_for_backorder: failure.forBackorder,
      }));
      throw new ApiError(409, OUT_OF_STOCK_MESSAGE, {}, { errors });
    }
    for (const row of this.rows.values()) {
      this.store.writeLevels(row, { onHand: row.on_hand, qtyBackordered: row.qty_backordered });
    }
  }
}

interface CatalogLine {
  readonly productId: number;
  readonly variantId: number;
  readonly name: string;
  readonly sku: string;
  readonly price: string;
  readonly stock: StockTarget | null;
}

/** Resolves a new line's product and variant; `null` stock for custom products and untracked products. */
function resolveNewLine(context: RouteContext, line: Record<string, unknown>, path: string): CatalogLine {
  const { store, options } = context;
  const productId = line['product_id'];
  if (productId === undefined) {
    const name = line['name'];
    const price = line['price_inc_tax'] ?? line['price_ex_tax'];
    if (typeof name !== 'string' || name === '' || typeof price !== 'number') {
      throw new ApiError(422, `${path}: a custom product needs name, price_inc_tax and price_ex_tax`, {
        [path]: 'custom product needs name and prices',
      });
    }
    return {
      productId: 0,
      variantId: 0,
      name,
      sku: typeof line['sku'] === 'string' ? line['sku'] : '',
      price: money(price),
      stock: null,
    };
  }
  if (!isInteger(productId))
    throw new ApiError(422, `${path}.product_id must be an integer`, {
      [`${path}.product_id`]: 'must be an integer',
    });
  const product = store
    .prepare<
      [number],
      { id: number; name: string; sku: string; tracking: string; base_variant_id: number; price: string }
    >('SELECT * FROM products WHERE id = ?')
    .get(productId);
  if (product === undefined) {
    throw new ApiError(422, `${path}.product_id: product ${productId} does not exist`, {
      [`${path}.product_id`]: `product ${productId} does not exist`,
    });
  }
  const variants = store
    .prepare<[number], { id: number; sku: string }>(
      'SELECT id, sku FROM variants WHERE product_id = ? ORDER BY id',
    )
    .all(productId);
  let variantId = line['variant_id'];
  if (variantId === undefined) {
    if (variants.length !== 1 && product.tracking !== 'product') {
      throw new ApiError(422, `${path}: product ${productId} has variants; send variant_id`, {
        [`${path}.variant_id`]: 'required for a product with variants',
      });
    }
    variantId = product.base_variant_id;
  }
  const variant = variants.find((candidate) => candidate.id === variantId);
  if (variant === undefined) {
    throw new ApiError(
      422,
      `${path}.variant_id: variant ${String(variantId)} is not a variant of product ${productId}`,
      {
        [`${path}.variant_id`]: `variant ${String(variantId)} is not a variant of product ${productId}`,
      },
    );
  }
  const stock =
    product.tracking === 'none'
      ? null
      : {
          key: { productId, variantId: product.tracking === 'product' ? 0 : variant.id },
          variantId: variant.id,
          locationId: options.defaultLocationId,
        };
  return {
    productId,
    variantId: variant.id,
    name: product.name,
    sku: variant.sku,
    price: product.price,
    stock,
  };
}

function readQuantities(
  line: Record<string, unknown>,
  path: string,
  minimum: number,
): { quantity: number | undefined; backordered: number | undefined } {
  const quantity = line['quantity'];
  const backordered = line['quantity_backordered'];
  if (quantity !== undefined && (!isInteger(quantity) || quantity < minimum || quantity > MAX_QUANTITY)) {
    throw new ApiError(422, `${path}.quantity must be an integer from ${minimum} to ${MAX_QUANTITY}`, {
      [`${path}.quantity`]: `invalid quantity ${JSON.stringify(quantity)}`,
    });
  }
  if (backordered !== undefined && (!isInteger(backordered) || backordered < 0)) {
    throw new ApiError(422, `${path}.quantity_backordered must be a non-negative integer`, {
      [`${path}.quantity_backordered`]: `invalid value ${JSON.stringify(backordered)}`,
    });
  }
  return { quantity, backordered };
}

function checkSplit(path: string, quantity: number, backordered: number | undefined): void {
  if (backordered !== undefined && backordered > quantity) {
    throw new ApiError(
      422,
      `${path}.quantity_backordered (${backordered}) must not exceed quantity (${quantity})`,
      {
        [`${path}.quantity_backordered`]: `must be between 0 and quantity (${quantity})`,
      },
    );
  }
}

/** What `include` and `consignment_structure` ask to add to an order (orders.v2.oas2.yml `order_includes`). */
interface OrderIncludes {
  /** `consignments` inlines them with line items as links; `consignments.line_items` inlines the lines too. */
  readonly consignments: 'none' | 'links' | 'lines';
  /** `consignment_structure=object`; without it BigCommerce answers its legacy array structure. */
  readonly asObject: boolean;
  readonly fees: boolean;
}

const NO_INCLUDES: OrderIncludes = { consignments: 'none', asObject: false, fees: false };

function readIncludes(query: URLSearchParams, allowed: readonly string[]): OrderIncludes {
  const values = (query.get('include') ?? '').split(',').filter((value) => value !== '');
  const unknown = values.filter((value) => !allowed.includes(value));
  if (unknown.length > 0)
    throw new ApiError(
      400,
      `include must be one or more of ${allowed.join(', ')}; got ${unknown.join(', ')}`,
    );
  const structure = query.get('consignment_structure');
  if (structure !== null && structure !== 'object')
    throw new ApiError(400, `consignment_structure must be object, got "${structure}"`);
  return {
    consignments: values.includes('consignments.line_items')
      ? 'lines'
      : values.includes('consignments')
        ? 'links'
        : 'none',
    asObject: structure === 'object',
    fees: values.includes('fees'),
  };
}

function orderBase(storeHash: string, orderId: number): string {
  return `https://api.bigcommerce.com/stores/${storeHash}/v2/orders/${orderId}`;
}

/**
 * The order's consignments (`GET /v2/orders/{id}/consignments`). The emulator keeps no shipping addresses: every
 * order with lines has one shipping consignment, addressed to the billing address, whose id is the order id.
 * Line items are links to `/orders/{id}/products/{line}`, or the order products themselves with `inlineLines`.
 */
function renderConsignments(
  order: OrderRow,
  lines: readonly OrderProductRow[],
  storeHash: string,
  inlineLines: boolean,
) {
  const base = orderBase(storeHash, order.id);
  const billing = JSON.parse(order.billing_address) as Record<string, unknown>;
  const text = (name: string) => (typeof billing[name] === 'string' ? billing[name] : '');
  const withBackorders = lines.some((line) => line.quantity_backordered > 0);
  const shipping = {
    id: order.id,
    ...Object.fromEntries(
      [
        'first_name',
        'last_name',
        'company',
        'street_1',
        'street_2',
        'city',
        'state',
        'zip',
        'country',
        'country_iso2',
        'phone',
        'email',
      ].map((name) => [name, text(name)]),
    ),
    form_fields: [],
    line_items: inlineLines
      ? lines.map((line) => renderOrderProduct(line, withBackorders))
      : lines.map((line) => ({
          url: `${base}/products/${line.id}`,
          resource: `/orders/${order.id}/products/${line.id}`,
        })),
    items_total: lines.reduce((sum, line) => sum + line.quantity, 0),
    items_shipped: 0,
    shipping_method: 'None',
    base_cost: 0,
    cost_ex_tax: 0,
    cost_inc_tax: 0,
    cost_tax: 0,
    cost_tax_class_id: 0,
    base_handling_cost: 0,
    handling_cost_ex_tax: 0,
    handling_cost_inc_tax: 0,
    handling_cost_tax: 0,
    handling_cost_tax_class_id: 0,
    shipping_zone_id: 0,
    shipping_zone_name: '',
    shipping_quotes: {
      url: `${base}/consignments/shipping/${order.id}/shipping_quotes`,
      resource: `/orders/${order.id}/consignments/shipping/${order.id}/shipping_quotes`,
    },
  };
  return {
    pickups: [],
    shipping: lines.length === 0 ? [] : [shipping],
    downloads: [],
    email: { gift_certificates: [] },
  };
}

function orderLines(store: StoreDatabase, orderId: number): OrderProductRow[] {
  return store
    .prepare<[number], OrderProductRow>('SELECT * FROM order_products WHERE order_id = ? ORDER BY id')
    .all(orderId);
}

function renderOrder(
  store: StoreDatabase,
  order: OrderRow,
  storeHash: string,
  includes: OrderIncludes = NO_INCLUDES,
) {
  const lines = orderLines(store, order.id);
  const subtotal = lines.reduce((sum, line) => sum + Number(line.price) * line.quantity, 0);
  const itemsTotal = lines.reduce((sum, line) => sum + line.quantity, 0);
  const zero = money(0);
  const base = orderBase(storeHash, order.id);
  const included: Record<string, unknown> = {};
  if (includes.consignments !== 'none') {
    const consignments = renderConsignments(order, lines, storeHash, includes.consignments === 'lines');
    included['consignments'] = includes.asObject ? consignments : [consignments];
  }
  if (includes.fees) included['fees'] = [];
  return {
    id: order.id,
    customer_id: order.customer_id,
    date_created: order.date_created,
    date_modified: order.date_modified,
    date_shipped: '',
    status_id: order.status_id,
    status: ORDER_STATUSES[order.status_id] ?? 'Pending',
    cart_id: '',
    subtotal_ex_tax: money(subtotal),
    subtotal_inc_tax: money(subtotal),
    subtotal_tax: zero,
    base_shipping_cost: zero,
    shipping_cost_ex_tax: zero,
    shipping_cost_inc_tax: zero,
    shipping_cost_tax: zero,
    shipping_cost_tax_class_id: 0,
    base_handling_cost: zero,
    handling_cost_ex_tax: zero,
    handling_cost_inc_tax: zero,
    handling_cost_tax: zero,
    handling_cost_tax_class_id: 0,
    base_wrapping_cost: zero,
    wrapping_cost_ex_tax: zero,
    wrapping_cost_inc_tax: zero,
    wrapping_cost_tax: zero,
    wrapping_cost_tax_class_id: 0,
    total_ex_tax: money(subtotal),
    total_inc_tax: money(subtotal),
    total_tax: zero,
    items_total: itemsTotal,
    items_shipped: 0,
    payment_method: 'Manual',
    payment_provider_id: '',
    payment_status: 'pending',
    refunded_amount: zero,
    order_is_digital: false,
    store_credit_amount: zero,
    gift_certificate_amount: zero,
    ip_address: '',
    ip_address_v6: '',
    geoip_country: '',
    geoip_country_iso2: '',
    currency_id: 1,
    currency_code: 'USD',
    currency_exchange_rate: '1.0000000000',
    default_currency_id: 1,
    default_currency_code: 'USD',
    store_default_currency_code: 'USD',
    store_default_to_transactional_exchange_rate: '1.0000000000',
    staff_notes: order.staff_notes,
    customer_message: order.customer_message,
    discount_amount: zero,
    coupon_discount: zero,
    shipping_address_count: 0,
    is_deleted: false,
    ebay_order_id: '0',
    is_email_opt_in: false,
    billing_address: JSON.parse(order.billing_address) as unknown,
    order_source: 'external',
    channel_id: order.channel_id,
    external_source: null,
    external_id: order.external_id,
    external_merchant_id: null,
    tax_provider_id: '',
    customer_locale: 'en',
    external_order_id: '',
    is_tax_inclusive_pricing: false,
    products: { url: `${base}/products`, resource: `/orders/${order.id}/products` },
    shipping_addresses: {
      url: `${base}/shipping_addresses`,
      resource: `/orders/${order.id}/shipping_addresses`,
    },
    coupons: { url: `${base}/coupons`, resource: `/orders/${order.id}/coupons` },
    ...included,
  };
}

function renderOrderProduct(line: OrderProductRow, withBackorders: boolean) {
  const total = money(Number(line.price) * line.quantity);
  const zero = money(0);
  return {
    id: line.id,
    order_id: line.order_id,
    product_id: line.product_id,
    variant_id: line.variant_id,
    order_address_id: 0,
    name: line.name,
    name_customer: line.name,
    name_merchant: line.name,
    sku: line.sku,
    upc: '',
    type: 'physical',
    base_price: line.price,
    price_ex_tax: line.price,
    price_inc_tax: line.price,
    price_tax: zero,
    base_total: total,
    total_ex_tax: total,
    total_inc_tax: total,
    total_tax: zero,
    discounted_total_inc_tax: total,
    quantity: line.quantity,
    base_cost_price: zero,
    cost_price_inc_tax: zero,
    cost_price_ex_tax: zero,
    cost_price_tax: zero,
    weight: 0,
    width: '0.0000',
    height: '0.0000',
    depth: '0.0000',
    is_refunded: false,
    quantity_refunded: 0,
    refund_amount: zero,
    return_id: 0,
    wrapping_id: 0,
    wrapping_name: null,
    base_wrapping_cost: zero,
    wrapping_cost_ex_tax: zero,
    wrapping_cost_inc_tax: zero,
    wrapping_cost_tax: zero,
    wrapping_message: '',
    quantity_shipped: 0,
    event_name: null,
    event_date: null,
    fixed_shipping_cost: zero,
    ebay_item_id: '',
    ebay_transaction_id: '',
    option_set_id: null,
    parent_order_product_id: null,
    is_bundled_product: false,
    bin_picking_number: '',
    external_id: null,
    brand: '',
    applied_discounts: [],
    product_options: [],
    configurable_fields: [],
    gift_certificate_id: null,
    // Beta: returned when the order has backordered items (backorders guide).
    ...(withBackorders ? { quantity_backordered: line.quantity_backordered } : {}),
  };
}

function findOrder(store: StoreDatabase, text: string | undefined): OrderRow {
  const id = Number(text);
  const order = Number.isSafeInteger(id)
    ? store.prepare<[number], OrderRow>('SELECT * FROM orders WHERE id = ?').get(id)
    : undefined;
  if (order === undefined) throw new ApiError(404, 'The requested resource was not found.');
  return order;
}

function readStatus(body: Record<string, unknown>, fallback: number): number {
  const status = body['status_id'] ?? fallback;
  if (!isInteger(status) || ORDER_STATUSES[status] === undefined) {
    throw new ApiError(422, `status_id must be one of 0 to 14, got ${JSON.stringify(status)}`, {
      status_id: 'unknown status',
    });
  }
  return status;
}

const insertLineSql = `INSERT INTO order_products (order_id, product_id, variant_id, item_variant_id, location_id, name, sku,
  price, quantity, quantity_backordered) VALUES (@orderId, @productId, @variantId, @itemVariantId, @locationId, @name, @sku,
  @price, @quantity, @backordered)`;

const ORDER_INCLUDES = ['consignments', 'consignments.line_items', 'fees'] as const;

/**
 * `POST /v2/orders` answers the order as orders.v2.oas2.yml shows it: `products` is a link to the order's products,
 * as in BigCommerce's examples, so the lines (and their `quantity_backordered`) come from
 * `GET /v2/orders/{id}/products`, or inline with `include=consignments.line_items&consignment_structure=object`.
 */
function createOrder(context: RouteContext): Reply {
  const { store, body, options, query } = context;
  const includes = readIncludes(query, ORDER_INCLUDES);
  if (!isRecord(body)) throw new ApiError(400, 'The request body must be a JSON object.');
  const products = body['products'];
  const billing = body['billing_address'];
  if (!Array.isArray(products) || products.length === 0) {
    throw new ApiError(400, "The required field 'products' was not supplied.", {
      products: 'at least one product line is required',
    });
  }
  if (!isRecord(billing))
    throw new ApiError(400, "The required field 'billing_address' was not supplied.", {
      billing_address: 'required',
    });
  if (typeof billing['zip'] !== 'string' || billing['zip'].length < 2) {
    throw new ApiError(422, 'billing_address.zip must be a string of at least 2 characters', {
      'billing_address.zip': 'required, at least 2 characters',
    });
  }
  const customerId = body['customer_id'] ?? 0;
  if (!isInteger(customerId) || customerId < 0)
    throw new ApiError(422, 'customer_id must be a non-negative integer', { customer_id: 'invalid' });
  const channelId = body['channel_id'] ?? 1;
  if (!isInteger(channelId) || channelId < 1)
    throw new ApiError(422, 'channel_id must be a positive integer', { channel_id: 'invalid' });
  const statusId = readStatus(body, 1);
  const lines = products.map((line, index) => {
    const path = `products.${index}`;
    if (!isRecord(line))
      throw new ApiError(422, `${path} must be an object`, { [path]: 'must be an object' });
    const { quantity, backordered } = readQuantities(line, path, 1);
    if (quantity === undefined)
      throw new ApiError(422, `${path}.quantity is required`, { [`${path}.quantity`]: 'required' });
    checkSplit(path, quantity, backordered);
    return { line: resolveNewLine(context, line, path), quantity, backordered };
  });
  return store.transact(() => {
    const allocation = new Allocation(store);
    const splits = lines.map(({ line, quantity, backordered }) =>
      line.stock === null
        ? { fromStock: quantity, toBackorder: 0 }
        : allocation.take(line.stock, quantity, backordered),
    );
    allocation.commit(null, channelId);
    const now = rfc2822(new Date());
    const orderId = Number(
      store.db
        .prepare(
          `INSERT INTO orders (customer_id, status_id, channel_id, billing_address, staff_notes, customer_message, external_id,
             date_created, date_modified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          customerId,
          statusId,
          channelId,
          JSON.stringify(billing),
          typeof body['staff_notes'] === 'string' ? body['staff_notes'] : '',
          typeof body['customer_message'] === 'string' ? body['customer_message'] : '',
          typeof body['external_id'] === 'string' ? body['external_id'] : null,
          now,
          now,
        ).lastInsertRowid,
    );
    const insertLine = store.prepare(insertLineSql);
    lines.forEach(({ line, quantity }, index) => {
      insertLine.run({
        orderId,
        productId: line.productId,
        variantId: line.variantId,
        itemVariantId: line.stock?.key.variantId ?? null,
        locationId: line.stock?.locationId ?? options.defaultLocationId,
        name: line.name,
        sku: line.sku,
        price: line.price,
        quantity,
        backordered: splits[index]?.toBackorder ?? 0,
      });
    });
    return {
      status: 200,
      body: renderOrder(store, findOrder(store, String(orderId)), options.storeHash, includes),
    };
  });
}

function updateOrder(context: RouteContext): Reply {
  const { store, body, params, options } = context;
  if (!isRecord(body)) throw new ApiError(400, 'The request body must be a JSON object.');
  const order = findOrder(store, params[0]);
  const statusId = readStatus(body, order.status_id);
  const products = body['products'];
  if (products !== undefined && !Array.isArray(products))
    throw new ApiError(422, 'products must be an array', { products: 'must be an array' });
  const billing = body['billing_address'];
  if (billing !== undefined && !isRecord(billing))
    throw new ApiError(422, 'billing_address must be an object', { billing_address: 'must be an object' });
  const existing = new Map(
    store
      .prepare<[number], OrderProductRow>('SELECT * FROM order_products WHERE order_id = ?')
      .all(order.id)
      .map((line) => [line.id, line]),
  );
  // Validate every entry before touching stock, so a bad entry changes nothing.
  const edits = (products ?? []).map((entry, index) => {
    const path = `products.${index}`;
    if (!isRecord(entry))
      throw new ApiError(422, `${path} must be an object`, { [path]: 'must be an object' });
    const id = entry['id'];
    if (id === undefined) {
      const { quantity, backordered } = readQuantities(entry, path, 1);
      if (quantity === undefined)
        throw new ApiError(422, `${path}.quantity is required`, { [`${path}.quantity`]: 'required' });
      checkSplit(path, quantity, backordered);
      return { kind: 'add' as const, line: resolveNewLine(context, entry, path), quantity, backordered };
    }
    const current = isInteger(id) ? existing.get(id) : undefined;
    if (current === undefined) {
      throw new ApiError(422, `${path}.id: order ${order.id} has no product line ${JSON.stringify(id)}`, {
        [`${path}.id`]: 'no such order product',
      });
    }
    const { quantity, backordered } = readQuantities(entry, path, 0);
    const nextQuantity = quantity ?? current.quantity;
    checkSplit(path, nextQuantity, backordered);
    return { kind: 'edit' as const, current, quantity: nextQuantity, backordered };
  });
  return store.transact(() => {
    const allocation = new Allocation(store);
    const results: (() => void)[] = [];
    const insertLine = store.prepare(insertLineSql);
    const setLine = store.prepare(
      'UPDATE order_products SET quantity = ?, quantity_backordered = ? WHERE id = ?',
    );
    const deleteLine = store.prepare('DELETE FROM order_products WHERE id = ?');
    for (const edit of edits) {
      if (edit.kind === 'add') {
        const split =
          edit.line.stock === null
            ? { toBackorder: 0 }
            : allocation.take(edit.line.stock, edit.quantity, edit.backordered);
        results.push(() =>
          insertLine.run({
            orderId: order.id,
            productId: edit.line.productId,
            variantId: edit.line.variantId,
            itemVariantId: edit.line.stock?.key.variantId ?? null,
            locationId: edit.line.stock?.locationId ?? options.defaultLocationId,
            name: edit.line.name,
            sku: edit.line.sku,
            price: edit.line.price,
            quantity: edit.quantity,
            backordered: split?.toBackorder ?? 0,
          }),
        );
        continue;
      }
      const { current, quantity } = edit;
      const stock =
        current.item_variant_id === null || current.location_id === null
          ? null
          : {
              key: { productId: current.product_id, variantId: current.item_variant_id },
              variantId: current.variant_id,
              locationId: current.location_id,
            };
      let backordered = current.quantity_backordered;
      if (stock !== null) {
        if (edit.backordered !== undefined) {
          const deltaStock = quantity - edit.backordered - (current.quantity - current.quantity_backordered);
          const deltaBackorder = edit.backordered - current.quantity_backordered;
          allocation.release(stock, Math.max(0, -deltaStock), Math.max(0, -deltaBackorder));
          if (deltaStock > 0 || deltaBackorder > 0) {
            allocation.take(
              stock,
              Math.max(0, deltaStock) + Math.max(0, deltaBackorder),
              Math.max(0, deltaBackorder),
            );
          }
          backordered = edit.backordered;
        } else if (quantity > current.quantity) {
          backordered += allocation.take(stock, quantity - current.quantity, undefined)?.toBackorder ?? 0;
        } else if (quantity < current.quantity) {
          // A decrease releases backordered units first, then stock (Part A 3).
          const reduce = current.quantity - quantity;
          const fromBackorder = Math.min(reduce, current.quantity_backordered);
          allocation.release(stock, reduce - fromBackorder, fromBackorder);
          backordered -= fromBackorder;
        }
      }
      const finalBackordered = backordered;
      results.push(() =>
        quantity === 0 ? deleteLine.run(current.id) : setLine.run(quantity, finalBackordered, current.id),
      );
    }
    allocation.commit(order.id, order.channel_id);
    for (const apply of results) apply();
    const merged =
      billing === undefined
        ? order.billing_address
        : JSON.stringify({ ...(JSON.parse(order.billing_address) as object), ...billing });
    store
      .prepare(
        'UPDATE orders SET status_id = ?, billing_address = ?, staff_notes = ?, customer_message = ?, date_modified = ? WHERE id = ?',
      )
      .run(
        statusId,
        merged,
        typeof body['staff_notes'] === 'string' ? body['staff_notes'] : order.staff_notes,
        typeof body['customer_message'] === 'string' ? body['customer_message'] : order.customer_message,
        rfc2822(new Date()),
        order.id,
      );
    return { status: 200, body: renderOrder(store, findOrder(store, String(order.id)), options.storeHash) };
  });
}

function getOrder({ store, params, options, query }: RouteContext): Reply {
  const includes = readIncludes(query, ORDER_INCLUDES);
  return { status: 200, body: renderOrder(store, findOrder(store, params[0]), options.storeHash, includes) };
}

function getConsignments({ store, params, options, query }: RouteContext): Reply {
  const order = findOrder(store, params[0]);
  const includes = readIncludes(query, ['consignments.line_items']);
  return {
    status: 200,
    body: renderConsignments(
      order,
      orderLines(store, order.id),
      options.storeHash,
      includes.consignments === 'lines',
    ),
  };
}

/** V2 paging: `limit` up to 250; a larger one is a 413 ("the `limit` parameter exceeded the maximum"). */
function readV2Paging(query: URLSearchParams): { page: number; limit: number } {
  const page = Number(query.get('page') ?? 1);
  const limit = Number(query.get('limit') ?? 50);
  if (!Number.isSafeInteger(page) || page < 1) throw new ApiError(400, 'page must be a positive integer');
  if (!Number.isSafeInteger(limit) || limit < 1)
    throw new ApiError(400, 'limit must be an integer from 1 to 250');
  if (limit > 250) throw new ApiError(413, 'limit must be at most 250');
  return { page, limit };
}

function listOrderProducts({ store, params, query }: RouteContext): Reply {
  const order = findOrder(store, params[0]);
  const { page, limit } = readV2Paging(query);
  const lines = store
    .prepare<[number, number, number], OrderProductRow>(
      'SELECT * FROM order_products WHERE order_id = ? ORDER BY id LIMIT ? OFFSET ?',
    )
    .all(order.id, limit, (page - 1) * limit);
  const anyBackordered =
    (store
      .prepare<[number], { n: number }>(
        'SELECT SUM(quantity_backordered) AS n FROM order_products WHERE order_id = ?',
      )
      .get(order.id)?.n ?? 0) > 0;
  if (lines.length === 0) return { status: 204 };
  return { status: 200, body: lines.map((line) => renderOrderProduct(line, anyBackordered)) };
}

function getOrderProduct({ store, params }: RouteContext): Reply {
  const order = findOrder(store, params[0]);
  const lines = orderLines(store, order.id);
  const line = lines.find((candidate) => String(candidate.id) === params[1]);
  if (line === undefined) throw new ApiError(404, 'The requested resource was not found.');
  const withBackorders = lines.some((candidate) => candidate.quantity_backordered > 0);
  return { status: 200, body: renderOrderProduct(line, withBackorders) };
}

/** The filters `GET /v2/orders` and `GET /v2/orders/count` share. */
function orderFilter(query: URLSearchParams): SqlFilter {
  const filter = new SqlFilter();
  for (const [param, condition] of [
    ['min_id', 'id >= ?'],
    ['max_id', 'id <= ?'],
    ['status_id', 'status_id = ?'],
    ['customer_id', 'customer_id = ?'],
    ['channel_id', 'channel_id = ?'],
  ] as const) {
    const text = query.get(param);
    if (text === null) continue;
    const value = Number(text);
    if (!Number.isSafeInteger(value)) throw new ApiError(400, `${param} must be an integer`);
    filter.add(condition, value);
  }
  return filter;
}

function listOrders({ store, query, options }: RouteContext): Reply {
  const { page, limit } = readV2Paging(query);
  const includes = readIncludes(query, ORDER_INCLUDES);
  const filter = orderFilter(query);
  const orders = store.db
    .prepare<unknown[], OrderRow>(`SELECT * FROM orders ${filter.where} ORDER BY id LIMIT ? OFFSET ?`)
    .all(...filter.args, limit, (page - 1) * limit);
  // Part B 2: V2 lists answer 204 with an empty body when nothing matches.
  if (orders.length === 0) return { status: 204 };
  return {
    status: 200,
    body: orders.map((order) => renderOrder(store, order, options.storeHash, includes)),
  };
}

/** `GET /v2/orders/count`: the count per status (every status, in display order) and the total. */
function countOrders({ store, query }: RouteContext): Reply {
  const filter = orderFilter(query);
  const counts = new Map(
    store.db
      .prepare<unknown[], { status_id: number; n: number }>(
        `SELECT status_id, COUNT(*) AS n FROM orders ${filter.where} GROUP BY status_id`,
      )
      .all(...filter.args)
      .map((row) => [row.status_id, row.n]),
  );
  const statuses = STATUS_TABLE.map((status, index) => ({
    id: status.id,
    name: status.name,
    system_label: status.name,
    custom_label: status.name,
    system_description: status.description,
    count: counts.get(status.id) ?? 0,
    sort_order: index,
  }));
  return {
    status: 200,
    body: { statuses, count: [...counts.values()].reduce((sum, n) => sum + n, 0) },
  };
}

function listStatuses(): Reply {
  return { status: 200, body: STATUS_TABLE.map((status, index) => renderStatus(status, index)) };
}

// `count` is not an order id: `/v2/orders/count` has a route of its own.
const ORDER_BY_ID = /^\/v2\/orders\/(?!count$)([^/]+)$/;

export const orderRoutes: readonly Route[] = [
  { method: 'GET', pattern: /^\/v2\/orders$/, style: 'v2', handle: listOrders },
  { method: 'POST', pattern: /^\/v2\/orders$/, style: 'v2', handle: createOrder },
  { method: 'GET', pattern: /^\/v2\/orders\/count$/, style: 'v2', handle: countOrders },
  { method: 'GET', pattern: ORDER_BY_ID, style: 'v2', handle: getOrder },
  { method: 'PUT', pattern: ORDER_BY_ID, style: 'v2', handle: updateOrder },
  { method: 'GET', pattern: /^\/v2\/orders\/([^/]+)\/products$/, style: 'v2', handle: listOrderProducts },
  {
    method: 'GET',
    pattern: /^\/v2\/orders\/([^/]+)\/products\/([^/]+)$/,
    style: 'v2',
    handle: getOrderProduct,
  },
  { method: 'GET', pattern: /^\/v2\/orders\/([^/]+)\/consignments$/, style: 'v2', handle: getConsignments },
  { method: 'GET', pattern: /^\/v2\/order_statuses$/, style: 'v2', handle: listStatuses },
];
