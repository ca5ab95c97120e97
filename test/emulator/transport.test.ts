import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../src/emulator/create-emulator.js';
import { parseEmulatorFlags } from '../../src/emulator/cli.js';
import {
  addFault,
  call,
  clearFaults,
  lastSeq,
  locationItem,
  requestsSince,
  startEmulator,
  TOKEN,
} from '../helpers/emulator.js';

const RATE_HEADERS = [
  'x-rate-limit-requests-left',
  'x-rate-limit-requests-quota',
  'x-rate-limit-time-reset-ms',
  'x-rate-limit-time-window-ms',
];
const ABSOLUTE_78 = { items: [{ location_id: 1, variant_id: 78, quantity: 77 }] };

describe('authentication', () => {
  it('answers 401 in each API style for a missing or wrong token, without echoing it', async () => {
    const emulator = await startEmulator();
    const v3 = await call(emulator, 'GET', '/v3/inventory/items', { token: 'wrong-token-value' });
    expect(v3.status).toBe(401);
    expect(v3.headers.get('content-type')).toBe('application/problem+json');
    expect(v3.body).toMatchObject({
      status: 401,
      title:
        'Unauthorized - the v3 Auth client ID or token in the request are not a valid combination for this store.',
    });
    expect(JSON.stringify(v3.body)).not.toContain('wrong-token-value');
    const v2 = await call(emulator, 'GET', '/v2/orders', { token: null });
    expect(v2.status).toBe(401);
    expect(v2.body).toEqual([{ status: 401, message: 'You are not authorized to access this resource.' }]);
    const graphql = await call(emulator, 'POST', '/graphql', {
      token: null,
      body: { query: '{ store { products { edges { node { id } } } } }' },
    });
    expect(graphql.status).toBe(401);
    expect(graphql.body).toMatchObject({
      errors: [{ message: expect.stringContaining('Unauthorized') as string }],
    });
    const write = await call(emulator, 'PUT', '/v3/inventory/adjustments/absolute', {
      token: 'nope',
      body: ABSOLUTE_78,
    });
    expect(write.status).toBe(401);
    expect((await locationItem(emulator, 1, 78)).total_inventory_onhand).toBe(12);
  });
});

