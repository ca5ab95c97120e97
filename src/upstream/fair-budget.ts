import type { UpstreamBudget } from './transport.js';

interface Waiter {
  readonly client: string;
  readonly signal: AbortSignal | undefined;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
  readonly onAbort: () => void;
}

/**
 * Serves a scarce store budget fairly between clients. Calls wait in one queue per client (`UpstreamCall.client`:
 * the token subject, the API key name or the remote address) and take the budget in turn, one call per client per
 * round, so that one client's burst cannot hold every other client back until it has been served. Calls pass
 * through `budget` one at a time; while the budget has room each passes at once, so the order only matters when
 * calls have to wait. Updates from the store's headers go straight to `budget`.
 *
 * With the Redis budget the turns are this replica's: replicas share the store's quota, each serving its own
 * clients in turn.
 */
export function createFairBudget(budget: UpstreamBudget): UpstreamBudget {
  /** Clients with waiting calls, in turn order: the first is served next, then goes to the back. */
  const queues = new Map<string, Waiter[]>();
  let draining = false;

  function next(): Waiter | undefined {
    for (const [client, queue] of queues) {
      queues.delete(client);
      const waiter = queue.shift();
      if (queue.length > 0) queues.set(client, queue);
      if (waiter !== undefined) return waiter;
    }
    return undefined;
  }

  async function drain(): Promise<void> {
    draining = true;
    try {
      for (let waiter = next(); waiter !== undefined; waiter = next()) {
        waiter.signal?.removeEventListener('abort', waiter.onAbort);
        try {
          await budget.acquire(waiter.signal);
          waiter.resolve();
        } catch (error) {
          waiter.reject(error);
        }
      }
    } finally {
      draining = false;
    }
  }

  return {
    acquire(signal, client = '') {
      if (signal?.aborted === true) return Promise.reject(signal.reason as Error);
      // Nobody waiting and room in the budget: the call goes at once, without queueing.
      if (!draining && queues.size === 0 && budget.tryAcquire?.() === true) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const waiter: Waiter = {
          client,
          signal,
          resolve,
          reject,
          onAbort: () => {
            const queue = queues.get(client);
            const index = queue?.indexOf(waiter) ?? -1;
            if (queue === undefined || index < 0) return;
            queue.splice(index, 1);
            if (queue.length === 0) queues.delete(client);
            reject(signal?.reason as Error);
          },
        };
        signal?.addEventListener('abort', waiter.onAbort, { once: true });
        const queue = queues.get(client);
        if (queue === undefined) queues.set(client, [waiter]);
        else queue.push(waiter);
        if (!draining) void drain();
      });
    },
    update: (left, resetMs, limits) => budget.update(left, resetMs, limits),
    exhaustFor: (ms) => budget.exhaustFor(ms),
  };
}
