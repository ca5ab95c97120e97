import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { SignJWT } from 'jose';
import WebSocket from 'ws';
import { ROOT, SECRET, TOKEN, startBaseline, startEmulator, startGateway, type Child } from './processes.js';
import { cacheRows, cacheScenario, type CacheProfile } from './scenario-cache.js';
import { liveRecoveryScenario, type LiveRecoveryProfile } from './scenario-live-recovery.js';
import { stitchingScenario } from './scenario-stitching.js';

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
  readonly singleWrites: number;
  /** Shared budget: store calls made by three replicas against a quota of 150 per `budgetWindowMs`. */
  readonly budgetRequests: number;
  readonly budgetWindowMs: number;
  readonly cache: CacheProfile;
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
    singleWrites: 3,
    budgetRequests: 160,
    budgetWindowMs: 1000,
    cache: { clients: 20, seconds: 3, variants: 50 },
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
    singleWrites: 30,
    budgetRequests: 400,
    budgetWindowMs: 5000,
    cache: { clients: 200, seconds: 10, variants: 50 },
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
    singleWrites: 100,
    budgetRequests: 300,
    budgetWindowMs: 30_000,
    cache: { clients: 200, seconds: 30, variants: 50 },
  },
};

const LATENCY_MS = 20;
const CATALOG_PRODUCTS = 50;
const CATALOG_VARIANTS = 5;
const REDIS_URL = process.env['BENCH_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean' },
    smoke: { type: 'boolean' },
    json: { type: 'boolean' },
    // `--only cpu --only fanout`: run these scenarios alone (the others report null).
    only: { type: 'string', multiple: true },
  },
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
  authorization?: string,
): Promise<{ data?: Record<string, unknown>; errors?: unknown[] }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(authorization === undefined ? {} : { authorization }),
    },
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
): Promise<{ method: string; path: string; status: number }[]> {
  return (
    (await (await fetch(`${emulatorUrl}/_emulator/requests?since=${since}`)).json()) as {
      requests: { method: string; path: string; status: number }[];
    }
  ).requests;
}

interface GatewayStats {
  refetchCalls: number;
  subscriptions: number;
  process: { user: number; system: number; rssBytes: number; heapUsedBytes: number };
}

