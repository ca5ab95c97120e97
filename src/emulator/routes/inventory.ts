import { randomUUID } from 'node:crypto';
import { MAX_QUANTITY, availableToSell, type ItemKey, type StockRow, type StoreDatabase } from '../db.js';
import {
  ApiError,
  isInteger,
  isRecord,
  paginationMeta,
  SqlFilter,
  readIntList,
  readPaging,
  readStringList,
  type Reply,
  type Route,
  type RouteContext,
} from '../http.js';

/** Part A 4 and Part B 3: at most this many items in one adjustment or settings request. */
export const MAX_ITEMS_PER_WRITE = 2000;
/** Inventory GETs accept `limit` up to this value (Part B 2). */
const MAX_READ_LIMIT = 1000;

interface ItemRow {
  readonly product_id: number;
  readonly variant_id: number;
  readonly identity_variant_id: number;
  readonly sku: string;
  readonly sku_id: number;
}

interface LocatedStockRow extends StockRow {
  readonly code: string;
  readonly label: string;
  readonly enabled: number;
  /** The assigned backorder message's fields; null when none is assigned. */
  readonly message_name: string | null;
  readonly message_text: string | null;
  readonly message_is_default: number | null;
  readonly message_created_at: string | null;
  readonly message_updated_at: string | null;
}

/**
 * `backorder_message` is present only when a message is assigned to the item at that location (inventory.v3.yml,
 * branch back-288: "only present when a custom backorder message is assigned"), so items without one answer with
 * exactly the guide's keys.
 */
function settingsOf(row: LocatedStockRow) {
  return {
    safety_stock: row.safety_stock,
    is_in_stock: row.is_in_stock === 1,
    warning_level: row.warning_level,
    bin_picking_number: row.bin_picking_number,
    backorder_limit: row.backorder_limit,
    ...(row.backorder_message_id === null || row.message_name === null
      ? {}
      : {
          backorder_message: {
            id: row.backorder_message_id,
            name: row.message_name,
            message: row.message_text ?? '',
            is_default: row.message_is_default === 1,
            created_at: row.message_created_at ?? '',
            updated_at: row.message_updated_at ?? '',
          },
        }),
  };
}

function itemKeyOf(row: { product_id: number; variant_id: number }): string {
  return `${row.product_id}:${row.variant_id}`;
}

/** Selects a page of items matching the identity filters of the inventory GETs. */
function pageItems(
  store: StoreDatabase,
  query: URLSearchParams,
): { items: ItemRow[]; total: number; page: number; limit: number } {
  const { page, limit } = readPaging(query, MAX_READ_LIMIT);
  const filter = new SqlFilter()
    .in('sku', readStringList(query, 'sku:in'))
    .in('identity_variant_id', readIntList(query, 'variant_id:in'))
    .in('product_id', readIntList(query, 'product_id:in'));
  const { where: clause, args } = filter;
  const total =
    store.db.prepare<unknown[], { n: number }>(`SELECT COUNT(*) AS n FROM items ${clause}`).get(...args)?.n ??
    0;
  const items = store.db
    .prepare<unknown[], ItemRow>(
      `SELECT * FROM items ${clause} ORDER BY product_id, variant_id LIMIT ? OFFSET ?`,
    )
    .all(...args, limit, (page - 1) * limit);
  return { items, total, page, limit };
}

function stockFor(
  store: StoreDatabase,
  items: readonly ItemRow[],
  locationClause: string,
  locationArgs: unknown[],
): Map<string, LocatedStockRow[]> {
  const byItem = new Map<string, LocatedStockRow[]>();
  if (items.length === 0) return byItem;
  const rows = store.db
    .prepare<unknown[], LocatedStockRow>(
      `SELECT s.*, l.code, l.label, l.enabled, m.name AS message_name, m.message AS message_text,
         m.is_default AS message_is_default, m.created_at AS message_created_at, m.updated_at AS message_updated_at
       FROM stock s JOIN locations l ON l.id = s.location_id LEFT JOIN backorder_messages m ON m.id = s.backorder_message_id
       WHERE (s.product_id, s.variant_id) IN (VALUES ${items.map(() => '(?, ?)').join(', ')}) ${locationClause}
       ORDER BY s.location_id`,
    )
    .all(...items.flatMap((item) => [item.product_id, item.variant_id]), ...locationArgs);
  for (const row of rows) {
    const key = itemKeyOf(row);
    const list = byItem.get(key) ?? [];
    list.push(row);
    byItem.set(key, list);
  }
  return byItem;
}

