import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { call } from '../helpers/emulator.js';
import { startStack } from '../helpers/gateway.js';
import {
  envelope,
  postWebhook,
  SECRET,
  startLiveStack,
  subscribeSse,
  subscribeWs,
  wsClient,
} from '../helpers/live.js';
import { operation } from '../helpers/operations.js';

const COUNTERS = operation('backorder-counters.graphql');
const LIMIT_REACHED = operation('backorder-limit-reached.graphql');
const STOCK_CHANGED =
  'subscription($filter: InventoryEventFilter, $after: String) { stockChanged(filter: $filter, after: $after) { eventId level { id onHand qtyBackordered } } }';

interface Counters {
  eventId: string;
  initial: boolean;
  qtyBackordered: number;
  remainingBackorderAllowance: number | null;
  availableToSell: number;
  onHand: number;
  level: { id: string };
}

interface Changed {
  eventId: string;
  level: { id: string; onHand: number; qtyBackordered: number };
}

const RE130 = { variantIds: [78], locationIds: [1] };

describe('webhook receiver', () => {
  it('refuses a wrong or missing secret with 401 and does nothing else', async () => {
    const stack = await startLiveStack();
    await stack.mark();
    expect(
      (
        await postWebhook(
          stack.gateway.url,
          envelope('stock_changed', { product_id: 130, variant_id: 78, location_id: 1 }, 'h1'),
          'wrong',
        )
      ).status,
    ).toBe(401);
    expect(
      (
        await postWebhook(
          stack.gateway.url,
          envelope('stock_changed', { product_id: 130, variant_id: 78, location_id: 1 }, 'h2'),
          null,
        )
      ).status,
    ).toBe(401);
    await stack.gateway.bus.observe([]);
    expect(stack.gateway.stats.webhooks).toMatchObject({ unauthorized: 2, accepted: 0 });
    expect(await stack.requests()).toEqual([]);
    expect(stack.gateway.refetchCalls()).toBe(0);
  });

  it('answers 400 to broken JSON and malformed envelopes, 413 to oversize bodies, 405 to other methods', async () => {
    const stack = await startLiveStack();
    expect((await postWebhook(stack.gateway.url, null, SECRET, '{"scope":')).status).toBe(400);
    const noHash = await postWebhook(stack.gateway.url, {
      scope: 'store/channel/1/inventory/product/stock_changed',
      data: {},
      created_at: 1,
    });
    expect(noHash.status).toBe(400);
    expect(((await noHash.json()) as { error: string }).error).toContain('hash');
    expect(
      (await postWebhook(stack.gateway.url, envelope('stock_changed', { product_id: 130 }, 'h3'))).status,
    ).toBe(400);
    expect(
      (
        await postWebhook(stack.gateway.url, {
          ...envelope('stock_changed', { product_id: 130, location_id: 1 }, 'h4'),
          pad: 'x'.repeat(70_000),
        })
      ).status,
    ).toBe(413);
    expect((await fetch(`${stack.gateway.url}/webhooks/bigcommerce`)).status).toBe(405);
    expect(stack.gateway.stats.webhooks.malformed).toBe(4);
  });

  it('accepts and counts scopes it does not handle', async () => {
    const stack = await startLiveStack();
    const response = await postWebhook(stack.gateway.url, {
      scope: 'store/order/created',
      store_id: '1',
      data: { type: 'order', id: 5 },
      hash: 'o1',
      created_at: 1,
      producer: 'stores/abc123',
    });
    expect(response.status).toBe(200);
    expect(stack.gateway.stats.webhooks).toMatchObject({
      unhandled: 1,
      byScope: { 'store/order/created': 1 },
    });
  });
});