async function gatewayStats(url: string, collect = false, authorization?: string): Promise<GatewayStats> {
  const response = await fetch(`${url}/_gateway/stats${collect ? '?gc=1' : ''}`, {
    headers: authorization === undefined ? {} : { authorization },
  });
  return (await response.json()) as GatewayStats;
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

/** Store calls since `since`, from the emulator's request log: writes are every call that is not a read. */
async function upstreamCalls(
  emulatorUrl: string,
  since: number,
): Promise<{ total: number; reads: number; writes: number }> {
  const requests = await requestsSince(emulatorUrl, since);
  const reads = requests.filter(
    (request) => request.method === 'GET' || (request.method === 'POST' && request.path === '/graphql'),
  ).length;
  return { total: requests.length, reads, writes: requests.length - reads };
}

/**
 * `Catalog` through the gateway against the direct baseline (the same upstream calls and answer, written by hand),
 * one request of each in turn so both see the same machine.
 */
async function catalogScenario(gatewayUrl: string, emulatorUrl: string, iterations: number) {
  const query = operation('catalog.graphql');
  const variables = { first: CATALOG_PRODUCTS, variantsFirst: CATALOG_VARIANTS };
  const direct = await startBaseline('baseline-catalog', {
    STORE_URL: `${emulatorUrl}/stores/abc123`,
    STORE_TOKEN: TOKEN,
  });
  try {
    const directCall = async () => {
      const response = await fetch(
        `${direct.url}/catalog?first=${CATALOG_PRODUCTS}&variantsFirst=${CATALOG_VARIANTS}`,
      );
      return (await response.json()) as { data?: Record<string, unknown> };
    };
    for (let i = 0; i < 3; i += 1) await Promise.all([gql(gatewayUrl, query, variables), directCall()]);
    const same =
      JSON.stringify((await gql(gatewayUrl, query, variables)).data) ===
      JSON.stringify((await directCall()).data);
    if (!same) throw new Error("the direct Catalog baseline does not give the gateway's answer");
    const timings: number[] = [];
    const directTimings: number[] = [];
    let calls = 0;
    let directCalls = 0;
    for (let i = 0; i < iterations; i += 1) {
      let since = await lastSeq(emulatorUrl);
      let started = performance.now();
      const result = await gql(gatewayUrl, query, variables);
      timings.push(performance.now() - started);
      if (result.errors !== undefined) throw new Error(`Catalog failed: ${JSON.stringify(result.errors)}`);
      calls = Math.max(calls, (await upstreamCalls(emulatorUrl, since)).total);
      since = await lastSeq(emulatorUrl);
      started = performance.now();
      await directCall();
      directTimings.push(performance.now() - started);
      directCalls = Math.max(directCalls, (await upstreamCalls(emulatorUrl, since)).total);
      if ((i + 1) % Math.max(1, Math.floor(iterations / 4)) === 0)
        progress(`  catalog ${i + 1}/${iterations}`);
    }
    // The shape's minimum: one Admin GraphQL call for the page (its complexity fits 10,000), and the per-location
    // detail of every variant in as few REST calls as the 1,000-item page and the URL length allow.
    const variants = CATALOG_PRODUCTS * CATALOG_VARIANTS;
    const idChars = Array.from({ length: variants }, (_, i) => String(10_000 + i).length + 1).reduce(
      (a, b) => a + b,
      0,
    );
    const minimumCalls = 1 + Math.max(Math.ceil(variants / 1000), Math.ceil(idChars / 1800));
    const p50Ms = percentile(timings, 50);
    const directP50Ms = percentile(directTimings, 50);
    return {
      upstreamCalls: calls,
      directUpstreamCalls: directCalls,
      minimumCalls,
      p50Ms: round(p50Ms),
      p95Ms: round(percentile(timings, 95)),
      directP50Ms: round(directP50Ms),
      ratio: p50Ms === null || directP50Ms === null ? null : round(p50Ms / directP50Ms, 2),
    };
  } finally {
    await direct.stop();
  }
}

/** The secure edge's settings for the `cpu` scenario: how a deployment runs the gateway. */
const CPU_AUTH = {
  secret: randomBytes(32).toString('hex'),
  issuer: 'https://id.bench.test/',
  audience: 'backorder-gateway',
};

/**
 * CPU per simple query against a bare graphql-yoga answering from memory. The gateway runs with its secure edge
 * switched on, as deployed: JWT authentication (HS256, checked issuer and audience), scopes, operation limits,
 * client rate limits at a generous setting, and metrics.
 */
async function cpuScenario(emulatorUrl: string) {
  const query =
    '{ product(entityId: 1000) { name sku inventory { availableToSell onHand qtyBackordered backorderLimit availability } } }';
  const now = Math.floor(Date.now() / 1000);
  const jwt = await new SignJWT({ scope: 'inventory:read gateway:admin' })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(CPU_AUTH.issuer)
    .setAudience(CPU_AUTH.audience)
    .setSubject('bench-client')
    .setIssuedAt(now)
    .setExpirationTime(now + 3600)
    .sign(new TextEncoder().encode(CPU_AUTH.secret));
  const authorization = `Bearer ${jwt}`;
  const gateway = await startGateway(emulatorUrl, {
    ALLOW_UNAUTHENTICATED: 'false',
    AUTH_JWT_SECRET: CPU_AUTH.secret,
    AUTH_ISSUER: CPU_AUTH.issuer,
    AUTH_AUDIENCE: CPU_AUTH.audience,
    CLIENT_RATE_LIMIT: '1000000',
    GRAPHIQL: 'false',
    INTROSPECTION: 'false',
  });
  const baseline = await startBaseline('baseline-yoga');
  try {
    const servers = [
      {
        url: gateway.url,
        headers: authorization,
        readCpu: async () => (await gatewayStats(gateway.url, false, authorization)).process,
      },
      {
        url: baseline.url,
        headers: undefined,
        readCpu: async () =>
          (await (await fetch(`${baseline.url}/cpu`)).json()) as { user: number; system: number },
      },
    ] as const;
    const ask = async (server: (typeof servers)[number]) => {
      const result = await gql(server.url, query, {}, server.headers);
      if (result.errors !== undefined) throw new Error(`query failed: ${JSON.stringify(result.errors)}`);
    };
    /** CPU per operation of each server while every client asks both, in turn (first one, then the other). */
    const run = async (ops: number) => {
      const before = await Promise.all(servers.map((server) => server.readCpu()));
      await runConcurrent(ops, 16, async (index) => {
        const [first, second] = index % 2 === 0 ? servers : [servers[1], servers[0]];
        await ask(first);
        await ask(second);
      });
      const after = await Promise.all(servers.map((server) => server.readCpu()));
      return servers.map((_, i) => {
        const [b, a] = [before[i], after[i]];
        return b === undefined || a === undefined ? 0 : (a.user + a.system - b.user - b.system) / ops;
      });
    };
    // Steady state, as a long-running server pays it: a quarter of the operations first, unmeasured (JIT
    // compilation and the first garbage collections cost the gateway's larger code more). Then both servers are
    // asked by the same clients in turn, in rounds, so that load from elsewhere on a shared machine weighs on both
    // alike.
    const since = await lastSeq(emulatorUrl);
    const warmUpOps = Math.max(50, Math.floor(profile.cpuOps / 4));
    await run(warmUpOps);
    const rounds = 5;
    const perRound = Math.max(10, Math.floor(profile.cpuOps / rounds));
    const gatewayUs: number[] = [];
    const baselineUs: number[] = [];
    const ratios: number[] = [];
    for (let index = 0; index < rounds; index += 1) {
      const [gatewayRound = 0, baselineRound = 1] = await run(perRound);
      gatewayUs.push(gatewayRound);
      baselineUs.push(baselineRound);
      ratios.push(gatewayRound / baselineRound);
    }
    return {
      gatewayUsPerOp: round(percentile(gatewayUs, 50)),
      baselineUsPerOp: round(percentile(baselineUs, 50)),
      ratio: round(percentile(ratios, 50), 2),
      rounds,
      upstreamCallsPerOp: round(
        (await upstreamCalls(emulatorUrl, since)).total / (warmUpOps + rounds * perRound),
        2,
      ),
    };
  } finally {
    await Promise.all([gateway.stop(), baseline.stop()]);
  }
}

/** Waits until the emulator has seen no new request for `quietMs` (background read-backs done). */
async function settled(emulatorUrl: string, quietMs = 150): Promise<void> {
  let last = -1;
  let since = Date.now();
  await waitUntil(async () => {
    const now = await lastSeq(emulatorUrl);
    if (now !== last) {
      last = now;
      since = Date.now();
    }
    return Date.now() - since >= quietMs;
  }, 10_000);
}

/** Selects no post-write state: the answer needs the write alone. */
const ADJUST_NO_STATE = `mutation AdjustNoState($input: AdjustInventoryInput!) {
  adjustInventory(input: $input) { __typename ... on InventoryAdjusted { transactionIds } ... on UserError { message } }
}`;

/**
 * 100 concurrent single-item relative adjustments: every store call they cause (writes, read-backs for the answer
 * and for publishing), once with the post-write state selected and once without.
 */
async function coalescingScenario(gatewayUrl: string, emulatorUrl: string) {
  const burst = async (document: string) => {
    // Clients hold kept-alive connections, as browsers and services do: open them first.
    await Promise.all(Array.from({ length: profile.coalescing }, () => gql(gatewayUrl, '{ __typename }')));
    await settled(emulatorUrl);
    const since = await lastSeq(emulatorUrl);
    const results = await Promise.all(
      Array.from({ length: profile.coalescing }, (_, i) =>
        gql(gatewayUrl, document, {
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
    if (failed.length > 0)
      throw new Error(`${failed.length} adjustments failed: ${JSON.stringify(failed[0])}`);
    await settled(emulatorUrl);
    return upstreamCalls(emulatorUrl, since);
  };
  const withState = await burst(operation('adjust-inventory.graphql'));
  const noState = await burst(ADJUST_NO_STATE);
  return {
    mutations: profile.coalescing,
    upstreamCalls: withState.total,
    writes: withState.writes,
    reads: withState.reads,
    noStateUpstreamCalls: noState.total,
  };
}

/**
 * One adjustment at a time with no post-write state selected, against one upstream round trip of the same write
 * sent straight to the store by this process, in turn.
 */
async function singleWriteScenario(gatewayUrl: string, emulatorUrl: string) {
  const timings: number[] = [];
  const direct: number[] = [];
  const writeDirect = (quantity: number) =>
    fetch(`${emulatorUrl}/stores/abc123/v3/inventory/adjustments/absolute`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-auth-token': TOKEN },
      body: JSON.stringify({ items: [{ location_id: 2, variant_id: 10_003, quantity }] }),
    }).then((response) => response.arrayBuffer());
  const writeGateway = (quantity: number) =>
    gql(gatewayUrl, ADJUST_NO_STATE, {
      input: { mode: 'ABSOLUTE', items: [{ locationId: 1, variantId: 10_003, quantity }] },
    });
  for (let i = 0; i < 3; i += 1) await Promise.all([writeGateway(100), writeDirect(100)]);
  await settled(emulatorUrl);
  const since = await lastSeq(emulatorUrl);
  for (let i = 0; i < profile.singleWrites; i += 1) {
    let started = performance.now();
    const result = await writeGateway(200 + i);
    timings.push(performance.now() - started);
    if (
      (result.data?.['adjustInventory'] as { __typename?: string } | undefined)?.__typename !==
      'InventoryAdjusted'
    )
      throw new Error(`adjustment failed: ${JSON.stringify(result)}`);
    started = performance.now();
    await writeDirect(200 + i);
    direct.push(performance.now() - started);
  }
  await settled(emulatorUrl);
  const calls = await upstreamCalls(emulatorUrl, since);
  const p50Ms = percentile(timings, 50);
  const roundTripP50Ms = percentile(direct, 50);
  return {
    adjustments: profile.singleWrites,
    p50Ms: round(p50Ms),
    roundTripP50Ms: round(roundTripP50Ms),
    ratio: p50Ms === null || roundTripP50Ms === null ? null : round(p50Ms / roundTripP50Ms, 2),
    // Per adjustment, without the direct writes: its write and its read-back for publishing.
    upstreamCallsPerAdjustment: round((calls.total - profile.singleWrites) / profile.singleWrites, 2),
  };
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
  const refetchCalls = (await upstreamCalls(emulatorUrl, since)).total;
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

async function fanoutScenario(gatewayUrl: string, emulatorUrl: string) {
  const query = operation('backorder-counters.graphql');
  const variables = { filter: { variantIds: [10_001], locationIds: [1] } };
  // Retained memory: every reading follows full garbage collections in the gateway process (run with
  // --expose-gc): the JS heap kept alive by N subscribers, and the process's RSS, which includes socket buffers.
  const memory = async () => {
    await gatewayStats(gatewayUrl, true);
    const { heapUsedBytes, rssBytes } = (await gatewayStats(gatewayUrl, true)).process;
    return { heapUsedBytes, rssBytes };
  };
  const before = await memory();
  let trigger = 0;
  const latencies: number[] = [];
  let initial = 0;
  let sample = '';
  const open = (count: number) =>
    openMany(count, () =>
      subscriber(gatewayUrl, query, variables, (payload, at) => {
        if (payload.includes('"initial":true')) initial += 1;
        else if (trigger > 0) {
          latencies.push(at - trigger);
          sample = payload;
        }
      }),
    );
  // Heap per subscriber at 1,000 subscribers, and again at the full count when it is larger.
  const heapBytesPerSubscriber: Record<number, number> = {};
  const sockets: WebSocket[] = [];
  for (const count of [...new Set([Math.min(1000, profile.fanout), profile.fanout])]) {
    progress(`fanout: connecting graphql-ws subscribers up to ${count}`);
    sockets.push(...(await open(count - sockets.length)));
    await waitUntil(() => initial >= count, 60_000);
    heapBytesPerSubscriber[count] = Math.round(
      ((await memory()).heapUsedBytes - before.heapUsedBytes) / count,
    );
  }
  const after = await memory();
  const change = () =>
    gql(gatewayUrl, operation('adjust-inventory.graphql'), {
      input: { mode: 'RELATIVE', items: [{ locationId: 1, variantId: 10_001, quantity: 1 }] },
    });
  const since = await lastSeq(emulatorUrl);
  const gatewayRounds = await measureRounds(async () => {
    latencies.length = 0;
    trigger = performance.now();
    await change();
    await waitUntil(() => latencies.length >= profile.fanout, 30_000);
    return [...latencies];
  });
  for (const socket of sockets) socket.terminate();
  const result = {
    // Per change (a mutation): its write and the read-back that is published.
    upstreamCallsPerChange: round((await upstreamCalls(emulatorUrl, since)).total / (FANOUT_ROUNDS + 1), 2),
    subscribers: profile.fanout,
    received: gatewayRounds.received,
    expected: profile.fanout,
    p50Ms: gatewayRounds.p50Ms,
    p99Ms: gatewayRounds.p99Ms,
    heapBytesPerSubscriber1k: heapBytesPerSubscriber[1000] ?? null,
    heapBytesPerSubscriber10k: heapBytesPerSubscriber[10_000] ?? null,
    rssBytesPerSubscriber: Math.round((after.rssBytes - before.rssBytes) / profile.fanout),
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
    return { upstreamCallsPerChange: null, received: null, expected: null, p99Ms: null };
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
    const since = await lastSeq(emulator.url);
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
    // Per change, without the bench's own store write: the one read-back of the replica that got the webhook.
    const calls = (await upstreamCalls(emulator.url, since)).total - changes;
    return {
      upstreamCallsPerChange: round(calls / changes, 2),
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

/**
 * Three replicas sharing Redis under load against a store with BigCommerce Standard's quota (150 calls per window):
 * every call they make, and how many the store answered 429.
 */
async function sharedBudgetScenario() {
  const unavailable = {
    requests: profile.budgetRequests,
    storeAnswers429: null,
    clientErrors: null,
    clientTimeouts: null,
    durationS: null,
  };
  if (!(await redisReachable())) {
    progress(`shared budget: no Redis at ${REDIS_URL}; reported as null`);
    return unavailable;
  }
  const emulator = await startEmulator([
    '--seed',
    'large:250',
    '--quota',
    '150',
    '--window-ms',
    String(profile.budgetWindowMs),
  ]);
  const prefix = `bg-bench-${randomBytes(6).toString('hex')}`;
  const env = { REDIS_URL, REDIS_PREFIX: prefix };
  const replicas = await Promise.all([0, 1, 2].map(() => startGateway(emulator.url, env)));
  try {
    const since = await lastSeq(emulator.url);
    const started = Date.now();
    let clientErrors = 0;
    let clientTimeouts = 0;
    // 8 clients per replica, one store call per query.
    await runConcurrent(profile.budgetRequests, 24, async (index) => {
      const replica = replicas[index % replicas.length];
      if (replica === undefined) return;
      const result = await gql(replica.url, '{ locations { entityId } }');
      // Twice the quota in one window: a request still waiting for the next window when the 30 s execution limit
      // passes is refused with EXECUTION_TIMEOUT, as designed; anything else is an error.
      const codes = (result.errors ?? []).map(
        (error) => (error as { extensions?: { code?: unknown } }).extensions?.code,
      );
      if (codes.length > 0 && codes.every((code) => code === 'EXECUTION_TIMEOUT')) clientTimeouts += 1;
      else if (result.errors !== undefined) clientErrors += 1;
    });
    const requests = await requestsSince(emulator.url, since);
    return {
      requests: requests.length,
      storeAnswers429: requests.filter((request) => request.status === 429).length,
      clientErrors,
      clientTimeouts,
      durationS: round((Date.now() - started) / 1000),
    };
  } finally {
    await Promise.all(replicas.map((replica) => replica.stop()));
    await emulator.stop();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  }
}

type Row = [scenario: string, metric: string, value: number | null, target: string, met: boolean | null];

type Results = Awaited<ReturnType<typeof runAll>>;

/** The rows of the scenarios that ran. */
function targets(results: Results): Row[] {
  const le = (value: number | null, limit: number | null) =>
    value === null || limit === null ? null : value <= limit;
  const rows: { [K in keyof Results]-?: (result: NonNullable<Results[K]>) => Row[] } = {
    cache: cacheRows,
    stitching: (stitching) => [
      [
        'stitching',
        'upstreamCalls',
        stitching.stitchedUpstreamCalls,
        `Catalog + names, descriptions, first image == Catalog alone (${stitching.upstreamCalls})`,
        stitching.stitchedUpstreamCalls === stitching.upstreamCalls,
      ],
      [
        'stitching',
        'p50Ms',
        round(stitching.stitchedP50Ms),
        `Catalog alone ${round(stitching.p50Ms) ?? 'n/a'} (${stitching.latencyMs} ms latency)`,
        null,
      ],
    ],
    catalog: (catalog) => [
      [
        'catalog',
        'upstreamCalls',
        catalog.upstreamCalls,
        `== minimumCalls (${catalog.minimumCalls})`,
        catalog.upstreamCalls === catalog.minimumCalls,
      ],
      ['catalog', 'directUpstreamCalls', catalog.directUpstreamCalls, 'direct baseline, same run', null],
      [
        'catalog',
        'p50Ms',
        catalog.p50Ms,
        `<= 1.15 x directP50Ms (${round(1.15 * (catalog.directP50Ms ?? 0))}), ${LATENCY_MS} ms latency`,
        le(catalog.p50Ms, 1.15 * (catalog.directP50Ms ?? 0)),
      ],
      ['catalog', 'directP50Ms', catalog.directP50Ms, 'hand-written client, same calls and answer', null],
      ['catalog', 'ratio', catalog.ratio, '<= 1.15', le(catalog.ratio, 1.15)],
      ['catalog', 'p95Ms', catalog.p95Ms, '', null],
    ],
    catalogNoLatency: (catalogNoLatency) => [
      ['catalog@0ms', 'p50Ms', catalogNoLatency.p50Ms, 'no injected latency', null],
      ['catalog@0ms', 'directP50Ms', catalogNoLatency.directP50Ms, 'no injected latency', null],
      ['catalog@0ms', 'ratio', catalogNoLatency.ratio, 'gateway processing over direct', null],
    ],
    cpu: (cpu) => [
      [
        'cpu',
        'gatewayUsPerOp',
        cpu.gatewayUsPerOp,
        `median of ${cpu.rounds} rounds; JWT, scopes, limits, rate limit, metrics on`,
        null,
      ],
      [
        'cpu',
        'baselineUsPerOp',
        cpu.baselineUsPerOp,
        'bare graphql-yoga, asked by the same clients in turn',
        null,
      ],
      ['cpu', 'ratio', cpu.ratio, "<= 1.5 (median of the rounds' ratios)", le(cpu.ratio, 1.5)],
      ['cpu', 'upstreamCallsPerOp', cpu.upstreamCallsPerOp, 'one product query (no cache)', null],
    ],
    coalescing: (coalescing) => [
      [
        'coalescing',
        'upstreamCalls',
        coalescing.upstreamCalls,
        `<= 5 for ${coalescing.mutations} mutations (writes and read-backs), post-write state selected`,
        coalescing.upstreamCalls <= 5,
      ],
      ['coalescing', 'writes', coalescing.writes, 'of which writes', null],
      [
        'coalescing',
        'noStateUpstreamCalls',
        coalescing.noStateUpstreamCalls,
        `<= 5 for ${coalescing.mutations} mutations, only transactionIds selected`,
        coalescing.noStateUpstreamCalls <= 5,
      ],
    ],
    singleWrite: (singleWrite) => [
      [
        'singleWrite',
        'p50Ms',
        singleWrite.p50Ms,
        `<= 1.15 x roundTripP50Ms (${round(1.15 * (singleWrite.roundTripP50Ms ?? 0))})`,
        le(singleWrite.p50Ms, 1.15 * (singleWrite.roundTripP50Ms ?? 0)),
      ],
      [
        'singleWrite',
        'roundTripP50Ms',
        singleWrite.roundTripP50Ms,
        'the same write sent straight to the store',
        null,
      ],
      [
        'singleWrite',
        'upstreamCallsPerAdjustment',
        singleWrite.upstreamCallsPerAdjustment,
        'the write, then one read-back for publishing',
        null,
      ],
    ],
    webhookBurst: (webhookBurst) => [
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
    ],
    fanout: (fanout) => [
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
        `<= 1.5 x baselineP99Ms (${round(1.5 * (fanout.baselineP99Ms ?? 0))}): bare ws broadcast, ${fanout.subscribers} subscribers`,
        le(fanout.p99Ms, 1.5 * (fanout.baselineP99Ms ?? 0)),
      ],
      ['fanout', 'p50Ms', fanout.p50Ms, `${fanout.subscribers} subscribers`, null],
      [
        'fanout',
        'upstreamCallsPerChange',
        fanout.upstreamCallsPerChange,
        'the mutation and its read-back',
        null,
      ],
      [
        'fanout',
        'heapBytesPerSubscriber1k',
        fanout.heapBytesPerSubscriber1k,
        'JS heap retained after GC, per subscriber, at 1,000 subscribers',
        null,
      ],
      [
        'fanout',
        'heapBytesPerSubscriber10k',
        fanout.heapBytesPerSubscriber10k,
        'the same at 10,000 subscribers (full profile)',
        null,
      ],
      [
        'fanout',
        'rssBytesPerSubscriber',
        fanout.rssBytesPerSubscriber,
        `RSS after GC, per subscriber, at ${fanout.subscribers} (socket buffers included; noisy)`,
        null,
      ],
    ],
    replicas: (replicas) => [
      [
        'replicas',
        'received',
        replicas.received,
        `== expected (${replicas.expected ?? 'n/a'})`,
        replicas.received === null ? null : replicas.received === replicas.expected,
      ],
      ['replicas', 'p99Ms', replicas.p99Ms, 'webhook into one replica -> subscriber on the other', null],
      ['replicas', 'upstreamCallsPerChange', replicas.upstreamCallsPerChange, 'read-backs per webhook', null],
    ],
    liveRecovery: (liveRecovery) => [
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
    ],
    sharedBudget: (sharedBudget) => [
      [
        'sharedBudget',
        'storeAnswers429',
        sharedBudget.storeAnswers429,
        `== 0 (${sharedBudget.requests} calls, 3 replicas, quota 150 per ${profile.budgetWindowMs} ms)`,
        sharedBudget.storeAnswers429 === null ? null : sharedBudget.storeAnswers429 === 0,
      ],
      [
        'sharedBudget',
        'clientErrors',
        sharedBudget.clientErrors,
        '== 0 (errors other than the execution time limit)',
        sharedBudget.clientErrors === null ? null : sharedBudget.clientErrors === 0,
      ],
      [
        'sharedBudget',
        'clientTimeouts',
        sharedBudget.clientTimeouts,
        'EXECUTION_TIMEOUT: still waiting for the next quota window after 30 s',
        null,
      ],
    ],
  };
  return (Object.keys(rows) as (keyof Results)[]).flatMap((name) => {
    const result = results[name];
    // Each entry's parameter is the result of the scenario it is named after.
    return result === undefined ? [] : (rows[name] as (value: typeof result) => Row[])(result);
  });
}

const SCENARIOS = [
  'catalog',
  'cpu',
  'coalescing',
  'singleWrite',
  'webhookBurst',
  'catalogNoLatency',
  'fanout',
  'replicas',
  'liveRecovery',
  'sharedBudget',
  'cache',
  'stitching',
] as const;
const only = flags.only ?? [];
for (const name of only)
  if (!(SCENARIOS as readonly string[]).includes(name))
    throw new Error(`--only ${name}: no such scenario (${SCENARIOS.join(', ')})`);
const selected = (name: (typeof SCENARIOS)[number]): boolean => only.length === 0 || only.includes(name);

async function runAll() {
  progress(`profile ${profileName}: emulator with ${profile.seed} variants, ${LATENCY_MS} ms latency`);
  const slow = await startEmulator(['--seed', `large:${profile.seed}`, '--latency-ms', String(LATENCY_MS)]);
  const fast = await startEmulator(['--seed', `large:${Math.max(250, profile.fanout > 5000 ? 1000 : 250)}`]);
  const children: Child[] = [slow, fast];
  const run = async <T>(
    name: (typeof SCENARIOS)[number],
    scenario: () => Promise<T>,
  ): Promise<T | undefined> => {
    if (!selected(name)) return undefined;
    progress(name);
    return scenario();
  };
  try {
    const gateway = await startGateway(slow.url);
    children.push(gateway);
    const catalog = await run('catalog', () =>
      catalogScenario(gateway.url, slow.url, profile.catalogIterations),
    );
    const cpu = await run('cpu', () => cpuScenario(slow.url));
    const coalescing = await run('coalescing', () => coalescingScenario(gateway.url, slow.url));
    const singleWrite = await run('singleWrite', () => singleWriteScenario(gateway.url, slow.url));
    const webhookBurst = await run('webhookBurst', () => webhookScenario(gateway.url, slow.url));
    const fanoutGateway = await startGateway(fast.url);
    children.push(fanoutGateway);
    const catalogNoLatency = await run('catalogNoLatency', () =>
      catalogScenario(fanoutGateway.url, fast.url, profile.catalogIterations),
    );
    const fanout = await run('fanout', () => fanoutScenario(fanoutGateway.url, fast.url));
    const replicas = await run('replicas', () => replicasScenario(fast));
    const liveRecovery = await run('liveRecovery', () =>
      liveRecoveryScenario(profile.liveRecovery, progress),
    );
    const sharedBudget = await run('sharedBudget', () => sharedBudgetScenario());
    const cache = await run('cache', () => cacheScenario(profile.cache, progress));
    const stitching = await run('stitching', () =>
      stitchingScenario({ iterations: profile.catalogIterations, products: 50, variants: 5 }, progress),
    );
    return {
      cache,
      stitching,
      catalog,
      catalogNoLatency,
      cpu,
      coalescing,
      singleWrite,
      webhookBurst,
      fanout,
      replicas,
      sharedBudget,
      liveRecovery,
    };
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
