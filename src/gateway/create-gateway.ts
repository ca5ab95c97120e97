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
} from 'graphql';
import { createYoga } from 'graphql-yoga';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { createAdminGraphqlClient } from '../upstream/bigcommerce-admin-graphql/client.js';
import type { CircuitBreakerOptions } from '../upstream/circuit-breaker.js';
import { createTransport } from '../upstream/transport.js';
import { stitchCatalog } from './catalog-stitching.js';
import { createAdjustmentCoalescer } from './adjustment-coalescer.js';
import { createWriteReadBacks } from './write-read-backs.js';
import { createRedisBudget } from './redis-budget.js';
import type { GatewayContext } from './context.js';
import type { EventBus } from './events/event-bus.js';
import {
  createEventPipeline,
  createStats,
  type EventPipeline,
  type GatewayStats,
  type LiveServices,
} from './events/live.js';
import { createSubscriptionHub, hubField, isPlainFilter } from './events/subscription-hub.js';
import { currentCounters, matches as matchesFilter } from './resolvers/events.js';
import type { InventoryEventFilter } from '../__generated__/resolvers-types.js';
import { createLoaders, type Upstream } from './loaders.js';
import { createAuthenticator, type AuthenticationOptions } from './auth/authenticator.js';
import type { Viewer } from './auth/viewer.js';
import { createLogger, type Logger } from './logger.js';
import { graphiqlTabOptions } from './operation-examples.js';
import { useDashboard } from './plugins/use-dashboard.js';
import { createAuthentication, useAuthentication } from './plugins/use-authentication.js';
import { clientOf, createClientRateLimit, useClientRateLimit } from './plugins/use-client-rate-limit.js';
import { createMemoryRateLimiter, createRedisRateLimiter } from './rate-limiter.js';
import { useAudit } from './plugins/use-audit.js';
import { useErrorLogging } from './plugins/use-error-logging.js';
import { useAliasDedup } from './plugins/use-alias-dedup.js';
import { useBodyLimit } from './plugins/use-body-limit.js';
import { useCsrfCors } from './plugins/use-csrf-cors.js';
import { useExecutionTimeout } from './plugins/use-execution-timeout.js';
import { useHealth } from './plugins/use-health.js';
import {
  DEFAULT_OPERATION_LIMITS,
  useOperationLimits,
  type OperationLimits,
} from './plugins/use-operation-limits.js';
import { createMetrics } from './metrics.js';
import { useMetrics, type MetricsPluginOptions } from './plugins/use-metrics.js';
import { currentRequestId, REQUEST_ID_HEADER, requestIdFrom, runWithRequestId } from './request-context.js';
import { useCompression } from './plugins/use-compression.js';
import { useLandingPage } from './plugins/use-landing-page.js';
import { usePersistedDocuments } from './plugins/use-persisted-documents.js';
import {
  createResponseCache,
  useResponseCache,
  type ResponseCacheOptions,
} from './plugins/use-response-cache.js';
import { useSchemaDisclosure } from './plugins/use-schema-disclosure.js';
import { useScopes } from './plugins/use-scopes.js';
import { useSharedExecution } from './plugins/use-shared-execution.js';
import { useUpstreamUnavailable } from './plugins/use-upstream-unavailable.js';
import { remoteDependencies, useRemoteSchemaCheck } from './plugins/use-remote-schema-check.js';
import {
  createRemoteSchemaMonitor,
  snapshotSchema,
  type RemoteSchemaOptions,
} from './remote-schema-monitor.js';
import { ADMIN_GRAPHQL_DOCUMENTS } from './upstream-documents.js';
import { useWebhookReceiver } from './plugins/use-webhook-receiver.js';
import { resolvers } from './resolvers/index.js';
import { createUpstreamBudget, NEVER_ABORTED } from './upstream-budget.js';

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
  /** Serve the live backorders dashboard (src/dashboard/) at /dashboard/. @default true */
  readonly dashboard?: boolean;
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
  /** First wait before a failed webhook read-back is tried again (doubled per failure). @default 100 */
  readonly readBackRetryBaseMs?: number;
  /** Longest wait between attempts of a failed read-back, retried until it succeeds. @default 10000 */
  readonly readBackRetryMaxMs?: number;
  /** Items waiting for a read-back at most; past it webhooks are answered 503 and readiness is false. @default 100000 */
  readonly maxPendingReadBacks?: number;
  /** Time between reconciliation sweeps of the watched inventory; 0 turns them off. @default 60000 */
  readonly sweepIntervalMs?: number;
  /** Upstream calls one sweep may make (50 products each), spaced by `sweepCallSpacingMs`. @default 20 */
  readonly sweepMaxCalls?: number;
  /** Pause between two upstream calls of a sweep. @default 250 */
  readonly sweepCallSpacingMs?: number;
  /**
   * Periodic hook sync: reactivates hooks the store deactivated (then sweeps). Off without it; `npm start` sets it
   * when the hooks were synced at start.
   */
  readonly hooksSync?: {
    readonly destination: string;
    readonly secret: string;
    readonly intervalMs?: number;
  };
  /** Events held for one slow subscriber before it is stopped with SLOW_CONSUMER. @default 1000 */
  readonly maxSubscriberQueue?: number;
  /** A WebSocket whose unsent data exceeds this is closed (1013, try again later). @default 4194304 */
  readonly maxSocketBufferedBytes?: number;
  /** On stop, how long in-flight HTTP requests may still run before their connections are closed. @default 10000 */
  readonly shutdownGraceMs?: number;
  /** Run only the documents in the persisted-document manifest (clients send `documentId`). @default false */
  readonly persistedDocumentsOnly?: boolean;
  /** Browser origins allowed to call (CORS, with credentials) and to open WebSockets. @default none */
  readonly corsOrigins?: readonly string[];
  /** Also allow loopback origins (`http://localhost:*`, `http://127.0.0.1:*`, `http://[::1]:*`). @default false */
  readonly corsAllowLoopback?: boolean;
  /** Operation limits (depth, aliases, cost, upstream calls, time, ...). @default DEFAULT_OPERATION_LIMITS */
  readonly limits?: Partial<OperationLimits>;
  /**
   * On stop, how long readiness is false while requests are still served, so that load balancers stop routing
   * here before connections close. @default 0
   */
  readonly shutdownDrainMs?: number;
  /**
   * Client authentication (JWT bearer tokens, API keys) over HTTP, SSE and graphql-ws, with the scopes declared in
   * the schema enforced before execution. @default off: every client is anonymous with every scope (the demo)
   */
  readonly auth?: AuthenticationOptions;
  /** Answer introspection queries. @default true */
  readonly introspection?: boolean;
  /** Suggest field and type names ("Did you mean ...") in validation errors. @default true */
  readonly fieldSuggestions?: boolean;
  /**
   * A further readiness condition, read on each `/readyz`: `npm start` reports unready while the store has not
   * answered its boot check. @default always ready
   */
  readonly isReady?: () => boolean;
  /**
   * Who may read `GET /metrics` (see `MetricsPluginOptions.authorize`); with authentication on, callers holding
   * `gateway:admin`. @default everyone
   */
  readonly metricsAuthorize?: MetricsPluginOptions['authorize'];
  /**
   * Requests each client (token subject, API key name, or remote address when authentication is off) may make
   * per window, over HTTP, SSE and graphql-ws subscribe messages; shared through Redis when `redisUrl` is set.
   * @default off
   */
  readonly clientRateLimit?: { readonly limit: number; readonly windowMs: number };
  /**
   * Cache query answers (in Redis with `redisUrl`, shared by the replicas), invalidated by inventory events and
   * mutations. Safe only when the store's webhooks reach this gateway: other changes at the store are seen after
   * `ttlMs` (or the next sweep). `npm start` turns it on when they do. @default false
   */
  readonly responseCache?: ResponseCacheOptions | false;
  /**
   * How the store's Admin GraphQL schema is known and checked (see remote-schema-monitor.ts): at boot every upstream
   * document must fit it (else the start fails naming the field); while running, fields the store drops make the
   * operations that need them fail with `REMOTE_FIELD_UNAVAILABLE`. The store's catalog fields are stitched onto
   * `Product` from the schema read at boot (from the committed snapshot while a live read has not succeeded yet).
   * `false` skips all of it, catalog fields included.
   * @default { source: 'live', refreshMs: 300000 }
   */
  readonly remoteSchema?: RemoteSchemaOptions | false;
}

