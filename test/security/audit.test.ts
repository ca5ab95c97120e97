import { describe, expect, it } from 'vitest';
import { post } from '../helpers/auth.js';
import { bearer, startAuthStack } from '../helpers/auth-stack.js';
import { startStack } from '../helpers/gateway.js';

const ADJUST = `mutation Restock($input: AdjustInventoryInput!) {
  adjustInventory(input: $input) { ... on InventoryAdjusted { transactionIds } }
}`;
const CREATE = `mutation PlaceOrder($input: CreateOrderInput!) { createOrder(input: $input) { __typename } }`;

const auditLines = (logs: readonly string[]) =>
  logs
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line['message'] === 'audit');

describe('audit lines for writes', async () => {
  const stack = await startAuthStack();
  const writer = await bearer(['inventory:write', 'orders:write'], 'ops-1');

  it('logs who, which operation and field, which items, and the outcome even when the client did not select __typename', async () => {
    const before = auditLines(stack.logs).length;
    const answer = await post(stack.gateway.graphqlUrl, writer, ADJUST, {
      input: {
        mode: 'RELATIVE',
        reason: 'cycle count',
        items: [
          { locationId: 1, variantId: 78, quantity: 1 },
          { locationId: 2, sku: 'sku-5', quantity: 1 },
        ],
      },
    });
    expect(answer.status).toBe(200);
    const lines = auditLines(stack.logs).slice(before);
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'info',
        audit: 'mutation',
        actor: 'jwt:ops-1',
        operation: 'Restock',
        field: 'adjustInventory',
        variantIds: [78],
        skus: ['sku-5'],
        locationIds: [1, 2],
        itemCount: 2,
        outcome: 'InventoryAdjusted',
      }),
    ]);
  });

  it('records typed refusals as their outcome', async () => {
    const before = auditLines(stack.logs).length;
    await post(stack.gateway.graphqlUrl, writer, CREATE, {
      input: { billingAddress: { zip: '78701' }, lines: [{ productId: 112, variantId: 74, quantity: 56 }] },
    });
    expect(auditLines(stack.logs).slice(before)).toEqual([
      expect.objectContaining({
        actor: 'jwt:ops-1',
        operation: 'PlaceOrder',
        field: 'createOrder',
        productIds: [112],
        variantIds: [74],
        outcome: 'OutOfStockError',
      }),
    ]);
  });

  it('writes no line for a write refused before execution, and never logs the token', async () => {
    const before = auditLines(stack.logs).length;
    const reader = await bearer(['inventory:read']);
    expect(
      (
        await post(stack.gateway.graphqlUrl, reader, ADJUST, {
          input: { mode: 'ABSOLUTE', items: [{ locationId: 1, variantId: 78, quantity: 1 }] },
        })
      ).status,
    ).toBe(403);
    expect(auditLines(stack.logs).slice(before)).toEqual([]);
    expect(stack.logs.join('\n')).not.toContain(writer.slice(7));
  });

  it('names the client anonymous when authentication is off', async () => {
    const open = await startStack();
    await open.gql(ADJUST, {
      input: { mode: 'ABSOLUTE', items: [{ locationId: 1, variantId: 1, quantity: 3 }] },
    });
    expect(auditLines(open.logs)).toEqual([
      expect.objectContaining({ actor: 'anonymous', field: 'adjustInventory', outcome: 'InventoryAdjusted' }),
    ]);
  });
});
