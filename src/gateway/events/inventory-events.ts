import { readInventoryItems } from '../loaders.js';
import type { Logger } from '../logger.js';
import type { InventoryLevelModel } from '../models.js';
import type { Transport } from '../../upstream/transport.js';
import type { EventBus, Observation } from './event-bus.js';
import { memoryReadBackStore, type PendingReadBack, type ReadBackStore } from './read-back-store.js';

/** The inventory webhook scopes the gateway registers and handles (channel `*`). */
export const HANDLED_SCOPES = {
  stockChanged: 'store/channel/*/inventory/product/stock_changed',
  backorderLimitReached: 'store/channel/*/inventory/product/backorder_limit_reached',
  settingsChanged: 'store/channel/*/inventory/product/settings_changed',
} as const;

export type InventoryWebhookKind = 'stock_changed' | 'backorder_limit_reached' | 'settings_changed';

/** Which handled event a scope is, whatever its channel; null for scopes the gateway does not handle. */
export function inventoryWebhookKind(scope: string): InventoryWebhookKind | null {
  const match =
    /^store\/channel\/[^/]+\/inventory\/product\/(stock_changed|backorder_limit_reached|settings_changed)$/.exec(
      scope,
    );
  return (match?.[1] as InventoryWebhookKind | undefined) ?? null;
}

export interface InventoryEventsOptions {
  readonly bus: EventBus;
  readonly transport: Transport;
  readonly logger: Logger;
  /** Where waiting and failed read-backs are recorded beyond this process. @default memoryReadBackStore */
  readonly store?: ReadBackStore;
  /** A burst of webhooks is read back once it has been quiet this long. @default 25 */
  readonly refetchWindowMs?: number | undefined;
  /**
   * The longest the first webhook of a sustained burst waits for its read: a one-second burst costs one read, and
   * an event is at most this late. @default 1000
   */
  readonly maxRefetchWaitMs?: number | undefined;
  /** First wait before a failed read-back is tried again; doubled per failure (jittered). @default 100 */
  readonly retryBaseMs?: number | undefined;
  /**
   * Longest wait between attempts of a failed read-back, which is retried until it succeeds: an item is published
   * at most this long after the store recovers (plus one read). @default 10000
   */
  readonly retryMaxMs?: number | undefined;
  /** Items waiting for a read-back at most; webhooks for further items are refused (503) until it drains. @default 100000 */
  readonly maxPending?: number | undefined;
  /** Items read back in one go; a larger backlog is read in several. @default 1000 */
  readonly maxBatch?: number | undefined;
  /** Called after each read-back of a burst, e.g. for metrics. */
  readonly onReadBack?: ((outcome: 'ok' | 'failed', items: number) => void) | undefined;
}

/** What happened to a webhook handed to `onWebhook`. */
export type WebhookOutcome =
  /** Its read-back is queued (and recorded in Redis when configured and reachable). */
  | 'recorded'
  /** Queued in this process only: Redis was configured but could not record it; recorded when it returns. */
  | 'local'
  /** The queue is full: refuse the webhook so that the store retries it later. */
  | 'full';

export interface InventoryEvents {
  /**
   * Queues a read-back of the webhook's item that starts after this call (merged with one already waiting, never
   * with one in flight) and records it.
   */
  onWebhook(
    kind: InventoryWebhookKind,
    data: { productId: number; variantId: number | null; locationId: number },
  ): Promise<WebhookOutcome>;
  /**
   * Publishes figures the gateway itself just read after a write, so subscribers see it at once. Never rejects:
   * a write the store applied is reported as applied whatever happens to publishing.
   */
  observeLevels(levels: readonly InventoryLevelModel[], readAt: number): Promise<void>;
  /** Reads back everything queued now (failed ones too) and waits for reads in flight. */
  flush(): Promise<void>;
  /** Stops the timers; what is still queued stays recorded in the store. */
  close(): void;
  /** Upstream read-backs made for webhooks so far. */
  readonly refetchCalls: () => number;
  /** Items waiting for a read-back or being read, and how many of them failed at least once. */
  pending(): { items: number; failing: number };
}

interface Target {
  /** Failed reads so far; 0 for a fresh item, read with its burst. */
  attempts: number;
  /** For a failed item, when it is tried again. */
  dueAt: number;
  /** When its latest webhook arrived. */
  arrivedAt: number;
  /** Locations the webhooks named. */
  readonly locations: Set<number>;
  /** Locations where the store said the limit was reached. */
  readonly limitAt: Set<number>;
}

/**
 * Turns thin webhooks (ids only) into events with figures. Guarantee: every webhook handed to `onWebhook` is
 * followed by a read of its item, started after the webhook arrived, whose figures are offered to the bus; many
 * webhooks of a burst share one batched read (chunked by URL length). A failed read is kept and retried with capped
 * backoff until it succeeds; with a durable store the queue survives a restart. The bus publishes only what
 * visibly changed.
 */
