import {
  defaultBuildResponseCacheKey,
  useResponseCache as useEnvelopResponseCache,
  type Cache,
  type CacheEntityRecord,
} from '@envelop/response-cache';
import { createRedisCache } from '@envelop/response-cache-redis';
import {
  getOperationAST,
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type SelectionNode,
  valueFromASTUntyped,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { GatewayContext } from '../context.js';
import type { EventBus, InventoryEvent } from '../events/event-bus.js';
import { describeRedisError } from '../events/redis-connection.js';
import { globalId, parseGlobalId } from '../global-id.js';
import type { Logger } from '../logger.js';

/**
 * Caching of query answers, shared by replicas through Redis when one is configured, and invalidated by the
 * gateway's own knowledge of change.
 *
 * Guarantees:
 * - An answer is served only to clients with the same scopes as the client it was computed for (the cache key
 *   holds the viewer's scope key), and only after authentication, rate limits, scopes and operation limits have
 *   accepted the request: the plugin sits after them in the pipeline.
 * - Every inventory event on the bus (webhook read-backs, reconciliation sweeps, the read-backs of the gateway's
 *   own writes, from any replica) removes every answer holding that item: its `Product`, `Variant`,
 *   `InventoryItem` and `InventoryLevel` at the location, and every `backorders` answer (whose membership changes
 *   with figures). Every mutation removes the answers holding the products and variants it names (all inventory
 *   answers when it names items only by SKU or order line), before its client gets the answer.
 * - An answer whose execution started before an invalidation of anything it holds is not stored: a read that
 *   began before a change cannot come back as a cached answer after it (the invalidation log below).
 * - Orders are never cached (the store sends no webhooks for them), nor are mutations, subscriptions,
 *   introspection, or answers with errors. Entries expire after `ttlMs` whatever happens, a backstop for changes
 *   the gateway hears nothing about (catalog names, locations, lost webhooks between sweeps).
 */
export interface ResponseCacheOptions {
  /** Longest an answer is kept, whatever the events say. @default 60000 */
  readonly ttlMs?: number;
  /** Answers kept in this process's memory at most (least recently used go first); not used with Redis. @default 10000 */
  readonly maxEntries?: number;
}

export interface ResponseCacheDependencies {
  /** The events that invalidate; with Redis they come from every replica. */
  readonly bus: EventBus;
  /** Where the hit, miss, invalidation and entry metrics are registered. */
  readonly registry: Registry;
  readonly logger: Logger;
  /** Store answers in Redis, shared by the replicas, under `{prefix}:response-cache:`. @default this process's memory */
  readonly redis?: { readonly url: string; readonly prefix: string };
}

export interface ResponseCache {
  /** The yoga plugin; list it after authentication, rate limits, scopes and operation limits. */
  readonly plugin: Plugin<GatewayContext>;
  /** Removes every answer holding one of `entities` (as the cache records them: typename and global id). */
  invalidate(entities: readonly CacheEntityRecord[], reason: InvalidationReason): Promise<void>;
  /** Answers held in this process's memory (0 with Redis, where Redis holds them). */
  entries(): number;
  /** Stops listening to the bus and closes the Redis connection. */
  close(): Promise<void>;
}

export type InvalidationReason = 'event' | 'write';

/** The types whose answers a write naming no product or variant may change: all inventory answers. */
const INVENTORY_TYPES = ['Product', 'Variant', 'InventoryItem', 'InventoryLevel', 'Query.backorders'];

/** Answers holding these are never stored: the store announces no change of orders. */
const UNCACHED = { 'Query.order': 0, 'Query.orders': 0, Order: 0, OrderLine: 0 } as const;

const recordKey = ({ typename, id }: CacheEntityRecord): string =>
  id === undefined || id === null ? typename : `${typename}:${String(id)}`;

/**
 * What an answer holding `entity` must also be found under: the product and variant its global id names, so that a
 * write naming only a variant id or a product id finds every answer holding that item.
 */
function itemRecords(entity: CacheEntityRecord): CacheEntityRecord[] {
  if (typeof entity.id !== 'string') return [];
  const parsed = parseGlobalId(entity.id);
  if (parsed === null) return [];
  switch (parsed.type) {
    case 'Product':
      return [{ typename: 'product', id: parsed.id }];
    case 'Variant':
      return [{ typename: 'variant', id: parsed.id }];
    case 'InventoryItem':
    case 'InventoryLevel':
      return [
        { typename: 'product', id: parsed.productId },
        { typename: 'variant', id: parsed.variantId },
      ];
    default:
      return [];
  }
}

/** The answers an inventory event makes stale. */
export function entitiesOfEvent(event: InventoryEvent): CacheEntityRecord[] {
  const { productId, variantId } = event.item;
  return [
    { typename: 'Product', id: globalId.product(productId) },
    { typename: 'Variant', id: globalId.variant(variantId) },
    { typename: 'InventoryItem', id: globalId.inventoryItem(productId, variantId) },
    {
      typename: 'InventoryLevel',
      id: globalId.inventoryLevel(productId, variantId, event.stock.locationId),
    },
    // Which items are backordered (the list's membership) changes with the figures.
    { typename: 'Query.backorders' },
  ];
}

/** The store of one request, told what the operation selects before it runs. */
interface RequestCache extends Cache {
  selects(document: DocumentNode, operationName: string | null | undefined): void;
  /** The execution is over: requests waiting for its answer get it, or go to the store themselves. */
  settle(): void;
}

/** How long a request waits for an identical one already executing before it executes itself. */
const FOLLOW_LIMIT_MS = 5_000;

/** `Query.<field>` for each root field an operation selects, through fragments. */
function rootFieldsOf(document: DocumentNode, operationName: string | null | undefined): string[] {
  const operation = getOperationAST(document, operationName);
  if (operation === null || operation === undefined) return [];
  const fields = new Set<string>();
  const seen = new Set<string>();
  const walk = (selections: readonly SelectionNode[]): void => {
    for (const selection of selections) {
      if (selection.kind === Kind.FIELD) fields.add(`Query.${selection.name.value}`);
      else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet.selections);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = document.definitions.find(
          (definition) =>
            definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === selection.name.value,
        );
        if (fragment?.kind === Kind.FRAGMENT_DEFINITION) walk(fragment.selectionSet.selections);
      }
    }
  };
  walk(operation.selectionSet.selections);
  return [...fields];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The answers a mutation may make stale, from what its arguments name: every object with a `productId` or
 * `variantId` names that item; an object naming an item otherwise (a `sku`, an order `lineId`) or an order update
 * (a status change releases every line's stock) falls back to every inventory answer.
 */
export function entitiesOfWrite(args: ExecutionArgs): CacheEntityRecord[] {
  const operation = getOperationAST(args.document, args.operationName);
  if (operation === null || operation === undefined) return INVENTORY_TYPES.map((typename) => ({ typename }));
  const variables = args.variableValues ?? {};
  const records = new Map<string, CacheEntityRecord>();
  let everything = false;
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const element of value) visit(element);
      return;
    }
    if (!isRecord(value)) return;
    const { productId, variantId } = value;
    const named = typeof productId === 'number' || typeof variantId === 'number';
    if (typeof productId === 'number') records.set(`p${productId}`, { typename: 'product', id: productId });
    if (typeof variantId === 'number') records.set(`v${variantId}`, { typename: 'variant', id: variantId });
    if (!named && ('sku' in value || 'lineId' in value)) everything = true;
    for (const nested of Object.values(value)) visit(nested);
  };
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) {
      everything = true;
      continue;
    }
    if (selection.name.value === 'updateOrder') everything = true;
    for (const argument of selection.arguments ?? []) visit(valueFromASTUntyped(argument.value, variables));
  }
  return everything ? INVENTORY_TYPES.map((typename) => ({ typename })) : [...records.values()];
}

