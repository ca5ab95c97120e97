import type { LocationStock } from '../../upstream/bigcommerce-rest/inventory.js';
import type { ItemIdentity } from '../models.js';

/** What the gateway publishes: an item's figures at a location, at the moment they were read. */
export interface InventoryEvent {
  /** Stream id `{ms}-{seq}`: ordered, unique across replicas sharing a stream. */
  readonly id: string;
  /** `change`: the figures differ from the last published ones; `limit`: the item reached its backorder limit. */
  readonly kind: 'change' | 'limit';
  /** For `change`: whether the backorder counters (not just other settings) changed. */
  readonly countersChanged: boolean;
  readonly item: ItemIdentity;
  readonly stock: LocationStock;
  /** When the figures were read from the store (ms since epoch). */
  readonly readAt: number;
}

/** Figures read from the store, offered to the bus, which decides what (if anything) to publish. */
export interface Observation {
  readonly item: ItemIdentity;
  readonly stock: LocationStock;
  readonly readAt: number;
  /** The store said the item reached its backorder limit (the `backorder_limit_reached` webhook). */
  readonly limitReached?: boolean;
  /** Record the figures as the baseline without publishing (initial reads). */
  readonly baselineOnly?: boolean;
  /**
   * Read alongside a location that a change named, for a location none named: the first sighting is only a
   * baseline; later differences are published as usual.
   */
  readonly unsolicited?: boolean;
}

export interface EventBus {
  /** Publishes what the observations change, atomically per item and location; returns the published events. */
  observe(observations: readonly Observation[]): Promise<InventoryEvent[]>;
  /**
   * Calls `listener` with every event published after `after` (or from now on), in stream order, each once.
   * Rejects with `EventExpiredError` when `after` does not name a retained event: older than the retention, or an
   * id this bus never issued (e.g. from before a restart of a gateway without Redis).
   */
  subscribe(listener: (event: InventoryEvent) => void, after?: string): Promise<() => void>;
  /** The products whose figures have been published or taken as a baseline: what the reconciler sweeps. */
  watchedProducts(): Promise<number[]>;
  /** Observations waiting in the local outbox for Redis (always 0 in memory). */
  unpublished(): number;
  /** Local listeners right now (for leak checks and stats). */
  listenerCount(): number;
  /** Whether the connection to a shared bus (Redis) is up; absent for the in-memory bus. */
  readonly connected?: () => boolean;
  close(): Promise<void>;
}

/** The resume point is not a retained event (too old, or from before a restart): the client must start over. */
export class EventExpiredError extends Error {
  constructor(readonly after: string) {
    super(
      `Event ${after} is not among the retained events (older than the retention, or from before a restart); subscribe again without "after" to get the current state.`,
    );
    this.name = 'EventExpiredError';
  }
}

export function compareIds(a: string, b: string): number {
  const [aMs = 0, aSeq = 0] = a.split('-').map(Number);
  const [bMs = 0, bSeq = 0] = b.split('-').map(Number);
  return aMs === bMs ? aSeq - bSeq : aMs - bMs;
}

export function isEventId(text: string): boolean {
  return /^\d+-\d+$/.test(text);
}

export function levelKey(item: ItemIdentity, locationId: number): string {
  return `${item.productId}/${item.variantId}@${locationId}`;
}

/** The product id of a `levelKey`. */
export function productOfLevelKey(key: string): number {
  return Number(key.slice(0, key.indexOf('/')));
}

/** Figures clients see, without the location's names (which do not change stock). */
export function figuresOf(stock: LocationStock): string {
  const { locationId, availableToSell, onHand, qtyBackordered, settings } = stock;
  return JSON.stringify([
    locationId,
    availableToSell,
    onHand,
    qtyBackordered,
    settings.safetyStock,
    settings.isInStock,
    settings.warningLevel,
    settings.binPickingNumber,
    settings.backorderLimit,
  ]);
}

export function countersOf(stock: LocationStock): string {
  return JSON.stringify([
    stock.availableToSell,
    stock.onHand,
    stock.qtyBackordered,
    stock.settings.backorderLimit,
  ]);
}

export function atLimit(stock: LocationStock): boolean {
  const limit = stock.settings.backorderLimit;
  return limit !== null && limit > 0 && stock.qtyBackordered >= limit;
}

