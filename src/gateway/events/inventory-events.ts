import { readInventoryItems } from '../loaders.js';
import type { Logger } from '../logger.js';
import type { InventoryLevelModel } from '../models.js';
import type { Transport } from '../../upstream/transport.js';
import type { EventBus, Observation } from './event-bus.js';

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
  /** A burst of webhooks is read back once it has been quiet this long. @default 25 */
  readonly refetchWindowMs?: number;
  /**
   * The longest the first webhook of a sustained burst waits for its read: a one-second burst costs one read, and
   * an event is at most this late. @default 1000
   */
  readonly maxRefetchWaitMs?: number;
  /** Attempts to read back a burst before its webhooks are given up (and logged). @default 5 */
  readonly refetchAttempts?: number;
  /** Called after each read-back of a burst, e.g. for metrics. */
  readonly onReadBack?: (outcome: 'ok' | 'failed', items: number) => void;
}

export interface InventoryEvents {
  /** Queues the read-back of one inventory webhook's item. */
  onWebhook(
    kind: InventoryWebhookKind,
    data: { productId: number; variantId: number | null; locationId: number },
  ): void;
  /** Publishes figures the gateway itself just read after a write, so subscribers see it at once. */
  observeLevels(levels: readonly InventoryLevelModel[], readAt: number): Promise<void>;
  /** Reads back what is queued now and waits for reads in flight. */
  flush(): Promise<void>;
  /** Upstream read-backs made for webhooks so far. */
  readonly refetchCalls: () => number;
}

interface Target {
  attempts: number;
  /** Locations the webhooks named. */
  readonly locations: Set<number>;
  /** Locations where the store said the limit was reached. */
  readonly limitAt: Set<number>;
}

/**
 * Turns thin webhooks (ids only) into events with figures: every item named by a burst of webhooks is read back
 * with one batched REST call (chunked by URL length), and the bus publishes only what visibly changed.
 */
export function createInventoryEvents(options: InventoryEventsOptions): InventoryEvents {
  const windowMs = options.refetchWindowMs ?? 25;
  const maxWaitMs = options.maxRefetchWaitMs ?? 1000;
  const maxAttempts = options.refetchAttempts ?? 5;
  const pending = new Map<string, Target>();
  const inFlight = new Set<Promise<void>>();
  let timer: NodeJS.Timeout | undefined;
  let deadline = 0;
  let calls = 0;

  function schedule(delay: number): void {
    if (timer === undefined) deadline = Date.now() + maxWaitMs;
    else clearTimeout(timer);
    timer = setTimeout(run, Math.max(0, Math.min(delay, deadline - Date.now())));
  }

  function run(): void {
    timer = undefined;
    const promise = readBack();
    inFlight.add(promise);
    void promise.finally(() => inFlight.delete(promise));
  }

  async function readBack(): Promise<void> {
    const batch = new Map(pending);
    pending.clear();
    if (batch.size === 0) return;
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
      // Nothing acknowledged is dropped silently: the burst is read again with backoff, then given up loudly.
      const retry = [...batch.entries()].filter(([, target]) => (target.attempts += 1) < maxAttempts);
      options.logger.warn('webhook read-back failed', {
        error: error instanceof Error ? error.message : String(error),
        items: batch.size,
        retrying: retry.length,
      });
      if (retry.length < batch.size)
        options.logger.error('webhook read-back given up', {
          items: [...batch.keys()].filter((key) => !retry.some(([k]) => k === key)),
        });
      for (const [key, target] of retry) {
        const existing = pending.get(key);
        if (existing === undefined) pending.set(key, target);
        else {
          for (const location of target.limitAt) existing.limitAt.add(location);
          for (const location of target.locations) existing.locations.add(location);
        }
      }
      if (retry.length > 0) schedule(windowMs * 2 ** Math.min(6, retry[0]?.[1].attempts ?? 1));
    }
  }

  return {
    onWebhook(kind, data) {
      const key = data.variantId === null ? `p${data.productId}` : `v${data.variantId}`;
      let target = pending.get(key);
      if (target === undefined) {
        target = { attempts: 0, locations: new Set(), limitAt: new Set() };
        pending.set(key, target);
      }
      target.locations.add(data.locationId);
      if (kind === 'backorder_limit_reached') target.limitAt.add(data.locationId);
      schedule(windowMs);
    },
    async observeLevels(levels, readAt) {
      await options.bus.observe(levels.map((level) => ({ item: level.item, stock: level.stock, readAt })));
    },
    async flush() {
      if (timer !== undefined) {
        clearTimeout(timer);
        run();
      }
      await Promise.all(inFlight);
    },
    refetchCalls: () => calls,
  };
}
