import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import WebSocket from 'ws';
import { ROOT, SECRET, TOKEN, startBaseline, startEmulator, startGateway, type Child } from './processes.js';
import { liveRecoveryScenario, type LiveRecoveryProfile } from './scenario-live-recovery.js';

/**
 * `npm run bench`: the emulator and gateways run as separate processes, the way a user runs them; every figure is
 * printed beside its target and compared with a limit or a baseline measured in the same run.
 */

interface Profile {
  readonly seed: number;
  readonly catalogIterations: number;
  readonly cpuOps: number;
  readonly coalescing: number;
  readonly webhooks: number;
  readonly webhookItems: number;
  readonly fanout: number;
  readonly replicaSubscribers: number;
  readonly liveRecovery: LiveRecoveryProfile;
}

const PROFILES: Record<'smoke' | 'quick' | 'full', Profile> = {
  smoke: {
    seed: 250,
    catalogIterations: 3,
    cpuOps: 30,
    coalescing: 100,
    webhooks: 50,
    webhookItems: 10,
    fanout: 20,
    replicaSubscribers: 5,
    liveRecovery: { changes: 40, items: 10, sweepIntervalMs: 1000, faultMs: 300 },
  },
  quick: {
    seed: 1000,
    catalogIterations: 30,
    cpuOps: 400,
    coalescing: 100,
    webhooks: 1000,
    webhookItems: 100,
    fanout: 1000,
    replicaSubscribers: 100,
    liveRecovery: { changes: 300, items: 50, sweepIntervalMs: 5000, faultMs: 2000 },
  },
  full: {
    seed: 5000,
    catalogIterations: 200,
    cpuOps: 4000,
    coalescing: 100,
    webhooks: 1000,
    webhookItems: 100,
    fanout: 10_000,
    replicaSubscribers: 1000,
    liveRecovery: { changes: 300, items: 50, sweepIntervalMs: 5000, faultMs: 2000 },
  },
};

const LATENCY_MS = 20;
const CATALOG_PRODUCTS = 50;
const CATALOG_VARIANTS = 5;
const REDIS_URL = process.env['BENCH_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

const { values: flags } = parseArgs({
  options: { quick: { type: 'boolean' }, smoke: { type: 'boolean' }, json: { type: 'boolean' } },
});
const profileName = flags.smoke === true ? 'smoke' : flags.quick === true ? 'quick' : 'full';
const profile = PROFILES[profileName];

function progress(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? null;
}

function round(value: number | null, digits = 1): number | null {
  return value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;
}

function operation(file: string): string {
  return readFileSync(`${ROOT}operations/${file}`, 'utf8');
}

async function gql(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ data?: Record<string, unknown>; errors?: unknown[] }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
}

async function lastSeq(emulatorUrl: string): Promise<number> {
  return ((await (await fetch(`${emulatorUrl}/_emulator/health`)).json()) as { requests: number }).requests;
}

async function requestsSince(
  emulatorUrl: string,
  since: number,
): Promise<{ method: string; path: string }[]> {
  return (
    (await (await fetch(`${emulatorUrl}/_emulator/requests?since=${since}`)).json()) as {
      requests: { method: string; path: string }[];
    }
  ).requests;
}

async function gatewayStats(
  url: string,
  collect = false,
): Promise<{
  refetchCalls: number;
  subscriptions: number;
  process: { user: number; system: number; rssBytes: number };
}> {
  return (await (await fetch(`${url}/_gateway/stats${collect ? '?gc=1' : ''}`)).json()) as {
    refetchCalls: number;
    subscriptions: number;
    process: { user: number; system: number; rssBytes: number };
  };
}

async function runConcurrent(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const index = next;
        next += 1;
        await task(index);
      }
    }),
  );
}

async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return check();
}

/** The large seed puts five variants on each product, starting at product 1000 and variant 10000. */
function productOf(variantId: number): number {
  return 1000 + Math.floor((variantId - 10_000) / 5);
}

