import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../src/emulator/create-emulator.js';
import { call, startEmulator, TOKEN } from '../helpers/emulator.js';
import { specErrors } from '../helpers/openapi.js';
import { startReceiver } from '../helpers/receiver.js';

const HOOKS = 'webhooks.v3.yml';
const STOCK_CHANGED = 'store/channel/*/inventory/product/stock_changed';

interface Envelope {
  scope: string;
  store_id: string;
  data: Record<string, number>;
  hash: string;
  created_at: number;
  producer: string;
}

interface DeliveryReport {
  pending: number;
  attempts: {
    delivery_id: number;
    attempt: number;
    status_code: number | null;
    duplicate: number;
    hash: string;
    delivery_status: string;
  }[];
}

async function deliveries(url: string): Promise<DeliveryReport> {
  return (await (await fetch(`${url}/_emulator/deliveries`)).json()) as DeliveryReport;
}

describe('/v3/hooks', () => {
  it('creates, lists, reads, updates and deletes hooks in the spec shape', async () => {
    const emulator = await startEmulator();
    const created = await call(emulator, 'POST', '/v3/hooks', {
      body: {
        scope: STOCK_CHANGED,
        destination: 'https://example.com/hooks',
        is_active: true,
        headers: { 'x-secret': 'abc' },
      },
    });
    expect(created.status).toBe(200);
    expect(specErrors(HOOKS, '/hooks', 'POST', 200, created.body)).toEqual([]);
    const hook = (
      created.body as { data: { id: number; is_active: boolean; headers: unknown; store_hash: string } }
    ).data;
    expect(hook).toMatchObject({ is_active: true, headers: { 'x-secret': 'abc' }, store_hash: 'abc123' });
    const listed = await call(emulator, 'GET', '/v3/hooks?is_active=true');
    expect(specErrors(HOOKS, '/hooks', 'GET', 200, listed.body)).toEqual([]);
    expect((listed.body as { data: { id: number }[] }).data.map((entry) => entry.id)).toEqual([hook.id]);
    const read = await call(emulator, 'GET', `/v3/hooks/${hook.id}`);
    expect(specErrors(HOOKS, '/hooks/{webhook_id}', 'GET', 200, read.body)).toEqual([]);
    const updated = await call(emulator, 'PUT', `/v3/hooks/${hook.id}`, { body: { is_active: false } });
    expect((updated.body as { data: { is_active: boolean; scope: string } }).data).toMatchObject({
      is_active: false,
      scope: STOCK_CHANGED,
    });
    expect((await call(emulator, 'GET', '/v3/hooks?is_active=true')).body).toMatchObject({ data: [] });
    const deleted = await call(emulator, 'DELETE', `/v3/hooks/${hook.id}`);
    expect(deleted.status).toBe(200);
    const gone = await call(emulator, 'GET', `/v3/hooks/${hook.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ title: `Webhook with id [${hook.id}] not found` });
  });

  it('refuses missing fields, bad destinations, duplicates and empty updates with 422', async () => {
    const emulator = await startEmulator();
    const missing = await call(emulator, 'POST', '/v3/hooks', { body: { scope: STOCK_CHANGED } });
    expect(missing.status).toBe(422);
    expect(missing.body).toMatchObject({
      title: 'JSON data is missing or invalid',
      errors: { destination: 'error.path.missing.' },
    });
    const plainHttp = await call(emulator, 'POST', '/v3/hooks', {
      body: { scope: STOCK_CHANGED, destination: 'http://example.com/x' },
    });
    expect((plainHttp.body as { errors: Record<string, string> }).errors['destination']).toContain('https');
    const first = await call(emulator, 'POST', '/v3/hooks', {
      body: { scope: STOCK_CHANGED, destination: 'https://example.com/x' },
    });
    expect(first.status).toBe(200);
    const again = await call(emulator, 'POST', '/v3/hooks', {
      body: { scope: STOCK_CHANGED, destination: 'https://example.com/x' },
    });
    expect(again.status).toBe(422);
    const id = (first.body as { data: { id: number } }).data.id;
    expect((await call(emulator, 'PUT', `/v3/hooks/${id}`, { body: {} })).status).toBe(422);
    expect((await call(emulator, 'GET', '/v3/hooks')).body).toMatchObject({ data: [{ id }] });
  });

  it('takes https destinations on port 443 only, and plain http on loopback hosts at any port', async () => {
    const emulator = await startEmulator();
    const create = (destination: string) =>
      call(emulator, 'POST', '/v3/hooks', { body: { scope: STOCK_CHANGED, destination } });
    for (const destination of ['https://example.com:8443/x', 'https://127.0.0.1:4443/x']) {
      const refused = await create(destination);
      expect(refused.status, destination).toBe(422);
      expect(refused.body).toMatchObject({
        errors: { destination: expect.stringContaining('port 443') as string },
      });
    }
    for (const destination of [
      'https://example.com:443/explicit-port',
      'https://example.com/x',
      'http://127.0.0.1:9/x',
      'http://localhost:65000/x',
      'http://[::1]:8080/x',
    ]) {
      expect((await create(destination)).status, destination).toBe(200);
    }
    const hooks = (await call(emulator, 'GET', '/v3/hooks')).body as { data: { destination: string }[] };
    expect(hooks.data).toHaveLength(5);
    const moved = await call(emulator, 'PUT', `/v3/hooks/1`, {
      body: { destination: 'https://example.com:8080/x' },
    });
    expect(moved.status).toBe(422);
  });

  it('answers errors as application/json, the type webhooks.v3.yml documents', async () => {
    const emulator = await startEmulator();
    const answers = [
      await call(emulator, 'POST', '/v3/hooks', { body: { scope: STOCK_CHANGED } }),
      await call(emulator, 'GET', '/v3/hooks/424242'),
      await call(emulator, 'GET', '/v3/hooks', { token: null }),
      await call(emulator, 'POST', '/v3/hooks', { raw: '{not json' }),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([422, 404, 401, 400]);
    for (const answer of answers) {
      expect(answer.headers.get('content-type')).toBe('application/json');
      expect(answer.body).toMatchObject({ status: answer.status, title: expect.any(String) as string });
    }
    expect(specErrors(HOOKS, '/hooks', 'POST', 422, answers[0]?.body)).toEqual([]);
    expect(specErrors(HOOKS, '/hooks/{webhook_id}', 'GET', 404, answers[1]?.body)).toEqual([]);
  });
});

describe('/v3/hooks/admin', () => {
  it('lists the hooks with their status, the notification emails and no blocked domains', async () => {
    const emulator = await startEmulator();
    const ids: number[] = [];
    for (const destination of ['https://example.com/a', 'https://example.com/b']) {
      const created = await call(emulator, 'POST', '/v3/hooks', {
        body: { scope: STOCK_CHANGED, destination },
      });
      ids.push((created.body as { data: { id: number } }).data.id);
    }
    await call(emulator, 'PUT', `/v3/hooks/${ids[1]}`, { body: { is_active: false } });
    const admin = await call(emulator, 'GET', '/v3/hooks/admin');
    expect(admin.status).toBe(200);
    expect(specErrors(HOOKS, '/hooks/admin', 'GET', 200, admin.body)).toEqual([]);
    expect(admin.body).toMatchObject({
      data: {
        emails: [],
        hooks_list: [
          { id: ids[0], status: 'active', is_active: true },
          { id: ids[1], status: 'inactive', is_active: false },
        ],
        blocked_domains: [],
      },
    });
    const active = (await call(emulator, 'GET', '/v3/hooks/admin?is_active=true')).body as {
      data: { hooks_list: { id: number }[] };
    };
    expect(active.data.hooks_list.map((hook) => hook.id)).toEqual([ids[0]]);

    const emails = await call(emulator, 'PUT', '/v3/hooks/admin', { body: { emails: ['ops@example.com'] } });
    expect(emails.status).toBe(204);
    expect(emails.body).toBeUndefined();
    expect((await call(emulator, 'GET', '/v3/hooks/admin')).body).toMatchObject({
      data: { emails: ['ops@example.com'] },
    });
    const bad = await call(emulator, 'PUT', '/v3/hooks/admin', { body: { emails: ['not an address'] } });
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ errors: { 'emails.0': expect.any(String) as string } });
    expect((await call(emulator, 'DELETE', '/v3/hooks/admin')).status).toBe(405);
  });
});

describe('webhook delivery', () => {
  it('delivers one stock_changed per changed item and location with the hook headers and a stable hash', async () => {
    const emulator = await startEmulator();
    const receiver = await startReceiver();
    await call(emulator, 'POST', '/v3/hooks', {
      body: { scope: STOCK_CHANGED, destination: receiver.url, headers: { 'x-webhook-secret': 's3cret' } },
    });
    await call(emulator, 'PUT', '/v3/inventory/adjustments/absolute', {
      body: {
        items: [
          { location_id: 1, variant_id: 78, quantity: 20 },
          { location_id: 1, product_id: 111, quantity: 3 },
          { location_id: 1, variant_id: 79, quantity: 11 },
        ],
      },
    });
    const calls = await receiver.waitFor(2);
    // Deliveries run concurrently, so arrival order is not promised; variant 79 did not change and sends nothing.
    const bodies = calls
      .map((received) => received.body as Envelope)
      .sort((a, b) => (a.data['product_id'] ?? 0) - (b.data['product_id'] ?? 0));
    expect(bodies.map((body) => body.data)).toEqual([
      { product_id: 111, location_id: 1 },
      { product_id: 130, variant_id: 78, location_id: 1 },
    ]);
    const first = bodies[0];
    expect(first).toMatchObject({
      scope: 'store/channel/1/inventory/product/stock_changed',
      store_id: '1000001',
      producer: 'stores/abc123',
    });
    const expected = createHash('sha1')
      .update(JSON.stringify({ scope: first?.scope, data: first?.data, created_at: first?.created_at }))
      .digest('hex');
    expect(first?.hash).toBe(expected);
    expect(calls.map((received) => received.headers['x-webhook-secret'])).toEqual(['s3cret', 's3cret']);
    expect(calls[0]?.headers['content-type']).toBe('application/json');
    await new Promise((resolve) => setImmediate(resolve));
    expect(receiver.calls).toHaveLength(2);
  });

  it('fires backorder_limit_reached when an order fills the allowance, and settings_changed on settings', async () => {
    const emulator = await startEmulator();
    const receiver = await startReceiver();
    for (const scope of [
      'store/channel/1/inventory/product/backorder_limit_reached',
      'store/channel/*/inventory/product/settings_changed',
    ]) {
      await call(emulator, 'POST', '/v3/hooks', { body: { scope, destination: receiver.url } });
    }
    // Variant 78: 10 sellable + 33 allowed on backorder.
    const order = await call(emulator, 'POST', '/v2/orders', {
      body: {
        billing_address: { zip: '78701' },
        products: [{ product_id: 130, variant_id: 78, quantity: 43 }],
      },
    });
    expect(order.status).toBe(200);
    await call(emulator, 'PUT', '/v3/inventory/locations/2/items', {
      body: { settings: [{ identity: { sku: 'sku-5' }, warning_level: 9 }] },
    });
    const calls = await receiver.waitFor(2);
    expect(
      calls.map((received) => [(received.body as Envelope).scope, (received.body as Envelope).data]),
    ).toEqual([
      [
        'store/channel/1/inventory/product/backorder_limit_reached',
        { product_id: 130, variant_id: 78, location_id: 1 },
      ],
      [
        'store/channel/1/inventory/product/settings_changed',
        { product_id: 80, variant_id: 5, location_id: 2 },
      ],
    ]);
  });

  it('retries failures on the scaled schedule with the same hash until a 2xx', async () => {
    const emulator = await startEmulator({ webhookTimeScale: 0.0005 });
    const receiver = await startReceiver();
    receiver.answer = (index) => (index < 2 ? 500 : 204);
    await call(emulator, 'POST', '/v3/hooks', { body: { scope: STOCK_CHANGED, destination: receiver.url } });
    await call(emulator, 'PUT', '/v3/inventory/adjustments/absolute', {
      body: { items: [{ location_id: 1, variant_id: 78, quantity: 1 }] },
    });
    const calls = await receiver.waitFor(3);
    expect(new Set(calls.map((received) => (received.body as Envelope).hash)).size).toBe(1);
    // 60 s and 180 s scaled by 0.0005: at least 30 ms, then 90 ms apart.
    expect((calls[1]?.at ?? 0) - (calls[0]?.at ?? 0)).toBeGreaterThanOrEqual(25);
    const report = await deliveries(emulator.url);
    expect(
      report.attempts.map((attempt) => [attempt.attempt, attempt.status_code, attempt.delivery_status]),
    ).toEqual([
      [1, 500, 'delivered'],
      [2, 500, 'delivered'],
      [3, 204, 'delivered'],
    ]);
    expect(report.pending).toBe(0);
  });

  it('deactivates the hook after the last retry fails', async () => {
    const emulator = await startEmulator({ webhookTimeScale: 0.000001 });
    const receiver = await startReceiver();
    receiver.answer = () => 503;
    const hook = (
      await call(emulator, 'POST', '/v3/hooks', { body: { scope: STOCK_CHANGED, destination: receiver.url } })
    ).body as { data: { id: number } };
    await call(emulator, 'PUT', '/v3/inventory/adjustments/absolute', {
      body: { items: [{ location_id: 1, variant_id: 78, quantity: 1 }] },
    });
    await receiver.waitFor(12);
    await expect
      .poll(
        async () =>
          (
            (await call(emulator, 'GET', `/v3/hooks/${hook.data.id}`)).body as {
              data: { is_active: boolean };
            }
          ).data.is_active,
      )
      .toBe(false);
    const report = await deliveries(emulator.url);
    expect(report.attempts).toHaveLength(12);
    expect(report.attempts.at(-1)?.delivery_status).toBe('failed');
    await call(emulator, 'PUT', '/v3/inventory/adjustments/absolute', {
      body: { items: [{ location_id: 1, variant_id: 78, quantity: 2 }] },
    });
    expect((await deliveries(emulator.url)).pending).toBe(0);
    const admin = (await call(emulator, 'GET', '/v3/hooks/admin')).body as {
      data: { hooks_list: { id: number; status: string }[] };
    };
    expect(admin.data.hooks_list).toMatchObject([{ id: hook.data.id, status: 'deactivated' }]);
    await call(emulator, 'PUT', `/v3/hooks/${hook.data.id}`, { body: { is_active: true } });
    expect((await call(emulator, 'GET', '/v3/hooks/admin')).body).toMatchObject({
      data: { hooks_list: [{ id: hook.data.id, status: 'active' }] },
    });
  });

  it('injects duplicates that carry the same hash', async () => {
    const emulator = await startEmulator({ webhookDuplicateRate: 1 });
    const receiver = await startReceiver();
    await call(emulator, 'POST', '/v3/hooks', { body: { scope: STOCK_CHANGED, destination: receiver.url } });
    await call(emulator, 'PUT', '/v3/inventory/adjustments/absolute', {
      body: { items: [{ location_id: 1, variant_id: 78, quantity: 1 }] },
    });
    const calls = await receiver.waitFor(2);
    expect((calls[0]?.body as Envelope).hash).toBe((calls[1]?.body as Envelope).hash);
    expect((await deliveries(emulator.url)).attempts.map((attempt) => attempt.duplicate)).toEqual([0, 1]);
  });

  it('delivers every event when reordering is injected', async () => {
    const emulator = await startEmulator({ webhookReorder: true });
    const receiver = await startReceiver();
    await call(emulator, 'POST', '/v3/hooks', { body: { scope: STOCK_CHANGED, destination: receiver.url } });
    const items = Array.from({ length: 8 }, (_, i) => ({
      location_id: 2,
      variant_id: [1, 2, 3, 4, 5, 74, 75, 78][i],
      quantity: 40 + i,
    }));
    await call(emulator, 'PUT', '/v3/inventory/adjustments/absolute', { body: { items } });
    const calls = await receiver.waitFor(8);
    expect(
      calls
        .map((received) => (received.body as Envelope).data['variant_id'])
        .sort((a, b) => (a ?? 0) - (b ?? 0)),
    ).toEqual([1, 2, 3, 4, 5, 74, 75, 78]);
  });

  it('keeps pending deliveries and their retries across a restart of a file database', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'emulator-')), 'store.db');
    const receiver = await startReceiver();
    receiver.answer = (index) => (index === 0 ? 500 : 200);
    const first = await createEmulator({ db, token: TOKEN, webhookTimeScale: 0.005 });
    await call(first, 'POST', '/v3/hooks', { body: { scope: STOCK_CHANGED, destination: receiver.url } });
    await call(first, 'PUT', '/v3/inventory/adjustments/absolute', {
      body: { items: [{ location_id: 1, variant_id: 78, quantity: 5 }] },
    });
    await receiver.waitFor(1);
    await expect.poll(async () => (await deliveries(first.url)).attempts.length).toBe(1);
    await first.stop();
    const second = await createEmulator({ db, token: TOKEN, webhookTimeScale: 0.005 });
    try {
      const calls = await receiver.waitFor(2);
      expect((calls[1]?.body as Envelope).hash).toBe((calls[0]?.body as Envelope).hash);
      await expect.poll(async () => (await deliveries(second.url)).pending).toBe(0);
    } finally {
      await second.stop();
    }
  });
});