describe('the whole loop', () => {
  it('takes a change on the store through its webhook to graphql-ws and SSE subscribers', async () => {
    const stack = await startLiveStack();
    const client = wsClient(stack.gateway.graphqlUrl);
    const overWs = subscribeWs<Counters>(client, COUNTERS, { filter: RE130 }, 'backorderCounters');
    const overSse = subscribeSse<Counters>(
      stack.gateway.graphqlUrl,
      COUNTERS,
      { filter: RE130 },
      'backorderCounters',
    );
    await Promise.all([overWs.waitFor(1), overSse.waitFor(1)]);
    expect(overWs.values[0]).toMatchObject({
      initial: true,
      eventId: '',
      qtyBackordered: 0,
      remainingBackorderAllowance: 33,
      level: { id: 'InventoryLevel:130/78@1' },
    });
    // An order placed directly on the store: the gateway only learns of it through the webhook.
    const order = await call(stack.emulator, 'POST', '/v2/orders', {
      body: {
        billing_address: { zip: '78701' },
        products: [{ product_id: 130, variant_id: 78, quantity: 15 }],
      },
    });
    expect(order.status).toBe(200);
    const [, wsEvent] = await overWs.waitFor(2);
    const [, sseEvent] = await overSse.waitFor(2);
    expect(wsEvent).toMatchObject({
      initial: false,
      qtyBackordered: 5,
      remainingBackorderAllowance: 28,
      availableToSell: 0,
      onHand: 2,
    });
    expect(wsEvent?.eventId).toMatch(/^\d+-\d+$/);
    expect(sseEvent).toEqual(wsEvent);
    overWs.dispose();
    overSse.dispose();
  });

  it('turns the same webhook delivered twice into one event', async () => {
    const stack = await startLiveStack({ emulator: { webhookDuplicateRate: 1 } });
    const client = wsClient(stack.gateway.graphqlUrl);
    const changes = subscribeWs<Changed>(client, STOCK_CHANGED, { filter: RE130 }, 'stockChanged');
    await expect.poll(() => stack.gateway.subscriptionCount()).toBe(1);
    await call(stack.emulator, 'PUT', '/v3/inventory/adjustments/absolute', {
      body: { items: [{ location_id: 1, variant_id: 78, quantity: 40 }] },
    });
    await changes.waitFor(1);
    await expect.poll(() => stack.gateway.stats.webhooks.duplicates).toBe(1);
    const stats = (await (await fetch(`${stack.gateway.url}/_gateway/stats`)).json()) as {
      webhooks: { accepted: number; duplicates: number };
      subscriptions: number;
    };
    // Both deliveries are accepted and read back (a hash never suppresses a read); the second read finds nothing new.
    expect(stats).toMatchObject({ webhooks: { accepted: 2, duplicates: 1 }, subscriptions: 1 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(changes.values.map((value) => value.level.onHand)).toEqual([40]);
  });

  it('reads a burst of webhooks back with one batched upstream call', async () => {
    // A quiet window long enough that a loaded machine's trickle of deliveries still forms one burst.
    const stack = await startLiveStack({ gateway: { refetchWindowMs: 400 } });
    await stack.mark();
    const items = [1, 2, 3, 4, 5, 74, 75, 78, 79].flatMap((variant) =>
      [1, 2, 3].map((location) => ({ location_id: location, variant_id: variant, quantity: 60 + location })),
    );
    await call(stack.emulator, 'PUT', '/v3/inventory/adjustments/absolute', { body: { items } });
    await expect.poll(() => stack.gateway.stats.webhooks.accepted, { timeout: 5_000 }).toBe(27);
    await expect.poll(() => stack.gateway.refetchCalls()).toBeGreaterThan(0);
    const reads = (await stack.requests()).filter((request) => request.path === '/v3/inventory/items');
    expect(reads).toHaveLength(1);
    expect(
      reads[0]?.query['variant_id:in']
        ?.split(',')
        .map(Number)
        .sort((a, b) => a - b),
    ).toEqual([1, 2, 3, 4, 5, 74, 75, 78, 79]);
  });

  it('delivers a change made through a mutation at once, with no second event when its webhook arrives', async () => {
    const stack = await startLiveStack();
    const client = wsClient(stack.gateway.graphqlUrl);
    const changes = subscribeWs<Changed>(client, STOCK_CHANGED, { filter: RE130 }, 'stockChanged');
    await expect.poll(() => stack.gateway.subscriptionCount()).toBe(1);
    const { body } = await stack.gql(operation('adjust-inventory.graphql'), {
      input: { mode: 'RELATIVE', items: [{ locationId: 1, variantId: 78, quantity: 3 }] },
    });
    expect((body.data as { adjustInventory: { __typename: string } }).adjustInventory.__typename).toBe(
      'InventoryAdjusted',
    );
    // Delivered before or with the mutation's own answer, not after the webhook round trip.
    await changes.waitFor(1);
    await expect.poll(() => stack.gateway.stats.webhooks.accepted, { timeout: 5_000 }).toBe(1);
    await expect.poll(() => stack.gateway.refetchCalls()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(changes.values.map((value) => value.level.onHand)).toEqual([15]);
  });

  it('announces an item reaching its backorder limit once, with its figures', async () => {
    const stack = await startLiveStack();
    const client = wsClient(stack.gateway.graphqlUrl);
    type Reached = {
      eventId: string;
      level: { id: string; qtyBackordered: number; backorderLimit: number; product: { name: string } };
    };
    const alerts = subscribeWs<Reached>(client, LIMIT_REACHED, {}, 'backorderLimitReached');
    await expect.poll(() => stack.gateway.subscriptionCount()).toBe(1);
    const { body } = await stack.gql(operation('create-order.graphql'), {
      input: { billingAddress: { zip: '78701' }, lines: [{ productId: 130, variantId: 78, quantity: 43 }] },
    });
    expect((body.data as { createOrder: { __typename: string } }).createOrder.__typename).toBe(
      'OrderCreated',
    );
    const [alert] = await alerts.waitFor(1);
    expect(alert?.level).toMatchObject({
      id: 'InventoryLevel:130/78@1',
      qtyBackordered: 33,
      backorderLimit: 33,
      product: { name: 'Rechargeable Earbuds' },
    });
    await expect
      .poll(() => stack.gateway.stats.webhooks.accepted, { timeout: 5_000 })
      .toBeGreaterThanOrEqual(2);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(alerts.values).toHaveLength(1);
  });

  it('sends nothing when a webhook changes nothing visible', async () => {
    const stack = await startLiveStack();
    const client = wsClient(stack.gateway.graphqlUrl);
    const counters = subscribeWs<Counters>(client, COUNTERS, { filter: RE130 }, 'backorderCounters');
    await counters.waitFor(1);
    expect(
      (
        await postWebhook(
          stack.gateway.url,
          envelope('stock_changed', { product_id: 130, variant_id: 78, location_id: 1 }, 'nothing-new'),
        )
      ).status,
    ).toBe(200);
    await expect.poll(() => stack.gateway.refetchCalls()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(counters.values).toHaveLength(1);
  });
});

describe('shared execution', () => {
  it('executes each event once for all subscribers of one document: one product lookup, however many clients', async () => {
    const stack = await startLiveStack();
    type Reached = { level: { product: { name: string } } };
    const clients = Array.from({ length: 20 }, () =>
      subscribeWs<Reached>(wsClient(stack.gateway.graphqlUrl), LIMIT_REACHED, {}, 'backorderLimitReached'),
    );
    await expect.poll(() => stack.gateway.subscriptionCount()).toBe(20);
    clients[0]?.dispose();
    await expect.poll(() => stack.gateway.subscriptionCount()).toBe(19);
    await stack.mark();
    const { body } = await stack.gql(operation('create-order.graphql'), {
      input: { billingAddress: { zip: '78701' }, lines: [{ productId: 130, variantId: 78, quantity: 43 }] },
    });
    expect((body.data as { createOrder: { __typename: string } }).createOrder.__typename).toBe(
      'OrderCreated',
    );
    await Promise.all(clients.slice(1).map((client) => client.waitFor(1)));
    expect(
      clients.slice(1).every((client) => client.values[0]?.level.product.name === 'Rechargeable Earbuds'),
    ).toBe(true);
    expect(clients[0]?.values).toEqual([]);
    // The order's own calls, then a single Admin GraphQL call resolving `product` for all nineteen subscribers.
    expect((await stack.requests()).filter((request) => request.path === '/graphql')).toHaveLength(1);
  });
});

describe('subscription lifecycle', () => {
  it('leaves no listener behind after 1,000 subscribe and unsubscribe cycles', async () => {
    const stack = await startStack({ gateway: { webhookSecret: SECRET } });
    const client = wsClient(stack.gateway.graphqlUrl, { lazy: false });
    for (let i = 0; i < 1000; i += 1) {
      const subscription = subscribeWs<Changed>(
        client,
        STOCK_CHANGED,
        { filter: { variantIds: [i] } },
        'stockChanged',
      );
      if (i % 2 === 0) await new Promise((resolve) => setImmediate(resolve));
      subscription.dispose();
    }
    await expect.poll(() => stack.gateway.subscriptionCount(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => stack.gateway.bus.listenerCount()).toBe(0);
  });

  it('rejects a malformed resume id and an invalid document over graphql-ws', async () => {
    const stack = await startStack();
    const client = wsClient(stack.gateway.graphqlUrl);
    const badAfter = subscribeWs<Changed>(client, STOCK_CHANGED, { after: 'yesterday' }, 'stockChanged');
    await expect.poll(() => badAfter.errors.length).toBe(1);
    expect(JSON.stringify(badAfter.errors)).toContain('after must be an event id');
    const invalid = subscribeWs<Changed>(client, 'subscription { nope }', {}, 'nope');
    await expect.poll(() => invalid.errors.length).toBe(1);
    expect(stack.gateway.subscriptionCount()).toBe(0);
  });

  it('shuts down gracefully: readiness false, WebSockets closed with 1001, SSE streams completed', async () => {
    const stack = await startStack({ gateway: { shutdownDrainMs: 300 } });
    const socket = new WebSocket(stack.gateway.graphqlUrl.replace(/^http/, 'ws'), 'graphql-transport-ws');
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init' }));
    await new Promise((resolve) => socket.once('message', resolve));
    const sse = subscribeSse<Changed>(stack.gateway.graphqlUrl, STOCK_CHANGED, {}, 'stockChanged');
    await expect.poll(() => stack.gateway.subscriptionCount()).toBe(1);
    const stopping = stack.gateway.stop();
    // During the drain period the gateway still answers, so load balancers see it turn unready first.
    expect((await fetch(`${stack.gateway.url}/readyz`)).status).toBe(503);
    expect((await fetch(`${stack.gateway.url}/healthz`)).status).toBe(200);
    await stopping;
    expect(await closed).toBe(1001);
    await expect.poll(() => sse.completed).toBe(true);
  });

  it('lets an in-flight HTTP request finish during shutdown', async () => {
    const stack = await startStack({ emulator: { latencyMs: 300 } });
    const pending = stack.gql('{ locations { entityId } }');
    // The store holds every answer for 300 ms, so the request is in flight when the stop begins.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const stopping = stack.gateway.stop();
    const { status, body } = await pending;
    expect(status).toBe(200);
    expect(body.data).toEqual({ locations: [{ entityId: 1 }, { entityId: 2 }, { entityId: 3 }] });
    await stopping;
  });

  it('stops an SSE subscriber that falls too far behind, naming where to resume', async () => {
    const stack = await startLiveStack({ gateway: { maxSubscriberQueue: 3 } });
    // Nine events are published in one go; a queue of three cannot hold them before the consumer reads.
    // (graphql-ws subscriptions served by the hub have no queue: a socket too far behind is closed with 1013.)
    const slow = subscribeSse<Changed>(stack.gateway.graphqlUrl, STOCK_CHANGED, {}, 'stockChanged');
    await expect.poll(() => stack.gateway.subscriptionCount()).toBe(1);
    const levels = [1, 2, 3, 4, 5, 74, 75, 78, 79].map((variant, i) => ({
      locationId: 1,
      variantId: variant,
      quantity: 100 + i,
    }));
    await stack.gql(operation('adjust-inventory.graphql'), { input: { mode: 'ABSOLUTE', items: levels } });
    await expect.poll(() => slow.errors.length).toBe(1);
    expect(JSON.stringify(slow.errors)).toContain('SLOW_CONSUMER');
    expect(slow.values.length).toBeLessThanOrEqual(4);
    await expect.poll(() => stack.gateway.subscriptionCount()).toBe(0);
    expect(stack.gateway.bus.listenerCount()).toBe(0);
  });
});