function listItems({ store, query }: RouteContext): Reply {
  const locations = new SqlFilter()
    .in('s.location_id', readIntList(query, 'location_id:in'))
    .in('l.code', readStringList(query, 'location_code:in'));
  const { items, total, page, limit } = pageItems(store, query);
  const stock = stockFor(store, items, locations.and, locations.args);
  const data = items.map((item) => ({
    identity: {
      sku: item.sku,
      variant_id: item.identity_variant_id,
      product_id: item.product_id,
      sku_id: item.sku_id,
    },
    locations: (stock.get(itemKeyOf(item)) ?? []).map((row) => ({
      location_id: row.location_id,
      location_code: row.code,
      location_name: row.label,
      available_to_sell: availableToSell(row),
      total_inventory_onhand: row.on_hand ?? 0,
      location_enabled: row.enabled === 1,
      qty_backordered: row.qty_backordered,
      settings: settingsOf(row),
    })),
  }));
  return { status: 200, body: { data, meta: paginationMeta(total, data.length, page, limit) } };
}

function requireLocation(store: StoreDatabase, text: string | undefined): number {
  const id = Number(text);
  const found = store.prepare<[number], { id: number }>('SELECT id FROM locations WHERE id = ?').get(id);
  if (found === undefined) throw new ApiError(404, `Location with id [${text ?? ''}] not found`);
  return id;
}

function listLocationItems({ store, query, params }: RouteContext): Reply {
  const locationId = requireLocation(store, params[0]);
  const { items, total, page, limit } = pageItems(store, query);
  const stock = stockFor(store, items, ' AND s.location_id = ?', [locationId]);
  const data = items.flatMap((item) =>
    (stock.get(itemKeyOf(item)) ?? []).map((row) => ({
      identity: { sku: item.sku, variant_id: item.identity_variant_id, product_id: item.product_id },
      available_to_sell: availableToSell(row),
      total_inventory_onhand: row.on_hand ?? 0,
      qty_backordered: row.qty_backordered,
      settings: settingsOf(row),
    })),
  );
  return { status: 200, body: { data, meta: paginationMeta(total, data.length, page, limit) } };
}

type Identity = { variant_id?: unknown; sku?: unknown; product_id?: unknown };

interface ResolvedItem {
  readonly key: ItemKey;
  /** How error titles name the item, e.g. `variant_id 74`. */
  readonly label: string;
}

/**
 * Resolves an item identity to the inventory item it names, enforcing the tracking mode (Part B 3). Returns a
 * message naming the problem when it cannot.
 */
