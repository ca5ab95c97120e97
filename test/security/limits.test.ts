import { readdirSync } from 'node:fs';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadSchema } from '../../src/gateway/create-gateway.js';
import { estimateCost, measureDocument } from '../../src/gateway/operation-cost.js';
import { DEFAULT_OPERATION_LIMITS } from '../../src/gateway/plugins/use-operation-limits.js';
import { locationItem } from '../helpers/emulator.js';
import { startStack, type Stack } from '../helpers/gateway.js';
import { wsClient } from '../helpers/live.js';
import { operation } from '../helpers/operations.js';
import { codes, overPost, overSse, overWs, type Answer, type Payload } from './transports.js';

/** `variant -> product -> variants(first: 50) -> node -> product -> ...`, `times` levels deep. */
function depthBomb(times: number): string {
  let inner = 'id';
  for (let i = 0; i < times; i += 1)
    inner = `product { variants(first: 50) { edges { node { ${inner} } } } }`;
  return `query DepthBomb { variant(entityId: 74) { ${inner} } }`;
}

/** `variant { locations { variant { locations { ... } } } }`, `times` levels deep. */
function locationsNest(times: number): string {
  let inner = 'id';
  for (let i = 0; i < times; i += 1) inner = `locations { variant { ${inner} } }`;
  return `query LocationsNest { variant(entityId: 74) { ${inner} } }`;
}

function aliases(count: number, selection: string): string {
  return `query Aliases { ${Array.from({ length: count }, (_, i) => `a${i}: ${selection}`).join(' ')} }`;
}

const TRANSPORTS = ['http', 'sse', 'graphql-ws'] as const;

/** Sends `payload` over one transport; large payloads go over SSE as POST (a URL cannot hold them). */
function send(stack: Stack, transport: (typeof TRANSPORTS)[number], payload: Payload): Promise<Answer> {
  if (transport === 'http') return overPost(stack.gateway.graphqlUrl, payload);
  if (transport === 'sse')
    return overSse(stack.gateway.graphqlUrl, payload, JSON.stringify(payload).length > 4000 ? 'POST' : 'GET');
  return overWs(wsClient(stack.gateway.graphqlUrl), payload);
}

/** Expects the operation refused with `code` before execution: no data at all and no store call. */
async function expectRefused(stack: Stack, answer: Answer, code: string): Promise<void> {
  expect(codes(answer)).toContain(code);
  for (const result of answer.results) expect(result.data).toBeUndefined();
  expect(await stack.requests()).toEqual([]);
}

describe('defaults', () => {
  it('accept every document in operations/ at its largest page sizes', () => {
    const schema = loadSchema();
    const files = readdirSync(new URL('../../operations/', import.meta.url)).filter((file) =>
      file.endsWith('.graphql'),
    );
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const file of files) {
      const document = parse(operation(file), { maxLexicalTokens: DEFAULT_OPERATION_LIMITS.maxTokens });
      const shape = measureDocument(document);
      expect(shape.depth).toBeLessThanOrEqual(DEFAULT_OPERATION_LIMITS.maxDepth);
      expect(shape.aliases).toBeLessThanOrEqual(DEFAULT_OPERATION_LIMITS.maxAliases);
      expect(shape.rootFields).toBeLessThanOrEqual(DEFAULT_OPERATION_LIMITS.maxRootFields);
      expect(shape.directives).toBeLessThanOrEqual(DEFAULT_OPERATION_LIMITS.maxDirectives);
      const largest = { first: 50, variantsFirst: 50, locationIds: [1, 2, 3] };
      const estimate = estimateCost(schema, document, null, largest, {
        maxListArgument: DEFAULT_OPERATION_LIMITS.maxIdsPerList,
      });
      expect(estimate.cost, file).toBeLessThanOrEqual(DEFAULT_OPERATION_LIMITS.maxCost);
      expect(estimate.upstreamCalls, file).toBeLessThanOrEqual(DEFAULT_OPERATION_LIMITS.maxUpstreamCalls);
    }
  });

  it('run the Catalog at 50 products of 50 variants over HTTP', async () => {
    const stack = await startStack();
    const { body } = await stack.gql(
      operation('catalog.graphql'),
      { first: 50, variantsFirst: 50 },
      'Catalog',
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.['products']).toBeDefined();
  });
});

