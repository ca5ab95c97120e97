import type { SeedSpec } from './options.js';
import type { StoreDatabase } from './db.js';
import { seedCatalogProduct } from './catalog-seed.js';

type Tracking = 'none' | 'product' | 'variant';

interface ProductSeed {
  readonly id: number;
  readonly name: string;
  readonly sku: string;
  readonly tracking: Tracking;
  readonly price: string;
  /** The first is the base variant. */
  readonly variants: readonly { readonly id: number; readonly sku: string }[];
}

interface StockSeed {
  readonly product: number;
  /** 0 for a product-level item. */
  readonly variant: number;
  readonly location: number;
  readonly onHand: number | null;
  readonly safety?: number;
  readonly warning?: number;
  readonly bin?: string;
  readonly limit?: number | null;
  readonly backordered?: number;
  /** An assigned backorder message (see BACKORDER_MESSAGES). */
  readonly message?: number;
}

const DEMO_LOCATIONS = [
  { id: 1, code: 'BC-LOCATION-1', label: 'Default location' },
  { id: 2, code: 'WH-EAST', label: 'East warehouse' },
  { id: 3, code: 'WH-WEST', label: 'West warehouse' },
];

/**
 * The demo store. Its ids and figures are chosen so that every example of the backorders guide works as shown:
 * variant 74 at location 1 has 10 available and 45 more for backorder (the guide's 409), variant 78 matches the
 * location-items example, and the absolute and relative adjustment examples apply cleanly.
 */
const DEMO_PRODUCTS: readonly ProductSeed[] = [
  {
    id: 77,
    name: 'Selectric Typewriter',
    sku: 'SLCTBS',
    tracking: 'variant',
    price: '349.0000',
    variants: [
      { id: 1, sku: 'SLCTBS-A9615491' },
      { id: 2, sku: 'SLCTBS-B9615492' },
      { id: 3, sku: 'SLCTBS-C9615493' },
    ],
  },
  {
    id: 80,
    name: 'Canvas Tote',
    sku: 'TOTE',
    tracking: 'variant',
    price: '24.0000',
    variants: [
      { id: 4, sku: 'sku-4' },
      { id: 5, sku: 'sku-5' },
    ],
  },
  {
    id: 111,
    name: 'Ceramic Mug',
    sku: 'MUG-111',
    tracking: 'product',
    price: '12.5000',
    variants: [{ id: 106, sku: 'MUG-111' }],
  },
  {
    id: 112,
    name: 'Stoneware Mug',
    sku: 'SM',
    tracking: 'variant',
    price: '18.0000',
    variants: [
      { id: 74, sku: 'SM13' },
      { id: 75, sku: 'SM14' },
    ],
  },
  {
    id: 130,
    name: 'Rechargeable Earbuds',
    sku: 'RE',
    tracking: 'variant',
    price: '89.0000',
    variants: [
      { id: 78, sku: 'RE-130' },
      { id: 79, sku: 'RE-131' },
    ],
  },
  {
    id: 140,
    name: 'Gift Wrap',
    sku: 'WRAP',
    tracking: 'none',
    price: '3.0000',
    variants: [{ id: 141, sku: 'WRAP' }],
  },
  {
    id: 150,
    name: 'Desk Lamp',
    sku: 'LAMP-150',
    tracking: 'product',
    price: '45.0000',
    variants: [{ id: 151, sku: 'LAMP-150' }],
  },
];

const DEMO_STOCK: readonly StockSeed[] = [
  // At its backorder limit: nothing on hand, 20 of 20 backordered.
  { product: 77, variant: 1, location: 1, onHand: 0, limit: 20, backordered: 20 },
  { product: 77, variant: 1, location: 2, onHand: 8, safety: 1 },
  { product: 77, variant: 2, location: 1, onHand: 25, safety: 5, warning: 10, bin: 'A2', limit: 10 },
  { product: 77, variant: 3, location: 2, onHand: 5 },
  // Unlimited backorders.
  { product: 80, variant: 4, location: 3, onHand: 0, limit: null, backordered: 8 },
  { product: 80, variant: 5, location: 1, onHand: 30 },
  { product: 80, variant: 5, location: 2, onHand: 4, limit: 10, backordered: 3 },
  { product: 111, variant: 0, location: 1, onHand: 40 },
  // The guide's 409: available stock 10, available for backorder 45.
  {
    product: 112,
    variant: 74,
    location: 1,
    onHand: 12,
    safety: 2,
    warning: 5,
    bin: '1',
    limit: 50,
    backordered: 5,
  },
  { product: 112, variant: 75, location: 1, onHand: 3, limit: 15, backordered: 6, message: 2 },
  { product: 130, variant: 78, location: 1, onHand: 12, safety: 2, warning: 2, bin: '1', limit: 33 },
  { product: 130, variant: 79, location: 1, onHand: 11, safety: 1, warning: 1, bin: '1', limit: 33 },
  { product: 150, variant: 0, location: 1, onHand: 0, limit: null, backordered: 12 },
  { product: 150, variant: 0, location: 2, onHand: 2 },
];

