import { listAllInventoryItems, MAX_READ_PAGE } from '../../upstream/bigcommerce-rest/inventory.js';
import type { Transport } from '../../upstream/transport.js';
import { describeSync, syncHooks } from '../hooks-sync.js';
import type { Logger } from '../logger.js';
import type { EventBus, Observation } from './event-bus.js';
import type { RedisConnection } from './redis-connection.js';

/** Makes one replica at a time do a periodic job. */
export interface JobLock {
  /** True when this process may run `job` now; the right lasts `ttlMs` (it is not released early). */
  acquire(job: string, ttlMs: number): Promise<boolean>;
}

/** One process: it always may. */
export const soleProcessLock: JobLock = { acquire: () => Promise.resolve(true) };

/** A lock in Redis (`SET NX PX`), so that with several replicas one sweeps per period; none while Redis is down. */
export function createRedisJobLock(connection: RedisConnection, prefix: string, owner: string): JobLock {
  return {
    async acquire(job, ttlMs) {
      try {
        const result = await connection.client.set(`${prefix}:lock:${job}`, owner, 'PX', ttlMs, 'NX');
        return result === 'OK';
      } catch {
        return false;
      }
    },
  };
}

export interface ReconcilerOptions {
  readonly bus: EventBus;
  readonly transport: Transport;
  readonly logger: Logger;
  /** Shared by replicas. @default soleProcessLock */
  readonly lock?: JobLock;
  /** Time between sweeps; 0 turns sweeping off. @default 60000 */
  readonly sweepIntervalMs?: number | undefined;
  /** Products read per upstream call of a sweep. @default 50 */
  readonly productsPerCall?: number | undefined;
  /**
   * Upstream calls one sweep may make; a larger watched set is covered over several sweeps, in turn. This and the
   * spacing keep a sweep from crowding out client traffic (BigCommerce Standard allows 150 calls per 30 s).
   * @default 20
   */
  readonly maxCallsPerSweep?: number | undefined;
  /** Pause between two calls of a sweep. @default 250 */
  readonly callSpacingMs?: number | undefined;
  /** Periodic hook sync (reactivates hooks BigCommerce deactivated, then sweeps); off without it (see `watchHooks`). */
  readonly hooks?:
    | {
        readonly destination: string;
        readonly secret: string;
        /** Time between syncs. @default 300000 */
        readonly intervalMs?: number | undefined;
      }
    | undefined;
}

export interface SweepReport {
  readonly products: number;
  readonly calls: number;
  /** Events the sweep published: changes the webhooks did not bring. */
  readonly published: number;
}

export type HookWatch = NonNullable<ReconcilerOptions['hooks']>;

export interface Reconciler {
  /** Sweeps now (when the lock allows, unless `force`). */
  sweep(force?: boolean): Promise<SweepReport | null>;
  /** Starts the periodic hook sync (once the destination is known, e.g. after listening on port 0). */
  watchHooks(hooks: HookWatch): void;
  stats(): {
    sweeps: number;
    calls: number;
    published: number;
    hookSyncs: number;
    lastSweepAt: number | null;
  };
  stop(): Promise<void>;
}

/**
 * Heals what webhooks missed. Guarantee: every `sweepIntervalMs`, one replica reads the inventory subscribers watch
 * (every product the bus holds figures for, `maxCallsPerSweep` calls at most, spaced) and offers it to the bus,
 * which publishes any drift; so subscribers end at the store's figures even when webhooks are lost, late or their
 * hook was deactivated. With `hooks`, the hooks are synced periodically and a sweep follows any reactivation.
 */