export function resolveIdentity(store: StoreDatabase, identity: Identity): ResolvedItem | string {
  const variantLookup = store.prepare<[unknown], { id: number; product_id: number; tracking: string }>(
    'SELECT v.id, v.product_id, p.tracking FROM variants v JOIN products p ON p.id = v.product_id WHERE v.id = ?',
  );
  const skuLookup = store.prepare<[unknown], { id: number; product_id: number; tracking: string }>(
    'SELECT v.id, v.product_id, p.tracking FROM variants v JOIN products p ON p.id = v.product_id WHERE v.sku = ?',
  );
  let variant: { id: number; product_id: number; tracking: string } | undefined;
  let label = '';
  if (identity.variant_id !== undefined) {
    if (!isInteger(identity.variant_id)) return 'variant_id must be an integer';
    variant = variantLookup.get(identity.variant_id);
    label = `variant_id ${identity.variant_id}`;
    if (variant === undefined) return `Variant with id ${identity.variant_id} does not exist`;
  }
  if (identity.sku !== undefined) {
    if (typeof identity.sku !== 'string') return 'sku must be a string';
    const bySku = skuLookup.get(identity.sku);
    if (bySku === undefined) return `Variant with sku "${identity.sku}" does not exist`;
    if (variant !== undefined && variant.id !== bySku.id) {
      return `sku "${identity.sku}" and variant_id ${variant.id} name different variants`;
    }
    variant = bySku;
    label ||= `sku ${identity.sku}`;
  }
  if (identity.product_id !== undefined && !isInteger(identity.product_id))
    return 'product_id must be an integer';
  if (variant !== undefined) {
    if (identity.product_id !== undefined && identity.product_id !== variant.product_id) {
      return `${label} belongs to product ${variant.product_id}, not product ${String(identity.product_id)}`;
    }
    if (variant.tracking === 'product') {
      return `Item with ${label} is tracked by product, please update stock by product id`;
    }
    if (variant.tracking === 'none') return `Item with ${label} has inventory tracking disabled`;
    return { key: { productId: variant.product_id, variantId: variant.id }, label };
  }
  if (identity.product_id === undefined) return 'identity must name a variant_id, sku or product_id';
  const product = store
    .prepare<[number], { tracking: string }>('SELECT tracking FROM products WHERE id = ?')
    .get(identity.product_id);
  label = `product_id ${identity.product_id}`;
  if (product === undefined) return `Product with id ${identity.product_id} does not exist`;
  if (product.tracking === 'variant') {
    return `Item with ${label} is tracked by variant, please update stock by variant id or sku`;
  }
  if (product.tracking === 'none') return `Item with ${label} has inventory tracking disabled`;
  return { key: { productId: identity.product_id, variantId: 0 }, label };
}

function readItems(body: unknown, field: 'items' | 'settings'): unknown[] {
  if (!isRecord(body))
    throw new ApiError(422, 'JSON data is missing or invalid', {
      [field]: 'request body must be a JSON object',
    });
  const items = body[field];
  if (!Array.isArray(items))
    throw new ApiError(422, 'JSON data is missing or invalid', { [field]: `${field} must be an array` });
  if (items.length === 0)
    throw new ApiError(422, 'Payload contains invalid fields', { [field]: `${field} must not be empty` });
  if (items.length > MAX_ITEMS_PER_WRITE) {
    throw new ApiError(422, 'Payload contains invalid fields', {
      [field]: `at most ${MAX_ITEMS_PER_WRITE} entries per request, got ${items.length}`,
    });
  }
  return items;
}

type AdjustmentMode = 'absolute' | 'relative';

