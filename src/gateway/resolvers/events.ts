import { GraphQLError } from 'graphql';
import type { InventoryEventFilter, Resolvers } from '../../__generated__/resolvers-types.js';
import { listAllInventoryItems, MAX_READ_PAGE } from '../../upstream/bigcommerce-rest/inventory.js';
import type { LocationStock } from '../../upstream/bigcommerce-rest/inventory.js';
import type { GatewayContext } from '../context.js';
import { EventExpiredError, isEventId, levelKey, type InventoryEvent } from '../events/event-bus.js';
import { createEventStream } from '../events/event-stream.js';
import type { CountersModel, InventoryEventModel, ItemIdentity } from '../models.js';

/** Current counters sent when a `backorderCounters` subscription starts. */
export interface InitialCounters {
  readonly id: '';
  readonly kind: 'initial';
  readonly item: ItemIdentity;
  readonly stock: LocationStock;
  readonly readAt: number;
}

type StreamValue = InventoryEvent | InitialCounters;

export function matches(
  filter: InventoryEventFilter | null | undefined,
  item: ItemIdentity,
  locationId: number,
): boolean {
  if (filter === null || filter === undefined) return true;
  if (filter.productIds != null && !filter.productIds.includes(item.productId)) return false;
  if (filter.variantIds != null && !filter.variantIds.includes(item.variantId)) return false;
  if (filter.skus != null && !filter.skus.includes(item.sku)) return false;
  if (filter.locationIds != null && !filter.locationIds.includes(locationId)) return false;
  return true;
}

