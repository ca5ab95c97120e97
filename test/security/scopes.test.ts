import { describe, expect, it } from 'vitest';
import { locationItem } from '../helpers/emulator.js';
import { openSocket, post, sseFirst } from '../helpers/auth.js';
import { bearer, startAuthStack } from '../helpers/auth-stack.js';
import { operation } from '../helpers/operations.js';

const ORDER = '{ order(entityId: 100) { entityId status quantityBackordered } }';
const COUNTERS = `subscription ($filter: InventoryEventFilter) {
  backorderCounters(filter: $filter) { qtyBackordered level { id } }
}`;
const ADJUST = `mutation ($input: AdjustInventoryInput!) {
  adjustInventory(input: $input) { __typename }
}`;
const BILLING = { firstName: 'Ada', zip: '78701', email: 'ada@example.com' };

type Errors = { message: string; extensions?: Record<string, unknown> }[] | undefined;
const codes = (errors: Errors) => (errors ?? []).map((error) => error.extensions?.['code']);

describe('scopes declared in the schema', async () => {
  const stack = await startAuthStack();
  const url = stack.gateway.graphqlUrl;
  const inventoryReader = await bearer(['inventory:read']);
  const orderReader = await bearer(['orders:read']);
  const everything = await bearer([
    'inventory:read',
    'inventory:write',
    'orders:read',
    'orders:write',
    'events:subscribe',
  ]);

  /** Runs an operation and returns the answer and the upstream calls it made. */
  async function run(authorization: string, query: string, variables: Record<string, unknown> = {}) {
    await stack.mark();
    const answer = await post(url, authorization, query, variables);
    return { ...answer, upstream: await stack.requests() };
  }

  describe('over HTTP', () => {
    it('answers the operations/ documents for a client holding their scopes', async () => {
      const catalog = await run(inventoryReader, operation('catalog.graphql'), { first: 2 });
      expect(catalog.status).toBe(200);
      expect(catalog.body.errors).toBeUndefined();
      const order = await run(orderReader, operation('order.graphql').replace(/variant \{[^}]*\}/g, ''), {
        entityId: 100,
      });
      expect(codes(order.body.errors)).toEqual([]);
    });

    it('refuses a field without its scope with 403 FORBIDDEN naming the scope and the fields, calling nothing upstream', async () => {
      const answer = await run(inventoryReader, ORDER);
      expect(answer.status).toBe(403);
      expect(answer.body.data).toBeUndefined();
      expect(answer.body.errors).toEqual([
        {
          message:
            'Forbidden: Query.order, Order.entityId, Order.status, Order.quantityBackordered needs the scope "orders:read"',
          extensions: {
            code: 'FORBIDDEN',
            requiredScopes: [['orders:read']],
            fields: ['Query.order', 'Order.entityId', 'Order.status', 'Order.quantityBackordered'],
          },
        },
      ]);
      expect(answer.upstream).toEqual([]);
    });

    it('refuses the whole operation when one field is not allowed, before any of it runs', async () => {
      const answer = await run(inventoryReader, '{ locations { code } order(entityId: 100) { status } }');
      expect(answer.status).toBe(403);
      expect(answer.body.errors?.[0]?.extensions?.['fields']).toEqual(['Query.order', 'Order.status']);
      expect(answer.upstream).toEqual([]);
    });

    it('sees through fragments, inline fragments and abstract types', async () => {
      const viaFragment = await run(
        inventoryReader,
        'query { ...F } fragment F on Query { order(entityId: 100) { id } }',
      );
      expect(viaFragment.status).toBe(403);
      const viaInterface = await run(
        inventoryReader,
        '{ node(id: "Variant:74") { id ... on Order { status } ... on Variant { sku } } }',
      );
      expect(viaInterface.status).toBe(403);
      expect(viaInterface.body.errors?.[0]?.extensions?.['fields']).toEqual(['Order.status']);
      const nested = await run(orderReader, '{ order(entityId: 100) { lines { variant { sku } } } }');
      expect(nested.status).toBe(403);
      expect(nested.body.errors?.[0]?.message).toContain('"inventory:read"');
      expect([viaFragment.upstream, viaInterface.upstream, nested.upstream]).toEqual([[], [], []]);
    });

    it('checks node(id) by the type its id names, before any upstream call', async () => {
      const order = await run(inventoryReader, '{ node(id: "Order:100") { id } }');
      expect(order.status).toBe(403);
      expect(order.body.errors?.[0]).toMatchObject({
        message: 'Forbidden: Order needs the scope "orders:read"',
        extensions: { code: 'FORBIDDEN', fields: ['Order'] },
      });
      expect(order.upstream).toEqual([]);
      const mixed = await run(inventoryReader, 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', {
        ids: ['Variant:74', 'OrderLine:100/1'],
      });
      expect(mixed.status).toBe(403);
      expect(mixed.upstream).toEqual([]);
      const allowed = await run(orderReader, '{ node(id: "Order:100") { id ... on Order { status } } }');
      expect(allowed.status).toBe(200);
      expect(allowed.body.data).toEqual({ node: { id: 'Order:100', status: expect.any(String) as string } });
      const variant = await run(inventoryReader, '{ node(id: "Variant:74") { id } }');
      expect(variant.body.data).toEqual({ node: { id: 'Variant:74' } });
    });

    it('refuses a write without its write scope and changes nothing', async () => {
      const before = await locationItem(stack.emulator, 1, 78);
      const answer = await run(inventoryReader, ADJUST, {
        input: { mode: 'RELATIVE', items: [{ locationId: 1, variantId: 78, quantity: 5 }] },
      });
      expect(answer.status).toBe(403);
      expect(answer.body.errors?.[0]?.message).toBe(
        'Forbidden: Mutation.adjustInventory needs the scope "inventory:write"',
      );
      expect(answer.upstream).toEqual([]);
      expect(await locationItem(stack.emulator, 1, 78)).toEqual(before);
    });

    it('asks a writer for the read scope of what the payload shows', async () => {
      const writer = await bearer(['orders:write']);
      const input = { billingAddress: BILLING, lines: [{ productId: 130, variantId: 78, quantity: 1 }] };
      const showsInventory = await run(
        writer,
        'mutation ($input: CreateOrderInput!) { createOrder(input: $input) { ... on OrderCreated { items { qtyBackordered } } } }',
        { input },
      );
      expect(showsInventory.status).toBe(403);
      expect(showsInventory.body.errors?.[0]?.extensions?.['requiredScopes']).toEqual([['inventory:read']]);
      expect(showsInventory.upstream).toEqual([]);
      const typenameOnly = await run(
        writer,
        'mutation ($input: CreateOrderInput!) { createOrder(input: $input) { __typename } }',
        { input },
      );
      expect(typenameOnly.body).toEqual({ data: { createOrder: { __typename: 'OrderCreated' } } });
    });

    it('keeps validation results apart per scope set (the validation cache never serves one client to another)', async () => {
      const query = '{ locations { code } }';
      expect((await run(inventoryReader, query)).status).toBe(200);
      expect((await run(orderReader, query)).status).toBe(403);
      expect((await run(inventoryReader, query)).status).toBe(200);
      expect((await run(orderReader, query)).status).toBe(403);
    });
  });

  describe('over SSE', () => {
    it('refuses a subscription without events:subscribe with 403', async () => {
      const answer = await sseFirst(url, inventoryReader, COUNTERS, { filter: { variantIds: [74] } });
      expect(answer.status).toBe(403);
      expect(answer.first.errors?.[0]?.message).toContain('"events:subscribe"');
    });

    it('streams to a client with events:subscribe and inventory:read', async () => {
      const answer = await sseFirst(url, everything, COUNTERS, { filter: { variantIds: [74] } });
      expect(answer.status).toBe(200);
      expect(answer.first.data).toBeDefined();
    });
  });

  describe('over graphql-ws', () => {
    it('answers a subscription without its scope with a FORBIDDEN error and keeps the socket', async () => {
      const connection = await openSocket(url, { authorization: inventoryReader });
      connection.subscribe('1', COUNTERS, { filter: { variantIds: [74] } });
      const message = await connection.first('1');
      expect(message).toMatchObject({ type: 'error' });
      expect(codes(message?.payload as Errors)).toEqual(['FORBIDDEN']);
      connection.subscribe('2', '{ locations { code } }');
      expect(await connection.first('2')).toMatchObject({ type: 'next', payload: { data: {} } });
    });

    it('refuses a query for node(id) of another scope over the socket too', async () => {
      const connection = await openSocket(url, { authorization: inventoryReader });
      await stack.mark();
      connection.subscribe('1', '{ node(id: "Order:100") { id } }');
      const message = await connection.first('1');
      expect(JSON.stringify(message)).toContain('FORBIDDEN');
      expect(await stack.requests()).toEqual([]);
    });

    it('shares one hub execution per scope set, never across scope sets', async () => {
      const admin = await bearer(['gateway:admin']);
      const listeners = async () => {
        const response = await fetch(`${stack.gateway.url}/_gateway/stats`, {
          headers: { authorization: admin },
        });
        return ((await response.json()) as { listeners: number }).listeners;
      };
      const base = await listeners();
      const narrow = await bearer(['events:subscribe', 'inventory:read'], 'a');
      const sameScopes = await bearer(['inventory:read', 'events:subscribe'], 'b');
      const wider = await bearer(['events:subscribe', 'inventory:read', 'orders:read'], 'c');
      const variables = { filter: { variantIds: [1] } };
      for (const [index, authorization] of [narrow, sameScopes, wider].entries()) {
        const connection = await openSocket(url, { authorization });
        connection.subscribe(String(index), COUNTERS, variables);
        expect(await connection.first(String(index))).toMatchObject({ type: 'next' });
      }
      // An initial read also listens until shortly after it is done; then the two hub executions remain.
      await expect.poll(listeners).toBe(base + 2);
    });
  });
});