const LARGE_VARIANTS_PER_PRODUCT = 5;

/** Fills an empty database; a database that was seeded before is left as it is. */
export function seedStore(store: StoreDatabase, spec: SeedSpec, log: (line: string) => void): void {
  const { db } = store;
  const seeded = db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'seed'").get();
  // A database file made before backorder messages existed gets them too.
  store.transact(() => seedBackorderMessages(store));
  if (seeded !== undefined) {
    // A database file made before the catalog data existed gets it for the products it holds.
    store.transact(() => seedMissingCatalog(store));
    return;
  }
  const now = new Date().toISOString();
  const insertLocation = db.prepare(
    'INSERT INTO locations (id, code, label, is_default, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertProduct = db.prepare(
    'INSERT INTO products (id, name, sku, tracking, base_variant_id, price) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertVariant = db.prepare('INSERT INTO variants (id, product_id, sku, sku_id) VALUES (?, ?, ?, ?)');
  const insertItem = db.prepare(
    'INSERT INTO items (product_id, variant_id, identity_variant_id, sku, sku_id) VALUES (?, ?, ?, ?, ?)',
  );
  const insertStock = db.prepare('INSERT INTO stock (product_id, variant_id, location_id) VALUES (?, ?, ?)');
  const setStock = db.prepare(
    `UPDATE stock SET on_hand = @onHand, safety_stock = @safety, warning_level = @warning,
       bin_picking_number = @bin, backorder_limit = @limit, qty_backordered = @backordered,
       backorder_message_id = @message
     WHERE product_id = @product AND variant_id = @variant AND location_id = @location`,
  );

  const addProduct = (product: ProductSeed, locationIds: readonly number[]): void => {
    const base = product.variants[0];
    if (base === undefined) throw new Error(`product ${product.id} has no variants`);
    insertProduct.run(product.id, product.name, product.sku, product.tracking, base.id, product.price);
    seedCatalogProduct(store, {
      id: product.id,
      name: product.name,
      variantIds: product.variants.map((variant) => variant.id),
    });
    for (const variant of product.variants) {
      const skuId = product.tracking === 'variant' ? variant.id + 1000 : 0;
      insertVariant.run(variant.id, product.id, variant.sku, skuId);
      if (product.tracking === 'variant') {
        insertItem.run(product.id, variant.id, variant.id, variant.sku, skuId);
        for (const location of locationIds) insertStock.run(product.id, variant.id, location);
      }
    }
    if (product.tracking === 'product') {
      insertItem.run(product.id, 0, base.id, product.sku, 0);
      for (const location of locationIds) insertStock.run(product.id, 0, location);
    }
  };
  const applyStock = (stock: StockSeed): void => {
    setStock.run({
      product: stock.product,
      variant: stock.variant,
      location: stock.location,
      onHand: stock.onHand,
      safety: stock.safety ?? 0,
      warning: stock.warning ?? 0,
      bin: stock.bin ?? '',
      limit: stock.limit === undefined ? 0 : stock.limit,
      backordered: stock.backordered ?? 0,
      message: stock.message ?? null,
    });
  };

  store.transact(() => {
    if (spec === 'none') {
      insertLocation.run(1, 'BC-LOCATION-1', 'Default location', 1, now, now);
    } else if (spec === 'demo') {
      for (const location of DEMO_LOCATIONS) {
        insertLocation.run(location.id, location.code, location.label, location.id === 1 ? 1 : 0, now, now);
      }
      const locationIds = DEMO_LOCATIONS.map((location) => location.id);
      for (const product of DEMO_PRODUCTS) addProduct(product, locationIds);
      for (const stock of DEMO_STOCK) applyStock(stock);
      seedDemoOrder(store);
    } else {
      seedLarge(spec.large, { insertLocation, addProduct, applyStock, now, log });
    }
    db.prepare("INSERT INTO meta (key, value) VALUES ('seed', ?)").run(JSON.stringify(spec));
  });
}

/**
 * The store's backorder messages (every seed has them: BigCommerce documents settings that assign a message by id,
 * but no API to create one). Message 1 is the store default, used where an item has none assigned.
 */
export const BACKORDER_MESSAGES = [
  {
    id: 1,
    name: 'Default',
    message: 'This item is on backorder and will ship when it is back in stock.',
    isDefault: true,
  },
  {
    id: 2,
    name: 'Ships in 2 weeks',
    message: 'On backorder: expected to ship within 2 weeks.',
    isDefault: false,
  },
  {
    id: 3,
    name: 'Made to order',
    message: 'Made to order: ships 4 to 6 weeks after purchase.',
    isDefault: false,
  },
] as const;

function seedMissingCatalog(store: StoreDatabase): void {
  const missing = store.db
    .prepare<[], { id: number; name: string; variant_ids: string }>(
      `SELECT p.id, p.name, group_concat(v.id) AS variant_ids FROM products p JOIN variants v ON v.product_id = p.id
       WHERE NOT EXISTS (SELECT 1 FROM catalog_products c WHERE c.product_id = p.id)
       GROUP BY p.id ORDER BY p.id`,
    )
    .all();
  for (const product of missing) {
    const variantIds = product.variant_ids
      .split(',')
      .map(Number)
      .sort((a, b) => a - b);
    seedCatalogProduct(store, { id: product.id, name: product.name, variantIds });
  }
}

function seedBackorderMessages(store: StoreDatabase): void {
  const count = store.db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM backorder_messages').get();
  if ((count?.n ?? 0) > 0) return;
  const insert = store.db.prepare(
    'INSERT INTO backorder_messages (id, name, message, is_default, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const created = '2026-03-04T09:00:00Z';
  for (const message of BACKORDER_MESSAGES) {
    insert.run(message.id, message.name, message.message, message.isDefault ? 1 : 0, created, created);
  }
}

/** Order 100 holds the 5 backordered units of variant 74 (all of its line is on backorder), so the guide's PUT example has an order line to name. */
function seedDemoOrder(store: StoreDatabase): void {
  const date = 'Tue, 05 Mar 2024 21:40:11 +0000';
  const billing = JSON.stringify({
    first_name: 'Jane',
    last_name: 'Doe',
    company: '',
    street_1: '12 Main Street',
    street_2: '',
    city: 'Austin',
    state: 'Texas',
    zip: '78701',
    country: 'United States',
    country_iso2: 'US',
    phone: '',
    email: 'jane@example.com',
  });
  store.db
    .prepare(
      `INSERT INTO orders (id, customer_id, status_id, channel_id, billing_address, date_created, date_modified)
       VALUES (100, 0, 11, 1, ?, ?, ?)`,
    )
    .run(billing, date, date);
  store.db
    .prepare(
      `INSERT INTO order_products (id, order_id, product_id, variant_id, item_variant_id, location_id, name, sku,
         price, quantity, quantity_backordered)
       VALUES (8, 100, 112, 74, 74, 1, 'Stoneware Mug', 'SM13', '18.0000', 5, 5)`,
    )
    .run();
}

function seedLarge(
  variants: number,
  helpers: {
    insertLocation: { run: (...args: unknown[]) => unknown };
    addProduct: (product: ProductSeed, locationIds: readonly number[]) => void;
    applyStock: (stock: StockSeed) => void;
    now: string;
    log: (line: string) => void;
  },
): void {
  const { insertLocation, addProduct, applyStock, now, log } = helpers;
  for (const location of DEMO_LOCATIONS) {
    insertLocation.run(location.id, location.code, location.label, location.id === 1 ? 1 : 0, now, now);
  }
  const locationIds = DEMO_LOCATIONS.map((location) => location.id);
  const products = Math.ceil(variants / LARGE_VARIANTS_PER_PRODUCT);
  let reported = 0;
  let made = 0;
  for (let p = 0; p < products; p += 1) {
    const productId = 1000 + p;
    const count = Math.min(LARGE_VARIANTS_PER_PRODUCT, variants - made);
    const productVariants = Array.from({ length: count }, (_, v) => ({
      id: 10_000 + made + v,
      sku: `LG-${productId}-${v + 1}`,
    }));
    addProduct(
      {
        id: productId,
        name: `Bench product ${productId}`,
        sku: `LG-${productId}`,
        tracking: 'variant',
        price: '10.0000',
        variants: productVariants,
      },
      locationIds,
    );
    for (const variant of productVariants) {
      const i = variant.id;
      for (const location of locationIds) {
        const limit = i % 10 === 0 ? null : (i % 4) * 10;
        applyStock({
          product: productId,
          variant: variant.id,
          location,
          onHand: (i * 7 + location) % 50,
          safety: i % 3,
          warning: 5,
          limit,
          backordered: limit === null ? i % 7 : Math.min(limit, i % 7),
        });
      }
    }
    made += count;
    const percent = Math.floor((made / variants) * 10) * 10;
    if (percent > reported) {
      reported = percent;
      log(`seeding large store: ${made}/${variants} variants (${percent}%)`);
    }
  }
}
