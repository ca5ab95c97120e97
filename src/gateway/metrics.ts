import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { AttemptEvent, WaitEvent } from '../upstream/transport.js';
import type { EventBus, InventoryEvent } from './events/event-bus.js';
import type { GatewayStats } from './events/live.js';

/**
 * The gateway's Prometheus metrics: one registry per gateway instance (several gateways in one process, as in the
 * tests and the bench, never share counters). Names start with `backorder_gateway_`; `/metrics` serves them.
 */

export interface GatewayMetricsOptions {
  /** Also export Node's process metrics (CPU, memory, event loop lag, GC) with the same prefix. @default true */
  readonly processMetrics?: boolean;
}

/** What the metrics read when scraped rather than count as it happens. */
export interface MetricsSources {
  readonly stats: () => GatewayStats;
  /** Subscriptions open in this process, all transports together. */
  readonly openSubscriptions: () => number;
  /** Webhook read-back calls made so far. */
  readonly refetchCalls: () => number;
  /** Whether the Redis connection is up; absent without Redis (no `redis_connected` metric then). */
  readonly redisConnected?: () => boolean;
  /** The store's Admin GraphQL schema as the gateway knows it; absent when it is not checked. */
  readonly remoteSchema?: () =>
    | {
        readonly hash: string | null;
        readonly source: string;
        readonly ageSeconds: number | null;
        readonly missingFields: readonly string[];
        readonly changes: number;
      }
    | undefined;
}

export type GraphqlOutcome = 'ok' | 'error' | 'stream';
export type SubscriptionTransport = 'sse' | 'graphql-ws';

export interface GatewayMetrics {
  readonly registry: Registry;
  /** One GraphQL request over HTTP; `seconds` is undefined for streams (SSE), which last as long as the client. */
  graphqlRequest(operation: string, outcome: GraphqlOutcome, seconds: number | undefined): void;
  /** The transport's `onAttempt`. */
  upstreamAttempt(event: AttemptEvent): void;
  /** The transport's `onWait`. */
  upstreamWait(event: WaitEvent): void;
  /** The adjustment coalescer sent one upstream call for `submissions` clients' `items`. */
  adjustmentBatch(items: number, submissions: number): void;
  /** A webhook read-back finished. */
  readBack(outcome: 'ok' | 'failed', items: number): void;
  /** Subscription events sent to one subscriber. */
  eventDelivered(transport: SubscriptionTransport): void;
  /** An HTTP (SSE) subscription opened (+1) or ended (-1). */
  httpSubscription(delta: 1 | -1): void;
  /** Counts what `bus.observe` publishes; returns the bus to use in its place. */
  instrumentBus(bus: EventBus): EventBus;
}

const PREFIX = 'backorder_gateway_';
const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Operation names are the client's choice: past this many distinct ones, further names count as `other`. */
const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;
/** Upstream operations (method and path, ids included) whose labels are kept; past it the cache starts again. */
const MAX_CACHED_UPSTREAM_OPERATIONS = 1000;

/** `GET /v3/inventory/locations/2/items` → api `rest_v3`, endpoint `/v3/inventory/locations/{id}/items`. */
export function upstreamLabels(operation: string): { api: string; method: string; endpoint: string } {
  const space = operation.indexOf(' ');
  const method = space < 0 ? 'GET' : operation.slice(0, space);
  const path = (space < 0 ? operation : operation.slice(space + 1)).split('?')[0] ?? '';
  const endpoint = path.replace(/\/\d+(?=\/|$)/g, '/{id}');
  const api = path.startsWith('/v3/')
    ? 'rest_v3'
    : path.startsWith('/v2/')
      ? 'rest_v2'
      : path === '/graphql'
        ? 'admin_graphql'
        : 'other';
  return { api, method, endpoint };
}

const ERROR_STATUS: Readonly<Record<string, string>> = {
  UpstreamTimeoutError: 'timeout',
  UpstreamNetworkError: 'network_error',
  UpstreamAbortedError: 'cancelled',
  UpstreamProtocolError: 'invalid_body',
};

