import { describe, expect, it } from 'vitest';
import { addFault, call, locationItem, TOKEN } from '../helpers/emulator.js';
import { startStack } from '../helpers/gateway.js';
import { wsClient } from '../helpers/live.js';
import { operation } from '../helpers/operations.js';
import { overWs } from '../security/transports.js';

const LOCATIONS = '{ locations { entityId } }';
const ADJUST = operation('adjust-inventory.graphql');
const CREATE_ORDER = operation('create-order.graphql');

describe('upstream faults', () => {
  it('retries a read after a 503 and answers normally', async () => {
    const stack = await startStack();
    await addFault(stack.emulator, { kind: '503', count: 2, path: '/v3/inventory/locations' });
    await stack.mark();
    const { body } = await stack.gql(LOCATIONS);
    expect(body).toEqual({ data: { locations: [{ entityId: 1 }, { entityId: 2 }, { entityId: 3 }] } });
    expect((await stack.requests()).map((request) => request.status)).toEqual([503, 503, 200]);
  });

  it('retries a dropped read, but never a dropped order creation: the client is told the outcome is unknown', async () => {
    const stack = await startStack();
    await addFault(stack.emulator, { kind: 'drop', count: 1, method: 'POST', path: '/v2/orders' });
    await stack.mark();
    const { body } = await stack.gql(CREATE_ORDER, {
      input: { billingAddress: { zip: '78701' }, lines: [{ productId: 130, variantId: 78, quantity: 2 }] },
    });
    expect((body.data as { createOrder: unknown }).createOrder).toMatchObject({
      __typename: 'UnknownOutcomeError',
      operation: 'order creation',
    });
    const posts = (await stack.requests()).filter(
      (request) => request.method === 'POST' && request.path === '/v2/orders',
    );
    expect(posts).toHaveLength(1);
    // The store did apply it: exactly once.
    expect((await locationItem(stack.emulator, 1, 78)).total_inventory_onhand).toBe(10);
  });

  it('reports a relative adjustment that times out as unknown, having reached the store exactly once', async () => {
    const stack = await startStack({ emulator: { slowMs: 2_000 }, gateway: { upstreamTimeoutMs: 300 } });
    await addFault(stack.emulator, { kind: 'slow', count: 1, path: '/v3/inventory/adjustments/relative' });
    await stack.mark();
    const { body } = await stack.gql(ADJUST, {
      input: { mode: 'RELATIVE', items: [{ locationId: 1, variantId: 78, quantity: 5 }] },
    });
    expect((body.data as { adjustInventory: unknown }).adjustInventory).toMatchObject({
      __typename: 'UnknownOutcomeError',
      operation: 'relative inventory adjustment',
    });
    expect((await locationItem(stack.emulator, 1, 78)).total_inventory_onhand).toBe(17);
    // The emulator records a request when its held response is finally sent.
    const relativeCalls = async () =>
      (await stack.requests()).filter((request) => request.path === '/v3/inventory/adjustments/relative')
        .length;
    await expect.poll(relativeCalls, { timeout: 5_000 }).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await relativeCalls()).toBe(1);
  });

  it('retries an absolute adjustment that times out: it is idempotent', async () => {
    const stack = await startStack({ emulator: { slowMs: 2_000 }, gateway: { upstreamTimeoutMs: 300 } });
    await addFault(stack.emulator, { kind: 'slow', count: 1, path: '/v3/inventory/adjustments/absolute' });
    const { body } = await stack.gql(ADJUST, {
      input: { mode: 'ABSOLUTE', items: [{ locationId: 1, variantId: 78, quantity: 50 }] },
    });
    expect((body.data as { adjustInventory: unknown }).adjustInventory).toMatchObject({
      __typename: 'InventoryAdjusted',
      items: [{ onHand: 50 }],
    });
  });

  it('backs off after header-less 429s and then succeeds', async () => {
    const stack = await startStack();
    await addFault(stack.emulator, { kind: '429', count: 2 });
    await stack.mark();
    const { body } = await stack.gql(LOCATIONS);
    expect(body.errors).toBeUndefined();
    expect((await stack.requests()).map((request) => request.status)).toEqual([429, 429, 200]);
  });

  it('waits for the reset header after a 429 instead of retrying early', async () => {
    // The schema comes from the snapshot, so that the gateway's boot spends none of the store's one-call window.
    const stack = await startStack({
      emulator: { quota: 1, windowMs: 400 },
      gateway: { remoteSchema: { source: 'snapshot' } },
    });
    // Another app on the same store uses up the window first.
    expect((await call(stack.emulator, 'GET', '/v3/inventory/locations')).status).toBe(200);
    await stack.mark();
    const { body } = await stack.gql(LOCATIONS);
    expect(body.errors).toBeUndefined();
    // An early retry would have met a second 429 within the same window.
    expect((await stack.requests()).map((request) => request.status)).toEqual([429, 200]);
  });

  it('paces requests by the rate budget so the store never answers 429', async () => {
    const stack = await startStack({ emulator: { quota: 2, windowMs: 300 } });
    await stack.mark();
    for (let i = 0; i < 5; i += 1) expect((await stack.gql(LOCATIONS)).body.errors).toBeUndefined();
    const statuses = (await stack.requests()).map((request) => request.status);
    expect(statuses.filter((status) => status === 429).length).toBeLessThanOrEqual(1);
    expect(statuses.filter((status) => status === 200)).toHaveLength(5);
  });

  it('masks upstream garbage as an unexpected error and logs the detail, never the token', async () => {
    const stack = await startStack();
    await addFault(stack.emulator, { kind: 'garbage', count: 1 });
    const { body } = await stack.gql(LOCATIONS);
    expect(body.errors?.[0]?.message).toBe('Unexpected error.');
    expect(JSON.stringify(body)).not.toContain(TOKEN);
    const logged = stack.logs.find((line) => line.includes('unexpected error'));
    expect(logged).toContain('UpstreamProtocolError');
    expect(logged).toContain('GET /v3/inventory/locations');
    expect(stack.logs.join('\n')).not.toContain(TOKEN);
  });

  it('masks an upstream 401 (a wrong token) without echoing the token', async () => {
    // From the snapshot: a live read would refuse to start with this token (test/gateway/remote-schema.test.ts).
    const stack = await startStack({
      gateway: { accessToken: 'wrong-secret-token-value', remoteSchema: { source: 'snapshot' } },
    });
    const { body } = await stack.gql(LOCATIONS);
    expect(body.errors?.[0]?.message).toBe('Unexpected error.');
    expect(JSON.stringify(body)).not.toContain('wrong-secret-token-value');
    expect(stack.logs.join('\n')).not.toContain('wrong-secret-token-value');
  });
});

describe('operations without a client connection to follow', () => {
  it('leave no abort listener behind: graphql-ws operations making store calls, one after another', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
    process.on('warning', onWarning);
    try {
      const stack = await startStack();
      const client = wsClient(stack.gateway.graphqlUrl);
      // Node warns once more than 10 listeners wait on one signal.
      for (let i = 0; i < 12; i += 1) {
        const answer = await overWs(client, {
          query: `{ locations { entityId } v${i}: variant(entityId: 74) { id } }`,
        });
        expect(answer.results[0]?.errors).toBeUndefined();
      }
      // Warnings are emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((warning) => warning.includes('abort listeners'))).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });
});