describe('limits before execution, on every transport', () => {
  it.each(TRANSPORTS)('refuses the depth bomb over %s without a store call', async (transport) => {
    const stack = await startStack();
    await stack.mark();
    const answer = await send(stack, transport, { query: depthBomb(25) });
    await expectRefused(stack, answer, 'DEPTH_LIMIT_EXCEEDED');
    const error = answer.results[0]?.errors?.[0];
    expect(error?.message).toBe('The operation has 102 depth, over the limit of 15');
    expect(error?.extensions).toMatchObject({ value: 102, limit: 15 });
    if (transport === 'http') expect(answer.status).toBe(400);
  });

  it.each(TRANSPORTS)('refuses the locations nest over %s without a store call', async (transport) => {
    const stack = await startStack();
    await stack.mark();
    await expectRefused(
      stack,
      await send(stack, transport, { query: locationsNest(11) }),
      'DEPTH_LIMIT_EXCEEDED',
    );
  });

  it.each(TRANSPORTS)('refuses 2,000 aliases of products over %s', async (transport) => {
    const stack = await startStack();
    await stack.mark();
    const bomb = aliases(2000, 'products { edges { node { id } } }');
    await expectRefused(stack, await send(stack, transport, { query: bomb }), 'TOKEN_LIMIT_EXCEEDED');
    const short = aliases(31, 'products(first: 1) { pageInfo { hasNextPage } }');
    await expectRefused(stack, await send(stack, transport, { query: short }), 'ALIAS_LIMIT_EXCEEDED');
  });

  it.each(TRANSPORTS)('refuses the 12,000-id nodes request over %s', async (transport) => {
    const stack = await startStack();
    await stack.mark();
    const ids = Array.from({ length: 12_000 }, (_, i) => `Order:${i + 1}`);
    const answer = await send(stack, transport, {
      query: 'query Nodes($ids: [ID!]!) { nodes(ids: $ids) { id } }',
      variables: { ids },
    });
    await expectRefused(stack, answer, 'LIST_LIMIT_EXCEEDED');
    expect(answer.results[0]?.errors?.[0]?.message).toBe('"nodes(ids:)" takes at most 100 items, got 12000');
  });

  it.each(TRANSPORTS)(
    'judges each request by its own variables over %s: one document refused over the limit, answered within it',
    async (transport) => {
      const stack = await startStack();
      const query = 'query Nodes($ids: [ID!]!) { nodes(ids: $ids) { id } }';
      const ids = (count: number) => Array.from({ length: count }, (_, i) => `Location:${i + 1}`);
      // Refused first: a refusal kept with the document would also refuse the requests after it.
      for (const count of [101, 2, 101, 2]) {
        const answer = await send(stack, transport, { query, variables: { ids: ids(count) } });
        if (count > 100) expect(codes(answer)).toEqual(['LIST_LIMIT_EXCEEDED']);
        else {
          expect(answer.results[0]?.errors).toBeUndefined();
          expect(answer.results[0]?.data?.['nodes']).toHaveLength(2);
        }
      }
    },
  );

  it.each(TRANSPORTS)(
    'refuses an operation over the cost budget over %s, stating cost and limit',
    async (transport) => {
      const stack = await startStack();
      await stack.mark();
      const query = `{ products(first: 50) { edges { node { variants(first: 50) { edges { node {
      locations { variant { locations { id } } } } } } } } } }`;
      const answer = await send(stack, transport, { query });
      await expectRefused(stack, answer, 'COST_LIMIT_EXCEEDED');
      const error = answer.results[0]?.errors?.[0];
      expect(error?.extensions).toMatchObject({ limit: 50_000 });
      const cost = error?.extensions?.['cost'] as number;
      expect(cost).toBeGreaterThan(50_000);
      expect(error?.message).toBe(`The operation costs ${cost}, over the limit of 50000`);
      if (transport === 'http') expect(answer.status).toBe(400);
    },
  );

  it.each(['sse', 'graphql-ws'] as const)(
    'refuses a subscription over the cost budget over %s before its first store call',
    async (transport) => {
      const stack = await startStack({ gateway: { limits: { maxCost: 1000 } } });
      await stack.mark();
      // The initial counters would be read from the store at once if the subscription started.
      const query = `subscription { backorderCounters(filter: { variantIds: [74] }) { level { variant { product {
        variants(first: 50) { edges { node { locations { variant { product {
          variants(first: 50) { edges { node { id } } } } } } } } } } } } } }`;
      const answer = await send(stack, transport, { query });
      await expectRefused(stack, answer, 'COST_LIMIT_EXCEEDED');
      expect(answer.results[0]?.errors?.[0]?.extensions).toMatchObject({ limit: 1000 });
    },
  );

  it('refuses over graphql-ws a subscription over the cost budget that subscribers could share, before any store call', async () => {
    const stack = await startStack({ gateway: { limits: { maxCost: 1000 } } });
    await stack.mark();
    // One root field, its filter a variable: the kind of subscription served to many subscribers at once.
    const query = `subscription Shared($filter: InventoryEventFilter) { backorderCounters(filter: $filter) {
      level { variant { product { variants(first: 50) { edges { node { locations { variant { product {
        variants(first: 50) { edges { node { id } } } } } } } } } } } } } }`;
    const answer = await send(stack, 'graphql-ws', { query, variables: { filter: { variantIds: [74] } } });
    await expectRefused(stack, answer, 'COST_LIMIT_EXCEEDED');
    expect(answer.results[0]?.errors?.[0]?.extensions).toMatchObject({ limit: 1000 });
  });

  it('refuses root fields, directives and tokens over their limits', async () => {
    const stack = await startStack({
      gateway: { limits: { maxRootFields: 2, maxDirectives: 2, maxTokens: 40 } },
    });
    await stack.mark();
    const roots = await overPost(stack.gateway.graphqlUrl, {
      query: '{ locations { id } a: locations { id } b: locations { id } }',
    });
    await expectRefused(stack, roots, 'ROOT_FIELD_LIMIT_EXCEEDED');
    const directives = await overPost(stack.gateway.graphqlUrl, {
      query: '{ locations @include(if: true) { id @skip(if: false) code @skip(if: false) } }',
    });
    await expectRefused(stack, directives, 'DIRECTIVE_LIMIT_EXCEEDED');
    const tokens = await overPost(stack.gateway.graphqlUrl, {
      query: `{ ${'locations { id } '.repeat(10)} }`,
    });
    await expectRefused(stack, tokens, 'TOKEN_LIMIT_EXCEEDED');
    expect(tokens.results[0]?.errors?.[0]?.message).toBe('The document has more than 40 tokens, the limit');
  });

  it('answers a small query sent while the bombs are refused', async () => {
    const stack = await startStack();
    const bombs = [
      overPost(stack.gateway.graphqlUrl, { query: depthBomb(25) }),
      overPost(stack.gateway.graphqlUrl, { query: aliases(2000, 'products { edges { node { id } } }') }),
      overPost(stack.gateway.graphqlUrl, {
        query: 'query Nodes($ids: [ID!]!) { nodes(ids: $ids) { id } }',
        variables: { ids: Array.from({ length: 12_000 }, (_, i) => `Order:${i + 1}`) },
      }),
    ];
    const small = await stack.gql('{ locations { entityId } }');
    expect(small.body.errors).toBeUndefined();
    expect(small.body.data?.['locations']).toHaveLength(3);
    expect((await Promise.all(bombs)).map(codes)).toEqual([
      ['DEPTH_LIMIT_EXCEEDED'],
      ['TOKEN_LIMIT_EXCEEDED'],
      ['LIST_LIMIT_EXCEEDED'],
    ]);
  });
});

