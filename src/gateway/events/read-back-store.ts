import type { RedisConnection } from './redis-connection.js';

/** One item's read-back, waiting or failed: the webhooks that named it, merged. */
export interface PendingReadBack {
  /** `v{variantId}` or `p{productId}`. */
  readonly key: string;
  /** Locations the webhooks named. */
  readonly locations: readonly number[];
  /** Locations where the store said the backorder limit was reached. */
  readonly limitAt: readonly number[];
  /** When the latest of its webhooks arrived (ms since epoch). */
  readonly arrivedAt: number;
}

/**
 * Where waiting and failed read-backs are kept beyond this process. Guarantee: an entry recorded here stays until a
 * read that started after its latest webhook arrived has been published (`settle`), so a gateway that restarts
 * reads back what the previous process acknowledged but did not finish.
 */
export interface ReadBackStore {
  /** Whether entries survive this process (false: the in-process queue is the only record). */
  readonly durable: boolean;
  /** Merges entries into the record; rejects when it could not record them. */
  record(entries: readonly PendingReadBack[]): Promise<void>;
  /** Forgets the keys a read that started at `readAt` covered; entries whose webhooks arrived later stay. */
  settle(keys: readonly string[], readAt: number): Promise<void>;
  /** Everything recorded, for a process that starts. */
  load(): Promise<PendingReadBack[]>;
}

/** No record outside the process: the in-process queue is kept and retried until it succeeds. */
export const memoryReadBackStore: ReadBackStore = {
  durable: false,
  record: () => Promise.resolve(),
  settle: () => Promise.resolve(),
  load: () => Promise.resolve([]),
};

const RECORD_SCRIPT = `
for i = 1, #ARGV, 2 do
  local field = ARGV[i]
  local incoming = cjson.decode(ARGV[i + 1])
  local raw = redis.call('HGET', KEYS[1], field)
  if raw then
    local current = cjson.decode(raw)
    for _, name in ipairs({'l', 'm'}) do
      local seen = {}
      local merged = {}
      for _, value in ipairs(current[name] or {}) do seen[value] = true; table.insert(merged, value) end
      for _, value in ipairs(incoming[name] or {}) do
        if not seen[value] then seen[value] = true; table.insert(merged, value) end
      end
      incoming[name] = merged
    end
    if current.t > incoming.t then incoming.t = current.t end
  end
  redis.call('HSET', KEYS[1], field, cjson.encode(incoming))
end
return 1
`;

const SETTLE_SCRIPT = `
local readAt = tonumber(ARGV[1])
for i = 2, #ARGV do
  local raw = redis.call('HGET', KEYS[1], ARGV[i])
  if raw and cjson.decode(raw).t < readAt then redis.call('HDEL', KEYS[1], ARGV[i]) end
end
return 1
`;

function numbers(value: unknown): number[] {
  return Array.isArray(value) ? value.filter((item): item is number => Number.isSafeInteger(item)) : [];
}

/** Read-backs kept in a Redis hash (`{prefix}:read-backs`), merged and settled by scripts. */
export function createRedisReadBackStore(connection: RedisConnection, prefix: string): ReadBackStore {
  const key = `${prefix}:read-backs`;
  const redis = connection.client;
  return {
    durable: true,
    async record(entries) {
      if (entries.length === 0) return;
      const args = entries.flatMap((entry) => [
        entry.key,
        JSON.stringify({ l: entry.locations, m: entry.limitAt, t: entry.arrivedAt }),
      ]);
      await redis.eval(RECORD_SCRIPT, 1, key, ...args);
    },
    async settle(keys, readAt) {
      if (keys.length === 0) return;
      await redis.eval(SETTLE_SCRIPT, 1, key, readAt, ...keys);
    },
    async load() {
      const all = await redis.hgetall(key);
      return Object.entries(all).flatMap(([field, raw]) => {
        if (!/^[vp]\d+$/.test(field)) return [];
        try {
          const parsed = JSON.parse(raw) as unknown;
          if (typeof parsed !== 'object' || parsed === null) return [];
          const record = parsed as Record<string, unknown>;
          const arrivedAt = typeof record['t'] === 'number' ? record['t'] : 0;
          return [{ key: field, locations: numbers(record['l']), limitAt: numbers(record['m']), arrivedAt }];
        } catch {
          return [];
        }
      });
    },
  };
}