/** Part A 4: validates the whole request against current state, then applies every item or none. */
function adjust(mode: AdjustmentMode, { store, body }: RouteContext): Reply {
  const items = readItems(body, 'items');
  if (isRecord(body) && body['reason'] !== undefined && typeof body['reason'] !== 'string') {
    throw new ApiError(422, 'Payload contains invalid fields', { reason: 'reason must be a string' });
  }
  return store.transact(() => {
    const errors: Record<string, string> = {};
    const trackingErrors: string[] = [];
    const needsAbsolute: string[] = [];
    const next = new Map<string, { row: StockRow; onHand: number | null; qtyBackordered: number }>();
    const locationExists = store.prepare<[number], { id: number }>('SELECT id FROM locations WHERE id = ?');
    items.forEach((item, index) => {
      const path = `items.${index}`;
      if (!isRecord(item)) {
        errors[path] = 'must be an object';
        return;
      }
      const locationId = item['location_id'];
      if (!isInteger(locationId) || locationId < 1) {
        errors[`${path}.location_id`] = 'location_id is required and must be a positive integer';
        return;
      }
      if (locationExists.get(locationId) === undefined) {
        errors[`${path}.location_id`] = `Location with id ${locationId} does not exist`;
        return;
      }
      const named = (['variant_id', 'sku', 'product_id'] as const).filter((name) => item[name] !== undefined);
      if (named.length !== 1) {
        errors[path] =
          `must name exactly one of variant_id, sku, product_id (got ${named.length === 0 ? 'none' : named.join(', ')})`;
        return;
      }
      const quantity = item['quantity'];
      const backordered = item['qty_backordered'];
      if (quantity === undefined && backordered === undefined) {
        errors[path] = 'must set quantity, qty_backordered or both';
        return;
      }
      for (const [name, value] of [
        ['quantity', quantity],
        ['qty_backordered', backordered],
      ] as const) {
        if (value === undefined) continue;
        if (!isInteger(value)) errors[`${path}.${name}`] = `${name} must be an integer`;
        else if (mode === 'absolute' && (value < 0 || value > MAX_QUANTITY)) {
          errors[`${path}.${name}`] = `${name} must be between 0 and ${MAX_QUANTITY}, got ${value}`;
        } else if (Math.abs(value) > MAX_QUANTITY) {
          errors[`${path}.${name}`] =
            `${name} must be between -${MAX_QUANTITY} and ${MAX_QUANTITY}, got ${value}`;
        }
      }
      if (errors[`${path}.quantity`] !== undefined || errors[`${path}.qty_backordered`] !== undefined) return;
      const resolved = resolveIdentity(store, item);
      if (typeof resolved === 'string') {
        errors[`${path}.${named[0] ?? 'identity'}`] = resolved;
        if (resolved.includes('is tracked by')) trackingErrors.push(resolved);
        return;
      }
      const mapKey = `${resolved.key.productId}:${resolved.key.variantId}:${locationId}`;
      const current = next.get(mapKey);
      const row = current?.row ?? store.projectedStock(resolved.key, locationId);
      if (row === undefined) {
        errors[path] = `${resolved.label} has no inventory at location ${locationId}`;
        return;
      }
      const onHand = current?.onHand ?? row.on_hand;
      const qtyBackordered = current?.qtyBackordered ?? row.qty_backordered;
      if (mode === 'absolute') {
        next.set(mapKey, {
          row,
          onHand: isInteger(quantity) ? quantity : onHand,
          qtyBackordered: isInteger(backordered) ? backordered : qtyBackordered,
        });
        return;
      }
      if (onHand === null) {
        errors[path] =
          `Item with identity ${resolved.label} at location ${locationId} requires absolute adjustment before relative`;
        needsAbsolute.push(resolved.label);
        return;
      }
      const nextOnHand = onHand + (isInteger(quantity) ? quantity : 0);
      const nextBackordered = qtyBackordered + (isInteger(backordered) ? backordered : 0);
      if (nextOnHand < 0 || nextOnHand > MAX_QUANTITY) {
        errors[`${path}.quantity`] =
          `would leave ${nextOnHand} on hand; on hand must stay between 0 and ${MAX_QUANTITY}`;
      } else if (isInteger(quantity) && quantity < 0 && nextOnHand < row.safety_stock) {
        errors[`${path}.quantity`] =
          `would drop on hand to ${nextOnHand}, below the safety stock of ${row.safety_stock}`;
      }
      if (nextBackordered < 0 || nextBackordered > MAX_QUANTITY) {
        errors[`${path}.qty_backordered`] =
          `would leave qty_backordered at ${nextBackordered}; it must stay between 0 and ${MAX_QUANTITY}`;
      }
      next.set(mapKey, { row, onHand: nextOnHand, qtyBackordered: nextBackordered });
    });
    if (Object.keys(errors).length > 0) {
      let title = 'Payload contains invalid fields';
      if (trackingErrors.length > 0) title = `[${trackingErrors.join(', ')}]`;
      else if (needsAbsolute.length > 0) {
        title = `Items with identity: [${needsAbsolute.join(', ')}] requires absolute adjustment before relative`;
      }
      throw new ApiError(422, title, errors);
    }
    for (const change of next.values()) {
      store.writeLevels(change.row, { onHand: change.onHand, qtyBackordered: change.qtyBackordered });
    }
    return { status: 200, body: { transaction_id: randomUUID() } };
  });
}

