import {
  GraphQLError,
  Kind,
  OperationTypeNode,
  execute,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
} from 'graphql';
import type { WebSocket } from 'ws';
import type { GatewayContext } from '../context.js';
import type { Logger } from '../logger.js';
import type { InventoryEvent } from './event-bus.js';

/** The subscription fields the hub serves, and which bus events each one takes. */
const FIELDS: Readonly<Record<string, (event: InventoryEvent) => boolean>> = {
  backorderCounters: (event) => event.kind === 'change' && event.countersChanged,
  stockChanged: (event) => event.kind === 'change',
  backorderLimitReached: (event) => event.kind === 'limit',
};

/** A value the hub executes: a bus event, or an initial counters value (readAt, item and stock alike). */
export interface HubValue {
  readonly readAt: number;
  readonly item: InventoryEvent['item'];
  readonly stock: InventoryEvent['stock'];
}

export interface HubOptions {
  readonly logger: Logger;
  /** Whether an event's item and location pass a subscription's filter. */
  readonly matches: (filter: unknown, event: InventoryEvent) => boolean;
  /** The current counters for a filter, read once for a burst of identical subscriptions. */
  readonly initialCounters: (context: GatewayContext, filter: unknown) => Promise<readonly HubValue[]>;
  /** A socket with more unsent bytes than this is closed with 1013. */
  readonly maxBufferedBytes: number;
  /** Called for each payload sent to a subscriber, e.g. for metrics. */
  readonly onSend?: () => void;
}

interface Subscriber {
  readonly id: string;
  readonly socket: WebSocket;
  /** Values read before this are older than the initial counters the subscriber got. */
  since: number;
  /** Messages held while the initial counters are being sent. */
  held: { readAt: number; json: string }[] | null;
  ended: boolean;
  end(): void;
}

interface Hub {
  readonly subscribers: Set<Subscriber>;
  unsubscribe: (() => void) | null;
  /** Set when the last subscriber left; a listener registered after that is removed at once. */
  closed: boolean;
  /** Resolves once the bus listener is registered. */
  ready: Promise<void>;
  /** Events are executed one after another, so that messages leave in bus order. */
  tail: Promise<void>;
}

/** A filter the hub can apply as sent: absent, or lists of integers (and strings for `skus`). */
export function isPlainFilter(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value !== 'object' || Array.isArray(value)) return false;
  return Object.entries(value).every(([name, list]) => {
    if (list === null) return ['productIds', 'variantIds', 'skus', 'locationIds'].includes(name);
    if (!Array.isArray(list)) return false;
    if (name === 'skus') return list.every((entry) => typeof entry === 'string');
    return (
      ['productIds', 'variantIds', 'locationIds'].includes(name) &&
      list.every((entry) => Number.isSafeInteger(entry))
    );
  });
}