export function createReconciler(options: ReconcilerOptions): Reconciler {
  const { bus, transport, logger } = options;
  const lock = options.lock ?? soleProcessLock;
  const intervalMs = options.sweepIntervalMs ?? 60_000;
  const perCall = options.productsPerCall ?? 50;
  const maxCalls = options.maxCallsPerSweep ?? 20;
  const spacingMs = options.callSpacingMs ?? 250;
  let hooks = options.hooks;
  const counters = { sweeps: 0, calls: 0, published: 0, hookSyncs: 0, lastSweepAt: null as number | null };
  const abort = new AbortController();
  const running = new Set<Promise<unknown>>();
  let offset = 0;
  let sweepTimer: NodeJS.Timeout | undefined;
  let hooksTimer: NodeJS.Timeout | undefined;
  let stopped = false;

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const onAbort = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        abort.signal.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      abort.signal.addEventListener('abort', onAbort, { once: true });
    });

  async function sweepOnce(): Promise<SweepReport> {
    const products = (await bus.watchedProducts()).sort((a, b) => a - b);
    if (offset >= products.length) offset = 0;
    const turn = [...products.slice(offset), ...products.slice(0, offset)].slice(0, perCall * maxCalls);
    let calls = 0;
    let published = 0;
    for (let i = 0; i < turn.length && !stopped; i += perCall) {
      if (i > 0) await pause(spacingMs);
      const chunk = turn.slice(i, i + perCall);
      const readAt = Date.now();
      const items = await listAllInventoryItems(
        transport,
        { productIds: chunk },
        MAX_READ_PAGE,
        abort.signal,
      );
      calls += 1;
      const observations: Observation[] = items.flatMap((item) => {
        const identity = { sku: item.sku, variantId: item.variantId, productId: item.productId };
        // A level never seen before only becomes a baseline; a known one publishes what changed.
        return item.locations.map((stock) => ({ item: identity, stock, readAt, unsolicited: true }));
      });
      published += (await bus.observe(observations)).length;
    }
    offset = (offset + turn.length) % Math.max(1, products.length);
    return { products: turn.length, calls, published };
  }

  async function sweep(force = false): Promise<SweepReport | null> {
    if (stopped) return null;
    if (!force && !(await lock.acquire('sweep', Math.max(1, Math.floor(intervalMs * 0.9))))) return null;
    const work = sweepOnce();
    running.add(work);
    try {
      const report = await work;
      counters.sweeps += 1;
      counters.calls += report.calls;
      counters.published += report.published;
      counters.lastSweepAt = Date.now();
      if (report.published > 0) logger.info('sweep published drift', { ...report });
      else logger.debug('sweep found no drift', { ...report });
      return report;
    } catch (error) {
      if (!stopped)
        logger.warn('sweep failed; the next one tries again', {
          error: error instanceof Error ? error.message : String(error),
        });
      return null;
    } finally {
      running.delete(work);
    }
  }

  async function syncHooksOnce(): Promise<void> {
    if (hooks === undefined) return;
    const ttl = Math.floor((hooks.intervalMs ?? 300_000) * 0.9);
    if (!(await lock.acquire('hooks', ttl))) return;
    try {
      const report = await syncHooks(transport, hooks.destination, hooks.secret);
      counters.hookSyncs += 1;
      if (report.created.length + report.reactivated.length + report.updated.length > 0) {
        logger.warn('hooks were not in place; synced, sweeping for what was missed', {
          report: describeSync(report),
        });
        await sweep(true);
      }
    } catch (error) {
      if (!stopped)
        logger.warn('hook sync failed; the next one tries again', {
          error: error instanceof Error ? error.message : String(error),
        });
    }
  }

  function every(ms: number, job: () => Promise<unknown>, set: (timer: NodeJS.Timeout) => void): void {
    const tick = () => {
      if (stopped) return;
      const work = job();
      running.add(work);
      void work.finally(() => {
        running.delete(work);
        if (!stopped) set(setTimeout(tick, ms));
      });
    };
    set(setTimeout(tick, ms));
  }

  if (intervalMs > 0)
    every(
      intervalMs,
      () => sweep(),
      (timer) => (sweepTimer = timer),
    );
  function watchHooks(watch: HookWatch): void {
    if (hooksTimer !== undefined) clearTimeout(hooksTimer);
    hooks = watch;
    every(watch.intervalMs ?? 300_000, syncHooksOnce, (timer) => (hooksTimer = timer));
  }
  if (hooks !== undefined) watchHooks(hooks);

  return {
    sweep,
    watchHooks,
    stats: () => ({ ...counters }),
    async stop() {
      stopped = true;
      abort.abort();
      if (sweepTimer !== undefined) clearTimeout(sweepTimer);
      if (hooksTimer !== undefined) clearTimeout(hooksTimer);
      await Promise.allSettled([...running]);
    },
  };
}