/**
 * The invalidations of the last moments, in order, so that an answer can be checked at storing time against what
 * changed since its execution began. Bounded: an execution older than the whole log is never stored.
 */
class InvalidationLog {
  private sequence = 0;
  private readonly entries: { readonly sequence: number; readonly keys: readonly string[] }[] = [];

  constructor(private readonly capacity: number) {}

  now(): number {
    return this.sequence;
  }

  record(keys: readonly string[]): void {
    this.sequence += 1;
    this.entries.push({ sequence: this.sequence, keys });
    if (this.entries.length > this.capacity * 2) this.entries.splice(0, this.entries.length - this.capacity);
  }

  /** Whether any of `keys` was invalidated after `since` (or whether that is no longer known). */
  changedSince(since: number, keys: ReadonlySet<string>): boolean {
    if (since === this.sequence) return false;
    const oldest = this.entries[0];
    if (oldest === undefined || oldest.sequence > since + 1) return true;
    for (let index = this.entries.length - 1; index >= 0; index -= 1) {
      const entry = this.entries[index];
      if (entry === undefined || entry.sequence <= since) break;
      if (entry.keys.some((key) => keys.has(key))) return true;
    }
    return false;
  }
}

/** An answer store in this process: least recently used answers go first past `max`, each expires after its ttl. */
type MemoryStore = Cache & { size(): number };

