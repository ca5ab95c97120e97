import { describe, expect, it } from 'vitest';
import { upstreamLabels } from '../../src/gateway/metrics.js';
import { addFault, requestsSince } from '../helpers/emulator.js';
import { startStack, type Stack } from '../helpers/gateway.js';
import { envelope, postWebhook, SECRET, subscribeSse } from '../helpers/live.js';
import { operation } from '../helpers/operations.js';

interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

/** Parses the Prometheus text format (one sample a line; label values without escaped quotes). */
function parseMetrics(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (match === null) throw new Error(`not a sample: ${line}`);
      const labels: Record<string, string> = {};
      for (const pair of (match[2] ?? '').matchAll(/([a-zA-Z_]\w*)="([^"]*)"/g))
        labels[pair[1] ?? ''] = pair[2] ?? '';
      return { name: match[1] ?? '', labels, value: Number(match[3]) };
    });
}

function sum(samples: readonly Sample[], name: string, labels: Record<string, string> = {}): number {
  return samples
    .filter(
      (sample) =>
        sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
    )
    .reduce((total, sample) => total + sample.value, 0);
}

async function scrape(stack: Stack, headers: Record<string, string> = {}): Promise<Sample[]> {
  const response = await fetch(stack.gateway.metricsUrl, { headers });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return parseMetrics(await response.text());
}

