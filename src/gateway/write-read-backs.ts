import type { InventoryItemRecord } from '../upstream/bigcommerce-rest/inventory.js';
import type { Transport } from '../upstream/transport.js';
import { levelKey } from './events/event-bus.js';
import { readInventoryItems } from './loaders.js';
import type { Logger } from './logger.js';
import type { InventoryLevelModel } from './models.js';
import { levelsOf } from './resolvers/inventory.js';

/** One written item at one location, named as the client named it. */
export interface ReadBackTarget {
  readonly variantId?: number | null;
  readonly sku?: string | null;
  readonly productId?: number | null;
  readonly locationId: number;
}

export interface WriteReadBacksOptions {
  readonly transport: Transport;
  readonly logger: Logger;
  /** Publishes figures read after a write; called before any waiting client gets them. */
  readonly publish: (levels: readonly InventoryLevelModel[], readAt: number) => Promise<void>;
}

export interface WriteReadBacks {
  /**
   * Reads the targets back after their write has been answered and publishes what it read. Concurrent requests
   * share one read (one REST call per kind of identity), and a read always starts after the request was made, so it
   * reflects the write. Resolves to the targets' levels, one per (item, location).
   */
  read(targets: readonly ReadBackTarget[]): Promise<InventoryLevelModel[]>;
  /** Waits for the reads queued or in flight (used on shutdown). */
  flush(): Promise<void>;
  /** Upstream calls made so far. */
  calls(): number;
}

interface Waiter {
  readonly targets: readonly ReadBackTarget[];
  readonly resolve: (levels: InventoryLevelModel[]) => void;
  readonly reject: (error: unknown) => void;
}

function levelsFor(
  targets: readonly ReadBackTarget[],
  byVariant: ReadonlyMap<number, InventoryItemRecord>,
  bySku: ReadonlyMap<string, InventoryItemRecord>,
  byProduct: ReadonlyMap<number, InventoryItemRecord>,
): InventoryLevelModel[] {
  const levels = new Map<string, InventoryLevelModel>();
  for (const target of targets) {
    const item =
      target.variantId !== null && target.variantId !== undefined
        ? byVariant.get(target.variantId)
        : target.sku !== null && target.sku !== undefined
          ? bySku.get(target.sku)
          : byProduct.get(target.productId ?? 0);
    if (item === undefined) continue;
    for (const level of levelsOf(item, [target.locationId]))
      levels.set(levelKey(level.item, level.stock.locationId), level);
  }
  return [...levels.values()];
}

/**
 * Read-backs after writes, merged across concurrent mutations the way the writes are: one read at a time; requests
 * made while a read is in flight wait for the next one, which then covers all of them. A read starts on the next
 * turn of the event loop, so every client of one merged write joins the same read.
 */
export function createWriteReadBacks(options: WriteReadBacksOptions): WriteReadBacks {
  let queue: Waiter[] = [];
  let running: Promise<void> | null = null;
  let scheduled = false;
  let calls = 0;

  async function run(batch: readonly Waiter[]): Promise<void> {
    const variantIds = new Set<number>();
    const skus = new Set<string>();
    const productIds = new Set<number>();
    for (const { targets } of batch)
      for (const target of targets) {
        if (target.variantId !== null && target.variantId !== undefined) variantIds.add(target.variantId);
        else if (target.sku !== null && target.sku !== undefined) skus.add(target.sku);
        else productIds.add(target.productId ?? 0);
      }
    const readAt = Date.now();
    try {
      const [variants, skuItems, products] = await Promise.all([
        readInventoryItems(options.transport, [...variantIds], (chunk) => ({ variantIds: chunk }), {
          onePerKey: true,
        }),
        readInventoryItems(options.transport, [...skus], (chunk) => ({ skus: chunk }), { onePerKey: true }),
        readInventoryItems(options.transport, [...productIds], (chunk) => ({ productIds: chunk }), {
          onePerKey: false,
        }),
      ]);
      calls += variants.calls + skuItems.calls + products.calls;
      const byVariant = new Map(variants.items.map((item) => [item.variantId, item]));
      const bySku = new Map(skuItems.items.map((item) => [item.sku, item]));
      const byProduct = new Map(products.items.map((item) => [item.productId, item]));
      const all = levelsFor(
        batch.flatMap((waiter) => waiter.targets),
        byVariant,
        bySku,
        byProduct,
      );
      await options.publish(all, readAt);
      for (const waiter of batch) waiter.resolve(levelsFor(waiter.targets, byVariant, bySku, byProduct));
    } catch (error) {
      options.logger.warn('read-back after a write failed', {
        error: error instanceof Error ? error.message : String(error),
        writes: batch.length,
      });
      for (const waiter of batch) waiter.reject(error);
    }
  }

  function start(): void {
    scheduled = false;
    if (running !== null || queue.length === 0) return;
    const batch = queue;
    queue = [];
    running = run(batch).finally(() => {
      running = null;
      start();
    });
  }

  return {
    read(targets) {
      return new Promise<InventoryLevelModel[]>((resolve, reject) => {
        queue.push({ targets, resolve, reject });
        if (!scheduled && running === null) {
          scheduled = true;
          setImmediate(start);
        }
      });
    },
    async flush() {
      while (running !== null || queue.length > 0) {
        if (running === null) start();
        await running;
      }
    },
    calls: () => calls,
  };
}
