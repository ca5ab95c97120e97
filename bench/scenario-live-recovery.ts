import WebSocket from 'ws';
import { SECRET, TOKEN, startEmulator, startGateway, type Child } from './processes.js';

/** How many store-side changes, across how many items, and the sweep period the gateway runs with. */
export interface LiveRecoveryProfile {
  readonly changes: number;
  readonly items: number;
  readonly sweepIntervalMs: number;
  /** How long inventory reads fail in the middle of the changes. */
  readonly faultMs: number;
}

export interface LiveRecoveryResult {
  readonly changes: number;
  readonly items: number;
  /** Deliveries the emulator lost on purpose (never sent, never retried). */
  readonly webhooksLost: number;
  /** Deliveries the emulator sent twice on purpose. */
  readonly webhooksDuplicated: number;
  /** Store reads answered 503 during the fault in the middle. */
  readonly faultedReads: number;
  /** Levels whose last figure at subscribers differs from the store's, two sweep periods after the last change. */
  readonly eventsLost: number;
  /** From the last change until every subscriber figure equals the store's; null when that never happened. */
  readonly agreementMs: number | null;
  readonly sweepIntervalMs: number;
}

const LOSS_RATE = 0.2;
const DUPLICATE_RATE = 0.2;
const SPACING_MS = 10;

interface ItemPage {
  data: {
    identity: { variant_id: number };
    locations: { location_id: number; total_inventory_onhand: number }[];
  }[];
}

async function store<T>(emulator: Child, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${emulator.url}/stores/abc123${path}`, {
    method,
    headers: {
      'x-auth-token': TOKEN,
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}`);
  return (await response.json()) as T;
}

async function onHandAtStore(emulator: Child, variants: readonly number[]): Promise<Map<number, number>> {
  const page = await store<ItemPage>(
    emulator,
    'GET',
    `/v3/inventory/items?variant_id:in=${variants.join(',')}&location_id:in=1&limit=${variants.length}`,
  );
  return new Map(
    page.data.map((item) => [
      item.identity.variant_id,
      item.locations.find((location) => location.location_id === 1)?.total_inventory_onhand ?? -1,
    ]),
  );
}

/**
 * Live recovery: a few hundred changes made on the store (not through the gateway) while the store loses and
 * duplicates a share of its webhooks, with inventory reads failing for a while in the middle. One subscriber
 * watches every changed item; the scenario reports the levels it ends wrong on and how long after the last change
 * it agrees with the store. Target: 0 lost, agreement within one sweep period.
 */
export async function liveRecoveryScenario(
  profile: LiveRecoveryProfile,
  progress: (line: string) => void,
): Promise<LiveRecoveryResult> {
  const emulator = await startEmulator([
    '--seed',
    'large:250',
    '--webhook-loss-rate',
    String(LOSS_RATE),
    '--webhook-duplicate-rate',
    String(DUPLICATE_RATE),
  ]);
  const children: Child[] = [emulator];
  try {
    const gateway = await startGateway(emulator.url, {
      SWEEP_INTERVAL_MS: String(profile.sweepIntervalMs),
      READ_BACK_RETRY_MAX_MS: '500',
    });
    children.push(gateway);
    const scopes = ['stock_changed', 'backorder_limit_reached', 'settings_changed'];
    for (const scope of scopes)
      await store(emulator, 'POST', '/v3/hooks', {
        scope: `store/channel/*/inventory/product/${scope}`,
        destination: `${gateway.url}/webhooks/bigcommerce`,
        is_active: true,
        headers: { 'x-webhook-secret': SECRET },
      });
    const variants = Array.from({ length: profile.items }, (_, index) => 10_000 + index);
    // Every item starts from a known figure, set before anyone watches.
    await store(emulator, 'PUT', '/v3/inventory/adjustments/absolute', {
      items: variants.map((variant) => ({ location_id: 1, variant_id: variant, quantity: 100 })),
    });

    const seen = new Map<number, number>();
    const socket = new WebSocket(`${gateway.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.on('open', () => socket.send('{"type":"connection_init"}'));
      socket.on('message', (data: Buffer) => {
        const message = JSON.parse(data.toString()) as {
          type: string;
          payload?: { data?: { backorderCounters?: { onHand: number; level: { id: string } } } };
        };
        if (message.type === 'connection_ack') {
          socket.send(
            JSON.stringify({
              id: '1',
              type: 'subscribe',
              payload: {
                query:
                  'subscription($filter: InventoryEventFilter) { backorderCounters(filter: $filter) { onHand level { id } } }',
                variables: { filter: { variantIds: variants, locationIds: [1] } },
              },
            }),
          );
        }
        const counters = message.payload?.data?.backorderCounters;
        // Level ids read `InventoryLevel:{product}/{variant}@{location}`.
        const variant = Number(/\/(\d+)@/.exec(counters?.level.id ?? '')?.[1]);
        if (counters !== undefined) seen.set(variant, counters.onHand);
        if (seen.size === variants.length) resolve();
      });
    });

    progress(`  ${profile.changes} store-side changes, a ${profile.faultMs} ms read fault in the middle`);
    let faultedReads = 0;
    let faultEnds: Promise<void> = Promise.resolve();
    for (let index = 0; index < profile.changes; index += 1) {
      if (index === Math.floor(profile.changes / 2)) {
        await fetch(`${emulator.url}/_emulator/faults`, {
          method: 'POST',
          body: JSON.stringify({ kind: '503', path: '/v3/inventory/items', method: 'GET' }),
        });
        const since = (
          (await (await fetch(`${emulator.url}/_emulator/health`)).json()) as { requests: number }
        ).requests;
        faultEnds = new Promise<void>((resolve) => setTimeout(resolve, profile.faultMs)).then(async () => {
          await fetch(`${emulator.url}/_emulator/faults`, { method: 'DELETE' });
          const log = (await (await fetch(`${emulator.url}/_emulator/requests?since=${since}`)).json()) as {
            requests: { path: string; status: number }[];
          };
          faultedReads = log.requests.filter(
            (request) => request.path === '/v3/inventory/items' && request.status === 503,
          ).length;
        });
      }
      const variant = variants[index % variants.length] ?? 10_000;
      await store(emulator, 'PUT', '/v3/inventory/adjustments/absolute', {
        items: [{ location_id: 1, variant_id: variant, quantity: 200 + index }],
      });
      await new Promise((resolve) => setTimeout(resolve, SPACING_MS));
    }
    await faultEnds;
    const lastChange = performance.now();
    const truth = await onHandAtStore(emulator, variants);
    const wrong = () => variants.filter((variant) => seen.get(variant) !== truth.get(variant)).length;
    let agreementMs: number | null = null;
    const deadline = lastChange + 2 * profile.sweepIntervalMs + 2000;
    while (performance.now() < deadline) {
      if (wrong() === 0) {
        agreementMs = Math.round(performance.now() - lastChange);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    socket.close();
    const deliveries = (await (await fetch(`${emulator.url}/_emulator/deliveries`)).json()) as {
      attempts: { error: string | null; duplicate: number }[];
    };
    return {
      changes: profile.changes,
      items: profile.items,
      webhooksLost: deliveries.attempts.filter((attempt) => attempt.error === 'lost').length,
      webhooksDuplicated: deliveries.attempts.filter((attempt) => attempt.duplicate === 1).length,
      faultedReads,
      eventsLost: wrong(),
      agreementMs,
      sweepIntervalMs: profile.sweepIntervalMs,
    };
  } finally {
    await Promise.all(children.reverse().map((child) => child.stop()));
  }
}
