import type { LocationStock } from '../../upstream/bigcommerce-rest/inventory.js';
import { Reader } from '../../upstream/guards.js';
import type { Logger } from '../logger.js';
import type { ItemIdentity } from '../models.js';
import {
  EventExpiredError,
  atLimit,
  compareIds,
  countersOf,
  figuresOf,
  levelKey,
  productOfLevelKey,
  type EventBus,
  type InventoryEvent,
  type Observation,
} from './event-bus.js';
import { describeRedisError, type RedisConnection } from './redis-connection.js';

export interface RedisEventBusOptions {
  /** The gateway's Redis connections (see redis-connection.ts). */
  readonly connection: RedisConnection;
  readonly logger: Logger;
  /** Prefix of every key, so that several gateways (or tests) can share one Redis. @default 'backorder-gateway' */
  readonly prefix?: string;
  /** Approximate number of events the stream keeps for resuming (`XADD MAXLEN ~`). @default 10000 */
  readonly retention?: number;
  /**
   * Observations held in the local outbox while Redis is unreachable; past it the oldest are dropped (and logged)
   * and the reconciler's sweep restores what they carried. @default 100000
   */
  readonly maxOutbox?: number;
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

/**
 * Shares events and snapshots between replicas through Redis (a stream and a hash). Publishing never fails into
 * its caller: while Redis is unreachable, observations wait in a local outbox, in order, and are published when it
 * returns (the publishing rule makes a late or repeated observation harmless).
 */
export async function createRedisEventBus(options: RedisEventBusOptions): Promise<EventBus> {
  const { connection, logger } = options;
  const redis = connection.client;
  const reader = connection.reader;
  const prefix = options.prefix ?? 'backorder-gateway';
  const retention = options.retention ?? 10_000;
  const maxOutbox = options.maxOutbox ?? 100_000;
  const streamKey = `${prefix}:events`;
  const snapshotKey = `${prefix}:snapshots`;
  const listeners = new Set<(event: InventoryEvent) => void>();
  const outbox: Observation[] = [];
  let flushing: Promise<void> | null = null;
  let flushTimer: NodeJS.Timeout | undefined;
  let closed = false;
  /** Figures last fanned out per level: a change repeated after Redis lost its snapshots is not sent twice. */
  const delivered = new Map<string, string>();

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
          if (event === null) continue;
          const key = levelKey(event.item, event.stock.locationId);
          const figures = figuresOf(event.stock);
          if (event.kind === 'change' && delivered.get(key) === figures) continue;
          delivered.set(key, figures);
          for (const listener of listeners) listener(event);
        }
      }
    }
  })();

  async function publish(observations: readonly Observation[]): Promise<InventoryEvent[]> {
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
  }

  function hold(observations: readonly Observation[], error: unknown): void {
    if (outbox.length === 0)
      logger.warn('events held in the local outbox until Redis returns', {
        error: describeRedisError(error),
      });
    outbox.push(...observations);
    if (outbox.length > maxOutbox) {
      const dropped = outbox.splice(0, outbox.length - maxOutbox).length;
      logger.error('local event outbox full; oldest observations dropped (the next sweep restores them)', {
        dropped,
      });
    }
    scheduleFlush();
  }

  function scheduleFlush(): void {
    if (closed || flushTimer !== undefined || outbox.length === 0) return;
    flushTimer = setTimeout(() => {
      flushTimer = undefined;
      void flush();
    }, 500);
  }

  /** Publishes the outbox in order, a batch at a time, until it is empty or Redis fails again. */
  function flush(): Promise<void> {
    flushing ??= (async () => {
      while (outbox.length > 0 && !closed) {
        const batch = outbox.slice(0, 500);
        try {
          await publish(batch);
        } catch {
          break;
        }
        outbox.splice(0, batch.length);
        if (outbox.length === 0) logger.info('local event outbox published');
      }
    })().finally(() => {
      flushing = null;
      scheduleFlush();
    });
    return flushing;
  }
  const stopReady = connection.onReady(() => void flush());

  return {
    async observe(observations) {
      if (observations.length === 0) return [];
      if (outbox.length > 0) {
        hold(observations, new Error('earlier events are still waiting'));
        return [];
      }
      try {
        return await publish(observations);
      } catch (error) {
        hold(observations, error);
        return [];
      }
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
        // The id must still be in the stream: trimmed, or from before Redis lost its data, it cannot be resumed.
        if ((await redis.xrange(streamKey, after, after)).length === 0) throw new EventExpiredError(after);
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
    async watchedProducts() {
      const keys = await redis.hkeys(snapshotKey);
      return [...new Set(keys.map(productOfLevelKey))];
    },
    unpublished: () => outbox.length,
    listenerCount: () => listeners.size,
    connected: () => redis.status === 'ready' && reader.status === 'ready',
    async close() {
      stopReady();
      if (outbox.length > 0) await flush();
      closed = true;
      if (flushTimer !== undefined) clearTimeout(flushTimer);
      if (outbox.length > 0)
        logger.error('events not published before shutdown (the next sweep restores them)', {
          observations: outbox.length,
        });
      listeners.clear();
      reader.disconnect();
      await loop;
    },
  };
}
