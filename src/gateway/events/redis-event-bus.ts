import { Redis } from 'ioredis';
import type { LocationStock } from '../../upstream/bigcommerce-rest/inventory.js';
import { Reader } from '../../upstream/guards.js';
import type { ItemIdentity } from '../models.js';
import {
  EventExpiredError,
  atLimit,
  compareIds,
  countersOf,
  figuresOf,
  levelKey,
  type EventBus,
  type InventoryEvent,
} from './event-bus.js';

export interface RedisEventBusOptions {
  /** `redis://host:port/db`. */
  readonly url: string;
  /** Prefix of every key, so that several gateways (or tests) can share one Redis. @default 'backorder-gateway' */
  readonly prefix?: string;
  /** Approximate number of events the stream keeps for resuming (`XADD MAXLEN ~`). @default 10000 */
  readonly retention?: number;
  /** How long a webhook hash is remembered: BigCommerce retries for about 48 hours. @default 172800 */
  readonly dedupeSeconds?: number;
}

/**
 * The publishing rule of `decide()` (event-bus.ts), run inside Redis so that replicas observing the same item at
 * once cannot publish an older read after a newer one. Snapshots live in a hash; events go to a stream.
 */
const OBSERVE_SCRIPT = `
local out = {}
local retention = ARGV[1]
local count = (#ARGV - 1) / 10
for i = 0, count - 1 do
  local b = 1 + i * 10
  local field, readAt, figures, counters = ARGV[b + 1], tonumber(ARGV[b + 2]), ARGV[b + 3], ARGV[b + 4]
  local qty, reached, signalled, baseline, payload = tonumber(ARGV[b + 5]), ARGV[b + 6] == '1', ARGV[b + 7] == '1', ARGV[b + 8] == '1', ARGV[b + 9]
  local unsolicited = ARGV[b + 10] == '1'
  local raw = redis.call('HGET', KEYS[1], field)
  local snap = nil
  if raw then snap = cjson.decode(raw) end
  if unsolicited and not snap then baseline = true end
  if not (snap and snap.readAt > readAt) then
    local previous = -1
    if snap then previous = snap.limitQty end
    local limitQty = -1
    if reached then limitQty = previous end
    local kinds = {}
    if baseline then
      if reached and limitQty == -1 then limitQty = qty end
    else
      if (not snap) or snap.figures ~= figures then table.insert(kinds, 'change') end
      local announce
      if signalled then announce = (not snap) or previous ~= qty else announce = reached and ((not snap) or previous == -1) end
      if announce then
        table.insert(kinds, 'limit')
        limitQty = qty
      end
    end
    local changed = '0'
    if (not snap) or snap.counters ~= counters then changed = '1' end
    redis.call('HSET', KEYS[1], field, cjson.encode({ readAt = readAt, figures = figures, counters = counters, limitQty = limitQty }))
    for _, kind in ipairs(kinds) do
      local id = redis.call('XADD', KEYS[2], 'MAXLEN', '~', retention, '*', 'k', kind, 'c', changed, 'p', payload)
      table.insert(out, id)
    end
  end
end
return out
`;

/**
 * Reads an event payload from the stream. Entries cross process boundaries (another replica, maybe another
 * version), so they are narrowed like any upstream payload; an entry that does not fit is skipped.
 */
function readPayload(text: string): { item: ItemIdentity; stock: LocationStock; readAt: number } | null {
  const reader = new Reader('Redis event');
  try {
    const root = reader.record(JSON.parse(text));
    const item = reader.field(root, 'item', (r, v) => r.record(v));
    const stock = reader.field(root, 'stock', (r, v) => r.record(v));
    const settings = reader.at('stock').field(stock, 'settings', (r, v) => r.record(v));
    const s = reader.at('stock');
    const t = s.at('settings');
    return {
      item: {
        sku: reader.at('item').field(item, 'sku', (r, v) => r.string(v)),
        variantId: reader.at('item').field(item, 'variantId', (r, v) => r.int(v)),
        productId: reader.at('item').field(item, 'productId', (r, v) => r.int(v)),
      },
      stock: {
        locationId: s.field(stock, 'locationId', (r, v) => r.int(v)),
        locationCode: s.field(stock, 'locationCode', (r, v) => r.string(v)),
        locationName: s.field(stock, 'locationName', (r, v) => r.string(v)),
        locationEnabled: s.field(stock, 'locationEnabled', (r, v) => r.boolean(v)),
        availableToSell: s.field(stock, 'availableToSell', (r, v) => r.int(v)),
        onHand: s.field(stock, 'onHand', (r, v) => r.int(v)),
        qtyBackordered: s.field(stock, 'qtyBackordered', (r, v) => r.int(v)),
        settings: {
          safetyStock: t.field(settings, 'safetyStock', (r, v) => r.int(v)),
          isInStock: t.field(settings, 'isInStock', (r, v) => r.boolean(v)),
          warningLevel: t.field(settings, 'warningLevel', (r, v) => r.int(v)),
          binPickingNumber: t.field(settings, 'binPickingNumber', (r, v) => r.string(v)),
          backorderLimit: t.field(settings, 'backorderLimit', (r, v) => r.nullableInt(v)),
        },
      },
      readAt: reader.field(root, 'readAt', (r, v) => r.int(v)),
    };
  } catch {
    return null;
  }
}

