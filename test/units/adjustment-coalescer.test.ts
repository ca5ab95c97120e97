import { describe, expect, it } from 'vitest';
import { createAdjustmentCoalescer } from '../../src/gateway/adjustment-coalescer.js';
import { UpstreamHttpError, UpstreamTimeoutError } from '../../src/upstream/errors.js';
import type { Transport, UpstreamCall } from '../../src/upstream/transport.js';

/** A store stand-in whose answer to each adjustment call is scripted; it records what it was sent. */
function scriptedStore(
  answer: (items: unknown[], callIndex: number) => 'ok' | { status: 422; body: unknown } | 'timeout',
) {
  const calls: unknown[][] = [];
  const transport: Transport = {
    request: (call: UpstreamCall) => {
      const items = (call.body as { items: unknown[] }).items;
      calls.push(items);
      const result = answer(items, calls.length - 1);
      if (result === 'timeout')
        return Promise.reject(new UpstreamTimeoutError(`${call.method} ${call.path}`, 10));
      if (result === 'ok')
        return Promise.resolve({
          status: 200,
          headers: { get: () => null, has: () => false },
          body: { transaction_id: `tx-${calls.length}` },
        });
      return Promise.reject(new UpstreamHttpError(`${call.method} ${call.path}`, result.status, result.body));
    },
    close: () => Promise.resolve(),
  };
  return { transport, calls };
}

const item = (variant: number, quantity = 1) => ({ location_id: 1, variant_id: variant, quantity });

describe('adjustment coalescer', () => {
  it('tries each client alone when the store refuses a merged call without naming an item', async () => {
    const store = scriptedStore((items) =>
      items.some((entry) => (entry as { variant_id: number }).variant_id === 13)
        ? { status: 422, body: { title: 'Something is wrong', errors: {} } }
        : 'ok',
    );
    const coalescer = createAdjustmentCoalescer(store.transport, { windowMs: 5 });
    const results = await Promise.all([
      coalescer.submit('relative', 'r', [item(1)]),
      coalescer.submit('relative', 'r', [item(13)]),
      coalescer.submit('relative', 'r', [item(2)]),
    ]);
    expect(results.map((result) => result.ok)).toEqual([true, false, true]);
    expect(results[1]).toMatchObject({ kind: 'refused', title: 'Something is wrong' });
    expect(store.calls.map((items) => items.length)).toEqual([3, 1, 1, 1]);
  });

  it('tells every client of a merged relative call whose answer was lost that the outcome is unknown, without retrying', async () => {
    const store = scriptedStore(() => 'timeout');
    const coalescer = createAdjustmentCoalescer(store.transport, { windowMs: 5 });
    const results = await Promise.all([
      coalescer.submit('relative', 'r', [item(1)]),
      coalescer.submit('relative', 'r', [item(2)]),
    ]);
    expect(results).toEqual([
      { ok: false, kind: 'unknown-outcome', operation: 'relative inventory adjustment', appliedCalls: 0 },
      { ok: false, kind: 'unknown-outcome', operation: 'relative inventory adjustment', appliedCalls: 0 },
    ]);
    expect(store.calls).toHaveLength(1);
  });

  it('keeps different modes and reasons apart, and sends a large adjustment in calls of the limit, stopping at a refusal', async () => {
    const store = scriptedStore((_, index) =>
      index === 3 ? { status: 422, body: { title: 'bad', errors: { 'items.1.quantity': 'too low' } } } : 'ok',
    );
    const coalescer = createAdjustmentCoalescer(store.transport, { windowMs: 5, maxItemsPerCall: 10 });
    const [a, b] = await Promise.all([
      coalescer.submit('absolute', 'x', [item(1)]),
      coalescer.submit('absolute', 'y', [item(2)]),
    ]);
    expect([a?.ok, b?.ok]).toEqual([true, true]);
    expect(store.calls).toHaveLength(2);
    const large = await coalescer.submit(
      'absolute',
      'x',
      Array.from({ length: 25 }, (_, i) => item(i)),
    );
    expect(large).toMatchObject({
      ok: false,
      kind: 'refused',
      appliedCalls: 1,
      problems: [{ index: 11, field: 'quantity', message: 'too low' }],
    });
    expect(store.calls.slice(2).map((items) => items.length)).toEqual([10, 10]);
  });
});
