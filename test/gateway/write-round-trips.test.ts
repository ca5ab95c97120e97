import { describe, expect, it } from 'vitest';
import { addFault, locationItem } from '../helpers/emulator.js';
import { startStack, type Stack } from '../helpers/gateway.js';
import { subscribeWs, wsClient } from '../helpers/live.js';
import { operation } from '../helpers/operations.js';

const ADJUST = operation('adjust-inventory.graphql');
/** Selects no post-write state. */
const ADJUST_NO_STATE = `mutation($input: AdjustInventoryInput!) {
  adjustInventory(input: $input) { __typename ... on InventoryAdjusted { transactionIds } ... on UserError { message } }
}`;
const STOCK_CHANGED =
  'subscription($filter: InventoryEventFilter) { stockChanged(filter: $filter) { level { id onHand } } }';
const VARIANTS = [1, 2, 5, 74, 75, 78, 79];

function typename(body: { data?: Record<string, unknown> | null }): string | undefined {
  return (body.data?.['adjustInventory'] as { __typename?: string } | undefined)?.__typename;
}

/** Waits until every read-back the writes caused has reached the store (the log stops growing). */
async function settledRequests(stack: Stack) {
  let previous = -1;
  await expect
    .poll(
      async () => {
        const count = (await stack.requests()).length;
        const stable = count === previous;
        previous = count;
        return stable;
      },
      { timeout: 5_000, interval: 100 },
    )
    .toBe(true);
  return stack.requests();
}

describe('writes at one round trip', () => {
  it('answers an adjustment that selects no post-write state after the write alone, and still publishes it', async () => {
    const stack = await startStack({ emulator: { slowMs: 1_500 } });
    const client = wsClient(stack.gateway.graphqlUrl);
    const changes = subscribeWs<{ level: { onHand: number } }>(
      client,
      STOCK_CHANGED,
      { filter: { variantIds: [78], locationIds: [1] } },
      'stockChanged',
    );
    await expect.poll(() => stack.gateway.subscriptionCount()).toBe(1);
    // The read-back is held by the store; the answer does not wait for it.
    await addFault(stack.emulator, { kind: 'slow', count: 1, method: 'GET', path: '/v3/inventory/items' });
    await stack.mark();
    const { body } = await stack.gql(ADJUST_NO_STATE, {
      input: { mode: 'ABSOLUTE', items: [{ locationId: 1, variantId: 78, quantity: 33 }] },
    });
    expect(body).toMatchObject({ data: { adjustInventory: { __typename: 'InventoryAdjusted' } } });
    expect((await stack.requests()).map((request) => `${request.method} ${request.path}`)).toEqual([
      'PUT /v3/inventory/adjustments/absolute',
    ]);
    // Subscribers still get the event, once the read-back after the write is answered.
    const [change] = await changes.waitFor(1);
    expect(change?.level.onHand).toBe(33);
    expect((await stack.requests()).map((request) => `${request.method} ${request.path}`)).toEqual([
      'PUT /v3/inventory/adjustments/absolute',
      'GET /v3/inventory/items',
    ]);
  });

  it('answers a client that selects the post-write state with the figures read after the write', async () => {
    const stack = await startStack();
    await stack.mark();
    const { body } = await stack.gql(ADJUST, {
      input: { mode: 'RELATIVE', items: [{ locationId: 1, variantId: 78, quantity: 4 }] },
    });
    expect(body).toMatchObject({
      data: { adjustInventory: { __typename: 'InventoryAdjusted', items: [{ onHand: 16 }] } },
    });
    expect((await stack.requests()).map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /v3/inventory/adjustments/relative',
      'GET /v3/inventory/items',
    ]);
  });

  for (const [label, document] of [
    ['selecting post-write state', ADJUST],
    ['selecting only transactionIds', ADJUST_NO_STATE],
  ] as const) {
    it(`makes at most 5 store calls in all for 100 concurrent single-item adjustments ${label}`, async () => {
      // A store round trip as over the internet, so that calls are in flight while clients keep arriving; a wide
      // window, because on a loaded machine 100 requests from this one process reach the gateway over seconds.
      const stack = await startStack({
        emulator: { latencyMs: 20 },
        gateway: { coalesceWindowMs: 1_000, coalesceMaxWaitMs: 10_000 },
      });
      const before = await Promise.all(VARIANTS.map((variant) => locationItem(stack.emulator, 1, variant)));
      await stack.mark();
      const answers = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          stack.gql(document, {
            input: {
              mode: 'RELATIVE',
              reason: 'restock',
              items: [{ locationId: 1, variantId: VARIANTS[i % VARIANTS.length], quantity: 1 }],
            },
          }),
        ),
      );
      expect(answers.map(({ body }) => typename(body))).toEqual(Array(100).fill('InventoryAdjusted'));
      const requests = await settledRequests(stack);
      expect(requests.length).toBeLessThanOrEqual(5);
      expect(requests.filter((request) => request.method === 'GET').length).toBeGreaterThanOrEqual(1);
      const after = await Promise.all(VARIANTS.map((variant) => locationItem(stack.emulator, 1, variant)));
      const added = after.reduce(
        (sum, item, index) =>
          sum + item.total_inventory_onhand - (before[index]?.total_inventory_onhand ?? 0),
        0,
      );
      expect(added).toBe(100);
    });
  }
});