/** Whether a browser's `Origin` names this very host (scheme aside: the page came from here). */
function isSameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined || host === undefined) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export interface Gateway {
  /** e.g. `http://127.0.0.1:4000` */
  readonly url: string;
  /** e.g. `http://127.0.0.1:4000/graphql` */
  readonly graphqlUrl: string;
  /** Prometheus metrics, e.g. `http://127.0.0.1:4000/metrics` */
  readonly metricsUrl: string;
  readonly port: number;
  readonly server: Server;
  /** Webhook counters. */
  readonly stats: GatewayStats;
  /** The event bus (memory or Redis). */
  readonly bus: EventBus;
  /** The event pipeline: read-back queue, reconciler, health. */
  readonly events: EventPipeline;
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

/** What `/` points to. */
const LANDING_LINKS = [
  {
    path: '/graphql',
    label: 'GraphiQL',
    description: 'Run queries, mutations and subscriptions; the docs pane describes every field.',
  },
  {
    path: '/dashboard',
    label: 'Backorders dashboard',
    description: 'Items on backorder per location, updated live.',
  },
  {
    path: '/metrics',
    label: 'Metrics',
    description: 'Prometheus metrics (requests, upstream calls, webhooks, subscriptions).',
  },
  { path: '/readyz', label: 'Readiness', description: 'Whether this gateway is ready to serve.' },
];
const OPERATIONS_DIR = new URL('../../operations/', import.meta.url);

/**
 * The public schema, from `schema/*.graphql` (the source of truth), with the resolvers; with the store's schema,
 * its catalog fields stitched onto `Product` and `Variant` (see catalog-stitching.ts).
 */
export function loadSchema(remoteSchema?: GraphQLSchema) {
  const typeDefs = readdirSync(SCHEMA_DIR)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => readFileSync(new URL(file, SCHEMA_DIR), 'utf8'));
  if (remoteSchema === undefined) return makeExecutableSchema<GatewayContext>({ typeDefs, resolvers });
  return stitchCatalog({ remoteSchema, typeDefs, resolvers: resolvers });
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
 * `POST /webhooks/bigcommerce`, `/healthz`, `/readyz` and `/_gateway/stats`. Edge concerns are the plugins listed
 * in the yoga pipeline below.
 */
export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const logger = options.logger ?? createLogger({ secrets: [options.accessToken] });
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  // Sources are read at scrape time, once everything below exists.
  const metrics = createMetrics({
    stats: () => live.stats,
    openSubscriptions: () => live.streams.size,
    refetchCalls: () => inventoryEvents.refetchCalls(),
    ...(options.redisUrl === undefined ? {} : { redisConnected: () => bus.connected?.() ?? false }),
    ...(options.remoteSchema === false ? {} : { remoteSchema: () => remoteSchema?.detail() }),
  });
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
    onAttempt: (event) => {
      logger.debug('upstream attempt', { ...event });
      metrics.upstreamAttempt(event);
    },
    onWait: (event) => metrics.upstreamWait(event),
    // The upstream calls a request causes carry its id (BigCommerce's optional X-Correlation-Id).
    headers: () => {
      const requestId = currentRequestId();
      return requestId === undefined ? undefined : { 'x-correlation-id': requestId };
    },
  });
  const schema = loadSchema();
  const remoteSchema =
    options.remoteSchema === false
      ? undefined
      : createRemoteSchemaMonitor({
          transport,
          documents: ADMIN_GRAPHQL_DOCUMENTS,
          dependencies: [...new Set([...remoteDependencies(schema).values()].flat())],
          logger,
          ...(options.remoteSchema === undefined ? {} : { remote: options.remoteSchema }),
        });
  // Nothing is listened on while the store's schema lacks what the gateway needs.
  try {
    await remoteSchema?.start();
  } catch (error) {
    await transport.close();
    await budget?.close();
    throw error;
  }
  const adminGraphql = remoteSchema?.registry ?? { documents: ADMIN_GRAPHQL_DOCUMENTS };
  // The store's catalog fields on Product: from the schema read at boot, else (store not reachable yet) from the
  // committed snapshot, which the gateway is built and tested against.
  const publicSchema =
    remoteSchema === undefined ? schema : loadSchema(remoteSchema.bootSchema() ?? snapshotSchema());
  const readBacks = createWriteReadBacks({
    transport,
    logger,
    publish: (levels, readAt) => inventoryEvents.observeLevels(levels, readAt),
  });
  const coalescer = createAdjustmentCoalescer(transport, {
    readBacks,
    ...(options.coalesceWindowMs === undefined ? {} : { windowMs: options.coalesceWindowMs }),
    ...(options.coalesceMaxWaitMs === undefined ? {} : { maxWaitMs: options.coalesceMaxWaitMs }),
    onBatch: (items, submissions) => metrics.adjustmentBatch(items, submissions),
  });
  const query = defaultQuery();
  const events = await createEventPipeline({
    transport,
    logger,
    redisUrl: options.redisUrl,
    redisPrefix: options.redisPrefix,
    eventRetention: options.eventRetention,
    readBacks: {
      refetchWindowMs: options.refetchWindowMs,
      retryBaseMs: options.readBackRetryBaseMs,
      retryMaxMs: options.readBackRetryMaxMs,
      maxPending: options.maxPendingReadBacks,
      onReadBack: (outcome, items) => metrics.readBack(outcome, items),
    },
    instrumentBus: (bus) => metrics.instrumentBus(bus),
    reconcile: {
      sweepIntervalMs: options.sweepIntervalMs,
      maxCallsPerSweep: options.sweepMaxCalls,
      callSpacingMs: options.sweepCallSpacingMs,
      hooks: options.hooksSync,
    },
  });
  const { bus, inventoryEvents } = events;
  const responseCache =
    options.responseCache === undefined || options.responseCache === false
      ? null
      : await createResponseCache(options.responseCache, {
          bus,
          registry: metrics.registry,
          logger,
          ...(options.redisUrl === undefined
            ? {}
            : { redis: { url: options.redisUrl, prefix: options.redisPrefix ?? 'backorder-gateway' } }),
        });
  const live: LiveServices = {
    bus,
    inventoryEvents,
    stats: createStats(),
    maxQueue: options.maxSubscriberQueue ?? 1000,
    initialReads: new Map(),
    streams: new Set(),
  };
  const limits = { ...DEFAULT_OPERATION_LIMITS, ...options.limits };
  const operationLimits = useOperationLimits(limits);
  // Each operation (and each subscription event) counts its upstream calls against its own budget.
  const makeContext = (signal: AbortSignal, viewer: Viewer, client: string): GatewayContext => {
    const budget = createUpstreamBudget(transport, limits.maxUpstreamCalls, client, signal);
    const counted: Upstream = {
      transport: budget.transport,
      graphql: createAdminGraphqlClient(budget.transport, adminGraphql),
    };
    return {
      upstream: counted,
      loaders: createLoaders(counted, signal),
      coalescer,
      signal,
      live,
      viewer,
      budget,
      forEvent: () => makeContext(NEVER_ABORTED, viewer, client),
    };
  };
  const authentication = createAuthentication(
    options.auth === undefined
      ? null
      : createAuthenticator(options.auth, (error) =>
          logger.warn('token verification unavailable', {
            error: error instanceof Error ? error.name : String(error),
          }),
        ),
  );

  const adminOnly = async (request: Request): Promise<boolean | Response> => {
    if (!authentication.enabled) return true;
    const refusal = await authentication.authorize(
      request.headers.get('authorization') ?? undefined,
      'gateway:admin',
    );
    if (refusal === null) return true;
    const http = refusal.extensions['http'] as { status: number; headers?: Record<string, string> };
    return new Response(JSON.stringify({ errors: [refusal.toJSON()] }), {
      status: http.status,
      headers: { 'content-type': 'application/json', ...http.headers },
    });
  };
  const limiter =
    options.clientRateLimit === undefined
      ? null
      : options.redisUrl === undefined
        ? createMemoryRateLimiter(options.clientRateLimit)
        : createRedisRateLimiter({
            ...options.clientRateLimit,
            url: options.redisUrl,
            prefix: options.redisPrefix ?? 'backorder-gateway',
          });
  const rateLimit = limiter === null ? null : createClientRateLimit({ limiter, authentication, logger });

  const csrfCors = useCsrfCors({
    origins: options.corsOrigins ?? [],
    allowLoopback: options.corsAllowLoopback === true,
  });
  const persisted = usePersistedDocuments({ only: options.persistedDocumentsOnly === true });
  const yoga = createYoga<Record<string, unknown>, GatewayContext>({
    schema: publicSchema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    // CORS is useCsrfCors's: only listed origins, never a wildcard.
    cors: false,
    // Persisted documents arrive as `documentId` (see usePersistedDocuments).
    extraParamNames: ['documentId'],
    // useBodyLimit refuses bodies without a Content-Length or over the limit before anything reads them, and Node
    // ends a body at its declared length: yoga's own limit, which streams every body through a counter, is moot.
    maxRequestBodySize: false,
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
        : {
            title: 'backorder-gateway',
            ...(query === undefined ? {} : { defaultQuery: query }),
            // Every operation of operations/ opens as a tab, with variables that work on the demo seed.
            ...graphiqlTabOptions(),
          },
    renderGraphiQL,
    // WebSocket subscriptions arrive without a Fetch request; they live until the client unsubscribes.
    context: (initial: {
      request?: Request;
      viewer?: Viewer;
      req?: { socket?: { remoteAddress?: string } };
    }): GatewayContext => {
      const viewer = authentication.viewerOf(initial);
      return makeContext(
        initial.request?.signal ?? NEVER_ABORTED,
        viewer,
        clientOf(viewer, initial.req?.socket?.remoteAddress),
      );
    },
    // Order: health answers before anything else, even while draining; bodies are limited before anything reads
    // them (the webhook route included); CORS preflights and CSRF-able requests are answered before any work; the
    // webhook route and the dashboard's static assets answer before any GraphQL parsing; clients are authenticated
    // (and rate limited) before their documents are read; persisted documents resolve the query text before the
    // limits parse and validate it; scopes are checked in validation (which graphql-ws runs too) and before
    // execution; the execution timeout wraps execution, around the deduplication of identical aliases; shared
    // execution replaces the subscribe function; error logging sees results before yoga masks them. Compression
    // acts on finished responses only.
    plugins: [
      // Readiness is about this replica only: a Redis outage (shown in the detail) does not take replicas out of
      // the load balancer, since writes and webhooks are still served; a full read-back queue does.
      useHealth({
        isReady: () =>
          ready &&
          events.health().acceptingWebhooks &&
          (remoteSchema?.ready() ?? true) &&
          (options.isReady?.() ?? true),
        detail: () => ({
          ...events.health(),
          ...(remoteSchema === undefined ? {} : { remoteSchema: remoteSchema.detail() }),
        }),
      }),
      useBodyLimit({ maxBytes: maxBodyBytes }),
      useCompression(),
      useLandingPage({ links: LANDING_LINKS }),
      csrfCors,
      useWebhookReceiver({ secret: options.webhookSecret, live, logger }),
      ...(options.dashboard === false ? [] : [useDashboard({ logger })]),
      useAuthentication(authentication),
      useClientRateLimit(rateLimit, authentication),
      persisted,
      useScopes(authentication),
      useSchemaDisclosure({
        ...(options.introspection === undefined ? {} : { introspection: options.introspection }),
        ...(options.fieldSuggestions === undefined ? {} : { fieldSuggestions: options.fieldSuggestions }),
      }),
      operationLimits,
      useExecutionTimeout({ timeoutMs: limits.executionTimeoutMs }),
      useAliasDedup(),
      // After persisted documents, so that a request sent by documentId is measured under its operation name.
      useMetrics({
        metrics,
        // With authentication on, metrics need the admin scope, like the stats.
        authorize: options.metricsAuthorize ?? adminOnly,
      }),
      useSharedExecution(),
      // In validation, beside the other checks that refuse an operation before it runs; its execution part turns
      // a document refused for a missing remote field into REMOTE_FIELD_UNAVAILABLE before errors are masked.
      useRemoteSchemaCheck(remoteSchema),
      // After authentication, rate limits, scopes and operation limits, so a refused operation never reaches the
      // cache, and after the metrics, so a cached answer is counted as a request; its execute function wraps the
      // time limit and alias deduplication, which a hit does not need.
      useResponseCache(responseCache),
      useUpstreamUnavailable({ logger }),
      useErrorLogging({ logger, storeHost: new URL(options.storeUrl).host }),
      useAudit({ logger }),
    ],
  });

  let ready = true;
  /** False once the drain period of a stop is over; during it requests are served while readiness is false. */
  let serving = true;
  const reject = (response: ServerResponse, status: number, message: string): void => {
    response.writeHead(status, { 'content-type': 'application/json', connection: 'close' });
    response.end(JSON.stringify({ errors: [{ message }] }));
  };
  const writeStats = (request: IncomingMessage, response: ServerResponse): void => {
    // `?gc=1` collects garbage first when the process runs with --expose-gc (the bench does, to measure
    // retained memory rather than garbage not yet collected).
    const collect = (globalThis as { gc?: () => void }).gc;
    if (request.url?.includes('gc=1') === true && collect !== undefined) collect();
    const body = {
      ...live.stats,
      subscriptions: live.streams.size,
      listeners: bus.listenerCount(),
      refetchCalls: inventoryEvents.refetchCalls(),
      ...events.health(),
      sweeps: events.reconciler.stats(),
      circuits: transport.circuits?.() ?? [],
      process: {
        ...process.cpuUsage(),
        rssBytes: process.memoryUsage.rss(),
        heapUsedBytes: process.memoryUsage().heapUsed,
      },
    };
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    const path = (request.url ?? '/').split('?')[0];
    if (path === '/_gateway/stats' && authentication.enabled) {
      // With authentication on, stats need the admin scope.
      void authentication.authorize(request.headers.authorization, 'gateway:admin').then((refusal) => {
        if (refusal === null) {
          writeStats(request, response);
          return;
        }
        const http = refusal.extensions['http'] as { status: number; headers?: Record<string, string> };
        response.writeHead(http.status, { 'content-type': 'application/json', ...http.headers });
        response.end(JSON.stringify({ errors: [refusal.toJSON()] }));
      });
      return;
    }
    if (path === '/_gateway/stats') {
      writeStats(request, response);
      return;
    }
    if (!serving && path !== '/healthz' && path !== '/readyz') {
      reject(response, 503, 'The gateway is shutting down');
      request.resume();
      return;
    }
    // Everything this request causes (logs, upstream calls) carries its id.
    const requestId = requestIdFrom(request.headers[REQUEST_ID_HEADER]);
    response.setHeader(REQUEST_ID_HEADER, requestId);
    runWithRequestId(requestId, () => yoga.requestListener(request, response));
  };

  const server = createServer(handle);
  // Listen before the WebSocket server attaches: a port in use then fails here, with one error, rather than also
  // through graphql-ws's error handler.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const maxBuffered = options.maxSocketBufferedBytes ?? 4 * 1024 * 1024;
  const hub = createSubscriptionHub({
    logger,
    matches: (filter, event) =>
      matchesFilter(filter as InventoryEventFilter | null, event.item, event.stock.locationId),
    initialCounters: (context, filter) => currentCounters(context, filter as InventoryEventFilter | null),
    maxBufferedBytes: maxBuffered,
    onSend: () => metrics.eventDelivered('graphql-ws'),
  });
  // graphql-ws on the same port and path; every subscription goes through yoga's envelop pipeline, so it gets
  // the same context, validation and plugins as an HTTP request.
  // Browsers apply no CORS to WebSockets: a page's upgrade is refused unless its Origin is allowed.
  const wss = new WebSocketServer({
    server,
    path: '/graphql',
    // Browsers apply no CORS to WebSockets: a page may open one only from a listed origin, or from the gateway's own
    // (the dashboard and GraphiQL it serves).
    verifyClient: ({ origin, req }: { origin?: string; req: IncomingMessage }) =>
      csrfCors.isAllowedOrigin(origin) || isSameOrigin(origin, req.headers.host),
  });
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
      onConnect: (ctx) => authentication.connect(ctx),
      execute: (args: ExecutionArgs) => (args.rootValue as Enveloped).execute(args),
      subscribe: (args: ExecutionArgs) => (args.rootValue as Enveloped).subscribe(args),
      onSubscribe: async (ctx, id, given) => {
        const viewer = authentication.socketViewer(ctx.extra.socket);
        const limited = await rateLimit?.check(viewer, ctx.extra.request.socket.remoteAddress);
        if (limited !== undefined && limited !== null) return [limited];
        // A persisted document arrives as a top-level `documentId` next to an empty `query`.
        let payload: typeof given;
        try {
          payload = { ...given, query: persisted.resolve(given).query ?? '' };
        } catch (error) {
          return [error instanceof GraphQLError ? error : new GraphQLError('The document was refused')];
        }
        const enveloped = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params: payload,
          viewer,
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
        // The hub starts in place of the envelop subscribe, whose onSubscribe hooks judge the cost: judged here.
        const overCost = operationLimits.costRefusal(args);
        if (overCost !== null) return [overCost];
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
  const { port } = server.address() as AddressInfo;
  const host = (options.host ?? '127.0.0.1').includes(':')
    ? `[${options.host ?? ''}]`
    : (options.host ?? '127.0.0.1');
  const url = `http://${host}:${port}`;
  return {
    url,
    graphqlUrl: `${url}/graphql`,
    metricsUrl: `${url}/metrics`,
    port,
    server,
    stats: live.stats,
    bus,
    events,
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
      // Connections are closed as soon as they go idle (SSE streams just ended, requests finishing); requests still
      // running after the grace period are cut.
      const sweep = setInterval(() => server.closeIdleConnections(), 25);
      server.closeIdleConnections();
      const grace = setTimeout(() => server.closeAllConnections(), options.shutdownGraceMs ?? 10_000);
      await closed;
      clearInterval(sweep);
      clearTimeout(grace);
      remoteSchema?.stop();
      await events.close();
      // After the events: the last read-backs still invalidate.
      await responseCache?.close();
      await limiter?.close();
      await transport.close();
      await budget?.close();
    },
  };
}