function createMemoryStore(max: number, ttlMs: number): MemoryStore {
  const byEntity = new Map<string, Set<string>>();
  const entitiesOf = new Map<string, readonly string[]>();
  const unlink = (key: string): void => {
    for (const entity of entitiesOf.get(key) ?? []) {
      const keys = byEntity.get(entity);
      keys?.delete(key);
      if (keys?.size === 0) byEntity.delete(entity);
    }
    entitiesOf.delete(key);
  };
  const answers = new LRUCache<string, ExecutionResult>({
    max,
    ttl: ttlMs,
    // Entries past their ttl are dropped when read, or when the least recently used go.
    ttlAutopurge: false,
    dispose: (_value, key) => unlink(key),
  });
  return {
    get: (key) => answers.get(key),
    set(key, result, entities, ttl) {
      answers.set(key, result, { ttl });
      const keys = [...new Set([...entities].map(recordKey))];
      entitiesOf.set(key, keys);
      for (const entity of keys) {
        let set = byEntity.get(entity);
        if (set === undefined) {
          set = new Set();
          byEntity.set(entity, set);
        }
        set.add(key);
      }
    },
    invalidate(entities) {
      for (const entity of entities)
        for (const key of [...(byEntity.get(recordKey(entity)) ?? [])]) answers.delete(key);
    },
    size: () => answers.size,
  };
}

/**
 * Answers in Redis, through `@envelop/response-cache-redis`, with every key under `{prefix}:response-cache:`.
 * Invalidation never uses a type without an id (which the library answers with `KEYS`, a scan of the whole
 * database): types are recorded as the id of a `type` record. The library leaves its index sets without expiry;
 * each store gives them the answer's ttl again, so that they go once nothing refers to them. Redis failures make
 * a miss, or an answer not stored, never a failed request.
 */
function createRedisStore(redis: Redis, prefix: string, ttlMs: number, logger: Logger): Cache {
  const base = `${prefix}:response-cache`;
  const scoped = (entity: CacheEntityRecord): CacheEntityRecord =>
    entity.id === undefined || entity.id === null
      ? { typename: `${base}:type`, id: entity.typename }
      : { typename: `${base}:${entity.typename}`, id: entity.id };
  const operationKey = (responseId: string) => `${responseId}:entities`;
  const library = createRedisCache({ redis, buildRedisOperationResultCacheKey: operationKey });
  let lastLogged = 0;
  const warn = (message: string, error: unknown): void => {
    if (Date.now() - lastLogged < 30_000) return;
    lastLogged = Date.now();
    logger.warn(message, { error: describeRedisError(error) });
  };
  return {
    async get(key) {
      try {
        return await library.get(key);
      } catch (error) {
        warn('response cache: Redis read failed; answering from the store', error);
        return undefined;
      }
    },
    async set(key, result, entities, ttl) {
      const records = [...entities].map(scoped);
      try {
        await library.set(key, result, records, ttl);
        const expire = redis.pipeline().pexpire(operationKey(key), ttl);
        for (const record of records) {
          expire.pexpire(record.typename, ttlMs);
          expire.pexpire(`${record.typename}:${String(record.id)}`, ttlMs);
        }
        await expire.exec();
      } catch (error) {
        warn('response cache: Redis write failed; answer not cached', error);
      }
    },
    async invalidate(entities) {
      await library.invalidate([...entities].map(scoped));
    },
  };
}

