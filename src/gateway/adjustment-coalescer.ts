import {
  UpstreamHttpError,
  UpstreamProtocolError,
  UpstreamUnavailableError,
  isUnknownOutcome,
} from '../upstream/errors.js';
import {
  MAX_WRITE_ITEMS,
  adjustInventory,
  type AdjustmentItem,
} from '../upstream/bigcommerce-rest/inventory.js';
import type { Transport } from '../upstream/transport.js';
import type { InventoryLevelModel } from './models.js';
import type { ReadBackTarget, WriteReadBacks } from './write-read-backs.js';

export type AdjustmentModeName = 'absolute' | 'relative';

export interface AdjustmentCoalescerOptions {
  /**
   * A batch is sent once no adjustment with the same mode and reason has arrived for this long (a burst of
   * requests keeps it open). An adjustment that finds no batch open and no call of its kind in flight is sent at
   * once, without waiting (on the next turn of the event loop, with those submitted in the same turn). @default 2
   */
  readonly windowMs?: number;
  /** The longest the first adjustment of a batch waits, however busy the burst. @default 20 */
  readonly maxWaitMs?: number;
  /** Items per upstream call; BigCommerce accepts at most 2,000. @default 2000 */
  readonly maxItemsPerCall?: number;
  /** Called for each upstream call with its item and submission counts, e.g. for metrics. */
  readonly onBatch?: (items: number, submissions: number) => void;
  /** Reads written items back (merged across concurrent writes) and publishes them; see `readBack`. */
  readonly readBacks?: WriteReadBacks;
}

/** One refused item of a submission, by its index in that submission. */
export interface ItemProblem {
  /** Index in the submitted items; null when the store named no item. */
  readonly index: number | null;
  /** The item field at fault (`quantity`, `variant_id`, ...), or null for the whole item. */
  readonly field: string | null;
  readonly message: string;
}

export type CoalescedResult =
  | { readonly ok: true; readonly transactionIds: readonly string[] }
  | {
      readonly ok: false;
      readonly kind: 'refused';
      readonly title: string;
      readonly problems: readonly ItemProblem[];
      readonly appliedCalls: number;
    }
  | {
      readonly ok: false;
      readonly kind: 'unknown-outcome';
      readonly operation: string;
      readonly appliedCalls: number;
    };

interface Submission {
  readonly items: readonly AdjustmentItem[];
  readonly resolve: (result: CoalescedResult) => void;
  readonly reject: (error: unknown) => void;
}

export interface AdjustmentCoalescer {
  /** Queues an adjustment; concurrent ones with the same mode and reason share upstream calls. */
  submit(
    mode: AdjustmentModeName,
    reason: string | undefined,
    items: readonly AdjustmentItem[],
  ): Promise<CoalescedResult>;
  /**
   * Reads items back after their adjustment was answered, sharing one read with concurrent adjustments, and
   * publishes what it read. Resolves to the items' levels.
   */
  readBack(targets: readonly ReadBackTarget[]): Promise<InventoryLevelModel[]>;
  /** Sends whatever is queued now and waits for read-backs (used on shutdown). */
  flush(): Promise<void>;
}

const ITEM_KEY = /^items\.(\d+)(?:\.(.+))?$/;

/** Statuses after which a write may or may not have been applied. */
const UNKNOWN_OUTCOME_STATUS = new Set([500, 502, 504]);

/**
 * Merges adjustments that many clients send at the same moment into shared upstream calls of at most 2,000
 * items. A lone adjustment (nothing of its kind queued or in flight) is sent at once; adjustments arriving while
 * a call is in flight gather into the next one. A refused (422) merged call names the bad items by index, so only
 * the clients that sent them fail and the rest are sent again without them; when the store names no item, each
 * client is tried alone. When a merged call fails, every client in it gets the outcome that applies: unknown when
 * the answer was lost or the store failed mid-way (timeout, dropped connection, 500, 502, 504, an unreadable
 * 2xx), `UpstreamUnavailableError` (nothing applied, send again) after a 503, a refused connection or an open
 * circuit. A relative call is never retried blindly.
 */