async function post(stack: Stack, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(stack.gateway.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { response, body: (await response.json()) as { data?: unknown; errors?: unknown[] } };
}

const ADJUST = operation('adjust-inventory.graphql');

describe('GET /metrics after real traffic', () => {
  it('counts GraphQL requests and upstream calls exactly as the store saw them', async () => {
    const stack = await startStack({ gateway: { coalesceWindowMs: 20, coalesceMaxWaitMs: 200 } });
    // A subscription over SSE: its initial read is an upstream call too.
    const counters = subscribeSse<{ qtyBackordered: number }>(
      stack.gateway.graphqlUrl,
      operation('backorder-counters.graphql'),
      { filter: { variantIds: [78] } },
      'backorderCounters',
    );
    await counters.waitFor(1);
    const during = await scrape(stack);
    expect(sum(during, 'backorder_gateway_subscriptions_open', { transport: 'sse' })).toBe(1);
    expect(sum(during, 'backorder_gateway_events_delivered_total', { transport: 'sse' })).toBe(
      counters.values.length,
    );
    counters.dispose();
    await expect
      .poll(async () =>
        sum(await scrape(stack), 'backorder_gateway_subscriptions_open', { transport: 'sse' }),
      )
      .toBe(0);

    const catalog = await post(stack, {
      query: operation('catalog.graphql'),
      operationName: 'Catalog',
      variables: { first: 50 },
    });
    expect(catalog.body.errors).toBeUndefined();
    const order = await post(stack, { query: operation('order.graphql'), variables: { entityId: 100 } });
    expect(order.body.errors).toBeUndefined();
    const invalid = await post(stack, { query: '{ nope }' });
    expect(invalid.body.errors).toHaveLength(1);
    // One 503 that the transport retries.
    await addFault(stack.emulator, { kind: '503', count: 1, path: '/v3/inventory/locations', method: 'GET' });
    const locations = await post(stack, { query: 'query Locations { locations { entityId } }' });
    expect(locations.body.errors).toBeUndefined();
    // Two adjustments at once share one upstream call.
    const adjustments = await Promise.all(
      [74, 78].map((variantId) =>
        post(stack, {
          query: ADJUST,
          variables: { input: { mode: 'RELATIVE', items: [{ locationId: 1, variantId, quantity: 1 }] } },
        }),
      ),
    );
    for (const adjustment of adjustments) expect(adjustment.body.errors).toBeUndefined();

    const samples = await scrape(stack);
    const requests = (name: string, outcome: string) =>
      sum(samples, 'backorder_gateway_graphql_requests_total', { operation: name, outcome });
    expect(requests('Catalog', 'ok')).toBe(1);
    expect(requests('Order', 'ok')).toBe(1);
    expect(requests('Locations', 'ok')).toBe(1);
    expect(requests('AdjustInventory', 'ok')).toBe(2);
    expect(requests('anonymous', 'error')).toBe(1);
    expect(requests('BackorderCounters', 'stream')).toBe(1);
    expect(
      sum(samples, 'backorder_gateway_graphql_request_duration_seconds_count', { operation: 'Catalog' }),
    ).toBe(1);

    // Every call the store logged is counted once, under its templated endpoint, status and attempt.
    const log = await requestsSince(stack.emulator);
    const expected = new Map<string, number>();
    for (const entry of log) {
      const { endpoint } = upstreamLabels(`${entry.method} ${entry.path}`);
      const key = `${entry.method} ${endpoint} ${entry.status}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const counted = new Map<string, number>();
    for (const sample of samples.filter((s) => s.name === 'backorder_gateway_upstream_requests_total')) {
      const key = `${sample.labels['method']} ${sample.labels['endpoint']} ${sample.labels['status']}`;
      counted.set(key, (counted.get(key) ?? 0) + sample.value);
    }
    expect(Object.fromEntries(counted)).toEqual(Object.fromEntries(expected));
    expect(log.length).toBeGreaterThanOrEqual(6);
    expect(
      sum(samples, 'backorder_gateway_upstream_requests_total', {
        endpoint: '/v3/inventory/locations',
        status: '503',
        attempt: '1',
      }),
    ).toBe(1);
    expect(
      sum(samples, 'backorder_gateway_upstream_requests_total', {
        endpoint: '/v3/inventory/locations',
        status: '200',
        attempt: '2',
      }),
    ).toBe(1);
    expect(sum(samples, 'backorder_gateway_upstream_wait_seconds_count', { reason: 'retry' })).toBe(1);
    expect(
      sum(samples, 'backorder_gateway_upstream_request_duration_seconds_count', { api: 'admin_graphql' }),
    ).toBe(log.filter((entry) => entry.path === '/graphql').length);
    // No ids in endpoint labels.
    expect(samples.filter((sample) => /\/\d+(\/|$)/.test(sample.labels['endpoint'] ?? ''))).toEqual([]);
    // The emulator sends rate-limit headers on every answer.
    expect(sum(samples, 'backorder_gateway_upstream_rate_limit_remaining')).toBeGreaterThan(0);
    // Both adjustments went out in one call of 2 items.
    const adjustCalls = log.filter((entry) => entry.path === '/v3/inventory/adjustments/relative').length;
    expect(sum(samples, 'backorder_gateway_adjustment_batch_items_count')).toBe(adjustCalls);
    expect(sum(samples, 'backorder_gateway_adjustment_batch_items_sum')).toBe(2);
    expect(sum(samples, 'backorder_gateway_adjustment_batch_submissions_sum')).toBe(2);
    // The adjustments were published as events.
    expect(sum(samples, 'backorder_gateway_events_published_total', { kind: 'change' })).toBeGreaterThan(0);
    // Node's process metrics come with the same prefix.
    expect(sum(samples, 'backorder_gateway_process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('counts webhooks by outcome and their read-backs', async () => {
    const stack = await startStack({ gateway: { webhookSecret: SECRET, refetchWindowMs: 5 } });
    const hook = envelope(
      'stock_changed',
      { product_id: 130, variant_id: 78, location_id: 1 },
      'hash-metrics-1',
    );
    const readBacks = async () =>
      sum(await scrape(stack), 'backorder_gateway_webhook_readbacks_total', { outcome: 'ok' });
    expect((await postWebhook(stack.gateway.url, hook)).status).toBe(200);
    await expect.poll(readBacks).toBe(1);
    // A repeated hash is counted as a duplicate, and still read back: it may carry a later change.
    expect((await postWebhook(stack.gateway.url, hook)).status).toBe(200);
    await expect.poll(readBacks).toBe(2);
    expect((await postWebhook(stack.gateway.url, hook, 'wrong-secret-0123456789')).status).toBe(401);
    const samples = await scrape(stack);
    expect(sum(samples, 'backorder_gateway_webhooks_received_total')).toBe(3);
    expect(sum(samples, 'backorder_gateway_webhooks_total', { outcome: 'accepted' })).toBe(2);
    expect(sum(samples, 'backorder_gateway_webhooks_total', { outcome: 'duplicate' })).toBe(1);
    expect(sum(samples, 'backorder_gateway_webhooks_total', { outcome: 'unauthorized' })).toBe(1);
    expect(sum(samples, 'backorder_gateway_webhook_readback_items_total', { outcome: 'ok' })).toBe(2);
    expect(sum(samples, 'backorder_gateway_webhook_readback_calls_total')).toBe(
      (await requestsSince(stack.emulator)).filter((entry) => entry.path === '/v3/inventory/items').length,
    );
    // Without Redis there is no Redis metric.
    expect(samples.some((sample) => sample.name === 'backorder_gateway_redis_connected')).toBe(false);
  });

  it('keeps one registry per gateway', async () => {
    const [first, second] = await Promise.all([startStack(), startStack()]);
    if (first === undefined || second === undefined) throw new Error('no stacks');
    await post(first, { query: 'query One { __typename }' });
    expect(sum(await scrape(first), 'backorder_gateway_graphql_requests_total', { operation: 'One' })).toBe(
      1,
    );
    expect(sum(await scrape(second), 'backorder_gateway_graphql_requests_total', { operation: 'One' })).toBe(
      0,
    );
  });
});

describe('who may read /metrics', () => {
  it('asks the authorize hook: false is 403, a Response is sent as it is', async () => {
    const stack = await startStack({
      gateway: {
        metricsAuthorize: (request) => {
          const header = request.headers.get('authorization');
          if (header === null)
            return new Response('{"errors":[{"message":"Sign in"}]}', {
              status: 401,
              headers: { 'www-authenticate': 'Bearer' },
            });
          return header === 'Bearer admin';
        },
      },
    });
    const anonymous = await fetch(stack.gateway.metricsUrl);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
    const forbidden = await fetch(stack.gateway.metricsUrl, { headers: { authorization: 'Bearer reader' } });
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toEqual({
      errors: [
        { message: 'Reading metrics needs the gateway:admin scope', extensions: { code: 'FORBIDDEN' } },
      ],
    });
    await scrape(stack, { authorization: 'Bearer admin' });
  });
});

describe('request ids', () => {
  it('echoes x-request-id, sends it upstream as X-Correlation-Id and puts it in the log lines', async () => {
    const stack = await startStack();
    await stack.mark();
    const { response } = await post(
      stack,
      { query: operation('catalog.graphql'), operationName: 'Catalog', variables: { first: 2 } },
      { 'x-request-id': 'catalog-request-1' },
    );
    expect(response.headers.get('x-request-id')).toBe('catalog-request-1');
    const calls = await stack.requests();
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.map((call) => (call as { correlationId?: string }).correlationId)).toEqual(
      calls.map(() => 'catalog-request-1'),
    );
    const lines = stack.logs
      .map((line) => JSON.parse(line) as { message: string; requestId?: string })
      .filter((line) => line.requestId === 'catalog-request-1');
    expect(lines.filter((line) => line.message === 'upstream attempt')).toHaveLength(calls.length);
  });

  it('gives a request without a usable id a fresh one', async () => {
    const stack = await startStack();
    const plain = await post(stack, { query: '{ __typename }' });
    const odd = await post(stack, { query: '{ __typename }' }, { 'x-request-id': 'has spaces and "quotes"' });
    for (const { response } of [plain, odd])
      expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(plain.response.headers.get('x-request-id')).not.toBe(odd.response.headers.get('x-request-id'));
  });
});

describe('upstream labels', () => {
  it.each([
    ['GET /v3/inventory/locations/2/items', 'rest_v3', 'GET', '/v3/inventory/locations/{id}/items'],
    ['PUT /v2/orders/100', 'rest_v2', 'PUT', '/v2/orders/{id}'],
    ['GET /v2/orders/100/products', 'rest_v2', 'GET', '/v2/orders/{id}/products'],
    ['POST /graphql', 'admin_graphql', 'POST', '/graphql'],
    ['DELETE /v3/hooks/18048287', 'rest_v3', 'DELETE', '/v3/hooks/{id}'],
  ])('%s', (operationName, api, method, endpoint) => {
    expect(upstreamLabels(operationName)).toEqual({ api, method, endpoint });
  });
});
