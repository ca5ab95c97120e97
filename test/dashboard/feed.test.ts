import { createClient } from 'graphql-ws';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { followCounters, type FeedState } from '../../src/dashboard/feed.js';
import type { CountersValue } from '../../src/dashboard/model.js';
import { startStack, type Stack } from '../helpers/gateway.js';
import { operation } from '../helpers/operations.js';

const COUNTERS = operation('backorder-counters.graphql');

/** Orders `quantity` of variant 78 (RE-130: 10 available at location 1, then backorders up to 33). */
async function order(stack: Stack, quantity: number): Promise<void> {
  const { body } = await stack.gql(
    'mutation ($input: CreateOrderInput!) { createOrder(input: $input) { __typename } }',
    {
      input: {
        lines: [{ productId: 130, variantId: 78, quantity }],
        billingAddress: { zip: '78701' },
      },
    },
  );
  expect(body.data?.['createOrder']).toEqual({ __typename: 'OrderCreated' });
}

/** A feed over a real graphql-ws client whose retries wait until the test opens `gate`. */
function follow(stack: Stack) {
  const client = createClient({
    url: stack.gateway.graphqlUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    lazy: true,
    retryAttempts: 0,
  });
  const values: { value: CountersValue; fresh: boolean }[] = [];
  const states: FeedState[] = [];
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  const feed = followCounters({
    client,
    query: COUNTERS,
    onValue: (value, fresh) => values.push({ value, fresh }),
    onState: (state) => states.push(state),
    waitBeforeRetry: () => gate,
  });
  afterAll(async () => {
    feed.stop();
    await client.dispose();
  });
  const re130 = () =>
    values.filter(({ value }) => value.level.sku === 'RE-130' && value.level.location.entityId === 1);
  return { client, feed, values, states, open, re130 };
}

describe('dashboard feed', () => {
  it('resumes after the last event it saw, so that what happened while disconnected arrives once', async () => {
    const stack = await startStack();
    const { client, feed, values, states, open, re130 } = follow(stack);
    await expect.poll(() => re130().length).toBe(1);
    expect(values[0]?.fresh).toBe(true);
    expect(values.slice(1).every(({ fresh }) => !fresh)).toBe(true);
    expect(states.at(-1)).toEqual({ kind: 'live' });

    await order(stack, 12);
    await expect.poll(() => re130().at(-1)?.value.qtyBackordered).toBe(2);
    const seen = feed.lastEventId();
    expect(seen).toMatch(/^\d+-\d+$/);

    client.terminate();
    await expect.poll(() => states.at(-1)?.kind).toBe('reconnecting');
    const before = values.length;
    await order(stack, 1);
    open();

    await expect.poll(() => re130().at(-1)?.value.qtyBackordered).toBe(3);
    const resumed = values.slice(before);
    expect(resumed.every(({ value, fresh }) => !value.initial && !fresh)).toBe(true);
    const ids = values.map(({ value }) => value.eventId).filter((id) => id !== '');
    expect(new Set(ids).size).toBe(ids.length);
    expect(states.map((state) => state.kind)).toEqual([
      'connecting',
      'live',
      'reconnecting',
      'connecting',
      'live',
    ]);
  });

  it('starts again from the current counters when the gateway no longer holds its last event', async () => {
    const stack = await startStack({ gateway: { eventRetention: 1 } });
    const { client, feed, values, states, open, re130 } = follow(stack);
    await expect.poll(() => re130().length).toBe(1);
    await order(stack, 12);
    await expect.poll(() => re130().at(-1)?.value.qtyBackordered).toBe(2);
    expect(feed.lastEventId()).not.toBeNull();

    client.terminate();
    await expect.poll(() => states.at(-1)?.kind).toBe('reconnecting');
    const before = values.length;
    await order(stack, 1);
    await order(stack, 1);
    open();

    await expect.poll(() => re130().at(-1)?.value).toMatchObject({ initial: true, qtyBackordered: 4 });
    expect(values[before]?.fresh).toBe(true);
    expect(values.slice(before).every(({ value }) => value.initial)).toBe(true);
  });
});