describe('rate limits', () => {
  it('draws a refused request from the quota and sends the headers on 401 in every style', async () => {
    const emulator = await startEmulator({ quota: 10, windowMs: 60_000 });
    const v3 = await call(emulator, 'GET', '/v3/inventory/items', { token: 'wrong' });
    const hooks = await call(emulator, 'GET', '/v3/hooks', { token: null });
    const v2 = await call(emulator, 'GET', '/v2/orders', { token: 'wrong' });
    const graphql = await call(emulator, 'POST', '/graphql', {
      token: null,
      body: { query: '{ store { products { edges { node { id } } } } }' },
    });
    const refused = [v3, hooks, v2, graphql];
    expect(refused.map((response) => response.status)).toEqual([401, 401, 401, 401]);
    for (const response of refused) {
      for (const header of RATE_HEADERS) expect(response.headers.get(header), header).not.toBeNull();
    }
    // "Each API request consumes one quota unit": refused ones too.
    expect(refused.map((response) => response.headers.get('x-rate-limit-requests-left'))).toEqual([
      '9',
      '8',
      '7',
      '6',
    ]);
    expect(graphql.headers.get('x-bc-graphql-complexity')).toBe('0');
    expect(v3.headers.get('x-bc-graphql-complexity')).toBeNull();
  });

  it('sends the headers on a 404 for an unknown store without drawing from the quota', async () => {
    const emulator = await startEmulator({ quota: 10, windowMs: 60_000 });
    expect(
      (await call(emulator, 'GET', '/v3/inventory/locations')).headers.get('x-rate-limit-requests-left'),
    ).toBe('9');
    for (const path of ['/v3/inventory/items', '/v2/orders', '/graphql']) {
      const response = await fetch(`${emulator.url}/stores/zzz999${path}`, {
        method: path === '/graphql' ? 'POST' : 'GET',
        headers: { 'x-auth-token': TOKEN, 'content-type': 'application/json' },
        ...(path === '/graphql' ? { body: '{"query":"{ store { id } }"}' } : {}),
      });
      expect(response.status, path).toBe(404);
      for (const header of RATE_HEADERS) expect(response.headers.get(header), header).not.toBeNull();
      expect(response.headers.get('x-rate-limit-requests-left'), path).toBe('9');
      if (path === '/graphql') expect(response.headers.get('x-bc-graphql-complexity')).toBe('0');
    }
  });

  it('answers 429 before looking at the token once the quota is used up', async () => {
    const emulator = await startEmulator({ quota: 1, windowMs: 60_000 });
    expect((await call(emulator, 'GET', '/v3/inventory/locations', { token: 'wrong' })).status).toBe(401);
    const limited = await call(emulator, 'GET', '/v3/inventory/locations');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-retry-after')).not.toBeNull();
  });

  it('sends the four headers on every response and 429 with X-Retry-After past the quota', async () => {
    const emulator = await startEmulator({ quota: 3, windowMs: 60_000 });
    const responses = [];
    for (let i = 0; i < 4; i += 1) responses.push(await call(emulator, 'GET', '/v3/inventory/locations'));
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 429]);
    expect(responses.map((response) => response.headers.get('x-rate-limit-requests-left'))).toEqual([
      '2',
      '1',
      '0',
      '0',
    ]);
    for (const response of responses) {
      for (const header of RATE_HEADERS) expect(response.headers.get(header), header).not.toBeNull();
    }
    const limited = responses[3];
    expect(limited?.headers.get('x-rate-limit-requests-quota')).toBe('3');
    expect(Number(limited?.headers.get('x-retry-after'))).toBeGreaterThanOrEqual(59);
    expect(Number(limited?.headers.get('x-rate-limit-time-reset-ms'))).toBeLessThanOrEqual(60_000);
  });

  it('opens a new window once the reset time has passed', async () => {
    const emulator = await startEmulator({ quota: 1, windowMs: 150 });
    expect((await call(emulator, 'GET', '/v3/inventory/locations')).status).toBe(200);
    const limited = await call(emulator, 'GET', '/v3/inventory/locations');
    expect(limited.status).toBe(429);
    await new Promise((resolve) =>
      setTimeout(resolve, Number(limited.headers.get('x-rate-limit-time-reset-ms')) + 5),
    );
    expect((await call(emulator, 'GET', '/v3/inventory/locations')).status).toBe(200);
  });
});

describe('fault injection', () => {
  it('answers 503 without processing, for as many requests as asked', async () => {
    const emulator = await startEmulator();
    await addFault(emulator, { kind: '503', count: 1, path: '/v3/inventory/adjustments' });
    const failed = await call(emulator, 'PUT', '/v3/inventory/adjustments/absolute', { body: ABSOLUTE_78 });
    expect(failed.status).toBe(503);
    expect((await locationItem(emulator, 1, 78)).total_inventory_onhand).toBe(12);
    expect(
      (await call(emulator, 'PUT', '/v3/inventory/adjustments/absolute', { body: ABSOLUTE_78 })).status,
    ).toBe(200);
    expect((await locationItem(emulator, 1, 78)).total_inventory_onhand).toBe(77);
  });

  it('answers a header-less 429', async () => {
    const emulator = await startEmulator();
    await addFault(emulator, { kind: '429', count: 1 });
    const response = await call(emulator, 'GET', '/v3/inventory/items');
    expect(response.status).toBe(429);
    for (const header of [...RATE_HEADERS, 'x-retry-after'])
      expect(response.headers.get(header), header).toBeNull();
  });

  it('drops the connection after applying a write', async () => {
    const emulator = await startEmulator();
    await addFault(emulator, { kind: 'drop', count: 1, method: 'POST' });
    await expect(
      call(emulator, 'POST', '/v3/inventory/adjustments/relative', {
        body: { items: [{ location_id: 1, variant_id: 78, quantity: 1 }] },
      }),
    ).rejects.toThrow();
    expect((await locationItem(emulator, 1, 78)).total_inventory_onhand).toBe(13);
    const log = await requestsSince(emulator);
    expect(log.filter((entry) => entry.method === 'POST').map((entry) => entry.status)).toEqual([0]);
  });

  it('holds a slow response after applying the write', async () => {
    const emulator = await startEmulator({ slowMs: 5_000 });
    await addFault(emulator, { kind: 'slow', count: 1 });
    const signal = AbortSignal.timeout(200);
    await expect(
      fetch(`${emulator.storeUrl}/v3/inventory/adjustments/absolute`, {
        method: 'PUT',
        signal,
        headers: { 'x-auth-token': TOKEN, 'content-type': 'application/json' },
        body: JSON.stringify(ABSOLUTE_78),
      }),
    ).rejects.toThrow();
    expect((await locationItem(emulator, 1, 78)).total_inventory_onhand).toBe(77);
    await clearFaults(emulator);
  });

  it('injects the configured fault at the configured rate', async () => {
    const emulator = await startEmulator({ faultRate: 1, faultKind: '503' });
    expect((await call(emulator, 'GET', '/v3/inventory/items')).status).toBe(503);
    const never = await startEmulator({ faultRate: 0 });
    expect((await call(never, 'GET', '/v3/inventory/items')).status).toBe(200);
  });
});