function checkAfter(after: string | null | undefined): string | undefined {
  if (after === null || after === undefined) return undefined;
  if (!isEventId(after))
    throw new GraphQLError(`after must be an event id like "1764250000000-0", got "${after}"`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  return after;
}

/**
 * A subscriber's stream of bus events. Events are the bus's own objects, shared by every subscriber, so that
 * `useSharedExecution` executes each event once per document. Per item and location, a value read earlier than
 * one already delivered is never delivered after it.
 */
function inventoryStream(
  context: GatewayContext,
  args: { filter?: InventoryEventFilter | null; after?: string | null },
  accept: (event: InventoryEvent) => boolean,
  initial?: () => Promise<InitialCounters[]>,
) {
  const after = checkAfter(args.after);
  const { live } = context;
  const stream = createEventStream<StreamValue>({
    maxQueue: live.maxQueue,
    idOf: (value) => value.id,
    onEnd: () => live.streams.delete(stream),
    start: async (push) => {
      const seen = new Map<string, number>();
      const forward = (value: StreamValue): void => {
        const key = levelKey(value.item, value.stock.locationId);
        const last = seen.get(key);
        if (last !== undefined && value.readAt < last) return;
        seen.set(key, value.readAt);
        push(value);
      };
      let held: InventoryEvent[] | null = initial === undefined || after !== undefined ? null : [];
      let unsubscribe: () => void;
      try {
        unsubscribe = await live.bus.subscribe((event) => {
          if (!accept(event) || !matches(args.filter, event.item, event.stock.locationId)) return;
          if (held === null) forward(event);
          else held.push(event);
        }, after);
      } catch (error) {
        if (error instanceof EventExpiredError)
          throw new GraphQLError(error.message, { extensions: { code: 'EVENT_EXPIRED' } });
        throw error;
      }
      if (held !== null && initial !== undefined) {
        try {
          for (const value of await initial()) forward(value);
        } catch (error) {
          unsubscribe();
          throw error;
        }
        for (const event of held) forward(event);
        held = null;
      }
      return unsubscribe;
    },
  });
  live.streams.add(stream);
  return stream;
}

/** How long an initial read is reused: a burst of identical subscriptions costs one upstream read. */
const INITIAL_READ_REUSE_MS = 250;

/**
 * The current counters for a filter. A read is shared by the subscriptions that ask while it runs or shortly after,
 * but only until the bus publishes an event: a subscriber that starts listening after that event would otherwise
 * get figures older than it, and never the event itself.
 */
export function currentCounters(
  context: GatewayContext,
  filter: InventoryEventFilter | null | undefined,
): Promise<InitialCounters[]> {
  const key = JSON.stringify(filter ?? {});
  const recentInitialReads = context.live.initialReads;
  const reused = recentInitialReads.get(key);
  if (reused !== undefined) return reused;
  let forgotten = false;
  let unwatch: () => void = () => undefined;
  const forget = (): void => {
    forgotten = true;
    if (recentInitialReads.get(key) === read) recentInitialReads.delete(key);
    unwatch();
  };
  const read = (async () => {
    // Listen before reading, so that no event published once the read has started goes unnoticed.
    const off = await context.live.bus.subscribe(forget);
    if (forgotten) off();
    else unwatch = off;
    return readCurrentCounters(context, filter);
  })();
  recentInitialReads.set(key, read);
  read.then(() => setTimeout(forget, INITIAL_READ_REUSE_MS).unref(), forget);
  return read;
}

async function readCurrentCounters(
  context: GatewayContext,
  filter: InventoryEventFilter | null | undefined,
): Promise<InitialCounters[]> {
  const readAt = Date.now();
  const items = await listAllInventoryItems(
    context.upstream.transport,
    {
      ...(filter?.variantIds == null ? {} : { variantIds: filter.variantIds }),
      ...(filter?.productIds == null ? {} : { productIds: filter.productIds }),
      ...(filter?.skus == null ? {} : { skus: filter.skus }),
      ...(filter?.locationIds == null ? {} : { locationIds: filter.locationIds }),
    },
    MAX_READ_PAGE,
    context.signal,
  );
  const values = items.flatMap((item) => {
    const identity = { sku: item.sku, variantId: item.variantId, productId: item.productId };
    return item.locations
      .filter((stock) => matches(filter, identity, stock.locationId))
      .map((stock) => ({ id: '' as const, kind: 'initial' as const, item: identity, stock, readAt }));
  });
  // Most backordered first, as `backorders` lists them: the first counters a client shows are the ones that matter.
  values.sort((a, b) => b.stock.qtyBackordered - a.stock.qtyBackordered);
  // The first figures seen become the baseline, so later reads publish only real changes.
  await context.live.bus.observe(
    values.map((value) => ({ item: value.item, stock: value.stock, readAt, baselineOnly: true })),
  );
  return values;
}

function toEventModel(value: StreamValue): InventoryEventModel {
  return { eventId: value.id, observedAt: value.readAt, item: value.item, stock: value.stock };
}

export const eventResolvers: Resolvers = {
  Subscription: {
    backorderCounters: {
      subscribe: (_, args, context) =>
        inventoryStream(
          context,
          args,
          (event) => event.kind === 'change' && event.countersChanged,
          () => currentCounters(context, args.filter),
        ),
      resolve: (value: StreamValue): CountersModel => ({
        eventId: value.id,
        initial: value.kind === 'initial',
        item: value.item,
        stock: value.stock,
      }),
    },
    stockChanged: {
      subscribe: (_, args, context) => inventoryStream(context, args, (event) => event.kind === 'change'),
      resolve: toEventModel,
    },
    backorderLimitReached: {
      subscribe: (_, args, context) => inventoryStream(context, args, (event) => event.kind === 'limit'),
      resolve: toEventModel,
    },
  },
  BackorderCounters: {
    level: (model) => ({ item: model.item, stock: model.stock }),
    qtyBackordered: (model) => model.stock.qtyBackordered,
    backorderLimit: (model) => model.stock.settings.backorderLimit,
    remainingBackorderAllowance: (model) => {
      const limit = model.stock.settings.backorderLimit;
      return limit === null ? null : Math.max(0, limit - model.stock.qtyBackordered);
    },
    availableToSell: (model) => model.stock.availableToSell,
    onHand: (model) => model.stock.onHand,
  },
  StockChangedEvent: {
    level: (model) => ({ item: model.item, stock: model.stock }),
    observedAt: (model) => new Date(model.observedAt).toISOString(),
  },
  BackorderLimitReachedEvent: {
    level: (model) => ({ item: model.item, stock: model.stock }),
    observedAt: (model) => new Date(model.observedAt).toISOString(),
  },
};
