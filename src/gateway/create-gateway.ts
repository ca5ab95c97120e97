import { readFileSync, readdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import {
  GraphQLError,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
  getOperationAST,
  getVariableValues,
  OperationTypeNode,
} from 'graphql';
import { createYoga } from 'graphql-yoga';
import { useGraphQlJit } from '@envelop/graphql-jit';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { createAdminGraphqlClient } from '../upstream/bigcommerce-admin-graphql/client.js';
import type { CircuitBreakerOptions } from '../upstream/circuit-breaker.js';
import { createTransport } from '../upstream/transport.js';
import { createAdjustmentCoalescer } from './adjustment-coalescer.js';
import { createWriteReadBacks } from './write-read-backs.js';
import { createRedisBudget } from './redis-budget.js';
import type { GatewayContext } from './context.js';
import { createMemoryEventBus, type EventBus } from './events/event-bus.js';
import { createInventoryEvents } from './events/inventory-events.js';
import { createStats, type GatewayStats, type LiveServices } from './events/live.js';
import { createRedisEventBus } from './events/redis-event-bus.js';
import { createSubscriptionHub, hubField, isPlainFilter } from './events/subscription-hub.js';
import { currentCounters, matches as matchesFilter } from './resolvers/events.js';
import type { InventoryEventFilter } from '../__generated__/resolvers-types.js';
import { createLoaders, type Upstream } from './loaders.js';
import { createLogger, type Logger } from './logger.js';
import { useErrorLogging } from './plugins/use-error-logging.js';
import { usePersistedDocuments } from './plugins/use-persisted-documents.js';
import { useSharedExecution } from './plugins/use-shared-execution.js';
import { useUpstreamUnavailable } from './plugins/use-upstream-unavailable.js';
import { useWebhookReceiver } from './plugins/use-webhook-receiver.js';
import { resolvers } from './resolvers/index.js';

export interface GatewayOptions {
  /** The store API base: `https://api.bigcommerce.com/stores/{hash}`, or an emulator's `storeUrl`. */
  readonly storeUrl: string;
  /** The store's access token; sent upstream only, never logged or returned. */
  readonly accessToken: string;
  /** Port for HTTP and WebSocket; 0 picks a free one. @default 0 */
  readonly port?: number;
  /** Interface to bind. @default '127.0.0.1' */
  readonly host?: string;
  /** Time limit of one upstream attempt. @default 10000 */
  readonly upstreamTimeoutMs?: number;
  /** Extra attempts for idempotent upstream calls. @default 3 */
  readonly upstreamRetries?: number;
  /** Base of the jittered backoff between upstream retries. @default 100 */
  readonly upstreamRetryBaseMs?: number;
  /**
   * The circuit breaker of each upstream API (REST V3, REST V2, Admin GraphQL); `false` turns them off.
   * @default { failureThreshold: 5, openMs: 5000 }
   */
  readonly upstreamCircuitBreaker?: CircuitBreakerOptions | false;
  /** How long a burst of concurrent adjustments must be quiet before its shared upstream call is sent. @default 2 */
  readonly coalesceWindowMs?: number;
  /** The longest the first adjustment of a burst waits for the shared call. @default 20 */
  readonly coalesceMaxWaitMs?: number;
  /** Largest accepted request body; larger ones get 413 before parsing. @default 1048576 */
  readonly maxBodyBytes?: number;
  /** Serve GraphiQL (with its assets, no internet needed) on GET /graphql. @default true */
  readonly graphiql?: boolean;
  /** @default JSON lines on stderr at info level, with the access token redacted */
  readonly logger?: Logger;
  /** The secret header value webhooks must carry; without one, `POST /webhooks/bigcommerce` answers 401. */
  readonly webhookSecret?: string;
  /** Redis shared by replicas (events, deduplication, snapshots); without it everything stays in this process. */
  readonly redisUrl?: string;
  /**
   * With `redisUrl`, draw the store's request budget from Redis, shared by the replicas (fed by the
   * `X-Rate-Limit-*` headers any of them receives); `false` keeps one budget per process. @default true
   */
  readonly sharedUpstreamBudget?: boolean;
  /** Prefix of the Redis keys. @default 'backorder-gateway' */
  readonly redisPrefix?: string;
  /** Events kept for clients resuming with `after` (the Redis stream is trimmed near this length). @default 10000 */
  readonly eventRetention?: number;
  /** A burst of webhooks is read back once quiet for this long. @default 25 */
  readonly refetchWindowMs?: number;
  /** Events held for one slow subscriber before it is stopped with SLOW_CONSUMER. @default 1000 */
  readonly maxSubscriberQueue?: number;
  /** A WebSocket whose unsent data exceeds this is closed (1013, try again later). @default 4194304 */
  readonly maxSocketBufferedBytes?: number;
  /** On stop, how long in-flight HTTP requests may still run before their connections are closed. @default 10000 */
  readonly shutdownGraceMs?: number;
  /** Run only the documents in the persisted-document manifest (clients send `documentId`). @default false */
  readonly persistedDocumentsOnly?: boolean;
  /**
   * On stop, how long readiness is false while requests are still served, so that load balancers stop routing
   * here before connections close. @default 0
   */
  readonly shutdownDrainMs?: number;
}

export interface Gateway {
  /** e.g. `http://127.0.0.1:4000` */
  readonly url: string;
  /** e.g. `http://127.0.0.1:4000/graphql` */
  readonly graphqlUrl: string;
  readonly port: number;
  readonly server: Server;
  /** Webhook counters. */
  readonly stats: GatewayStats;
  /** The event bus (memory or Redis). */
  readonly bus: EventBus;
  /** Open subscriptions in this process. */
  subscriptionCount(): number;
  /** Upstream read-backs made for webhooks so far. */
  refetchCalls(): number;
  /**
   * Graceful shutdown: readiness turns false, new connections are refused, in-flight HTTP requests finish,
   * subscriptions complete (SSE streams end), WebSockets close with 1001, then the bus closes.
   */
  stop(): Promise<void>;
}

const SCHEMA_DIR = new URL('../../schema/', import.meta.url);
const OPERATIONS_DIR = new URL('../../operations/', import.meta.url);

/** The public schema, from `schema/*.graphql` (the source of truth), with the resolvers. */
export function loadSchema() {
  const typeDefs = readdirSync(SCHEMA_DIR)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => readFileSync(new URL(file, SCHEMA_DIR), 'utf8'));
  return makeExecutableSchema<GatewayContext>({ typeDefs, resolvers });
}