/** A raw graphql-transport-ws subscriber: light enough to open thousands from one process. */
function subscriber(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  onNext: (payload: string, at: number) => void,
): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    socket.once('error', reject);
    socket.on('open', () => socket.send('{"type":"connection_init"}'));
    socket.on('message', (data: Buffer) => {
      const at = performance.now();
      const text = data.toString();
      if (text.startsWith('{"type":"connection_ack"')) {
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables } }));
        resolve(socket);
      } else onNext(text, at);
    });
  });
}

async function openMany<T>(count: number, open: (index: number) => Promise<T>): Promise<T[]> {
  const opened: T[] = [];
  await runConcurrent(count, 200, async (index) => {
    opened.push(await open(index));
    if (opened.length % Math.max(1, Math.floor(count / 5)) === 0)
      progress(`  ${opened.length}/${count} connected`);
  });
  return opened;
}

async function catalogScenario(gatewayUrl: string, emulatorUrl: string) {
  const query = operation('catalog.graphql');
  const variables = { first: CATALOG_PRODUCTS, variantsFirst: CATALOG_VARIANTS };
  for (let i = 0; i < 3; i += 1) await gql(gatewayUrl, query, variables);
  const timings: number[] = [];
  let upstreamCalls = 0;
  for (let i = 0; i < profile.catalogIterations; i += 1) {
    const since = await lastSeq(emulatorUrl);
    const started = performance.now();
    const result = await gql(gatewayUrl, query, variables);
    timings.push(performance.now() - started);
    if (result.errors !== undefined) throw new Error(`Catalog failed: ${JSON.stringify(result.errors)}`);
    upstreamCalls = Math.max(upstreamCalls, (await requestsSince(emulatorUrl, since)).length);
    if ((i + 1) % Math.max(1, Math.floor(profile.catalogIterations / 4)) === 0)
      progress(`  catalog ${i + 1}/${profile.catalogIterations}`);
  }
  // The shape's minimum: one Admin GraphQL call for the page (its complexity fits 10,000), and the per-location
  // detail of every variant in as few REST calls as the 1,000-item page and the URL length allow.
  const variants = CATALOG_PRODUCTS * CATALOG_VARIANTS;
  const idChars = Array.from({ length: variants }, (_, i) => String(10_000 + i).length + 1).reduce(
    (a, b) => a + b,
    0,
  );
  const minimumCalls = 1 + Math.max(Math.ceil(variants / 1000), Math.ceil(idChars / 1800));
  return {
    upstreamCalls,
    minimumCalls,
    p50Ms: round(percentile(timings, 50)),
    p95Ms: round(percentile(timings, 95)),
    limitMs: 2 * LATENCY_MS,
  };
}

async function cpuScenario(gatewayUrl: string) {
  const query =
    '{ product(entityId: 1000) { name sku inventory { availableToSell onHand qtyBackordered backorderLimit availability } } }';
  const measure = async (url: string, readCpu: () => Promise<{ user: number; system: number }>) => {
    await runConcurrent(50, 10, async () => {
      await gql(url, query);
    });
    const before = await readCpu();
    await runConcurrent(profile.cpuOps, 16, async () => {
      const result = await gql(url, query);
      if (result.errors !== undefined) throw new Error(`query failed: ${JSON.stringify(result.errors)}`);
    });
    const after = await readCpu();
    return round((after.user + after.system - before.user - before.system) / profile.cpuOps);
  };
  const gatewayUsPerOp = await measure(gatewayUrl, async () => (await gatewayStats(gatewayUrl)).process);
  const baseline = await startBaseline('baseline-yoga');
  try {
    const baselineUsPerOp = await measure(
      baseline.url,
      async () => (await (await fetch(`${baseline.url}/cpu`)).json()) as { user: number; system: number },
    );
    return { gatewayUsPerOp, baselineUsPerOp };
  } finally {
    await baseline.stop();
  }
}

