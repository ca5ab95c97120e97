import { SECRET, TOKEN, startEmulator, startGateway, type Child } from './processes.js';

/** How many clients read, for how long, over how many variants. */
export interface CacheProfile {
  readonly clients: number;
  readonly seconds: number;
  readonly variants: number;
}

export interface CacheRun {
  readonly answers: number;
  /** Store calls made by the gateway in the window (reads and webhook read-backs), from the emulator's log. */
  readonly upstreamCalls: number;
  /** The same calls by method and path. */
  readonly upstreamByPath: Record<string, number>;
  /** Answers to requests sent more than 1 s after a change's webhook reached the gateway that do not show it. */
  readonly staleAnswers: number;
  /** Stricter: answers to requests sent more than 1 s after the change was made at the store that do not show it. */
  readonly staleAfterChange: number;
  /** How long after a change was made at the store its webhook was answered by the gateway (p50, p99). */
  readonly webhookP50Ms: number | null;
  readonly webhookP99Ms: number | null;
  /** One client alone after the load, reading the same variant 200 times in a row. */
  readonly sequentialP50Ms: number | null;
  readonly errors: number;
  readonly p50Ms: number | null;
  readonly p99Ms: number | null;
  readonly changes: number;
}

export interface CacheResult {
  readonly profile: CacheProfile;
  readonly on: CacheRun;
  readonly off: CacheRun;
}

const LATENCY_MS = 20;
const FIRST_VARIANT = 10_000;
// What a product page shows ("N left, backorder available"): the aggregates, one Admin GraphQL call per miss. (A
// selected `sku` adds a REST inventory call per miss: BigCommerce's Admin GraphQL documents no SKU.)
const QUERY =
  'query Availability($entityId: Int!) { variant(entityId: $entityId) { entityId inventory { availableToSell onHand availability } } }';

function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const value = sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? null;
  return value === null ? null : Math.round(value * 100) / 100;
}

async function store(emulator: Child, method: string, path: string, body?: unknown): Promise<void> {
  const response = await fetch(`${emulator.url}/stores/abc123${path}`, {
    method,
    headers: { 'x-auth-token': TOKEN, accept: 'application/json', 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}`);
  await response.arrayBuffer();
}

async function requestCount(emulator: Child): Promise<number> {
  return ((await (await fetch(`${emulator.url}/_emulator/health`)).json()) as { requests: number }).requests;
}

async function onHand(gatewayUrl: string, variant: number): Promise<number | null> {
  const response = await fetch(`${gatewayUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUERY, variables: { entityId: variant } }),
  });
  const body = (await response.json()) as { data?: { variant?: { inventory?: { onHand: number } } } };
  return body.data?.variant?.inventory?.onHand ?? null;
}