function defaultQuery(): string | undefined {
  try {
    return readFileSync(new URL('catalog.graphql', OPERATIONS_DIR), 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Builds and starts the gateway: one GraphQL endpoint (`/graphql`) over BigCommerce's REST V2/V3 and Admin
 * GraphQL APIs (queries and mutations over HTTP; subscriptions over graphql-ws and SSE on the same path), plus
 * `POST /webhooks/bigcommerce`, `/healthz`, `/readyz` and `/_gateway/stats`.
 */
export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const logger = options.logger ?? createLogger({ secrets: [options.accessToken] });
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  // With Redis, replicas draw the store's request budget from one place.
  const budget =
    options.redisUrl === undefined || options.sharedUpstreamBudget === false
      ? undefined
      : createRedisBudget({
          url: options.redisUrl,
          ...(options.redisPrefix === undefined ? {} : { prefix: options.redisPrefix }),
          logger,
        });
  const transport = createTransport({
    ...(budget === undefined ? {} : { budget }),
    baseUrl: options.storeUrl,
    accessToken: options.accessToken,
    ...(options.upstreamTimeoutMs === undefined ? {} : { timeoutMs: options.upstreamTimeoutMs }),
    ...(options.upstreamRetries === undefined ? {} : { retries: options.upstreamRetries }),
    ...(options.upstreamRetryBaseMs === undefined ? {} : { retryBaseMs: options.upstreamRetryBaseMs }),
    ...(options.upstreamCircuitBreaker === undefined
      ? {}
      : { circuitBreaker: options.upstreamCircuitBreaker }),
    onAttempt: (event) => logger.debug('upstream attempt', { ...event }),
  });
  const upstream: Upstream = { transport, graphql: createAdminGraphqlClient(transport) };
  const readBacks = createWriteReadBacks({
    transport,
    logger,
    publish: (levels, readAt) => inventoryEvents.observeLevels(levels, readAt),
  });
  const coalescer = createAdjustmentCoalescer(transport, {
    readBacks,
    ...(options.coalesceWindowMs === undefined ? {} : { windowMs: options.coalesceWindowMs }),
    ...(options.coalesceMaxWaitMs === undefined ? {} : { maxWaitMs: options.coalesceMaxWaitMs }),
  });
  const query = defaultQuery();
  const bus =
    options.redisUrl === undefined
      ? createMemoryEventBus(
          options.eventRetention === undefined ? {} : { retention: options.eventRetention },
        )
      : await createRedisEventBus({
          url: options.redisUrl,
          ...(options.redisPrefix === undefined ? {} : { prefix: options.redisPrefix }),
          ...(options.eventRetention === undefined ? {} : { retention: options.eventRetention }),
        });
  const inventoryEvents = createInventoryEvents({
    bus,
    transport,
    logger,
    ...(options.refetchWindowMs === undefined ? {} : { refetchWindowMs: options.refetchWindowMs }),
  });
  const live: LiveServices = {
    bus,
    inventoryEvents,
    stats: createStats(),
    maxQueue: options.maxSubscriberQueue ?? 1000,
    initialReads: new Map(),
    streams: new Set(),
  };
  const neverAborted = new AbortController().signal;
  const makeContext = (signal: AbortSignal): GatewayContext => ({
    upstream,
    loaders: createLoaders(upstream, signal),
    coalescer,
    signal,
    live,
    forEvent: () => makeContext(neverAborted),
  });

  const yoga = createYoga<Record<string, unknown>, GatewayContext>({
    schema: loadSchema(),
    graphqlEndpoint: '/graphql',
    landingPage: false,
    // Persisted documents arrive as `documentId` (see usePersistedDocuments).
    extraParamNames: ['documentId'],
    // Unexpected errors reach clients as "Unexpected error."; useErrorLogging records their detail first.
    maskedErrors: true,
    logging: {
      debug: (...args: unknown[]) => logger.debug(args.map(String).join(' ')),
      info: (...args: unknown[]) => logger.info(args.map(String).join(' ')),
      warn: (...args: unknown[]) => logger.warn(args.map(String).join(' ')),
      error: (...args: unknown[]) => logger.error(args.map(String).join(' ')),
    },
    graphiql:
      options.graphiql === false
        ? false
        : { title: 'backorder-gateway', ...(query === undefined ? {} : { defaultQuery: query }) },
    renderGraphiQL,
    // WebSocket subscriptions arrive without a Fetch request; they live until the client unsubscribes.
    context: ({ request }: { request?: Request }): GatewayContext =>
      makeContext(request?.signal ?? neverAborted),
    // Order: the webhook route answers before any GraphQL parsing; shared execution replaces the subscribe
    // function; upstream failures that applied nothing become a clear retryable error before error logging and
    // yoga's masking see them; error logging sees results before yoga masks them.
    plugins: [
      useWebhookReceiver({ secret: options.webhookSecret, live, logger }),
      usePersistedDocuments({ only: options.persistedDocumentsOnly === true }),
      useSharedExecution(),
      // Queries run compiled (graphql-jit, one compilation per parsed document): large answers such as a catalog
      // page spend most of their gateway time executing fields. Mutations and subscriptions run as graphql-js does.
      useGraphQlJit(
        {},
        {
          // Bad variables are left to graphql-js, which answers them as a request error (HTTP 400).
          enableIf: (args) => {
            const operation = getOperationAST(args.document, args.operationName);
            return (
              operation?.operation === OperationTypeNode.QUERY &&
              getVariableValues(args.schema, operation.variableDefinitions ?? [], args.variableValues ?? {})
                .errors === undefined
            );
          },
          onError: (result) => logger.warn('query not compiled', { errors: result.errors?.length ?? 0 }),
        },
      ),
      useUpstreamUnavailable({ logger }),
      useErrorLogging({ logger }),
    ],
  });

  let ready = true;
  /** False once the drain period of a stop is over; during it requests are served while readiness is false. */
  let serving = true;
  const reject = (response: ServerResponse, status: number, message: string): void => {
    response.writeHead(status, { 'content-type': 'application/json', connection: 'close' });
    response.end(JSON.stringify({ errors: [{ message }] }));
  };
  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    const path = (request.url ?? '/').split('?')[0];
    if (path === '/healthz') {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      return;
    }
    if (path === '/readyz') {
      response
        .writeHead(ready ? 200 : 503, { 'content-type': 'application/json' })
        .end(JSON.stringify({ ready }));
      return;
    }
    if (path === '/_gateway/stats') {
      // `?gc=1` collects garbage first when the process runs with --expose-gc (the bench does, to measure
      // retained memory rather than garbage not yet collected).
      const collect = (globalThis as { gc?: () => void }).gc;
      if (request.url?.includes('gc=1') === true && collect !== undefined) collect();
      const body = {
        ...live.stats,
        subscriptions: live.streams.size,
        listeners: bus.listenerCount(),
        refetchCalls: inventoryEvents.refetchCalls(),
        circuits: transport.circuits?.() ?? [],
        process: { ...process.cpuUsage(), rssBytes: process.memoryUsage.rss() },
      };
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      return;
    }
    if (!serving) {
      reject(response, 503, 'The gateway is shutting down');
      request.resume();
      return;
    }
    // Bodies are limited before yoga reads them: a body must declare its length (Node enforces it), and a
    // declared length over the limit is refused at once.
    const hasBody =
      request.headers['transfer-encoding'] !== undefined || request.headers['content-length'] !== undefined;
    const declared = Number(request.headers['content-length'] ?? Number.NaN);
    if (hasBody && !Number.isFinite(declared)) {
      reject(response, 411, 'Send request bodies with a Content-Length header');
      request.resume();
      return;
    }
    if (declared > maxBodyBytes) {
      reject(response, 413, `Request body exceeds ${maxBodyBytes} bytes`);
      request.resume();
      return;
    }
    yoga.requestListener(request, response);
  };

  const server = createServer(handle);
  const maxBuffered = options.maxSocketBufferedBytes ?? 4 * 1024 * 1024;
  const hub = createSubscriptionHub({
    logger,
    matches: (filter, event) =>
      matchesFilter(filter as InventoryEventFilter | null, event.item, event.stock.locationId),
    initialCounters: (context, filter) => currentCounters(context, filter as InventoryEventFilter | null),
    maxBufferedBytes: maxBuffered,
  });
  // graphql-ws on the same port and path; every subscription goes through yoga's envelop pipeline, so it gets
  // the same context, validation and plugins as an HTTP request.
  const wss = new WebSocketServer({ server, path: '/graphql' });
  interface Enveloped {
    readonly schema: GraphQLSchema;
    parse(source: string): DocumentNode;
    validate(schema: GraphQLSchema, document: DocumentNode): readonly GraphQLError[];
    contextFactory(): Promise<GatewayContext>;
    execute(args: ExecutionArgs): Promise<ExecutionResult> | ExecutionResult;
    subscribe(args: ExecutionArgs): Promise<AsyncGenerator<ExecutionResult> | ExecutionResult>;
  }
  const wsServer = useServer(
    {
      execute: (args: ExecutionArgs) => (args.rootValue as Enveloped).execute(args),
      subscribe: (args: ExecutionArgs) => (args.rootValue as Enveloped).subscribe(args),
      onSubscribe: async (ctx, id, payload) => {
        const enveloped = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params: payload,
        }) as unknown as Enveloped;
        let document;
        try {
          document = enveloped.parse(payload.query);
        } catch (error) {
          return [error instanceof GraphQLError ? error : new GraphQLError('The query could not be parsed')];
        }
        const errors = enveloped.validate(enveloped.schema, document);
        if (errors.length > 0) return errors;
        const args = {
          schema: enveloped.schema,
          operationName: payload.operationName ?? null,
          document,
          variableValues: payload.variables ?? null,
          contextValue: await enveloped.contextFactory(),
          rootValue: enveloped,
        };
        // Live subscriptions shared by many clients go to the hub (one execution and one payload per event);
        // resumes (`after`) and anything unusual take the ordinary per-subscriber path.
        const plan = hubField(document, payload.variables);
        if (plan === null || !isPlainFilter(plan.filter)) return args;
        const socket = ctx.extra.socket;
        return {
          ...args,
          rootValue: { ...enveloped, subscribe: () => hub.attach(args, plan, socket, id, live.streams) },
        };
      },
      onNext: (ctx) => {
        // A client that cannot keep up is disconnected before its unsent data grows without bound.
        if (ctx.extra.socket.bufferedAmount > maxBuffered)
          ctx.extra.socket.close(1013, 'Too far behind; reconnect and resume with after');
      },
    },
    wss,
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = (options.host ?? '127.0.0.1').includes(':')
    ? `[${options.host ?? ''}]`
    : (options.host ?? '127.0.0.1');
  const url = `http://${host}:${port}`;
  return {
    url,
    graphqlUrl: `${url}/graphql`,
    port,
    server,
    stats: live.stats,
    bus,
    subscriptionCount: () => live.streams.size,
    refetchCalls: () => inventoryEvents.refetchCalls(),
    async stop() {
      ready = false;
      if ((options.shutdownDrainMs ?? 0) > 0)
        await new Promise((resolve) => setTimeout(resolve, options.shutdownDrainMs));
      serving = false;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await Promise.all([...live.streams].map((stream) => stream.return()));
      for (const socket of wss.clients) socket.close(1001, 'Server shutting down');
      await wsServer.dispose();
      await coalescer.flush();
      await inventoryEvents.flush();
      // Connections are closed as soon as they go idle (SSE streams just ended, requests finishing); requests still
      // running after the grace period are cut.
      const sweep = setInterval(() => server.closeIdleConnections(), 25);
      server.closeIdleConnections();
      const grace = setTimeout(() => server.closeAllConnections(), options.shutdownGraceMs ?? 10_000);
      await closed;
      clearInterval(sweep);
      clearTimeout(grace);
      await bus.close();
      await transport.close();
      await budget?.close();
    },
  };
}