function parseEntry(id: string, fields: readonly string[]): InventoryEvent | null {
  const values = new Map<string, string>();
  for (let i = 0; i + 1 < fields.length; i += 2) values.set(fields[i] ?? '', fields[i + 1] ?? '');
  const kind = values.get('k');
  const payload = values.get('p');
  if ((kind !== 'change' && kind !== 'limit') || payload === undefined) return null;
  const parsed = readPayload(payload);
  if (parsed === null) return null;
  return {
    id,
    kind,
    countersChanged: values.get('c') === '1',
    item: parsed.item,
    stock: parsed.stock,
    readAt: parsed.readAt,
  };
}

/** Shares events, deduplication and snapshots between replicas through Redis (a stream, a hash, keys with TTL). */
export async function createRedisEventBus(options: RedisEventBusOptions): Promise<EventBus> {
  const prefix = options.prefix ?? 'backorder-gateway';
  const retention = options.retention ?? 10_000;
  const dedupeSeconds = options.dedupeSeconds ?? 172_800;
  const streamKey = `${prefix}:events`;
  const snapshotKey = `${prefix}:snapshots`;
  const redis = new Redis(options.url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  const reader = new Redis(options.url, { lazyConnect: true, maxRetriesPerRequest: null });
  await Promise.all([redis.connect(), reader.connect()]);
  const listeners = new Set<(event: InventoryEvent) => void>();
  let closed = false;

  const last = (await redis.xrevrange(streamKey, '+', '-', 'COUNT', 1))[0];
  let cursor = last?.[0] ?? '0-0';

  // One blocking reader per process fans the stream out to local listeners, in stream order.
  const loop = (async () => {
    while (!closed) {
      let batch: [string, [string, string[]][]][] | null;
      try {
        batch = await reader.xread('COUNT', 1000, 'BLOCK', 1000, 'STREAMS', streamKey, cursor);
      } catch {
        // A lost connection is retried by ioredis; wait a little instead of spinning.
        if (closed) return;
        await new Promise((resolve) => setTimeout(resolve, 200));
        continue;
      }
      for (const [, entries] of batch ?? []) {
        for (const [id, fields] of entries) {
          cursor = id;
          const event = parseEntry(id, fields);
          if (event !== null) for (const listener of listeners) listener(event);
        }
      }
    }
  })();

  return {
    async observe(observations) {
      if (observations.length === 0) return [];
      const args: (string | number)[] = [retention];
      for (const observation of observations) {
        const { stock } = observation;
        args.push(
          levelKey(observation.item, stock.locationId),
          observation.readAt,
          figuresOf(stock),
          countersOf(stock),
          stock.qtyBackordered,
          atLimit(stock) ? '1' : '0',
          observation.limitReached === true ? '1' : '0',
          observation.baselineOnly === true ? '1' : '0',
          JSON.stringify({ item: observation.item, stock, readAt: observation.readAt }),
          observation.unsolicited === true ? '1' : '0',
        );
      }
      const ids = (await redis.eval(OBSERVE_SCRIPT, 2, snapshotKey, streamKey, ...args)) as string[];
      if (ids.length === 0) return [];
      const entries = await Promise.all(ids.map((id) => redis.xrange(streamKey, id, id)));
      return entries.flatMap((found) => found.flatMap(([id, fields]) => parseEntry(id, fields) ?? []));
    },
    async subscribe(listener, after) {
      if (after === undefined) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      }
      // Listen first and hold live events, then replay from the stream, then release what was held: nothing is
      // missed in between and nothing is delivered twice.
      const held: InventoryEvent[] = [];
      let replaying = true;
      let lastDelivered = after;
      const deliver = (event: InventoryEvent) => {
        if (compareIds(event.id, lastDelivered) <= 0) return;
        lastDelivered = event.id;
        listener(event);
      };
      const wrapped = (event: InventoryEvent) => (replaying ? held.push(event) : deliver(event));
      listeners.add(wrapped);
      try {
        const info = (await redis.call('XINFO', 'STREAM', streamKey).catch(() => null)) as unknown[] | null;
        const deletedIndex = info?.indexOf('max-deleted-entry-id') ?? -1;
        const maxDeleted = deletedIndex >= 0 ? String(info?.[deletedIndex + 1]) : '0-0';
        if (compareIds(after, maxDeleted) < 0) throw new EventExpiredError(after);
        for (let start = `(${after}`; ;) {
          const page = await redis.xrange(streamKey, start, '+', 'COUNT', 1000);
          for (const [id, fields] of page) {
            const event = parseEntry(id, fields);
            if (event !== null) deliver(event);
          }
          const tail = page.at(-1);
          if (page.length < 1000 || tail === undefined) break;
          start = `(${tail[0]}`;
        }
      } catch (error) {
        listeners.delete(wrapped);
        throw error;
      }
      replaying = false;
      for (const event of held.splice(0)) deliver(event);
      return () => listeners.delete(wrapped);
    },
    async firstSighting(hash) {
      return (await redis.set(`${prefix}:seen:${hash}`, '1', 'EX', dedupeSeconds, 'NX')) === 'OK';
    },
    listenerCount: () => listeners.size,
    connected: () => redis.status === 'ready' && reader.status === 'ready',
    async close() {
      closed = true;
      listeners.clear();
      reader.disconnect();
      await loop;
      await redis.quit();
    },
  };
}
