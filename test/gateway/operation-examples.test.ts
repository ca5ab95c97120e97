import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadOperationExamples, type OperationExample } from '../../src/gateway/operation-examples.js';
import { startStack } from '../helpers/gateway.js';
import { subscribeWs, wsClient } from '../helpers/live.js';

const OPERATIONS = new URL('../../operations/', import.meta.url);

/** Mutation results that are a UserError rather than the success payload. */
const USER_ERRORS = new Set(['ValidationError', 'NotFoundError', 'OutOfStockError', 'UnknownOutcomeError']);

function rootField(example: OperationExample): string {
  const match = /\{\s*(\w+)/.exec(example.query);
  if (match?.[1] === undefined) throw new Error(`no root field in ${example.file}`);
  return match[1];
}

describe('operation examples (GraphiQL tabs)', () => {
  const examples = loadOperationExamples();

  it('lists every document of operations/ exactly once, each with variables', () => {
    const files = readdirSync(OPERATIONS).filter((file) => file.endsWith('.graphql'));
    expect(examples.map((example) => example.file).sort()).toEqual(files.sort());
    const listed = Object.keys(
      JSON.parse(readFileSync(new URL('examples.json', OPERATIONS), 'utf8')) as Record<string, unknown>,
    );
    expect(listed.sort()).toEqual(files.sort());
    expect(examples[0]?.name).toBe('Catalog');
  });

  it('runs every query and mutation without errors on the demo seed, in tab order', async () => {
    const stack = await startStack();
    for (const example of examples.filter((candidate) => candidate.kind !== 'subscription')) {
      const { status, body } = await stack.gql(example.query, { ...example.variables }, example.name);
      expect({ file: example.file, status, errors: body.errors }).toEqual({
        file: example.file,
        status: 200,
        errors: undefined,
      });
      const data = body.data?.[rootField(example)];
      expect(data, example.file).toBeTruthy();
      if (example.kind === 'mutation') {
        const typename = (data as { __typename?: string }).__typename;
        expect(USER_ERRORS.has(typename ?? ''), `${example.file}: ${JSON.stringify(data)}`).toBe(false);
      }
    }
  });

  it('runs every subscription without errors on the demo seed', async () => {
    const stack = await startStack();
    const client = wsClient(stack.gateway.graphqlUrl);
    const counters = examples.find((example) => example.name === 'BackorderCounters');
    const limit = examples.find((example) => example.name === 'BackorderLimitReached');
    if (counters === undefined || limit === undefined) throw new Error('subscription examples missing');

    const initial = subscribeWs<{ initial: boolean; qtyBackordered: number }>(
      client,
      counters.query,
      { ...counters.variables },
      'backorderCounters',
    );
    const [first] = await initial.waitFor(1);
    expect(first?.initial).toBe(true);

    const reached = subscribeWs<{ level: { sku: string } }>(
      client,
      limit.query,
      { ...limit.variables },
      'backorderLimitReached',
    );
    await expect.poll(() => stack.gateway.subscriptionCount()).toBe(2);
    // Variant 75 (SM14) at location 1: 3 on hand, 6 of 15 backordered; 12 more units reach the limit.
    const { body } = await stack.gql(
      'mutation ($input: CreateOrderInput!) { createOrder(input: $input) { __typename } }',
      {
        input: {
          lines: [{ productId: 112, variantId: 75, quantity: 12 }],
          billingAddress: { zip: '78701' },
        },
      },
    );
    expect(body.data?.['createOrder']).toEqual({ __typename: 'OrderCreated' });
    const [event] = await reached.waitFor(1);
    expect(event?.level.sku).toBe('SM14');
    expect([...initial.errors, ...reached.errors]).toEqual([]);
  });
});
