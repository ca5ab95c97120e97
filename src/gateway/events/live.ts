import { randomBytes } from 'node:crypto';
import type { Transport } from '../../upstream/transport.js';
import type { Logger } from '../logger.js';
import type { InitialCounters } from '../resolvers/events.js';
import { createMemoryEventBus, type EventBus } from './event-bus.js';
import {
  createInventoryEvents,
  type InventoryEvents,
  type InventoryEventsOptions,
} from './inventory-events.js';
import { memoryReadBackStore, createRedisReadBackStore } from './read-back-store.js';
import {
  createReconciler,
  createRedisJobLock,
  soleProcessLock,
  type Reconciler,
  type ReconcilerOptions,
} from './reconciler.js';
import { createRedisConnection, type RedisHealth } from './redis-connection.js';
import { createRedisEventBus } from './redis-event-bus.js';

/** Counters the gateway reports on `/_gateway/stats`. */
export interface GatewayStats {
  webhooks: {
    received: number;
    accepted: number;
    /** Hashes seen before in this process: counted, still read back (see use-webhook-receiver.ts). */
    duplicates: number;
    /** Accepted while Redis could not record them: queued in this process, recorded when Redis returns. */
    recordedLocally: number;
    /** Answered 503 because the read-back queue was full. */
    refused: number;
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
      recordedLocally: 0,
      refused: 0,
      unauthorized: 0,
      malformed: 0,
      unhandled: 0,
      byScope: {},
    },
  };
}

/** What health detail and stats report about the event pipeline. */
export interface LiveHealth {
  /** `null` without Redis. */
  readonly redis: RedisHealth | null;
  /** Items waiting for a webhook read-back (and how many of them failed at least once). */
  readonly readBacks: { readonly items: number; readonly failing: number };
  /** Observations waiting in the local outbox for Redis. */
  readonly unpublished: number;
  /** False when the read-back queue is full: webhooks are being refused with 503. */
  readonly acceptingWebhooks: boolean;
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

export interface EventPipelineOptions {
  readonly transport: Transport;
  readonly logger: Logger;
  /** Redis shared by replicas; without it everything stays in this process. */
  readonly redisUrl?: string | undefined;
  /** @default 'backorder-gateway' */
  readonly redisPrefix?: string | undefined;
  /** Events kept for resuming. @default 10000 */
  readonly eventRetention?: number | undefined;
  /** Read-back queue settings (see InventoryEventsOptions). */
  readonly readBacks?: Omit<InventoryEventsOptions, 'bus' | 'transport' | 'logger' | 'store'>;
  /** Wraps the bus once it is built, e.g. to count published events. @default none */
  readonly instrumentBus?: ((bus: EventBus) => EventBus) | undefined;
  /** Sweep and hook-sync settings (see ReconcilerOptions). */
  readonly reconcile?: Omit<ReconcilerOptions, 'bus' | 'transport' | 'logger' | 'lock'>;
}

/** The event pipeline: bus (memory or Redis), read-back queue, reconciler, and their health. */
export interface EventPipeline {
  readonly bus: EventBus;
  readonly inventoryEvents: InventoryEvents;
  readonly reconciler: Reconciler;
  health(): LiveHealth;
  /** Stops the periodic work, reads back what is queued once, then closes the bus and Redis. */
  close(): Promise<void>;
}

export async function createEventPipeline(options: EventPipelineOptions): Promise<EventPipeline> {
  const { logger, transport } = options;
  const prefix = options.redisPrefix ?? 'backorder-gateway';
  const retention = options.eventRetention === undefined ? {} : { retention: options.eventRetention };
  const connection =
    options.redisUrl === undefined ? null : await createRedisConnection({ url: options.redisUrl, logger });
  const built =
    connection === null
      ? createMemoryEventBus(retention)
      : await createRedisEventBus({ connection, logger, prefix, ...retention });
  const bus = options.instrumentBus?.(built) ?? built;
  const maxPending = options.readBacks?.maxPending ?? 100_000;
  const inventoryEvents = createInventoryEvents({
    bus,
    transport,
    logger,
    store: connection === null ? memoryReadBackStore : createRedisReadBackStore(connection, prefix),
    ...options.readBacks,
  });
  const reconciler = createReconciler({
    bus,
    transport,
    logger,
    lock:
      connection === null
        ? soleProcessLock
        : createRedisJobLock(connection, prefix, randomBytes(8).toString('hex')),
    ...options.reconcile,
  });
  return {
    bus,
    inventoryEvents,
    reconciler,
    health() {
      const readBacks = inventoryEvents.pending();
      return {
        redis: connection?.health() ?? null,
        readBacks,
        unpublished: bus.unpublished(),
        acceptingWebhooks: readBacks.items < maxPending,
      };
    },
    async close() {
      await reconciler.stop();
      await inventoryEvents.flush();
      inventoryEvents.close();
      await bus.close();
      await connection?.close();
    },
  };
}