export function createMetrics(sources: MetricsSources, options: GatewayMetricsOptions = {}): GatewayMetrics {
  const registry = new Registry();
  if (options.processMetrics !== false) collectDefaultMetrics({ register: registry, prefix: PREFIX });
  const registers = [registry];

  const graphqlRequests = new Counter({
    name: `${PREFIX}graphql_requests_total`,
    help: 'GraphQL requests over HTTP by operation name and outcome (ok, error: the answer carries errors, stream: a subscription over SSE).',
    labelNames: ['operation', 'outcome'],
    registers,
  });
  const graphqlDuration = new Histogram({
    name: `${PREFIX}graphql_request_duration_seconds`,
    help: 'Time from receiving a GraphQL request to its answer being ready, by operation name and outcome (streams excluded).',
    labelNames: ['operation', 'outcome'],
    buckets: SECONDS,
    registers,
  });
  const upstreamRequests = new Counter({
    name: `${PREFIX}upstream_requests_total`,
    help: 'Attempts of calls to the store, by API, method, endpoint (ids as {id}), status (or timeout, network_error, cancelled, invalid_body) and attempt number.',
    labelNames: ['api', 'method', 'endpoint', 'status', 'attempt'],
    registers,
  });
  const upstreamDuration = new Histogram({
    name: `${PREFIX}upstream_request_duration_seconds`,
    help: 'Duration of one attempt of a call to the store, by API, method, endpoint and status.',
    labelNames: ['api', 'method', 'endpoint', 'status'],
    buckets: SECONDS,
    registers,
  });
  const rateLimitLeft = new Gauge({
    name: `${PREFIX}upstream_rate_limit_remaining`,
    help: "Requests left in the store's current rate-limit window (X-Rate-Limit-Requests-Left of the last answer).",
    registers,
  });
  const upstreamWaits = new Histogram({
    name: `${PREFIX}upstream_wait_seconds`,
    help: 'Waits before store calls: rate-budget (the window is used up), rate-limited (after a 429 without reset header), retry (backoff).',
    labelNames: ['reason'],
    buckets: [0.01, 0.1, 0.5, 1, 5, 15, 30, 60],
    registers,
  });
  const batchItems = new Histogram({
    name: `${PREFIX}adjustment_batch_items`,
    help: 'Items per coalesced inventory adjustment call.',
    buckets: [1, 2, 5, 10, 50, 100, 500, 1000, 2000],
    registers,
  });
  const batchSubmissions = new Histogram({
    name: `${PREFIX}adjustment_batch_submissions`,
    help: 'Client adjustments merged into one upstream call.',
    buckets: [1, 2, 5, 10, 25, 50, 100, 250],
    registers,
  });
  new Counter({
    name: `${PREFIX}webhooks_total`,
    help: 'Webhooks received, by outcome: accepted, duplicate (hash seen before), unauthorized, malformed, unhandled (scope not used).',
    labelNames: ['outcome'],
    registers,
    collect() {
      const webhooks = sources.stats().webhooks;
      this.reset();
      this.inc({ outcome: 'accepted' }, webhooks.accepted);
      this.inc({ outcome: 'duplicate' }, webhooks.duplicates);
      this.inc({ outcome: 'unauthorized' }, webhooks.unauthorized);
      this.inc({ outcome: 'malformed' }, webhooks.malformed);
      this.inc({ outcome: 'unhandled' }, webhooks.unhandled);
    },
  });
  new Counter({
    name: `${PREFIX}webhooks_received_total`,
    help: 'Calls to the webhook endpoint.',
    registers,
    collect() {
      this.reset();
      this.inc(sources.stats().webhooks.received);
    },
  });
  new Counter({
    name: `${PREFIX}webhook_readback_calls_total`,
    help: 'Upstream calls made to read back the items webhooks named.',
    registers,
    collect() {
      this.reset();
      this.inc(sources.refetchCalls());
    },
  });
  const readBacks = new Counter({
    name: `${PREFIX}webhook_readbacks_total`,
    help: 'Read-backs of a burst of webhooks, by outcome (failed ones are retried with backoff).',
    labelNames: ['outcome'],
    registers,
  });
  const readBackItems = new Counter({
    name: `${PREFIX}webhook_readback_items_total`,
    help: 'Items read back for webhooks, by outcome.',
    labelNames: ['outcome'],
    registers,
  });
  let httpOpen = 0;
  new Gauge({
    name: `${PREFIX}subscriptions_open`,
    help: 'Subscriptions open in this process, by transport.',
    labelNames: ['transport'],
    registers,
    collect() {
      this.set({ transport: 'sse' }, httpOpen);
      this.set({ transport: 'graphql-ws' }, Math.max(0, sources.openSubscriptions() - httpOpen));
    },
  });
  const published = new Counter({
    name: `${PREFIX}events_published_total`,
    help: 'Inventory events this process published to the bus, by kind (change, limit).',
    labelNames: ['kind'],
    registers,
  });
  const delivered = new Counter({
    name: `${PREFIX}events_delivered_total`,
    help: 'Subscription payloads sent to subscribers (one per subscriber and event), by transport.',
    labelNames: ['transport'],
    registers,
  });
  if (sources.redisConnected !== undefined) {
    const connected = sources.redisConnected;
    new Gauge({
      name: `${PREFIX}redis_connected`,
      help: '1 when the Redis connection used for events is up, 0 otherwise.',
      registers,
      collect() {
        this.set(connected() ? 1 : 0);
      },
    });
  }
  if (sources.remoteSchema !== undefined) {
    const remote = sources.remoteSchema;
    new Gauge({
      name: `${PREFIX}remote_schema_info`,
      help: "The store's Admin GraphQL schema in use: 1, labelled with its sha256 and source (live or snapshot).",
      labelNames: ['hash', 'source'],
      registers,
      collect() {
        this.reset();
        const known = remote();
        if (known !== undefined && known.hash !== null)
          this.set({ hash: known.hash, source: known.source }, 1);
      },
    });
    new Gauge({
      name: `${PREFIX}remote_schema_age_seconds`,
      help: "Seconds since the store's Admin GraphQL schema in use was read (pulled, for a snapshot).",
      registers,
      collect() {
        this.reset();
        const ageSeconds = remote()?.ageSeconds;
        if (ageSeconds !== undefined && ageSeconds !== null) this.set(ageSeconds);
      },
    });
    new Gauge({
      name: `${PREFIX}remote_schema_missing_fields`,
      help: "Fields the store's Admin GraphQL schema had at boot and no longer has (drift); operations needing them are refused.",
      registers,
      collect() {
        this.set(remote()?.missingFields.length ?? 0);
      },
    });
    new Gauge({
      name: `${PREFIX}remote_schema_missing_field`,
      help: "1 for each field (Type.field) the store's Admin GraphQL schema had at boot and no longer has.",
      labelNames: ['field'],
      registers,
      collect() {
        this.reset();
        for (const field of remote()?.missingFields ?? []) this.set({ field }, 1);
      },
    });
    new Counter({
      name: `${PREFIX}remote_schema_changes_total`,
      help: "Times the store's Admin GraphQL schema was seen to change since boot.",
      registers,
      collect() {
        this.reset();
        this.inc(remote()?.changes ?? 0);
      },
    });
  }
  for (const outcome of ['ok', 'failed']) {
    readBacks.inc({ outcome }, 0);
    readBackItems.inc({ outcome }, 0);
  }
  for (const kind of ['change', 'limit']) published.inc({ kind }, 0);

  const operationNames = new Set<string>();
  const operationLabel = (name: string): string => {
    if (!OPERATION_NAME.test(name)) return name === '' ? 'anonymous' : 'invalid';
    if (operationNames.has(name)) return name;
    if (operationNames.size >= MAX_OPERATION_NAMES) return 'other';
    operationNames.add(name);
    return name;
  };

  // Upstream operations repeat (one per endpoint and id): their labels are worked out once each.
  const labelsByOperation = new Map<string, ReturnType<typeof upstreamLabels>>();
  const labelsOf = (operation: string): ReturnType<typeof upstreamLabels> => {
    let labels = labelsByOperation.get(operation);
    if (labels === undefined) {
      labels = upstreamLabels(operation);
      if (labelsByOperation.size >= MAX_CACHED_UPSTREAM_OPERATIONS) labelsByOperation.clear();
      labelsByOperation.set(operation, labels);
    }
    return labels;
  };

  return {
    registry,
    graphqlRequest(operation, outcome, seconds) {
      const labels = { operation: operationLabel(operation), outcome };
      graphqlRequests.inc(labels);
      if (seconds !== undefined) graphqlDuration.observe(labels, seconds);
    },
    upstreamAttempt(event) {
      const { api, method, endpoint } = labelsOf(event.operation);
      const status =
        typeof event.outcome === 'number' ? String(event.outcome) : (ERROR_STATUS[event.outcome] ?? 'error');
      upstreamRequests.inc({ api, method, endpoint, status, attempt: String(event.attempt) });
      upstreamDuration.observe({ api, method, endpoint, status }, event.ms / 1000);
      if (event.rateLimitLeft !== undefined) rateLimitLeft.set(event.rateLimitLeft);
    },
    upstreamWait(event) {
      upstreamWaits.observe({ reason: event.reason }, event.ms / 1000);
    },
    adjustmentBatch(items, submissions) {
      batchItems.observe(items);
      batchSubmissions.observe(submissions);
    },
    readBack(outcome, items) {
      readBacks.inc({ outcome });
      readBackItems.inc({ outcome }, items);
    },
    eventDelivered(transport) {
      delivered.inc({ transport });
    },
    httpSubscription(delta) {
      httpOpen = Math.max(0, httpOpen + delta);
    },
    instrumentBus(bus) {
      const count = (events: readonly InventoryEvent[]) => {
        for (const event of events) published.inc({ kind: event.kind });
        return events;
      };
      return {
        ...bus,
        observe: async (observations) => {
          const events = await bus.observe(observations);
          count(events);
          return events;
        },
      };
    },
  };
}