/** Whether graphql-ws can hand this operation to the hub: one served root field, no `after`. */
export function hubField(
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
): { field: string; filter: unknown } | null {
  const operations = document.definitions.filter(
    (definition) => definition.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operations[0];
  if (operations.length !== 1 || operation?.operation !== OperationTypeNode.SUBSCRIPTION) return null;
  const selections = operation.selectionSet.selections;
  const root = selections[0];
  if (
    selections.length !== 1 ||
    root?.kind !== Kind.FIELD ||
    FIELDS[root.name.value] === undefined ||
    root.alias !== undefined
  )
    return null;
  let filter: unknown = null;
  for (const argument of root.arguments ?? []) {
    const value = argument.value.kind === Kind.VARIABLE ? variables?.[argument.value.name.value] : undefined;
    if (argument.value.kind !== Kind.VARIABLE && argument.value.kind !== Kind.NULL) return null;
    if (argument.name.value === 'after' && value !== undefined && value !== null) return null;
    if (argument.name.value === 'filter') filter = value ?? null;
  }
  return { field: root.name.value, filter };
}

/**
 * Serves graphql-ws subscriptions that many clients share: per (document, variables) one bus listener, one
 * execution and one serialised payload per event, written to every socket as one prepared string. graphql-ws
 * still owns the protocol (each subscription is a quiet iterator it can complete); the hub only writes `next`.
 */
export function createSubscriptionHub(options: HubOptions) {
  const hubs = new Map<string, Hub>();

  function mask(result: ExecutionResult): ExecutionResult {
    if (result.errors === undefined) return result;
    return {
      ...result,
      errors: result.errors.map((error) => {
        if (error.originalError === undefined || error.originalError instanceof GraphQLError) return error;
        options.logger.error('unexpected error', {
          path: error.path?.join('.'),
          error: error.originalError.name,
          detail: error.originalError.message,
        });
        return new GraphQLError('Unexpected error.', {
          ...(error.path === undefined ? {} : { path: error.path }),
        });
      }),
    };
  }

  async function run(args: ExecutionArgs, value: HubValue): Promise<string> {
    const context = args.contextValue as GatewayContext;
    return JSON.stringify(
      mask(await execute({ ...args, rootValue: value, contextValue: context.forEvent() })),
    );
  }

  function send(subscriber: Subscriber, json: string): void {
    const { socket } = subscriber;
    if (subscriber.ended || socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount > options.maxBufferedBytes) {
      socket.close(1013, 'Too far behind; reconnect and resume with after');
      return;
    }
    socket.send(`{"id":${JSON.stringify(subscriber.id)},"type":"next","payload":${json}}`);
    options.onSend?.();
  }

  function deliver(subscriber: Subscriber, readAt: number, json: string): void {
    if (subscriber.held !== null) subscriber.held.push({ readAt, json });
    else if (readAt >= subscriber.since) send(subscriber, json);
  }

  return {
    /**
     * Registers a graphql-ws subscription; resolves to the quiet iterator graphql-ws holds for it. `streams` tracks
     * it for shutdown and stats.
     */
    async attach(
      args: ExecutionArgs,
      plan: { field: string; filter: unknown },
      socket: WebSocket,
      id: string,
      streams: Set<{ return(): Promise<unknown> }>,
    ): Promise<AsyncIterableIterator<ExecutionResult>> {
      const context = args.contextValue as GatewayContext;
      // Keyed by the viewer's scopes too: subscribers share an execution only when they may see the same.
      const key = `${context.viewer.scopeKey}\n${plan.field}\n${JSON.stringify(args.variableValues ?? {})}\n${JSON.stringify(args.operationName ?? null)}\n${String(hashDocument(args.document))}`;
      let waiting: ((result: IteratorResult<ExecutionResult>) => void) | null = null;
      const accept = FIELDS[plan.field] ?? (() => false);
      let hub = hubs.get(key);
      if (hub === undefined) {
        const created: Hub = {
          subscribers: new Set(),
          unsubscribe: null,
          closed: false,
          ready: Promise.resolve(),
          tail: Promise.resolve(),
        };
        hub = created;
        hubs.set(key, created);
        const registering = context.live.bus.subscribe((event) => {
          if (!accept(event) || !options.matches(plan.filter, event) || created.subscribers.size === 0)
            return;
          created.tail = created.tail.then(async () => {
            const json = await run(args, event).catch((error: unknown) => {
              options.logger.error('subscription event failed', {
                error: error instanceof Error ? error.message : String(error),
              });
              return null;
            });
            if (json !== null)
              for (const subscriber of created.subscribers) deliver(subscriber, event.readAt, json);
          });
        });
        created.ready = registering.then(
          (unsubscribe) => {
            if (created.closed) unsubscribe();
            else created.unsubscribe = unsubscribe;
          },
          (error: unknown) => {
            created.closed = true;
            if (hubs.get(key) === created) hubs.delete(key);
            throw error;
          },
        );
      }
      const owner = hub;
      const subscriber: Subscriber = {
        id,
        socket,
        since: 0,
        held: plan.field === 'backorderCounters' ? [] : null,
        ended: false,
        end: () => undefined,
      };
      const iterator: AsyncIterableIterator<ExecutionResult> & {
        return(): Promise<IteratorResult<ExecutionResult>>;
      } = {
        next: () =>
          subscriber.ended
            ? Promise.resolve({ done: true, value: undefined })
            : new Promise((resolve) => (waiting = resolve)),
        return: () => {
          if (!subscriber.ended) {
            subscriber.ended = true;
            owner.subscribers.delete(subscriber);
            streams.delete(iterator);
            if (owner.subscribers.size === 0) {
              owner.closed = true;
              if (hubs.get(key) === owner) hubs.delete(key);
              owner.unsubscribe?.();
              owner.unsubscribe = null;
            }
          }
          const resolve = waiting;
          waiting = null;
          resolve?.({ done: true, value: undefined });
          return Promise.resolve({ done: true, value: undefined });
        },
        [Symbol.asyncIterator]: () => iterator,
      };
      subscriber.end = () => void iterator.return();
      streams.add(iterator);
      owner.subscribers.add(subscriber);
      try {
        await owner.ready;
      } catch (error) {
        await iterator.return();
        throw error;
      }
      if (subscriber.held !== null) {
        // First the current counters, then whatever changed while they were read, if newer.
        try {
          const values = await options.initialCounters(context, plan.filter);
          for (const value of values) send(subscriber, await run(args, value));
          subscriber.since = values[0]?.readAt ?? 0;
        } catch (error) {
          options.logger.error('initial counters failed', {
            error: error instanceof Error ? error.message : String(error),
          });
          send(subscriber, JSON.stringify({ errors: [{ message: 'Unexpected error.' }] }));
        }
        const held = subscriber.held;
        subscriber.held = null;
        for (const message of held) if (message.readAt >= subscriber.since) send(subscriber, message.json);
      }
      return iterator;
    },
  };
}

const documentIds = new WeakMap<DocumentNode, number>();
let nextDocumentId = 0;

/** A small id per parsed document (yoga caches parsed documents, so equal texts share one). */
function hashDocument(document: DocumentNode): number {
  let id = documentIds.get(document);
  if (id === undefined) {
    nextDocumentId += 1;
    id = nextDocumentId;
    documentIds.set(document, id);
  }
  return id;
}
