import { afterAll, describe, expect, it } from 'vitest';
import { createGateway, type Gateway } from '../../src/gateway/create-gateway.js';
import { createLogger } from '../../src/gateway/logger.js';
import { syncHooks } from '../../src/gateway/hooks-sync.js';
import { createTransport } from '../../src/upstream/transport.js';
import { bearer, startAuthStack } from '../helpers/auth-stack.js';
import { addFault, call, lastSeq, requestsSince, startEmulator, TOKEN } from '../helpers/emulator.js';
import type { GraphqlResponse, Stack } from '../helpers/gateway.js';
import { SECRET, startLiveStack } from '../helpers/live.js';
import { REDIS_URL, testPrefix } from '../helpers/redis.js';

const AVAILABILITY = /* GraphQL */ `
  query Availability($entityId: Int!) {
    variant(entityId: $entityId) {
      id
      sku
      inventory {
        availableToSell
        onHand
        availability
      }
    }
  }
`;

const BACKORDERS = /* GraphQL */ `
  query Backorders {
    backorders(locationIds: [1]) {
      totalQtyBackordered
      items {
        id
        qtyBackordered
      }
    }
  }
`;

const ORDER = /* GraphQL */ `
  query Order {
    order(entityId: 100) {
      id
      status
    }
  }
`;

const ADJUST = /* GraphQL */ `
  mutation Adjust($input: AdjustInventoryInput!) {
    adjustInventory(input: $input) {
      __typename
      ... on InventoryAdjusted {
        transactionIds
      }
    }
  }
`;

interface Availability {
  variant: { id: string; inventory: { availableToSell: number; onHand: number } };
}

async function post(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  authorization?: string,
): Promise<{ status: number; body: GraphqlResponse }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(authorization === undefined ? {} : { authorization }),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphqlResponse };
}

async function onHand(stack: Stack, variant = 78): Promise<number> {
  const { body } = await stack.gql(AVAILABILITY, { entityId: variant });
  expect(body.errors).toBeUndefined();
  return (body.data as unknown as Availability).variant.inventory.onHand;
}

/** Store reads (webhook read-backs aside, which are REST inventory reads) since the last mark. */
async function graphqlReads(stack: Stack): Promise<number> {
  return (await stack.requests()).filter((request) => request.path === '/graphql').length;
}

async function metric(url: string, name: string): Promise<number> {
  const text = await (await fetch(url)).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith(`backorder_gateway_response_cache_${name}`))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}

describe('response cache: answers', () => {
  it('answers a repeated query without a second store call, and counts hits and misses', async () => {
    const stack = await startLiveStack({ gateway: { responseCache: {} } });
    await stack.mark();
    const first = await stack.gql(AVAILABILITY, { entityId: 78 });
    const second = await stack.gql(AVAILABILITY, { entityId: 78 });
    expect(second.body).toEqual(first.body);
    expect(await graphqlReads(stack)).toBe(1);
    expect(await metric(stack.gateway.metricsUrl, 'misses_total')).toBe(1);
    expect(await metric(stack.gateway.metricsUrl, 'hits_total')).toBe(1);
    expect(await metric(stack.gateway.metricsUrl, 'entries')).toBe(1);
  });

  it('reflects a mutation through the gateway in the next answer, even one selecting no state', async () => {
    const stack = await startLiveStack({ gateway: { responseCache: {} } });
    const before = await onHand(stack);
    await onHand(stack);
    const adjusted = await stack.gql(ADJUST, {
      input: { mode: 'RELATIVE', items: [{ locationId: 1, variantId: 78, quantity: 7 }] },
    });
    expect(adjusted.body.data).toMatchObject({ adjustInventory: { __typename: 'InventoryAdjusted' } });
    expect(await onHand(stack)).toBe(before + 7);
    expect(await metric(stack.gateway.metricsUrl, 'invalidations_total')).toBeGreaterThan(0);
  });

  it('reflects a change made at the store within a second of its webhook', async () => {
    const stack = await startLiveStack({ gateway: { responseCache: {} } });
    const before = await onHand(stack, 74);
    expect(await onHand(stack, 74)).toBe(before);
    const accepted = stack.gateway.stats.webhooks.accepted;
    await call(stack.emulator, 'POST', '/v3/inventory/adjustments/relative', {
      body: { items: [{ location_id: 1, variant_id: 74, quantity: 5 }] },
    });
    await expect.poll(() => stack.gateway.stats.webhooks.accepted).toBeGreaterThan(accepted);
    await expect.poll(() => onHand(stack, 74), { timeout: 1000, interval: 50 }).toBe(before + 5);
  });

  it('does not keep an answer read before a change that was invalidated while it was being computed', async () => {
    const stack = await startLiveStack({ emulator: { slowMs: 4_000 }, gateway: { responseCache: {} } });
    const read = await stack.gql('{ variant(entityId: 78) { inventory { onHand } } }');
    const before = (read.body.data as unknown as Availability).variant.inventory.onHand;
    // The store reads this query's figures at once and holds the answer for 4 s; the adjustment follows 1.5 s
    // later, long after the read reached the store.
    await addFault(stack.emulator, { kind: 'slow', method: 'POST', path: '/graphql', count: 1 });
    const slow = onHand(stack);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const adjusted = await stack.gql(ADJUST, {
      input: { mode: 'RELATIVE', items: [{ locationId: 1, variantId: 78, quantity: 7 }] },
    });
    expect(adjusted.body.data).toMatchObject({ adjustInventory: { __typename: 'InventoryAdjusted' } });
    // The slow answer holds the figures from before the adjustment, which invalidated while it was computed.
    expect(await slow).toBe(before);
    expect(await metric(stack.gateway.metricsUrl, 'discarded_total')).toBe(1);
    expect(await onHand(stack)).toBe(before + 7);
  });

  it('invalidates backorders lists whose membership an event may change', async () => {
    const stack = await startLiveStack({ gateway: { responseCache: {} } });
    const first = await stack.gql(BACKORDERS);
    const ids = (list: GraphqlResponse) =>
      (list.data?.['backorders'] as { items: { id: string }[] }[])[0]?.items.map((item) => item.id) ?? [];
    expect(ids(first.body)).not.toContain('InventoryLevel:130/79@1');
    await call(stack.emulator, 'PUT', '/v3/inventory/adjustments/absolute', {
      body: { items: [{ location_id: 1, variant_id: 79, quantity: 0, qty_backordered: 3 }] },
    });
    await expect
      .poll(async () => ids((await stack.gql(BACKORDERS)).body).includes('InventoryLevel:130/79@1'), {
        timeout: 2000,
      })
      .toBe(true);
  });

  it('never caches orders', async () => {
    const stack = await startLiveStack({ gateway: { responseCache: {} } });
    await stack.mark();
    await stack.gql(ORDER);
    await stack.gql(ORDER);
    const reads = (await stack.requests()).filter((request) => request.path.startsWith('/v2/orders/100'));
    expect(reads.length).toBeGreaterThanOrEqual(2);
    expect(await metric(stack.gateway.metricsUrl, 'entries')).toBe(0);
  });

  it('holds at most maxEntries answers', async () => {
    const stack = await startLiveStack({ gateway: { responseCache: { maxEntries: 3 } } });
    for (const variant of [1, 2, 3, 4, 5, 74, 75, 78]) await onHand(stack, variant);
    expect(await metric(stack.gateway.metricsUrl, 'entries')).toBe(3);
    // The most recent are kept: asking again costs nothing.
    await stack.mark();
    await onHand(stack, 78);
    expect(await graphqlReads(stack)).toBe(0);
  });
});