const SETTING_FIELDS = [
  'safety_stock',
  'is_in_stock',
  'warning_level',
  'bin_picking_number',
  'backorder_limit',
  'backorder_message_id',
] as const;

function validSetting(name: (typeof SETTING_FIELDS)[number], value: unknown): string | undefined {
  switch (name) {
    case 'safety_stock':
    case 'warning_level':
      return isInteger(value) && value >= 0 && value <= MAX_QUANTITY
        ? undefined
        : `${name} must be an integer from 0 to ${MAX_QUANTITY}`;
    case 'is_in_stock':
      return typeof value === 'boolean' ? undefined : 'is_in_stock must be a boolean';
    case 'bin_picking_number':
      return typeof value === 'string' && value.length <= 255
        ? undefined
        : 'bin_picking_number must be a string of at most 255 characters';
    case 'backorder_limit':
      return value === null || (isInteger(value) && value >= 0 && value <= MAX_QUANTITY)
        ? undefined
        : `backorder_limit must be null (unlimited) or an integer from 0 to ${MAX_QUANTITY}`;
    case 'backorder_message_id':
      return value === null || (isInteger(value) && value > 0)
        ? undefined
        : 'backorder_message_id must be null (the default message) or the id of a backorder message';
  }
}

/** Part A 5: changes only the fields sent; all entries or none. */
function updateSettings({ store, body, params }: RouteContext): Reply {
  const locationId = requireLocation(store, params[0]);
  const entries = readItems(body, 'settings');
  return store.transact(() => {
    const errors: Record<string, string> = {};
    const updates: { key: ItemKey; fields: Record<string, unknown> }[] = [];
    const messageExists = store.prepare<[unknown], { id: number }>(
      'SELECT id FROM backorder_messages WHERE id = ?',
    );
    entries.forEach((entry, index) => {
      const path = `settings.${index}`;
      if (!isRecord(entry)) {
        errors[path] = 'must be an object';
        return;
      }
      const identity = entry['identity'];
      if (!isRecord(identity)) {
        errors[`${path}.identity`] = 'identity is required: an object with variant_id, sku or product_id';
        return;
      }
      const resolved = resolveIdentity(store, identity);
      if (typeof resolved === 'string') {
        errors[`${path}.identity`] = resolved;
        return;
      }
      const fields: Record<string, unknown> = {};
      for (const name of SETTING_FIELDS) {
        if (!(name in entry)) continue;
        const value = entry[name];
        const problem =
          validSetting(name, value) ??
          (name === 'backorder_message_id' && value !== null && !messageExists.get(value)
            ? `Backorder message with id ${JSON.stringify(value)} does not exist`
            : undefined);
        if (problem !== undefined) errors[`${path}.${name}`] = problem;
        else fields[name] = value;
      }
      if (
        Object.keys(fields).length === 0 &&
        Object.keys(errors).every((key) => !key.startsWith(`${path}.`))
      ) {
        errors[`setting.${index}.settings`] =
          'At least one setting must be specified: warning_level, is_in_stock, safety_stock, bin_picking_number, backorder_limit or backorder_message_id';
        return;
      }
      updates.push({ key: resolved.key, fields });
    });
    if (Object.keys(errors).length > 0) throw new ApiError(422, 'Payload contains invalid fields', errors);
    for (const { key, fields } of updates) {
      const before = store
        .prepare<[number, number, number], StockRow>(
          'SELECT * FROM stock WHERE product_id = ? AND variant_id = ? AND location_id = ?',
        )
        .get(key.productId, key.variantId, locationId);
      if (before === undefined) continue;
      const columns = Object.keys(fields);
      const values = columns.map((name) =>
        typeof fields[name] === 'boolean' ? (fields[name] ? 1 : 0) : fields[name],
      );
      const changed = columns.some(
        (name, i) => (before as unknown as Record<string, unknown>)[name] !== values[i],
      );
      if (!changed) continue;
      // At most 2^6 column sets, so the statement cache stays small.
      store
        .prepare(
          `UPDATE stock SET ${columns.map((name) => `${name} = ?`).join(', ')} WHERE product_id = ? AND variant_id = ? AND location_id = ?`,
        )
        .run(...values, key.productId, key.variantId, locationId);
      store.emitSettingsChanged(key, locationId);
    }
    return { status: 200, body: { transaction_id: randomUUID() } };
  });
}

