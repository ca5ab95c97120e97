import type { InitialCounters } from '../resolvers/events.js';
import type { EventBus } from './event-bus.js';
import type { InventoryEvents } from './inventory-events.js';

/** Counters the gateway reports on `/_gateway/stats`. */
export interface GatewayStats {
  webhooks: {
    received: number;
    accepted: number;
    duplicates: number;
    unauthorized: number;
    malformed: number;
    unhandled: number;
    byScope: Record<string, number>;
  };
}

export function createStats(): GatewayStats {
  return {
    webhooks: {
      received: 0,
      accepted: 0,
      duplicates: 0,
      unauthorized: 0,
      malformed: 0,
      unhandled: 0,
      byScope: {},
    },
  };
}

/** What subscriptions and the webhook receiver share, process-wide. */
export interface LiveServices {
  readonly bus: EventBus;
  readonly inventoryEvents: InventoryEvents;
  readonly stats: GatewayStats;
  /** Most events held for one slow subscriber before it is stopped. */
  readonly maxQueue: number;
  /** Ends every open subscription (SSE streams complete, graphql-ws sends complete): used on shutdown. */
  readonly streams: Set<{ return(): Promise<unknown> }>;
  /** Initial `backorderCounters` reads in flight or just done, by filter. */
  readonly initialReads: Map<string, Promise<InitialCounters[]>>;
}