describe('response cache: scopes', () => {
  it('keeps answers apart by scopes and still refuses a client lacking one', async () => {
    const stack = await startAuthStack({ gateway: { responseCache: {} } });
    const reader = await bearer(['inventory:read']);
    const both = await bearer(['inventory:read', 'orders:read'], 'client-2');
    const none = await bearer(['orders:read'], 'client-3');
    await stack.mark();
    const a = await post(stack.gateway.graphqlUrl, AVAILABILITY, { entityId: 78 }, reader);
    const b = await post(stack.gateway.graphqlUrl, AVAILABILITY, { entityId: 78 }, both);
    expect(b.body).toEqual(a.body);
    // Two scope sets, two store reads: one client's answer is never served to the other.
    expect(await graphqlReads(stack)).toBe(2);
    const refused = await post(stack.gateway.graphqlUrl, AVAILABILITY, { entityId: 78 }, none);
    expect(refused.status).toBe(403);
    expect(refused.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(refused.body.data ?? null).toBeNull();
    const again = await post(
      stack.gateway.graphqlUrl,
      AVAILABILITY,
      { entityId: 78 },
      await bearer(['inventory:read'], 'client-4'),
    );
    expect(again.body).toEqual(a.body);
    expect(await graphqlReads(stack)).toBe(2);
  });
});

describe('response cache: replicas', () => {
  it('shares answers and invalidations through Redis', async () => {
    const prefix = testPrefix();
    const emulator = await startEmulator();
    const logger = createLogger({ level: 'error', secrets: [TOKEN], write: () => undefined });
    const replica = (): Promise<Gateway> =>
      createGateway({
        storeUrl: emulator.storeUrl,
        accessToken: TOKEN,
        logger,
        webhookSecret: SECRET,
        refetchWindowMs: 20,
        redisUrl: REDIS_URL,
        redisPrefix: prefix,
        responseCache: {},
      });
    const one = await replica();
    const two = await replica();
    afterAll(async () => {
      await one.stop();
      await two.stop();
    });
    const transport = createTransport({ baseUrl: emulator.storeUrl, accessToken: TOKEN });
    await syncHooks(transport, `${one.url}/webhooks/bigcommerce`, SECRET);
    await transport.close();
    const read = async (gateway: Gateway) =>
      ((await post(gateway.graphqlUrl, AVAILABILITY, { entityId: 75 })).body.data as unknown as Availability)
        .variant.inventory.onHand;
    let since = await lastSeq(emulator);
    const before = await read(one);
    expect(await read(two)).toBe(before);
    expect((await requestsSince(emulator, since)).filter((r) => r.path === '/graphql')).toHaveLength(1);
    // A store-side change reaches replica one as a webhook; replica two's next answer reflects it.
    await call(emulator, 'POST', '/v3/inventory/adjustments/relative', {
      body: { items: [{ location_id: 1, variant_id: 75, quantity: 4 }] },
    });
    await expect.poll(() => read(two), { timeout: 2000, interval: 50 }).toBe(before + 4);
    // A write through replica two is reflected by replica one at once.
    since = await lastSeq(emulator);
    await read(one);
    expect((await requestsSince(emulator, since)).filter((r) => r.path === '/graphql')).toHaveLength(0);
    await post(two.graphqlUrl, ADJUST, {
      input: { mode: 'RELATIVE', items: [{ locationId: 1, variantId: 75, quantity: 2 }] },
    });
    expect(await read(one)).toBe(before + 6);
  });
});