describe('request validation', () => {
  it('refuses a wrong content type with 415, broken JSON with 400 and oversize bodies with 413, changing nothing', async () => {
    const emulator = await startEmulator({ maxBodyBytes: 2_000 });
    const wrongType = await call(emulator, 'PUT', '/v3/inventory/adjustments/absolute', {
      raw: JSON.stringify(ABSOLUTE_78),
      headers: { 'content-type': 'text/plain' },
    });
    expect(wrongType.status).toBe(415);
    expect(wrongType.body).toMatchObject({ title: expect.stringContaining('text/plain') as string });
    const broken = await call(emulator, 'PUT', '/v3/inventory/adjustments/absolute', { raw: '{"items": [' });
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({
      status: 400,
      title: expect.stringContaining('not valid JSON') as string,
    });
    const brokenV2 = await call(emulator, 'POST', '/v2/orders', { raw: 'nope' });
    expect(brokenV2.status).toBe(400);
    expect(brokenV2.body).toEqual([
      { status: 400, message: expect.stringContaining('not valid JSON') as string },
    ]);
    const big = {
      items: Array.from({ length: 100 }, () => ({ location_id: 1, variant_id: 78, quantity: 5 })),
    };
    expect((await call(emulator, 'PUT', '/v3/inventory/adjustments/absolute', { body: big })).status).toBe(
      413,
    );
    expect((await locationItem(emulator, 1, 78)).total_inventory_onhand).toBe(12);
  });

  it('answers unknown routes, stores and methods in the right style, and 406 for unacceptable Accept', async () => {
    const emulator = await startEmulator();
    const v3 = await call(emulator, 'GET', '/v3/nothing');
    expect(v3.status).toBe(404);
    expect(v3.body).toMatchObject({ status: 404, title: expect.stringContaining('/v3/nothing') as string });
    const v2 = await call(emulator, 'GET', '/v2/nothing');
    expect(v2.body).toEqual([{ status: 404, message: 'The requested resource was not found.' }]);
    expect((await call(emulator, 'DELETE', '/v3/inventory/items')).status).toBe(405);
    const otherStore = await fetch(`${emulator.url}/stores/zzz999/v3/inventory/items`, {
      headers: { 'x-auth-token': TOKEN },
    });
    expect(otherStore.status).toBe(404);
    expect(
      (await call(emulator, 'GET', '/v3/inventory/items', { headers: { accept: 'text/html' } })).status,
    ).toBe(406);
  });
});

describe('request log', () => {
  it('records every store request with method, path, query, status and time, filtered by seq', async () => {
    const emulator = await startEmulator();
    await call(emulator, 'GET', '/v3/inventory/items?variant_id:in=1,2');
    const since = await lastSeq(emulator);
    await call(emulator, 'GET', '/v3/inventory/locations/1/items?sku:in=RE-130');
    await call(emulator, 'POST', '/graphql', {
      body: { query: '{ store { product(id: "bc/store/product/77") { id } } }' },
    });
    const entries = await requestsSince(emulator, since);
    expect(entries.map((entry) => [entry.method, entry.path, entry.query, entry.status])).toEqual([
      ['GET', '/v3/inventory/locations/1/items', { 'sku:in': 'RE-130' }, 200],
      ['POST', '/graphql', {}, 200],
    ]);
    expect(entries.map((entry) => entry.seq)).toEqual([since + 1, since + 2]);
    expect(entries.every((entry) => entry.ms >= 0)).toBe(true);
  });
});

