import type { StoreDatabase } from './db.js';
import type { ResolvedEmulatorOptions } from './options.js';

/** Part A 7: BigCommerce's retry delays in seconds after each failed attempt; after the last, the hook is deactivated. */
export const RETRY_SCHEDULE_SECONDS = [
  60, 180, 300, 600, 900, 1800, 3600, 7200, 21600, 50400, 86400,
] as const;

/** How many deliveries are attempted at once. */
const CONCURRENCY = 16;

interface DueDelivery {
  readonly id: number;
  readonly attempts: number;
  readonly hook_id: number;
  readonly destination: string | null;
  readonly headers: string | null;
  readonly is_active: number | null;
  readonly scope: string;
  readonly data: string;
  readonly created_at: number;
  readonly hash: string;
}

export interface WebhookDispatcher {
  /** Looks for due deliveries now (called after every commit that adds some). */
  kick(): void;
  /** Stops scheduling and waits for attempts in flight; pending deliveries stay in the database. */
  stop(): Promise<void>;
}

/**
 * Delivers the outbox kept in the database: at least once, in id order unless reordering is injected, retrying
 * on BigCommerce's schedule (scaled by `webhookTimeScale`) and deactivating the hook after the last retry.
 */
export function createWebhookDispatcher(
  store: StoreDatabase,
  options: ResolvedEmulatorOptions,
): WebhookDispatcher {
  const { db } = store;
  const due = db.prepare<[number], DueDelivery>(
    `SELECT d.id, d.attempts, d.hook_id, h.destination, h.headers, h.is_active, e.scope, e.data, e.created_at, e.hash
     FROM deliveries d JOIN events e ON e.id = d.event_id LEFT JOIN hooks h ON h.id = d.hook_id
     WHERE d.status = 'pending' AND d.next_attempt_at <= ? ORDER BY d.id LIMIT 200`,
  );
  const nextDue = db.prepare<[], { at: number | null }>(
    "SELECT MIN(next_attempt_at) AS at FROM deliveries WHERE status = 'pending'",
  );
  const markDelivered = db.prepare(
    "UPDATE deliveries SET status = 'delivered', attempts = attempts + 1 WHERE id = ?",
  );
  const markFailed = db.prepare(
    "UPDATE deliveries SET status = 'failed', attempts = attempts + 1 WHERE id = ?",
  );
  const markRetry = db.prepare(
    'UPDATE deliveries SET attempts = attempts + 1, next_attempt_at = ? WHERE id = ?',
  );
  const deactivate = db.prepare(
    'UPDATE hooks SET is_active = 0, deactivated = 1, updated_at = ? WHERE id = ?',
  );
  const recordAttempt = db.prepare(
    'INSERT INTO delivery_attempts (delivery_id, attempt, at, ms, status_code, error, duplicate) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );

  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  let stopped = false;
  const inFlight = new Set<Promise<void>>();

  async function post(delivery: DueDelivery, duplicate: boolean): Promise<{ ok: boolean }> {
    const started = Date.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const hookHeaders =
        delivery.headers === null ? {} : (JSON.parse(delivery.headers) as Record<string, string>);
      const body = JSON.stringify({
        scope: delivery.scope,
        store_id: options.storeId,
        data: JSON.parse(delivery.data) as unknown,
        hash: delivery.hash,
        created_at: delivery.created_at,
        producer: `stores/${options.storeHash}`,
      });
      const response = await fetch(delivery.destination ?? '', {
        method: 'POST',
        headers: {
          ...hookHeaders,
          'content-type': 'application/json',
          'user-agent': 'backorder-gateway-emulator',
        },
        body,
        signal: AbortSignal.timeout(options.webhookTimeoutMs),
      });
      statusCode = response.status;
      await response.arrayBuffer();
    } catch (caught) {
      error = caught instanceof Error ? `${caught.name}: ${caught.message}` : String(caught);
    }
    if (!stopped) {
      recordAttempt.run(
        delivery.id,
        delivery.attempts + 1,
        started,
        Date.now() - started,
        statusCode,
        error,
        duplicate ? 1 : 0,
      );
    }
    return { ok: statusCode !== null && statusCode >= 200 && statusCode < 300 };
  }

  async function attempt(delivery: DueDelivery): Promise<void> {
    if (delivery.destination === null || delivery.is_active !== 1) {
      markFailed.run(delivery.id);
      return;
    }
    if (options.webhookLossRate > 0 && Math.random() < options.webhookLossRate) {
      recordAttempt.run(delivery.id, delivery.attempts + 1, Date.now(), 0, null, 'lost', 0);
      markDelivered.run(delivery.id);
      return;
    }
    const sendTwice = options.webhookDuplicateRate > 0 && Math.random() < options.webhookDuplicateRate;
    const first = await post(delivery, false);
    if (sendTwice) await post(delivery, true);
    if (stopped) return;
    if (first.ok) {
      markDelivered.run(delivery.id);
      return;
    }
    const failures = delivery.attempts + 1;
    const delaySeconds = RETRY_SCHEDULE_SECONDS[failures - 1];
    if (delaySeconds === undefined) {
      store.transact(() => {
        markFailed.run(delivery.id);
        deactivate.run(Math.floor(Date.now() / 1000), delivery.hook_id);
      });
      return;
    }
    markRetry.run(Date.now() + delaySeconds * 1000 * options.webhookTimeScale, delivery.id);
  }

  async function drain(): Promise<void> {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        const batch = due.all(Date.now());
        if (options.webhookReorder) batch.sort(() => Math.random() - 0.5);
        for (let i = 0; i < batch.length && !stopped; i += CONCURRENCY) {
          await Promise.all(batch.slice(i, i + CONCURRENCY).map(attempt));
        }
        if (batch.length === 200) again = true;
      } while (again && !stopped);
    } finally {
      running = false;
    }
    schedule();
  }

  function schedule(): void {
    if (stopped) return;
    if (timer !== undefined) clearTimeout(timer);
    const at = nextDue.get()?.at;
    if (at === null || at === undefined) return;
    timer = setTimeout(run, Math.max(0, Math.min(at - Date.now(), 2 ** 31 - 1)));
  }

  function run(): void {
    if (stopped) return;
    const promise = drain().catch((error: unknown) => {
      options.log(`webhook dispatcher error: ${error instanceof Error ? error.message : String(error)}`);
    });
    inFlight.add(promise);
    void promise.finally(() => inFlight.delete(promise));
  }

  const unsubscribe = store.onDeliveriesAdded(run);
  schedule();
  return {
    kick: run,
    async stop() {
      stopped = true;
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
      await Promise.all(inFlight);
    },
  };
}