export function createAdjustmentCoalescer(
  transport: Transport,
  options: AdjustmentCoalescerOptions = {},
): AdjustmentCoalescer {
  const windowMs = options.windowMs ?? 2;
  const maxWaitMs = options.maxWaitMs ?? 20;
  const maxItems = options.maxItemsPerCall ?? MAX_WRITE_ITEMS;
  const queues = new Map<
    string,
    {
      mode: AdjustmentModeName;
      reason: string | undefined;
      submissions: Submission[];
      /** Cancels the pending send. */
      cancel: () => void;
      deadline: number;
      /** The burst went quiet while a call of its kind was in flight: send when that call is answered. */
      quiet: boolean;
    }
  >();
  const inFlight = new Set<Promise<void>>();
  /** Calls in flight per queue key, so that a lone adjustment can be sent at once. */
  const sending = new Map<string, number>();

  /** Sends one call for `group` and settles every submission in it. */
  async function sendGroup(
    mode: AdjustmentModeName,
    reason: string | undefined,
    group: readonly Submission[],
  ): Promise<void> {
    const items = group.flatMap((submission) => submission.items);
    options.onBatch?.(items.length, group.length);
    let result;
    try {
      result = await adjustInventory(transport, mode, reason === undefined ? { items } : { reason, items });
    } catch (error) {
      if (
        isUnknownOutcome(error) ||
        error instanceof UpstreamProtocolError ||
        (error instanceof UpstreamHttpError && UNKNOWN_OUTCOME_STATUS.has(error.status))
      ) {
        for (const submission of group)
          submission.resolve({
            ok: false,
            kind: 'unknown-outcome',
            operation: `${mode} inventory adjustment`,
            appliedCalls: 0,
          });
        return;
      }
      if (error instanceof UpstreamHttpError && error.status === 503) {
        // BigCommerce answers 503 when it did not take the request: nothing was applied.
        const unavailable = new UpstreamUnavailableError(
          `${error.message}: the store is unavailable and applied nothing`,
          error.operation,
          null,
        );
        for (const submission of group) submission.reject(unavailable);
        return;
      }
      if (error instanceof UpstreamHttpError && error.status < 500 && group.length > 1) {
        // Refused for something the store did not attribute (a 400, 404, 413...): find out whose it was.
        await Promise.all(group.map((submission) => sendGroup(mode, reason, [submission])));
        return;
      }
      for (const submission of group) submission.reject(error);
      return;
    }
    if (result.ok) {
      for (const submission of group)
        submission.resolve({ ok: true, transactionIds: [result.transactionId] });
      return;
    }
    // Attribute each refused item to the submission that sent it.
    const offsets: number[] = [];
    let offset = 0;
    for (const submission of group) {
      offsets.push(offset);
      offset += submission.items.length;
    }
    const problems = new Map<Submission, ItemProblem[]>();
    for (const [key, message] of Object.entries(result.errors)) {
      const match = ITEM_KEY.exec(key);
      if (match?.[1] === undefined) continue;
      const index = Number(match[1]);
      const owner = group.findLastIndex((_, i) => (offsets[i] ?? 0) <= index);
      const submission = group[owner];
      if (submission === undefined) continue;
      const list = problems.get(submission) ?? [];
      list.push({ index: index - (offsets[owner] ?? 0), field: match[2] ?? null, message });
      problems.set(submission, list);
    }
    if (problems.size === 0) {
      if (group.length === 1) {
        group[0]?.resolve({
          ok: false,
          kind: 'refused',
          title: result.title,
          problems: [{ index: null, field: null, message: result.title }],
          appliedCalls: 0,
        });
        return;
      }
      // The store named no item: try each client alone to find out whose items were at fault.
      await Promise.all(group.map((submission) => sendGroup(mode, reason, [submission])));
      return;
    }
    for (const [submission, list] of problems) {
      submission.resolve({
        ok: false,
        kind: 'refused',
        title: result.title,
        problems: list,
        appliedCalls: 0,
      });
    }
    // Nothing of a refused call was applied, so the innocent clients are sent again on their own call.
    const rest = group.filter((submission) => !problems.has(submission));
    if (rest.length > 0) await sendGroup(mode, reason, rest);
  }

  /** A submission larger than one call is sent alone, chunk after chunk, stopping at the first failure. */
  async function sendLarge(
    mode: AdjustmentModeName,
    reason: string | undefined,
    submission: Submission,
  ): Promise<void> {
    const transactionIds: string[] = [];
    for (let start = 0; start < submission.items.length; start += maxItems) {
      const chunk = submission.items.slice(start, start + maxItems);
      const settled = await new Promise<CoalescedResult>((resolve, reject) => {
        void sendGroup(mode, reason, [{ items: chunk, resolve, reject }]);
      }).catch((error: unknown) => {
        submission.reject(error);
        return null;
      });
      if (settled === null) return;
      if (!settled.ok) {
        const appliedCalls = transactionIds.length;
        submission.resolve(
          settled.kind === 'refused'
            ? {
                ...settled,
                appliedCalls,
                problems: settled.problems.map((problem) => ({
                  ...problem,
                  index: problem.index === null ? null : problem.index + start,
                })),
              }
            : { ...settled, appliedCalls },
        );
        return;
      }
      transactionIds.push(...settled.transactionIds);
    }
    submission.resolve({ ok: true, transactionIds });
  }

  async function flushQueue(key: string): Promise<void> {
    const queue = queues.get(key);
    if (queue === undefined) return;
    queues.delete(key);
    queue.cancel();
    sending.set(key, (sending.get(key) ?? 0) + 1);
    try {
      await sendQueue(queue);
    } finally {
      const left = (sending.get(key) ?? 1) - 1;
      if (left === 0) {
        sending.delete(key);
        if (queues.get(key)?.quiet === true) track(flushQueue(key));
      } else sending.set(key, left);
    }
  }

  async function sendQueue(queue: {
    mode: AdjustmentModeName;
    reason: string | undefined;
    submissions: Submission[];
  }): Promise<void> {
    const groups: Submission[][] = [];
    let current: Submission[] = [];
    let size = 0;
    const sends: Promise<void>[] = [];
    for (const submission of queue.submissions) {
      if (submission.items.length > maxItems) {
        sends.push(sendLarge(queue.mode, queue.reason, submission));
        continue;
      }
      if (size + submission.items.length > maxItems) {
        groups.push(current);
        current = [];
        size = 0;
      }
      current.push(submission);
      size += submission.items.length;
    }
    if (current.length > 0) groups.push(current);
    sends.push(...groups.map((group) => sendGroup(queue.mode, queue.reason, group)));
    await Promise.all(sends);
  }

  function track(promise: Promise<void>): void {
    inFlight.add(promise);
    void promise.finally(() => inFlight.delete(promise));
  }

  return {
    submit(mode, reason, items) {
      return new Promise<CoalescedResult>((resolve, reject) => {
        const key = JSON.stringify([mode, reason ?? null]);
        // A quiet burst waits for the call in flight of its kind (up to its deadline), so that the adjustments
        // arriving during one round trip share the next call.
        const due = () => {
          const open = queues.get(key);
          if (open !== undefined && sending.has(key) && Date.now() < open.deadline) {
            open.quiet = true;
            const timer = setTimeout(() => track(flushQueue(key)), open.deadline - Date.now());
            open.cancel = () => clearTimeout(timer);
            return;
          }
          track(flushQueue(key));
        };
        // Nothing to wait for: on the next turn of the event loop rather than after setTimeout's 1 ms minimum,
        // so that a lone write leaves at once while the adjustments submitted in the same turn still share it.
        const flushLater = (delay: number): (() => void) => {
          if (delay <= 0) {
            const immediate = setImmediate(due);
            return () => clearImmediate(immediate);
          }
          const timer = setTimeout(due, delay);
          return () => clearTimeout(timer);
        };
        let queue = queues.get(key);
        if (queue === undefined) {
          // Alone: nothing to wait for. Otherwise gather until the burst is quiet.
          const lone = !sending.has(key);
          queue = {
            mode,
            reason,
            submissions: [],
            cancel: flushLater(lone ? 0 : windowMs),
            deadline: Date.now() + (lone ? 0 : maxWaitMs),
            quiet: false,
          };
          queues.set(key, queue);
        } else {
          queue.cancel();
          queue.quiet = false;
          queue.cancel = flushLater(Math.min(windowMs, queue.deadline - Date.now()));
        }
        queue.submissions.push({ items, resolve, reject });
      });
    },
    readBack(targets) {
      if (options.readBacks === undefined)
        return Promise.reject(new Error('this coalescer was built without read-backs'));
      return options.readBacks.read(targets);
    },
    async flush() {
      await Promise.all([...queues.keys()].map(flushQueue));
      await Promise.all(inFlight);
      await options.readBacks?.flush();
    },
  };
}