/**
 * Builds the cache, its store (memory, or Redis when given) and its metrics, and starts listening to the bus.
 */
export async function createResponseCache(
  options: ResponseCacheOptions,
  dependencies: ResponseCacheDependencies,
): Promise<ResponseCache> {
  const ttlMs = options.ttlMs ?? 60_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const { logger, registry } = dependencies;
  const redis =
    dependencies.redis === undefined
      ? null
      : new Redis(dependencies.redis.url, {
          enableOfflineQueue: false,
          maxRetriesPerRequest: 0,
          commandTimeout: 2000,
          retryStrategy: (times: number) => Math.min(1000, 50 * 2 ** Math.min(times, 10)),
        });
  // Connection errors are reported by the store's calls (one warning per 30 s), not as unhandled error events.
  redis?.on('error', () => undefined);
  const prefix = dependencies.redis?.prefix ?? 'backorder-gateway';
  let memory: MemoryStore | null = null;
  let store: Cache;
  if (redis === null) store = memory = createMemoryStore(maxEntries, ttlMs);
  else store = createRedisStore(redis, prefix, ttlMs, logger);
  const log = new InvalidationLog(10_000);

  const name = (metric: string) => `backorder_gateway_response_cache_${metric}`;
  const hits = new Counter({
    name: name('hits_total'),
    help: 'Queries answered from the response cache',
    registers: [registry],
  });
  const misses = new Counter({
    name: name('misses_total'),
    help: 'Cacheable queries that went to the store',
    registers: [registry],
  });
  const invalidations = new Counter({
    name: name('invalidations_total'),
    help: 'Invalidations of cached answers: `event` (an inventory event from any replica), `write` (a mutation here)',
    labelNames: ['reason'],
    registers: [registry],
  });
  const discarded = new Counter({
    name: name('discarded_total'),
    help: 'Answers not stored because something they hold was invalidated while they were being computed',
    registers: [registry],
  });
  new Gauge({
    name: name('entries'),
    help: "Answers held in this process's memory (0 with Redis, which holds them there)",
    registers: [registry],
    collect() {
      this.set(memory?.size() ?? 0);
    },
  });

  const invalidate = async (entities: readonly CacheEntityRecord[], reason: InvalidationReason) => {
    log.record(entities.map(recordKey));
    invalidations.inc({ reason });
    try {
      await store.invalidate(entities);
    } catch (error) {
      // The entries expire with their ttl; every replica invalidates on the same event, so one failure is repaired
      // by the next replica's call whenever Redis answers it.
      logger.warn('response cache: invalidation failed', { error: describeRedisError(error) });
    }
  };
  const unsubscribe = await dependencies.bus.subscribe(
    (event) => void invalidate(entitiesOfEvent(event), 'event'),
  );

  /**
   * The store as one request sees it: remembers when its lookup happened, and stores only if nothing the answer
   * holds was invalidated since. An answer is recorded under its entities (type and global id), the products and
   * variants they name, their types, and the root fields it selects (`Query.backorders`).
   */
  /**
   * Identical queries that miss at the same moment share one execution: the first executes, the others wait for
   * its answer and take it only if it is stored. That is sound: they started after it, so nothing they hold was
   * invalidated since they started either.
   */
  interface Execution {
    readonly answer: Promise<ExecutionResult | null>;
    settle(answer: ExecutionResult | null): void;
  }
  const executing = new Map<string, Execution>();
  const forRequest = (): RequestCache => {
    let startedAt = log.now();
    let rootFields: readonly string[] = [];
    let leading: string | null = null;
    const lead = (key: string): null => {
      let settle: (answer: ExecutionResult | null) => void = () => undefined;
      const answer = new Promise<ExecutionResult | null>((resolve) => (settle = resolve));
      executing.set(key, { answer, settle });
      leading = key;
      return null;
    };
    const finish = (answer: ExecutionResult | null): void => {
      if (leading === null) return;
      const entry = executing.get(leading);
      executing.delete(leading);
      leading = null;
      entry?.settle(answer);
    };
    const follow = async (key: string, entry: Execution) => {
      let timer: NodeJS.Timeout | undefined;
      const shared = await Promise.race([
        entry.answer,
        new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), FOLLOW_LIMIT_MS))),
      ]);
      clearTimeout(timer);
      if (shared !== null) {
        hits.inc();
        return shared;
      }
      misses.inc();
      // An execution that never settled (it threw before finishing) stops being followed.
      if (executing.get(key) === entry) executing.delete(key);
      // Whoever comes next after a failed or discarded execution leads the next one.
      return executing.has(key) ? null : lead(key);
    };
    return {
      selects(document, operationName) {
        rootFields = rootFieldsOf(document, operationName);
      },
      get(key) {
        startedAt = log.now();
        const found = store.get(key);
        const count = (answer: ExecutionResult | null | undefined) => {
          if (answer !== null && answer !== undefined) {
            hits.inc();
            return answer;
          }
          const running = executing.get(key);
          if (running !== undefined) return follow(key, running);
          misses.inc();
          return lead(key);
        };
        return found instanceof Promise ? found.then(count) : count(found);
      },
      set(key, result, entities, ttl) {
        const records = [...entities].flatMap((entity) => [entity, ...itemRecords(entity)]);
        const types = new Set([...entities].map((entity) => entity.typename));
        for (const typename of [...types, ...rootFields]) records.push({ typename });
        const keys = new Set(records.map(recordKey));
        if (log.changedSince(startedAt, keys)) {
          discarded.inc();
          finish(null);
          return;
        }
        finish(result);
        return store.set(key, result, records, ttl);
      },
      settle: () => finish(null),
      invalidate: (entities) => invalidate([...entities], 'write'),
    };
  };
  const requests = new WeakMap<object, RequestCache>();
  const cacheOf = (context: object): RequestCache => {
    let cache = requests.get(context);
    if (cache === undefined) {
      cache = forRequest();
      requests.set(context, cache);
    }
    return cache;
  };

  const inner = useEnvelopResponseCache<GatewayContext>({
    cache: cacheOf,
    ttl: ttlMs,
    // Answers depend on nothing about the client but what its scopes let it select.
    session: (context) => `${context.viewer.kind}:${context.viewer.scopeKey}`,
    ttlPerSchemaCoordinate: UNCACHED,
    // Mutations are handled below, from their arguments, whatever they select.
    invalidateViaMutation: false,
    includeExtensionMetadata: false,
    // Under the Redis prefix, beside the index sets the Redis store keeps.
    buildResponseCacheKey: async (params) =>
      `${prefix}:response-cache:answer:${await defaultBuildResponseCacheKey(params)}`,
    shouldCacheResult: ({ result }) => result.errors === undefined || result.errors.length === 0,
  });
  const plugin: Plugin<GatewayContext> = {
    ...(inner.onSchemaChange === undefined ? {} : { onSchemaChange: inner.onSchemaChange }),
    onExecute(payload) {
      const args = payload.args as ExecutionArgs;
      const operation = getOperationAST(args.document, args.operationName)?.operation;
      if (operation === OperationTypeNode.QUERY) {
        const cache = cacheOf(payload.args.contextValue);
        cache.selects(args.document, args.operationName);
        type Hooks = { onExecuteDone?: (done: unknown) => unknown } | undefined;
        // Settles after the inner plugin has stored (or not stored) the answer, also when execution failed.
        const wrap = (hooks: Hooks) => ({
          onExecuteDone(result: unknown) {
            try {
              return hooks?.onExecuteDone?.(result) as undefined;
            } finally {
              cache.settle();
            }
          },
        });
        const hooks = inner.onExecute?.(payload) as Hooks | Promise<Hooks>;
        return hooks instanceof Promise ? hooks.then(wrap) : wrap(hooks);
      }
      if (operation !== OperationTypeNode.MUTATION) return undefined;
      // Whatever the outcome (an unknown outcome may have been applied), before the client gets the answer.
      return { onExecuteDone: () => invalidate(entitiesOfWrite(args), 'write') };
    },
  };

  return {
    plugin,
    invalidate,
    entries: () => memory?.size() ?? 0,
    async close() {
      unsubscribe();
      await redis?.quit().catch(() => redis.disconnect());
    },
  };
}

/** The plugin of `cache`, or nothing when caching is off. */
export function useResponseCache(cache: ResponseCache | null): Plugin<GatewayContext> {
  return cache?.plugin ?? {};
}