async function coalescingScenario(gatewayUrl: string, emulatorUrl: string) {
  const since = await lastSeq(emulatorUrl);
  const mutation = operation('adjust-inventory.graphql');
  const results = await Promise.all(
    Array.from({ length: profile.coalescing }, (_, i) =>
      gql(gatewayUrl, mutation, {
        input: {
          mode: 'RELATIVE',
          reason: 'bench',
          items: [{ locationId: 1, variantId: 10_000 + (i % profile.seed), quantity: 1 }],
        },
      }),
    ),
  );
  const failed = results.filter(
    (result) =>
      (result.data?.['adjustInventory'] as { __typename?: string } | undefined)?.__typename !==
      'InventoryAdjusted',
  );
  if (failed.length > 0) throw new Error(`${failed.length} adjustments failed: ${JSON.stringify(failed[0])}`);
  const upstreamCalls = (await requestsSince(emulatorUrl, since)).filter((request) =>
    request.path.startsWith('/v3/inventory/adjustments/'),
  ).length;
  return { mutations: profile.coalescing, upstreamCalls };
}

async function webhookScenario(gatewayUrl: string, emulatorUrl: string) {
  const since = await lastSeq(emulatorUrl);
  const before = (await gatewayStats(gatewayUrl)).refetchCalls;
  const acks: number[] = [];
  const started = Date.now();
  const spacing = 1000 / profile.webhooks;
  await runConcurrent(profile.webhooks, 50, async (index) => {
    const due = started + index * spacing;
    if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
    const variant = 10_000 + (index % profile.webhookItems);
    const body = JSON.stringify({
      scope: 'store/channel/1/inventory/product/stock_changed',
      store_id: '1000001',
      data: { product_id: productOf(variant), variant_id: variant, location_id: 1 },
      hash: randomBytes(20).toString('hex'),
      created_at: Math.floor(Date.now() / 1000),
      producer: 'stores/abc123',
    });
    const sent = performance.now();
    const response = await fetch(`${gatewayUrl}/webhooks/bigcommerce`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-webhook-secret': SECRET },
      body,
    });
    await response.arrayBuffer();
    acks.push(performance.now() - sent);
    if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
  });
  // Wait for the read-backs to settle.
  let last = -1;
  await waitUntil(async () => {
    const now = (await gatewayStats(gatewayUrl)).refetchCalls;
    const settled = now === last && now > before;
    last = now;
    return settled;
  }, 5000);
  const refetchCalls = (await requestsSince(emulatorUrl, since)).filter(
    (request) => request.path === '/v3/inventory/items',
  ).length;
  return {
    webhooks: profile.webhooks,
    items: profile.webhookItems,
    refetchCalls,
    minimumCalls: Math.ceil(profile.webhookItems / 1000),
    ackP99Ms: round(percentile(acks, 99), 2),
  };
}

/** Fan-out rounds after one warm-up: each round's p50 and p99, then the median round; `received` is the worst round. */
const FANOUT_ROUNDS = 5;

async function measureRounds(
  round_: () => Promise<number[]>,
): Promise<{ p50Ms: number | null; p99Ms: number | null; received: number }> {
  await round_();
  const rounds: number[][] = [];
  for (let i = 0; i < FANOUT_ROUNDS; i += 1) rounds.push(await round_());
  return {
    p50Ms: round(
      percentile(
        rounds.map((values) => percentile(values, 50) ?? 0),
        50,
      ),
    ),
    p99Ms: round(
      percentile(
        rounds.map((values) => percentile(values, 99) ?? 0),
        50,
      ),
    ),
    received: Math.min(...rounds.map((values) => values.length)),
  };
}