export interface Snapshot {
  readonly readAt: number;
  readonly figures: string;
  readonly counters: string;
  /** qty backordered when the last limit event was published; null once below the limit again. */
  readonly limitQty: number | null;
}

/**
 * The publishing rule shared by every bus: an older read never overrides a newer one, unchanged figures publish
 * nothing, and a limit event is published once per time the item reaches its limit.
 */
export function decide(
  snapshot: Snapshot | undefined,
  observation: Observation,
): { next: Snapshot; kinds: ('change' | 'limit')[]; countersChanged: boolean } | null {
  if (snapshot !== undefined && snapshot.readAt > observation.readAt) return null;
  const { stock } = observation;
  const figures = figuresOf(stock);
  const counters = countersOf(stock);
  const reached = atLimit(stock);
  const signalled = observation.limitReached === true;
  const kinds: ('change' | 'limit')[] = [];
  let limitQty = reached ? (snapshot?.limitQty ?? null) : null;
  if (observation.baselineOnly === true || (observation.unsolicited === true && snapshot === undefined)) {
    if (reached) limitQty ??= stock.qtyBackordered;
  } else {
    if (snapshot?.figures !== figures) kinds.push('change');
    // A limit event when the store says so (once per backordered quantity, so its retries and the gateway's own
    // earlier event do not repeat it), or when the figures cross from below the limit to it.
    const announce = signalled
      ? snapshot?.limitQty !== stock.qtyBackordered
      : reached && (snapshot === undefined || snapshot.limitQty === null);
    if (announce) {
      kinds.push('limit');
      limitQty = stock.qtyBackordered;
    }
  }
  return {
    next: { readAt: observation.readAt, figures, counters, limitQty },
    kinds,
    countersChanged: snapshot?.counters !== counters,
  };
}

export interface MemoryEventBusOptions {
  /** Events kept for resuming (`after`). @default 10000 */
  readonly retention?: number;
}

/**
 * Ids of in-memory buses come from one clock per process, so two buses in a process (or a bus and its successor after
 * an in-process restart) never issue the same id; a restarted process starts later than its predecessor's last id.
 */
const memoryIds = { lastMs: 0, seq: 0 };

function nextMemoryId(): string {
  const now = Date.now();
  if (now > memoryIds.lastMs) {
    memoryIds.lastMs = now;
    memoryIds.seq = 0;
  } else memoryIds.seq += 1;
  return `${memoryIds.lastMs}-${memoryIds.seq}`;
}

/** One process, in memory: a bounded ring of events; ids from before this process are refused as expired. */
export function createMemoryEventBus(options: MemoryEventBusOptions = {}): EventBus {
  const retention = options.retention ?? 10_000;
  const events: InventoryEvent[] = [];
  const snapshots = new Map<string, Snapshot>();
  const listeners = new Set<(event: InventoryEvent) => void>();
  return {
    observe(observations) {
      const published: InventoryEvent[] = [];
      for (const observation of observations) {
        const key = levelKey(observation.item, observation.stock.locationId);
        const decision = decide(snapshots.get(key), observation);
        if (decision === null) continue;
        snapshots.set(key, decision.next);
        for (const kind of decision.kinds) {
          const event: InventoryEvent = {
            id: nextMemoryId(),
            kind,
            countersChanged: decision.countersChanged,
            item: observation.item,
            stock: observation.stock,
            readAt: observation.readAt,
          };
          events.push(event);
          published.push(event);
        }
      }
      if (events.length > retention) events.splice(0, events.length - retention);
      for (const event of published) for (const listener of listeners) listener(event);
      return Promise.resolve(published);
    },
    subscribe(listener, after) {
      if (after !== undefined) {
        // Only an id this process issued and still holds can be resumed from; anything else would silently skip
        // the events in between.
        const index = events.findIndex((event) => event.id === after);
        if (index < 0) return Promise.reject(new EventExpiredError(after));
        for (const event of events.slice(index + 1)) listener(event);
      }
      listeners.add(listener);
      return Promise.resolve(() => listeners.delete(listener));
    },
    watchedProducts() {
      return Promise.resolve([...new Set([...snapshots.keys()].map(productOfLevelKey))]);
    },
    unpublished: () => 0,
    listenerCount: () => listeners.size,
    close() {
      listeners.clear();
      return Promise.resolve();
    },
  };
}