/** One run: its own emulator (20 ms latency) and gateway, the cache on or off. */
async function run(profile: CacheProfile, cache: boolean): Promise<CacheRun> {
  const emulator = await startEmulator(['--seed', 'large:250', '--latency-ms', String(LATENCY_MS)]);
  const children: Child[] = [emulator];
  try {
    const gateway = await startGateway(emulator.url, { RESPONSE_CACHE: cache ? 'on' : 'off' });
    children.push(gateway);
    for (const scope of ['stock_changed', 'backorder_limit_reached', 'settings_changed'])
      await store(emulator, 'POST', '/v3/hooks', {
        scope: `store/channel/*/inventory/product/${scope}`,
        destination: `${gateway.url}/webhooks/bigcommerce`,
        is_active: true,
        headers: { 'x-webhook-secret': SECRET },
      });
    const variants = Array.from({ length: profile.variants }, (_, index) => FIRST_VARIANT + index);
    await store(emulator, 'PUT', '/v3/inventory/adjustments/absolute', {
      items: variants.map((variant) => ({ location_id: 1, variant_id: variant, quantity: 100 })),
    });
    // Let the webhooks of that setup settle, then learn what the other locations add to each variant's total.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const others = new Map<number, number>();
    for (const variant of variants) others.set(variant, ((await onHand(gateway.url, variant)) ?? 100) - 100);

    // The store-side changes (location 1's new figure of a variant) and the answers, checked against each other
    // once the webhooks' arrival times are known.
    const made: { variant: number; value: number; at: number }[] = [];
    const answers: { variant: number; sent: number; shown: number }[] = [];
    const latencies: number[] = [];
    let errors = 0;
    let changes = 0;
    const since = await requestCount(emulator);
    const started = performance.now();
    const end = started + profile.seconds * 1000;

    const client = async (index: number): Promise<void> => {
      // Clients start spread over the first second, then read once a second.
      let next = started + (((index * 1000) / profile.clients) % 1000);
      while (next < end) {
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
        next += 1000;
        const variant = variants[Math.floor(Math.random() * variants.length)] ?? FIRST_VARIANT;
        const sent = Date.now();
        const timer = performance.now();
        let answer: number | null;
        try {
          answer = await onHand(gateway.url, variant);
        } catch {
          answer = null;
        }
        latencies.push(performance.now() - timer);
        if (answer === null) errors += 1;
        else answers.push({ variant, sent, shown: answer - (others.get(variant) ?? 0) });
      }
    };
    const store_ = async (): Promise<void> => {
      let value = 1000;
      while (performance.now() + 1000 < end) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        const variant = variants[changes % variants.length] ?? FIRST_VARIANT;
        value += 1;
        await store(emulator, 'PUT', '/v3/inventory/adjustments/absolute', {
          items: [{ location_id: 1, variant_id: variant, quantity: value }],
        });
        made.push({ variant, value, at: Date.now() });
        changes += 1;
      }
    };
    await Promise.all([store_(), ...Array.from({ length: profile.clients }, (_, index) => client(index))]);
    const log = (await (await fetch(`${emulator.url}/_emulator/requests?since=${since}`)).json()) as {
      requests: { method: string; path: string }[];
    };
    const calls = log.requests.filter((request) => !request.path.startsWith('/v3/inventory/adjustments/'));
    const upstreamByPath: Record<string, number> = {};
    for (const call of calls) {
      const key = `${call.method} ${call.path}`;
      upstreamByPath[key] = (upstreamByPath[key] ?? 0) + 1;
    }
    const sequential: number[] = [];
    for (let index = 0; index < 200; index += 1) {
      const timer = performance.now();
      await onHand(gateway.url, FIRST_VARIANT);
      sequential.push(performance.now() - timer);
    }
    // A change's webhook reached the gateway when the gateway answered its first delivery after the change.
    const deliveries = (await (await fetch(`${emulator.url}/_emulator/deliveries`)).json()) as {
      attempts: {
        at: number;
        ms: number;
        status_code: number | null;
        scope: string;
        data: { variant_id?: number };
      }[];
    };
    const arrivals = made.map((change) => {
      const answered = deliveries.attempts
        .filter(
          (attempt) =>
            attempt.status_code === 200 &&
            attempt.scope.endsWith('/stock_changed') &&
            attempt.data.variant_id === change.variant &&
            attempt.at + attempt.ms >= change.at - 1000,
        )
        .map((attempt) => attempt.at + attempt.ms);
      return { ...change, arrived: answered.length === 0 ? Number.POSITIVE_INFINITY : Math.min(...answered) };
    });
    const staleAfter = (key: 'at' | 'arrived') =>
      answers.filter((answer) => {
        const due = arrivals
          .filter((change) => change.variant === answer.variant && change[key] + 1000 <= answer.sent)
          .at(-1);
        return due !== undefined && answer.shown < due.value;
      }).length;
    const webhookDelays = arrivals.map((change) => change.arrived - change.at);
    return {
      answers: latencies.length,
      upstreamCalls: calls.length,
      upstreamByPath,
      staleAnswers: staleAfter('arrived'),
      staleAfterChange: staleAfter('at'),
      webhookP50Ms: percentile(webhookDelays, 50),
      webhookP99Ms: percentile(webhookDelays, 99),
      sequentialP50Ms: percentile(sequential, 50),
      errors,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      changes,
    };
  } finally {
    await Promise.all(children.reverse().map((child) => child.stop()));
  }
}

/**
 * A product page under load: `clients` shoppers each read one variant's availability once a second, over
 * `variants` variants, while the store changes one of them every second from outside the gateway (REST
 * adjustments on the emulator, whose webhooks reach the gateway). Run with the response cache on, then off (the
 * baseline), each with its own emulator and gateway.
 */
export async function cacheScenario(
  profile: CacheProfile,
  progress: (line: string) => void,
): Promise<CacheResult> {
  progress(`  ${profile.clients} clients, ${profile.seconds} s, ${profile.variants} variants: cache on`);
  const on = await run(profile, true);
  progress('  the same, cache off');
  const off = await run(profile, false);
  return { profile, on, off };
}

/** The rows of the bench table: scenario, metric, value, target, met. */
export function cacheRows(result: CacheResult): [string, string, number | null, string, boolean | null][] {
  const { on, off, profile } = result;
  const callLimit = Math.round((75 * profile.seconds) / 30);
  return [
    [
      'cache',
      'upstreamCalls',
      on.upstreamCalls,
      `<= ${callLimit} in ${profile.seconds} s (75 per 30 s); cache off: ${off.upstreamCalls}`,
      on.upstreamCalls <= callLimit,
    ],
    [
      'cache',
      'staleAnswers',
      on.staleAnswers,
      `== 0 of ${on.answers} (${on.changes} store-side changes); cache off: ${off.staleAnswers}`,
      on.staleAnswers === 0,
    ],
    [
      'cache',
      'p50Ms',
      on.p50Ms,
      `<= 2; cache off: ${off.p50Ms ?? 'null'}`,
      on.p50Ms !== null && on.p50Ms <= 2,
    ],
    ['cache', 'p99Ms', on.p99Ms, `cache off: ${off.p99Ms ?? 'null'}`, null],
    [
      'cache',
      'sequentialP50Ms',
      on.sequentialP50Ms,
      `one client alone, a cached variant; cache off: ${off.sequentialP50Ms ?? 'null'}`,
      null,
    ],
    [
      'cache',
      'staleAfterChange',
      on.staleAfterChange,
      `answers over 1 s after the store change itself; webhook arrival p50 ${on.webhookP50Ms ?? 'null'} ms, p99 ${on.webhookP99Ms ?? 'null'} ms`,
      null,
    ],
    ['cache', 'errors', on.errors, `== 0; cache off: ${off.errors}`, on.errors === 0],
  ];
}