describe('identical aliases', () => {
  const products = 'products(first: 3) { edges { node { id name inventory { onHand } } } }';

  it('of a query are executed once and answered for every alias, in order', async () => {
    const stack = await startStack();
    await stack.mark();
    const once = await stack.gql(aliases(1, products));
    const single = await stack.requests();
    await stack.mark();
    const many = await stack.gql(
      `{ ${aliases(15, products).slice('query Aliases { '.length, -2)} first: products(first: 2) { edges { node { id } } } }`,
    );
    expect(many.body.errors).toBeUndefined();
    expect(await stack.requests()).toHaveLength(single.length + 1);
    const data = many.body.data ?? {};
    expect(Object.keys(data)).toEqual([...Array.from({ length: 15 }, (_, i) => `a${i}`), 'first']);
    for (let i = 0; i < 15; i += 1) expect(data[`a${i}`]).toEqual(once.body.data?.['a0']);
  });

  it.each(['http', 'graphql-ws'] as const)('of a mutation are two writes over %s', async (transport) => {
    const stack = await startStack();
    const before = await locationItem(stack.emulator, 1, 78);
    const write = `adjustInventory(input: { mode: RELATIVE, reason: "recount", items: [{ locationId: 1, variantId: 78, quantity: 1 }] }) { __typename }`;
    const answer = await send(stack, transport, { query: `mutation Twice { a: ${write} b: ${write} }` });
    expect(answer.results[0]?.data).toEqual({
      a: { __typename: 'InventoryAdjusted' },
      b: { __typename: 'InventoryAdjusted' },
    });
    const after = await locationItem(stack.emulator, 1, 78);
    expect(after.total_inventory_onhand).toBe(before.total_inventory_onhand + 2);
  });
});