describe('storage', () => {
  it('keeps all state across a restart of a file database and does not seed it again', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'emulator-')), 'store.db');
    const first = await createEmulator({ db, token: TOKEN });
    await call(first, 'PUT', '/v3/inventory/adjustments/absolute', { body: ABSOLUTE_78 });
    const order = (
      await call(first, 'POST', '/v2/orders', {
        body: {
          billing_address: { zip: '78701' },
          products: [{ product_id: 112, variant_id: 74, quantity: 20 }],
        },
      })
    ).body as { id: number };
    await first.stop();
    const second = await createEmulator({ db, token: TOKEN });
    try {
      expect((await locationItem(second, 1, 78)).total_inventory_onhand).toBe(77);
      expect(await locationItem(second, 1, 74)).toMatchObject({
        total_inventory_onhand: 2,
        qty_backordered: 15,
      });
      expect((await call(second, 'GET', `/v2/orders/${order.id}`)).status).toBe(200);
    } finally {
      await second.stop();
    }
  });

  it('makes adjustments visible only after the apply delay, while later writes see them at once', async () => {
    const emulator = await startEmulator({ applyDelayMs: 300 });
    await call(emulator, 'PUT', '/v3/inventory/adjustments/absolute', { body: ABSOLUTE_78 });
    expect((await locationItem(emulator, 1, 78)).total_inventory_onhand).toBe(12);
    const relative = await call(emulator, 'POST', '/v3/inventory/adjustments/relative', {
      body: { items: [{ location_id: 1, variant_id: 78, quantity: -70 }] },
    });
    expect(relative.status).toBe(200);
    await expect
      .poll(async () => (await locationItem(emulator, 1, 78)).total_inventory_onhand, { timeout: 5_000 })
      .toBe(7);
  });

  it('seeds a large store with progress lines', async () => {
    const lines: string[] = [];
    const emulator = await startEmulator({ seed: { large: 1_000 }, log: (line) => lines.push(line) });
    const page = (await call(emulator, 'GET', '/v3/inventory/items?limit=1000')).body as {
      data: { locations: unknown[] }[];
      meta: { pagination: { total: number } };
    };
    expect(page.meta.pagination.total).toBe(1_000);
    expect(page.data.every((item) => item.locations.length === 3)).toBe(true);
    expect(lines.at(-1)).toBe('seeding large store: 1000/1000 variants (100%)');
    expect(lines.length).toBeGreaterThanOrEqual(5);
  });
});

describe('command line', () => {
  it('parses every flag and names a bad one', () => {
    expect(
      parseEmulatorFlags([
        '--port',
        '0',
        '--store-hash',
        'xyz9',
        '--seed',
        'large:50',
        '--quota',
        '150',
        '--window-ms',
        '30000',
        '--latency-ms',
        '20',
        '--apply-delay-ms',
        '5',
        '--webhook-time-scale',
        '0.01',
        '--fault-rate',
        '0.5',
        '--fault',
        'drop',
        '--db',
        ':memory:',
      ]),
    ).toEqual({
      port: 0,
      storeHash: 'xyz9',
      seed: { large: 50 },
      quota: 150,
      windowMs: 30_000,
      latencyMs: 20,
      applyDelayMs: 5,
      webhookTimeScale: 0.01,
      faultRate: 0.5,
      faultKind: 'drop',
      db: ':memory:',
    });
    expect(() => parseEmulatorFlags(['--fault', 'boom'])).toThrow('--fault must be one of');
    expect(() => parseEmulatorFlags(['--fault-rate', '2'])).toThrow('--fault-rate');
    expect(() => parseEmulatorFlags(['--seed', 'huge'])).toThrow('seed must be');
    expect(() => parseEmulatorFlags(['--bogus'])).toThrow();
  });

  it('runs as `backorder-gateway emulator` and stops on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      ['dist/cli.js', 'emulator', '--port', '0', '--token', 'cli-token'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening on (http:\/\/\S+)/.exec(output);
        if (match?.[1] !== undefined) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
    });
    const response = await fetch(`${url}/stores/abc123/v3/inventory/locations`, {
      headers: { 'x-auth-token': 'cli-token' },
    });
    expect(response.status).toBe(200);
    expect(output).not.toContain('cli-token');
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