async function fanoutScenario(gatewayUrl: string) {
  const query = operation('backorder-counters.graphql');
  const variables = { filter: { variantIds: [10_001], locationIds: [1] } };
  // Retained memory: both readings follow a full garbage collection in the gateway process.
  const rssBefore = (await gatewayStats(gatewayUrl, true)).process.rssBytes;
  let trigger = 0;
  const latencies: number[] = [];
  let initial = 0;
  let sample = '';
  progress(`fanout: connecting ${profile.fanout} graphql-ws subscribers`);
  const sockets = await openMany(profile.fanout, () =>
    subscriber(gatewayUrl, query, variables, (payload, at) => {
      if (payload.includes('"initial":true')) initial += 1;
      else if (trigger > 0) {
        latencies.push(at - trigger);
        sample = payload;
      }
    }),
  );
  await waitUntil(() => initial >= profile.fanout, 60_000);
  const rssAfter = (await gatewayStats(gatewayUrl, true)).process.rssBytes;
  const change = () =>
    gql(gatewayUrl, operation('adjust-inventory.graphql'), {
      input: { mode: 'RELATIVE', items: [{ locationId: 1, variantId: 10_001, quantity: 1 }] },
    });
  const gatewayRounds = await measureRounds(async () => {
    latencies.length = 0;
    trigger = performance.now();
    await change();
    await waitUntil(() => latencies.length >= profile.fanout, 30_000);
    return [...latencies];
  });
  for (const socket of sockets) socket.terminate();
  const result = {
    subscribers: profile.fanout,
    received: gatewayRounds.received,
    expected: profile.fanout,
    p50Ms: gatewayRounds.p50Ms,
    p99Ms: gatewayRounds.p99Ms,
    rssBytesPerSubscriber: Math.round((rssAfter - rssBefore) / profile.fanout),
  };

  progress(`fanout baseline: ${profile.fanout} sockets on a bare ws server`);
  const baseline = await startBaseline('baseline-ws');
  try {
    const baseLatencies: number[] = [];
    let baseTrigger = 0;
    const baseSockets = await openMany(
      profile.fanout,
      () =>
        new Promise<WebSocket>((resolve, reject) => {
          const socket = new WebSocket(baseline.url.replace(/^http/, 'ws'));
          socket.once('open', () => resolve(socket));
          socket.once('error', reject);
          socket.on('message', () => baseLatencies.push(performance.now() - baseTrigger));
        }),
    );
    const broadcast = () =>
      fetch(`${baseline.url}/broadcast`, {
        method: 'POST',
        body: sample === '' ? '{"id":"1","type":"next","payload":{}}' : sample,
      });
    const baselineRounds = await measureRounds(async () => {
      baseLatencies.length = 0;
      baseTrigger = performance.now();
      await broadcast();
      await waitUntil(() => baseLatencies.length >= profile.fanout, 30_000);
      return [...baseLatencies];
    });
    for (const socket of baseSockets) socket.terminate();
    return { ...result, baselineP99Ms: baselineRounds.p99Ms };
  } finally {
    await baseline.stop();
  }
}