describe('at run time', () => {
  it('stops an operation at its upstream call limit', async () => {
    const stack = await startStack({
      emulator: { seed: { large: 2500 } },
      gateway: { limits: { maxUpstreamCalls: 2 } },
    });
    await stack.mark();
    const { body } = await stack.gql('{ backorders { totalQtyBackordered } }');
    expect(body.errors?.[0]).toMatchObject({
      message: 'The operation needs more than 2 upstream calls, the limit per operation',
      extensions: { code: 'UPSTREAM_CALL_LIMIT_EXCEEDED', limit: 2 },
    });
    // The calls past the limit never left the gateway (the second may be cancelled when the first fails).
    expect((await stack.requests()).length).toBeLessThanOrEqual(2);
  });

  it('refuses before execution an operation whose estimated upstream calls exceed the limit', async () => {
    const stack = await startStack({ gateway: { limits: { maxUpstreamCalls: 3 } } });
    await stack.mark();
    const answer = await overPost(stack.gateway.graphqlUrl, {
      query: '{ nodes(ids: ["Order:100", "Order:101", "Order:102", "Order:103"]) { id } }',
    });
    await expectRefused(stack, answer, 'UPSTREAM_CALL_LIMIT_EXCEEDED');
    expect(answer.results[0]?.errors?.[0]?.extensions).toMatchObject({ upstreamCalls: 4, limit: 3 });
  });

  it('ends an operation at its execution time limit with a clear error', async () => {
    const stack = await startStack({
      emulator: { latencyMs: 500 },
      gateway: { limits: { executionTimeoutMs: 50 } },
    });
    const answer = await overPost(stack.gateway.graphqlUrl, { query: '{ locations { id } }' });
    expect(answer.status).toBe(504);
    expect(answer.results[0]).toEqual({
      errors: [
        {
          message: 'The operation did not finish within 50 ms, the execution time limit',
          extensions: { code: 'EXECUTION_TIMEOUT', limit: 50 },
        },
      ],
    });
  });
});