interface LocationRow {
  readonly id: number;
  readonly code: string;
  readonly label: string;
  readonly enabled: number;
  readonly type_id: string;
  readonly is_default: number;
  readonly created_at: string;
  readonly updated_at: string;
}

function listLocations({ store, query }: RouteContext): Reply {
  const { page, limit } = readPaging(query, MAX_READ_LIMIT);
  const filter = new SqlFilter()
    .in('id', readIntList(query, 'location_id:in'))
    .in('code', readStringList(query, 'location_code:in'));
  for (const [param, column] of [
    ['is_default', 'is_default'],
    ['is_active', 'enabled'],
  ] as const) {
    const value = query.get(param);
    if (value === null) continue;
    if (value !== 'true' && value !== 'false')
      throw new ApiError(422, `${param} must be true or false`, { [param]: `"${value}" is not a boolean` });
    filter.add(`${column} = ?`, value === 'true' ? 1 : 0);
  }
  const { where: clause, args } = filter;
  const total =
    store.db.prepare<unknown[], { n: number }>(`SELECT COUNT(*) AS n FROM locations ${clause}`).get(...args)
      ?.n ?? 0;
  const rows = store.db
    .prepare<unknown[], LocationRow>(`SELECT * FROM locations ${clause} ORDER BY id LIMIT ? OFFSET ?`)
    .all(...args, limit, (page - 1) * limit);
  const closed = { open: false, opening: '00:00', closing: '00:00' };
  const data = rows.map((row) => ({
    id: row.id,
    code: row.code,
    label: row.label,
    description: '',
    managed_by_external_source: false,
    type_id: row.type_id,
    enabled: row.enabled === 1,
    operating_hours: Object.fromEntries(
      ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'].map((day) => [
        day,
        closed,
      ]),
    ),
    time_zone: 'Etc/UTC',
    created_at: row.created_at,
    updated_at: row.updated_at,
    address: {
      address1: '',
      address2: '',
      city: '',
      state: '',
      zip: '',
      email: 'store@example.com',
      phone: '',
      geo_coordinates: { latitude: 0, longitude: 0 },
      country_code: 'US',
    },
    storefront_visibility: true,
    special_hours: [],
  }));
  return { status: 200, body: { data, meta: paginationMeta(total, data.length, page, limit) } };
}

export const inventoryRoutes: readonly Route[] = [
  { method: 'GET', pattern: /^\/v3\/inventory\/items$/, style: 'v3', handle: listItems },
  { method: 'GET', pattern: /^\/v3\/inventory\/locations$/, style: 'v3', handle: listLocations },
  {
    method: 'GET',
    pattern: /^\/v3\/inventory\/locations\/([^/]+)\/items$/,
    style: 'v3',
    handle: listLocationItems,
  },
  {
    method: 'PUT',
    pattern: /^\/v3\/inventory\/locations\/([^/]+)\/items$/,
    style: 'v3',
    handle: updateSettings,
  },
  {
    method: 'PUT',
    pattern: /^\/v3\/inventory\/adjustments\/absolute$/,
    style: 'v3',
    handle: (c) => adjust('absolute', c),
  },
  {
    method: 'POST',
    pattern: /^\/v3\/inventory\/adjustments\/relative$/,
    style: 'v3',
    handle: (c) => adjust('relative', c),
  },
];