export function createInventoryEvents(options: InventoryEventsOptions): InventoryEvents {
  const windowMs = options.refetchWindowMs ?? 25;
  const maxWaitMs = options.maxRefetchWaitMs ?? 1000;
  const retryBaseMs = options.retryBaseMs ?? 100;
  const retryMaxMs = options.retryMaxMs ?? 10_000;
  const maxPending = options.maxPending ?? 100_000;
  const maxBatch = options.maxBatch ?? 1000;
  const store = options.store ?? memoryReadBackStore;
  const { logger } = options;
  const pending = new Map<string, Target>();
  /** Keys whose latest webhooks the store could not record yet. */
  const unrecorded = new Set<string>();
  const inFlight = new Set<Promise<void>>();
  let timer: NodeJS.Timeout | undefined;
  let settle: NodeJS.Immediate | undefined;
  let recordTimer: NodeJS.Timeout | undefined;
  /** When the current burst of fresh items is read: quiet for `windowMs`, at most `maxWaitMs` after it began. */
  let burstDue = Number.POSITIVE_INFINITY;
  let burstDeadline = Number.POSITIVE_INFINITY;
  let retryDue = Number.POSITIVE_INFINITY;
  let calls = 0;
  let inFlightItems = 0;
  let closed = false;

  function arm(): void {
    if (closed) return;
    if (timer !== undefined) clearTimeout(timer);
    if (settle !== undefined) clearImmediate(settle);
    timer = undefined;
    settle = undefined;
    const next = Math.min(burstDue, retryDue);
    if (next === Number.POSITIVE_INFINITY) return;
    timer = setTimeout(
      () => {
        timer = undefined;
        // Timers run before pending I/O: when this process was busy, webhooks that arrived meanwhile are still
        // unread. They are taken in first, so that a busy moment does not look like the end of a burst.
        settle = setImmediate(() => {
          settle = undefined;
          if (Math.min(burstDue, retryDue) > Date.now()) arm();
          else run();
        });
      },
      Math.max(0, next - Date.now()),
    );
  }

  /** Starts the read of what is due; returns how many items it covers. */
  function run(): number {
    timer = undefined;
    const now = Date.now();
    const batch = new Map<string, Target>();
    for (const [key, target] of pending) {
      if (batch.size >= maxBatch) break;
      if (target.attempts === 0 || target.dueAt <= now) batch.set(key, target);
    }
    for (const key of batch.keys()) pending.delete(key);
    burstDue = Number.POSITIVE_INFINITY;
    burstDeadline = Number.POSITIVE_INFINITY;
    recomputeRetryDue();
    // A backlog larger than one batch goes on at once.
    if ([...pending.values()].some((target) => target.attempts === 0)) burstDue = now;
    arm();
    if (batch.size === 0) return 0;
    inFlightItems += batch.size;
    const promise = readBack(batch).finally(() => {
      inFlightItems -= batch.size;
      inFlight.delete(promise);
    });
    inFlight.add(promise);
    return batch.size;
  }

  function recomputeRetryDue(): void {
    retryDue = Number.POSITIVE_INFINITY;
    for (const target of pending.values())
      if (target.attempts > 0) retryDue = Math.min(retryDue, target.dueAt);
  }

  function merge(key: string, target: Target): void {
    const existing = pending.get(key);
    if (existing === undefined) {
      pending.set(key, target);
      return;
    }
    for (const location of target.locations) existing.locations.add(location);
    for (const location of target.limitAt) existing.limitAt.add(location);
    existing.arrivedAt = Math.max(existing.arrivedAt, target.arrivedAt);
    if (existing.attempts === 0 && target.attempts > 0) {
      existing.attempts = target.attempts;
      existing.dueAt = target.dueAt;
    }
  }

  function backoff(attempts: number): number {
    const ceiling = Math.min(retryMaxMs, retryBaseMs * 2 ** Math.min(20, attempts - 1));
    return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
  }

  async function readBack(batch: Map<string, Target>): Promise<void> {
    const variantIds: number[] = [];
    const productIds: number[] = [];
    for (const key of batch.keys())
      (key.startsWith('v') ? variantIds : productIds).push(Number(key.slice(1)));
    const readAt = Date.now();
    try {
      const [byVariant, byProduct] = await Promise.all([
        readInventoryItems(options.transport, variantIds, (chunk) => ({ variantIds: chunk }), {
          onePerKey: true,
        }),
        readInventoryItems(options.transport, productIds, (chunk) => ({ productIds: chunk }), {
          onePerKey: false,
        }),
      ]);
      calls += byVariant.calls + byProduct.calls;
      const items = [...byVariant.items, ...byProduct.items];
      const observations: Observation[] = items.flatMap((item) => {
        const target = batch.get(`v${item.variantId}`) ?? batch.get(`p${item.productId}`);
        const identity = { sku: item.sku, variantId: item.variantId, productId: item.productId };
        return item.locations.map((stock) => ({
          item: identity,
          stock,
          readAt,
          limitReached: target?.limitAt.has(stock.locationId) === true,
          unsolicited: target?.locations.has(stock.locationId) !== true,
        }));
      });
      await options.bus.observe(observations);
      options.onReadBack?.('ok', batch.size);
    } catch (error) {
      options.onReadBack?.('failed', batch.size);
      // Nothing acknowledged is dropped: the items wait with capped backoff and are read again until it works.
      const now = Date.now();
      let worst = 0;
      for (const [key, target] of batch) {
        target.attempts += 1;
        target.dueAt = now + backoff(target.attempts);
        worst = Math.max(worst, target.attempts);
        merge(key, target);
      }
      recomputeRetryDue();
      arm();
      logger.warn('webhook read-back failed; retrying', {
        error: error instanceof Error ? error.message : String(error),
        items: batch.size,
        attempts: worst,
      });
      return;
    }
    const recovered = [...batch.values()].filter((target) => target.attempts > 0).length;
    if (recovered > 0) logger.info('webhook read-back succeeded after failures', { items: recovered });
    await store.settle([...batch.keys()], readAt).catch((error: unknown) => {
      // Left in the store, the items are only read once more by the next process that starts: harmless.
      logger.debug('read-back not settled in the store', { error: String(error) });
    });
  }

  function retryRecording(): void {
    if (recordTimer !== undefined || closed || unrecorded.size === 0) return;
    recordTimer = setTimeout(() => {
      recordTimer = undefined;
      const keys = [...unrecorded];
      const entries = keys.flatMap((key) => {
        const target = pending.get(key);
        return target === undefined ? [] : [entryOf(key, target)];
      });
      store.record(entries).then(
        () => {
          for (const key of keys) unrecorded.delete(key);
        },
        () => retryRecording(),
      );
    }, 500);
    recordTimer.unref();
  }

  function entryOf(key: string, target: Target): PendingReadBack {
    return {
      key,
      locations: [...target.locations],
      limitAt: [...target.limitAt],
      arrivedAt: target.arrivedAt,
    };
  }

  // Read-backs a previous process acknowledged but did not finish.
  void store.load().then(
    (entries) => {
      for (const entry of entries) {
        merge(entry.key, {
          attempts: 0,
          dueAt: 0,
          arrivedAt: entry.arrivedAt,
          locations: new Set(entry.locations),
          limitAt: new Set(entry.limitAt),
        });
      }
      if (entries.length > 0) {
        logger.info('resuming recorded read-backs', { items: entries.length });
        burstDue = Math.min(burstDue, Date.now());
        arm();
      }
    },
    (error: unknown) => logger.warn('recorded read-backs could not be loaded', { error: String(error) }),
  );

  return {
    async onWebhook(kind, data) {
      const key = data.variantId === null ? `p${data.productId}` : `v${data.variantId}`;
      const now = Date.now();
      let target = pending.get(key);
      if (target === undefined) {
        if (pending.size + inFlightItems >= maxPending) return 'full';
        target = { attempts: 0, dueAt: 0, arrivedAt: now, locations: new Set(), limitAt: new Set() };
        pending.set(key, target);
      }
      target.arrivedAt = now;
      target.locations.add(data.locationId);
      if (kind === 'backorder_limit_reached') target.limitAt.add(data.locationId);
      if (target.attempts === 0) {
        if (burstDeadline === Number.POSITIVE_INFINITY) burstDeadline = now + maxWaitMs;
        burstDue = Math.min(now + windowMs, burstDeadline);
        arm();
      }
      if (!store.durable) return 'recorded';
      try {
        await store.record([
          {
            key,
            locations: [data.locationId],
            limitAt: kind === 'backorder_limit_reached' ? [data.locationId] : [],
            arrivedAt: now,
          },
        ]);
        return 'recorded';
      } catch {
        unrecorded.add(key);
        retryRecording();
        return 'local';
      }
    },
    async observeLevels(levels, readAt) {
      try {
        await options.bus.observe(levels.map((level) => ({ item: level.item, stock: level.stock, readAt })));
      } catch (error) {
        logger.error('publishing a write failed', {
          error: error instanceof Error ? error.message : String(error),
        });
      }
    },
    async flush() {
      for (const target of pending.values()) target.dueAt = 0;
      // Each item once: one that fails again gets a later due time and stays queued.
      while (run() > 0) await Promise.all(inFlight);
      await Promise.all(inFlight);
    },
    close() {
      closed = true;
      if (timer !== undefined) clearTimeout(timer);
      if (settle !== undefined) clearImmediate(settle);
      if (recordTimer !== undefined) clearTimeout(recordTimer);
    },
    refetchCalls: () => calls,
    pending: () => {
      let failing = 0;
      for (const target of pending.values()) if (target.attempts > 0) failing += 1;
      return { items: pending.size + inFlightItems, failing };
    },
  };
}
