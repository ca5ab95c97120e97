import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';

/** Largest quantity BigCommerce stores per item and location (a signed 32-bit integer). */
export const MAX_QUANTITY = 2_147_483_647;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS locations (
  id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, label TEXT NOT NULL,
  enabled INTEGER NOT NULL DEFAULT 1, type_id TEXT NOT NULL DEFAULT 'PHYSICAL', is_default INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS products (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL, sku TEXT NOT NULL,
  tracking TEXT NOT NULL CHECK (tracking IN ('none', 'product', 'variant')),
  base_variant_id INTEGER NOT NULL, price TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS variants (
  id INTEGER PRIMARY KEY, product_id INTEGER NOT NULL REFERENCES products(id), sku TEXT NOT NULL UNIQUE,
  sku_id INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS variants_by_product ON variants(product_id);
-- One row per inventory item: a variant of a variant-tracked product (variant_id = the variant), or a
-- product-tracked product (variant_id = 0, identity_variant_id = its base variant).
CREATE TABLE IF NOT EXISTS items (
  product_id INTEGER NOT NULL, variant_id INTEGER NOT NULL, identity_variant_id INTEGER NOT NULL,
  sku TEXT NOT NULL, sku_id INTEGER NOT NULL, PRIMARY KEY (product_id, variant_id));
CREATE INDEX IF NOT EXISTS items_by_variant ON items(identity_variant_id);
CREATE INDEX IF NOT EXISTS items_by_sku ON items(sku);
-- Admin GraphQL catalog data (catalog-seed.ts): global values and channel-locale overrides; a null override
-- column inherits the global value.
CREATE TABLE IF NOT EXISTS catalog_products (
  product_id INTEGER PRIMARY KEY, name TEXT NOT NULL, description TEXT NOT NULL, page_title TEXT NOT NULL,
  meta_description TEXT NOT NULL, url_path TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS catalog_images (
  id INTEGER PRIMARY KEY, product_id INTEGER NOT NULL, alt_text TEXT NOT NULL, is_thumbnail INTEGER NOT NULL,
  sort_order INTEGER NOT NULL, file_name TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS catalog_images_by_product ON catalog_images(product_id);
CREATE TABLE IF NOT EXISTS catalog_custom_fields (
  id INTEGER PRIMARY KEY, product_id INTEGER NOT NULL, name TEXT NOT NULL, value TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS catalog_custom_fields_by_product ON catalog_custom_fields(product_id);
CREATE TABLE IF NOT EXISTS catalog_options (
  id INTEGER PRIMARY KEY, product_id INTEGER NOT NULL, display_name TEXT NOT NULL, is_shared INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS catalog_options_by_product ON catalog_options(product_id);
CREATE TABLE IF NOT EXISTS catalog_option_values (
  id INTEGER PRIMARY KEY, option_id INTEGER NOT NULL, variant_id INTEGER NOT NULL, label TEXT NOT NULL,
  is_default INTEGER NOT NULL, sort_order INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS catalog_option_values_by_option ON catalog_option_values(option_id);
CREATE TABLE IF NOT EXISTS catalog_overrides (
  product_id INTEGER NOT NULL, channel_id INTEGER NOT NULL, locale TEXT NOT NULL, name TEXT, description TEXT,
  page_title TEXT, meta_description TEXT, url_path TEXT, PRIMARY KEY (product_id, channel_id, locale));
CREATE TABLE IF NOT EXISTS catalog_option_overrides (
  option_id INTEGER NOT NULL, channel_id INTEGER NOT NULL, locale TEXT NOT NULL, display_name TEXT,
  PRIMARY KEY (option_id, channel_id, locale));
CREATE TABLE IF NOT EXISTS catalog_option_value_overrides (
  value_id INTEGER NOT NULL, channel_id INTEGER NOT NULL, locale TEXT NOT NULL, label TEXT NOT NULL,
  PRIMARY KEY (value_id, channel_id, locale));
CREATE TABLE IF NOT EXISTS catalog_image_overrides (
  image_id INTEGER NOT NULL, channel_id INTEGER NOT NULL, locale TEXT NOT NULL, alt_text TEXT,
  is_thumbnail INTEGER, sort_order INTEGER, added_to_product INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (image_id, channel_id, locale));
CREATE TABLE IF NOT EXISTS catalog_custom_field_overrides (
  custom_field_id INTEGER NOT NULL, channel_id INTEGER NOT NULL, locale TEXT NOT NULL, name TEXT, value TEXT,
  is_visible INTEGER NOT NULL DEFAULT 1, PRIMARY KEY (custom_field_id, channel_id, locale));
CREATE TABLE IF NOT EXISTS stock (
  product_id INTEGER NOT NULL, variant_id INTEGER NOT NULL, location_id INTEGER NOT NULL,
  on_hand INTEGER, safety_stock INTEGER NOT NULL DEFAULT 0, warning_level INTEGER NOT NULL DEFAULT 0,
  is_in_stock INTEGER NOT NULL DEFAULT 1, bin_picking_number TEXT NOT NULL DEFAULT '',
  backorder_limit INTEGER DEFAULT 0, qty_backordered INTEGER NOT NULL DEFAULT 0, backorder_message_id INTEGER,
  PRIMARY KEY (product_id, variant_id, location_id));
-- Named backorder messages; BigCommerce documents no API to create them, so the seed makes a few.
CREATE TABLE IF NOT EXISTS backorder_messages (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL, message TEXT NOT NULL, is_default INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
-- Writes waiting for the apply delay: the values the row will hold, applied in seq order.
CREATE TABLE IF NOT EXISTS pending_writes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, apply_at INTEGER NOT NULL,
  product_id INTEGER NOT NULL, variant_id INTEGER NOT NULL, location_id INTEGER NOT NULL,
  on_hand INTEGER, qty_backordered INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS orders (
  id INTEGER PRIMARY KEY AUTOINCREMENT, customer_id INTEGER NOT NULL, status_id INTEGER NOT NULL,
  channel_id INTEGER NOT NULL, billing_address TEXT NOT NULL, staff_notes TEXT NOT NULL DEFAULT '',
  customer_message TEXT NOT NULL DEFAULT '', external_id TEXT, date_created TEXT NOT NULL, date_modified TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS order_products (
  id INTEGER PRIMARY KEY AUTOINCREMENT, order_id INTEGER NOT NULL REFERENCES orders(id),
  product_id INTEGER NOT NULL, variant_id INTEGER NOT NULL, item_variant_id INTEGER, location_id INTEGER,
  name TEXT NOT NULL, sku TEXT NOT NULL, price TEXT NOT NULL, quantity INTEGER NOT NULL,
  quantity_backordered INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS order_products_by_order ON order_products(order_id);
CREATE TABLE IF NOT EXISTS hooks (
  id INTEGER PRIMARY KEY AUTOINCREMENT, client_id TEXT NOT NULL, scope TEXT NOT NULL, destination TEXT NOT NULL,
  is_active INTEGER NOT NULL, headers TEXT, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
  deactivated INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS events (
  id INTEGER PRIMARY KEY AUTOINCREMENT, scope TEXT NOT NULL, data TEXT NOT NULL, created_at INTEGER NOT NULL,
  hash TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS deliveries (
  id INTEGER PRIMARY KEY AUTOINCREMENT, event_id INTEGER NOT NULL REFERENCES events(id), hook_id INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')));
CREATE INDEX IF NOT EXISTS deliveries_due ON deliveries(status, next_attempt_at);
CREATE TABLE IF NOT EXISTS delivery_attempts (
  id INTEGER PRIMARY KEY AUTOINCREMENT, delivery_id INTEGER NOT NULL, attempt INTEGER NOT NULL,
  at INTEGER NOT NULL, ms INTEGER NOT NULL, status_code INTEGER, error TEXT, duplicate INTEGER NOT NULL DEFAULT 0);
`;

export interface ItemKey {
  readonly productId: number;
  /** 0 for a product-level item. */
  readonly variantId: number;
}

export interface StockRow {
  readonly product_id: number;
  readonly variant_id: number;
  readonly location_id: number;
  readonly on_hand: number | null;
  readonly safety_stock: number;
  readonly warning_level: number;
  readonly is_in_stock: number;
  readonly bin_picking_number: string;
  readonly backorder_limit: number | null;
  readonly qty_backordered: number;
  /** The assigned backorder message; null uses the store's default message. */
  readonly backorder_message_id: number | null;
}

/** The two figures that stock movements change. */
export interface StockLevels {
  readonly onHand: number | null;
  readonly qtyBackordered: number;
}

export const INVENTORY_SCOPES = {
  stockChanged: 'store/channel/1/inventory/product/stock_changed',
  backorderLimitReached: 'store/channel/1/inventory/product/backorder_limit_reached',
  settingsChanged: 'store/channel/1/inventory/product/settings_changed',
} as const;

/** Part A 2: stock that can be sold from the shelf. */
export function availableToSell(row: Pick<StockRow, 'on_hand' | 'safety_stock'>): number {
  return Math.max(0, (row.on_hand ?? 0) - row.safety_stock);
}

/** Part A 2: units that may still be backordered; `null` when the limit is unlimited. */
export function backorderAllowance(
  row: Pick<StockRow, 'backorder_limit' | 'qty_backordered'>,
): number | null {
  return row.backorder_limit === null ? null : Math.max(0, row.backorder_limit - row.qty_backordered);
}

export function rfc2822(date: Date): string {
  return date.toUTCString().replace('GMT', '+0000');
}

export type StoreDatabase = ReturnType<typeof openStoreDatabase>;

/**
 * Opens (creating if needed) the emulator's SQLite database and returns the statements shared by the routes.
 * Every stock movement goes through `writeLevels`, which honours the apply delay and records the webhook events
 * of Part A 6 in the same transaction as the change.
 */
export function openStoreDatabase(path: string, applyDelayMs: number) {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA);
  addMissingColumns(db);

  const stockByKey = db.prepare<[number, number, number], StockRow>(
    'SELECT * FROM stock WHERE product_id = ? AND variant_id = ? AND location_id = ?',
  );
  const latestPending = db.prepare<
    [number, number, number],
    { on_hand: number | null; qty_backordered: number }
  >(
    `SELECT on_hand, qty_backordered FROM pending_writes
     WHERE product_id = ? AND variant_id = ? AND location_id = ? ORDER BY seq DESC LIMIT 1`,
  );
  const updateLevels = db.prepare(
    `UPDATE stock SET on_hand = @onHand, qty_backordered = @qtyBackordered
     WHERE product_id = @productId AND variant_id = @variantId AND location_id = @locationId`,
  );
  const insertPending = db.prepare(
    `INSERT INTO pending_writes (apply_at, product_id, variant_id, location_id, on_hand, qty_backordered)
     VALUES (@applyAt, @productId, @variantId, @locationId, @onHand, @qtyBackordered)`,
  );
  const duePending = db.prepare<
    [number],
    {
      seq: number;
      product_id: number;
      variant_id: number;
      location_id: number;
      on_hand: number | null;
      qty_backordered: number;
    }
  >('SELECT * FROM pending_writes WHERE apply_at <= ? ORDER BY seq');
  const deletePending = db.prepare<[number]>('DELETE FROM pending_writes WHERE seq = ?');
  const nextPendingAt = db.prepare<[], { at: number | null }>(
    'SELECT MIN(apply_at) AS at FROM pending_writes',
  );
  const insertEvent = db.prepare<[string, string, number, string]>(
    'INSERT INTO events (scope, data, created_at, hash) VALUES (?, ?, ?, ?)',
  );
  const activeHooks = db.prepare<[], { id: number; scope: string }>(
    'SELECT id, scope FROM hooks WHERE is_active = 1',
  );
  const insertDelivery = db.prepare<[number, number, number]>(
    "INSERT INTO deliveries (event_id, hook_id, next_attempt_at, status) VALUES (?, ?, ?, 'pending')",
  );

  let hooksInTransaction: { id: number; scope: string }[] | null = null;
  const statements = new Map<string, Database.Statement>();

  /** Event subscribers outside the database (the webhook dispatcher), told after each commit that adds deliveries. */
  const deliveryListeners = new Set<() => void>();
  let deliveriesAdded = false;

  function emit(scope: string, data: Record<string, number>): void {
    const createdAt = Math.floor(Date.now() / 1000);
    // Part A 7: the hash covers scope, data and created_at, so every retry of one event carries the same hash.
    const hash = createHash('sha1')
      .update(JSON.stringify({ scope, data, created_at: createdAt }))
      .digest('hex');
    const eventId = Number(insertEvent.run(scope, JSON.stringify(data), createdAt, hash).lastInsertRowid);
    // Read once per transaction: a 2,000-item adjustment emits thousands of events against the same hooks.
    hooksInTransaction ??= activeHooks.all();
    for (const hook of hooksInTransaction) {
      if (scopeMatches(hook.scope, scope)) {
        insertDelivery.run(eventId, hook.id, Date.now());
        deliveriesAdded = true;
      }
    }
  }

  /** Runs `fn` in one IMMEDIATE transaction and tells the dispatcher about new deliveries after commit. */
  function transact<T>(fn: () => T): T {
    hooksInTransaction = null;
    let result: T;
    try {
      result = db.transaction(fn).immediate();
    } catch (error) {
      deliveriesAdded = false;
      throw error;
    }
    if (deliveriesAdded) {
      deliveriesAdded = false;
      for (const listener of deliveryListeners) listener();
    }
    return result;
  }

  function eventData(key: ItemKey, locationId: number): Record<string, number> {
    return key.variantId === 0
      ? { product_id: key.productId, location_id: locationId }
      : { product_id: key.productId, variant_id: key.variantId, location_id: locationId };
  }

  function applyLevels(row: StockRow, next: StockLevels): void {
    const key = { productId: row.product_id, variantId: row.variant_id };
    updateLevels.run({ ...key, locationId: row.location_id, ...next });
    if (row.on_hand === next.onHand && row.qty_backordered === next.qtyBackordered) return;
    const data = eventData(key, row.location_id);
    emit(INVENTORY_SCOPES.stockChanged, data);
    const limit = row.backorder_limit;
    if (limit !== null && limit > 0 && row.qty_backordered < limit && next.qtyBackordered >= limit) {
      emit(INVENTORY_SCOPES.backorderLimitReached, data);
    }
  }

  return {
    db,
    /** A prepared statement, prepared once per database and reused (routes run the same SQL for every item). */
    prepare<Params extends unknown[] = unknown[], Row = unknown>(
      sql: string,
    ): Database.Statement<Params, Row> {
      let statement = statements.get(sql);
      if (statement === undefined) {
        statement = db.prepare(sql);
        statements.set(sql, statement);
      }
      return statement as unknown as Database.Statement<Params, Row>;
    },
    /** The row as the next write will see it: committed values overlaid with writes still waiting to apply. */
    projectedStock(key: ItemKey, locationId: number): StockRow | undefined {
      const row = stockByKey.get(key.productId, key.variantId, locationId);
      if (row === undefined) return undefined;
      const pending = latestPending.get(key.productId, key.variantId, locationId);
      return pending === undefined ? row : { ...row, ...pending };
    },
    /** Sets on-hand and backordered figures; must run inside a transaction. */
    writeLevels(row: StockRow, next: StockLevels): void {
      if (applyDelayMs <= 0) {
        applyLevels(stockByKey.get(row.product_id, row.variant_id, row.location_id) ?? row, next);
        return;
      }
      insertPending.run({
        applyAt: Date.now() + applyDelayMs,
        productId: row.product_id,
        variantId: row.variant_id,
        locationId: row.location_id,
        ...next,
      });
    },
    /** Applies delayed writes that are due; returns when the next one is due, if any. */
    applyDueWrites(now: number): number | null {
      return transact(() => {
        for (const pending of duePending.all(now)) {
          const row = stockByKey.get(pending.product_id, pending.variant_id, pending.location_id);
          if (row !== undefined) {
            applyLevels(row, { onHand: pending.on_hand, qtyBackordered: pending.qty_backordered });
          }
          deletePending.run(pending.seq);
        }
        return nextPendingAt.get()?.at ?? null;
      });
    },
    emitSettingsChanged(key: ItemKey, locationId: number): void {
      emit(INVENTORY_SCOPES.settingsChanged, eventData(key, locationId));
    },
    transact,
    onDeliveriesAdded(listener: () => void): () => void {
      deliveryListeners.add(listener);
      return () => deliveryListeners.delete(listener);
    },
    close(): void {
      db.close();
    },
  };
}

/** Columns added after the first release, so that older database files open with the current schema. */
function addMissingColumns(db: Database.Database): void {
  const additions = [
    ['stock', 'backorder_message_id', 'INTEGER'],
    ['hooks', 'deactivated', 'INTEGER NOT NULL DEFAULT 0'],
  ] as const;
  for (const [table, column, type] of additions) {
    const columns = db.prepare<[], { name: string }>(`PRAGMA table_info(${table})`).all();
    if (!columns.some((info) => info.name === column))
      db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
  }
}

/**
 * Whether a hook's scope covers an event's scope: `*` stands for any channel id, and a trailing `/*` for any
 * event below that path (`store/channel/*\/inventory/*`).
 */
export function scopeMatches(hookScope: string, eventScope: string): boolean {
  const hookParts = hookScope.split('/');
  const eventParts = eventScope.split('/');
  for (let i = 0; i < hookParts.length; i += 1) {
    const part = hookParts[i];
    if (part === '*' && i === hookParts.length - 1) return eventParts.length > i;
    if (i >= eventParts.length) return false;
    if (part !== '*' && part !== eventParts[i]) return false;
  }
  return hookParts.length === eventParts.length;
}