async function redisReachable(): Promise<boolean> {
  const { hostname, port } = new URL(REDIS_URL);
  return new Promise((resolve) => {
    const socket = connect(Number(port || 6379), hostname);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function replicasScenario(emulator: Child) {
  if (!(await redisReachable())) {
    progress(`replicas: no Redis at ${REDIS_URL}; reported as null`);
    return { received: null, expected: null, p99Ms: null };
  }
  const prefix = `bg-bench-${randomBytes(6).toString('hex')}`;
  const env = { REDIS_URL, REDIS_PREFIX: prefix };
  const [a, b] = await Promise.all([startGateway(emulator.url, env), startGateway(emulator.url, env)]);
  try {
    const query =
      'subscription($filter: InventoryEventFilter) { stockChanged(filter: $filter) { eventId level { id onHand } } }';
    const latencies: number[] = [];
    let trigger = 0;
    const sockets = await openMany(profile.replicaSubscribers, () =>
      subscriber(b.url, query, { filter: { variantIds: [10_002], locationIds: [1] } }, (_, at) =>
        latencies.push(at - trigger),
      ),
    );
    await waitUntil(
      async () => (await gatewayStats(b.url)).subscriptions >= profile.replicaSubscribers,
      10_000,
    );
    const changes = 5;
    for (let change = 1; change <= changes; change += 1) {
      await fetch(`${emulator.url}/stores/abc123/v3/inventory/adjustments/absolute`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-auth-token': TOKEN },
        body: JSON.stringify({ items: [{ location_id: 1, variant_id: 10_002, quantity: 500 + change }] }),
      });
      trigger = performance.now();
      await fetch(`${a.url}/webhooks/bigcommerce`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-webhook-secret': SECRET },
        body: JSON.stringify({
          scope: 'store/channel/1/inventory/product/stock_changed',
          store_id: '1',
          data: { product_id: productOf(10_002), variant_id: 10_002, location_id: 1 },
          hash: `${prefix}-${change}`,
          created_at: 1,
          producer: 'stores/abc123',
        }),
      });
      await waitUntil(() => latencies.length >= change * profile.replicaSubscribers, 10_000);
    }
    for (const socket of sockets) socket.terminate();
    return {
      received: latencies.length,
      expected: changes * profile.replicaSubscribers,
      p99Ms: round(percentile(latencies, 99)),
    };
  } finally {
    await Promise.all([a.stop(), b.stop()]);
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  }
}

type Row = [scenario: string, metric: string, value: number | null, target: string, met: boolean | null];

function targets(results: Awaited<ReturnType<typeof runAll>>): Row[] {
  const { catalog, cpu, coalescing, webhookBurst, fanout, replicas, liveRecovery } = results;
  const le = (value: number | null, limit: number | null) =>
    value === null || limit === null ? null : value <= limit;
  return [
    [
      'catalog',
      'upstreamCalls',
      catalog.upstreamCalls,
      `== minimumCalls (${catalog.minimumCalls})`,
      catalog.upstreamCalls === catalog.minimumCalls,
    ],
    [
      'catalog',
      'p50Ms',
      catalog.p50Ms,
      `<= 1.1 x limitMs + 2 (${round(1.1 * catalog.limitMs + 2)})`,
      le(catalog.p50Ms, 1.1 * catalog.limitMs + 2),
    ],
    ['catalog', 'p95Ms', catalog.p95Ms, `(limitMs ${catalog.limitMs})`, null],
    [
      'cpu',
      'gatewayUsPerOp',
      cpu.gatewayUsPerOp,
      `<= 2 x baselineUsPerOp (${round(2 * (cpu.baselineUsPerOp ?? 0))})`,
      le(cpu.gatewayUsPerOp, 2 * (cpu.baselineUsPerOp ?? 0)),
    ],
    ['cpu', 'baselineUsPerOp', cpu.baselineUsPerOp, 'bare graphql-yoga, same run', null],
    [
      'coalescing',
      'upstreamCalls',
      coalescing.upstreamCalls,
      `<= 5 for ${coalescing.mutations} mutations`,
      coalescing.upstreamCalls <= 5,
    ],
    [
      'webhookBurst',
      'refetchCalls',
      webhookBurst.refetchCalls,
      `<= 2 x minimumCalls (${2 * webhookBurst.minimumCalls})`,
      webhookBurst.refetchCalls <= 2 * webhookBurst.minimumCalls,
    ],
    [
      'webhookBurst',
      'ackP99Ms',
      webhookBurst.ackP99Ms,
      `${webhookBurst.webhooks} webhooks, ${webhookBurst.items} items`,
      null,
    ],
    [
      'fanout',
      'received',
      fanout.received,
      `== expected (${fanout.expected})`,
      fanout.received === fanout.expected,
    ],
    [
      'fanout',
      'p99Ms',
      fanout.p99Ms,
      `<= 1.5 x baselineP99Ms (${round(1.5 * (fanout.baselineP99Ms ?? 0))})`,
      le(fanout.p99Ms, 1.5 * (fanout.baselineP99Ms ?? 0)),
    ],
    ['fanout', 'p50Ms', fanout.p50Ms, `${fanout.subscribers} subscribers`, null],
    [
      'fanout',
      'rssBytesPerSubscriber',
      fanout.rssBytesPerSubscriber,
      '<= 20480',
      fanout.rssBytesPerSubscriber <= 20_480,
    ],
    [
      'replicas',
      'received',
      replicas.received,
      `== expected (${replicas.expected ?? 'n/a'})`,
      replicas.received === null ? null : replicas.received === replicas.expected,
    ],
    ['replicas', 'p99Ms', replicas.p99Ms, 'webhook into one replica -> subscriber on the other', null],
    ['liveRecovery', 'eventsLost', liveRecovery.eventsLost, '== 0', liveRecovery.eventsLost === 0],
    [
      'liveRecovery',
      'agreementMs',
      liveRecovery.agreementMs,
      `<= sweepIntervalMs (${liveRecovery.sweepIntervalMs})`,
      le(liveRecovery.agreementMs, liveRecovery.sweepIntervalMs),
    ],
    [
      'liveRecovery',
      'webhooksLost',
      liveRecovery.webhooksLost,
      `${liveRecovery.changes} changes; ${liveRecovery.webhooksDuplicated} duplicated, ${liveRecovery.faultedReads} reads failed`,
      null,
    ],
  ];
}

async function runAll() {
  progress(`profile ${profileName}: emulator with ${profile.seed} variants, ${LATENCY_MS} ms latency`);
  const slow = await startEmulator(['--seed', `large:${profile.seed}`, '--latency-ms', String(LATENCY_MS)]);
  const fast = await startEmulator(['--seed', `large:${Math.max(250, profile.fanout > 5000 ? 1000 : 250)}`]);
  const children: Child[] = [slow, fast];
  try {
    const gateway = await startGateway(slow.url);
    children.push(gateway);
    progress('catalog');
    const catalog = await catalogScenario(gateway.url, slow.url);
    progress('cpu');
    const cpu = await cpuScenario(gateway.url);
    progress('coalescing');
    const coalescing = await coalescingScenario(gateway.url, slow.url);
    progress('webhook burst');
    const webhookBurst = await webhookScenario(gateway.url, slow.url);
    const fanoutGateway = await startGateway(fast.url);
    children.push(fanoutGateway);
    progress('fanout');
    const fanout = await fanoutScenario(fanoutGateway.url);
    progress('replicas');
    const replicas = await replicasScenario(fast);
    progress('live recovery');
    const liveRecovery = await liveRecoveryScenario(profile.liveRecovery, progress);
    return { catalog, cpu, coalescing, webhookBurst, fanout, replicas, liveRecovery };
  } finally {
    await Promise.all(children.reverse().map((child) => child.stop()));
  }
}

const started = Date.now();
const results = await runAll();
const rows = targets(results);
const report = {
  profile: profileName,
  durationS: round((Date.now() - started) / 1000),
  machine: { node: process.version, cpus: cpus().length, memoryBytes: totalmem() },
  ...results,
  targets: Object.fromEntries(
    rows.filter((row) => row[4] !== null).map((row) => [`${row[0]}.${row[1]}`, row[4]]),
  ),
};
writeFileSync(`${ROOT}bench/results/latest.json`, `${JSON.stringify(report, null, 2)}\n`);
const table = [
  `| scenario | metric | value | target | met |`,
  `| --- | --- | --- | --- | --- |`,
  ...rows.map(
    ([scenario, metric, value, target, met]) =>
      `| ${scenario} | ${metric} | ${value ?? 'null'} | ${target} | ${met === null ? '' : met ? 'yes' : 'NO'} |`,
  ),
];
process.stdout.write(
  `\nbackorder-gateway bench (${profileName}, ${report.durationS} s, node ${process.version}, ${cpus().length} cores)\n\n${table.join('\n')}\n\nwritten to bench/results/latest.json\n`,
);
if (flags.json === true) process.stdout.write(`${JSON.stringify(report)}\n`);
