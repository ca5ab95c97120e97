import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createGateway } from '../../src/gateway/create-gateway.js';
import { createLogger } from '../../src/gateway/logger.js';
import { addFault, clearFaults, locationItem, TOKEN } from '../helpers/emulator.js';
import { startStack, type GraphqlResponse } from '../helpers/gateway.js';
import { operation } from '../helpers/operations.js';

const ADJUST = operation('adjust-inventory.graphql');
const CREATE_ORDER = operation('create-order.graphql');
const LOCATIONS = '{ locations { entityId } }';

/** A port nothing listens on: connections to it are refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function post(url: string, query: string, variables?: Record<string, unknown>) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphqlResponse;
}

describe('a store that refuses the connection', () => {
  it('answers writes with a retryable UPSTREAM_UNAVAILABLE error, never an unknown outcome', async () => {
    const logs: string[] = [];
    const gateway = await createGateway({
      storeUrl: `http://127.0.0.1:${await closedPort()}/stores/abc123`,
      accessToken: TOKEN,
      upstreamRetryBaseMs: 1,
      logger: createLogger({ level: 'debug', secrets: [TOKEN], write: (line) => logs.push(line) }),
    });
    afterAll(() => gateway.stop());
    const order = await post(gateway.graphqlUrl, CREATE_ORDER, {
      input: { billingAddress: { zip: '78701' }, lines: [{ productId: 130, variantId: 78, quantity: 2 }] },
    });
    expect(JSON.stringify(order)).not.toContain('UnknownOutcomeError');
    expect(order.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryable: true });
    expect(order.errors?.[0]?.message).toMatch(/nothing was applied/);

    const adjustment = await post(gateway.graphqlUrl, ADJUST, {
      input: { mode: 'RELATIVE', items: [{ locationId: 1, variantId: 78, quantity: 1 }] },
    });
    expect(JSON.stringify(adjustment)).not.toContain('UnknownOutcomeError');
    expect(adjustment.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(logs.some((line) => line.includes('upstream unavailable') && line.includes('ECONNREFUSED'))).toBe(
      true,
    );
    expect(logs.join('\n')).not.toContain(TOKEN);
  });
});

describe('a merged adjustment batch that fails upstream', () => {
  const burst = (stack: Awaited<ReturnType<typeof startStack>>, count: number) =>
    Promise.all(
      Array.from({ length: count }, () =>
        stack.gql(ADJUST, {
          input: {
            mode: 'RELATIVE',
            reason: 'restock',
            items: [{ locationId: 1, variantId: 78, quantity: 1 }],
          },
        }),
      ),
    );

  it('gives every client a retryable error after a 503, and the store applied nothing', async () => {
    const stack = await startStack({ gateway: { coalesceWindowMs: 20, coalesceMaxWaitMs: 500 } });
    const before = (await locationItem(stack.emulator, 1, 78)).total_inventory_onhand;
    await addFault(stack.emulator, { kind: '503', rate: 1, path: '/v3/inventory/adjustments/relative' });
    await stack.mark();
    const answers = await burst(stack, 20);
    await clearFaults(stack.emulator);
    for (const { body } of answers) {
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryable: true });
      expect(body.errors?.[0]?.message).not.toBe('Unexpected error.');
    }
    expect((await locationItem(stack.emulator, 1, 78)).total_inventory_onhand).toBe(before);
    // Merged: far fewer calls than clients, and a relative write is never retried.
    const calls = (await stack.requests()).filter(
      (request) => request.path === '/v3/inventory/adjustments/relative',
    );
    expect(calls.length).toBeLessThan(20);
    expect(calls.every((request) => request.status === 503)).toBe(true);
  });

  it('tells every client of a merged call whose answer was unreadable that the outcome is unknown', async () => {
    const stack = await startStack({ gateway: { coalesceWindowMs: 20, coalesceMaxWaitMs: 500 } });
    await addFault(stack.emulator, { kind: 'garbage', rate: 1, path: '/v3/inventory/adjustments/relative' });
    const answers = await burst(stack, 10);
    await clearFaults(stack.emulator);
    for (const { body } of answers)
      expect((body.data as { adjustInventory: unknown }).adjustInventory).toMatchObject({
        __typename: 'UnknownOutcomeError',
        operation: 'relative inventory adjustment',
      });
  });
});

describe('circuit breaker', () => {
  it('opens after repeated failures, refuses at once without calling the store, and closes after a probe', async () => {
    const stack = await startStack({
      gateway: { upstreamCircuitBreaker: { failureThreshold: 5, openMs: 300 } },
    });
    await addFault(stack.emulator, { kind: '503', rate: 1, path: '/v3/inventory/locations' });
    // Two queries of four attempts each (one try, three retries): the fifth failed attempt opens the breaker.
    await stack.gql(LOCATIONS);
    await stack.gql(LOCATIONS);
    await stack.mark();
    const refused = await stack.gql(LOCATIONS);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      retryable: true,
    });
    expect(refused.body.errors?.[0]?.message).toMatch(/not sending it requests/);
    expect(await stack.requests()).toEqual([]);
    const stats = async () =>
      (
        (await (await fetch(`${stack.gateway.url}/_gateway/stats`)).json()) as {
          circuits: { api: string; state: string; opened: number }[];
        }
      ).circuits.find((circuit) => circuit.api === 'rest-v3');
    expect(await stats()).toMatchObject({ state: 'open', opened: 1 });
    // The other APIs have their own breakers.
    const product = await stack.gql('{ product(entityId: 77) { name } }');
    expect(product.body.errors).toBeUndefined();

    await clearFaults(stack.emulator);
    await expect
      .poll(async () => (await stack.gql(LOCATIONS)).body.errors, { timeout: 5_000, interval: 50 })
      .toBeUndefined();
    expect(await stats()).toMatchObject({ state: 'closed', opened: 1 });
  });

  it('opens again when the half-open probe fails', async () => {
    const stack = await startStack({
      gateway: { upstreamRetries: 0, upstreamCircuitBreaker: { failureThreshold: 2, openMs: 200 } },
    });
    await addFault(stack.emulator, { kind: '503', rate: 1, path: '/v3/inventory/locations' });
    await stack.gql(LOCATIONS);
    await stack.gql(LOCATIONS);
    const opened = async () =>
      (
        (await (await fetch(`${stack.gateway.url}/_gateway/stats`)).json()) as {
          circuits: { api: string; opened: number }[];
        }
      ).circuits.find((circuit) => circuit.api === 'rest-v3')?.opened;
    expect(await opened()).toBe(1);
    // Once half-open, one probe reaches the store, fails, and the breaker opens a second time.
    await expect
      .poll(
        async () => {
          await stack.gql(LOCATIONS);
          return opened();
        },
        { timeout: 5_000, interval: 50 },
      )
      .toBe(2);
  });
});
