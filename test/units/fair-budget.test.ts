import { describe, expect, it } from 'vitest';
import { createFairBudget } from '../../src/upstream/fair-budget.js';
import type { UpstreamBudget } from '../../src/upstream/transport.js';

/** A budget with no room until `grant()` lets one call through. */
function gatedBudget() {
  const gates: (() => void)[] = [];
  const budget: UpstreamBudget = {
    acquire: () => new Promise<void>((resolve) => gates.push(resolve)),
    update: () => undefined,
    exhaustFor: () => undefined,
  };
  return {
    budget,
    grant: async () => {
      while (gates.length === 0) await new Promise((resolve) => setImmediate(resolve));
      gates.shift()?.();
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

describe('a scarce budget shared fairly', () => {
  it('serves waiting calls one client at a time in turn, each client in its own order', async () => {
    const { budget, grant } = gatedBudget();
    const fair = createFairBudget(budget);
    const served: string[] = [];
    const waits = [
      ...['a1', 'a2', 'a3', 'a4'].map((name) => fair.acquire(undefined, 'a').then(() => served.push(name))),
      ...['b1', 'b2'].map((name) => fair.acquire(undefined, 'b').then(() => served.push(name))),
      fair.acquire(undefined, 'c').then(() => served.push('c1')),
    ];
    for (let i = 0; i < waits.length; i += 1) await grant();
    await Promise.all(waits);
    // a1 found the budget free and went first, alone; then each round takes one call of every waiting client, in
    // the order the clients began to wait.
    expect(served).toEqual(['a1', 'a2', 'b1', 'c1', 'a3', 'b2', 'a4']);
  });

  it('drops a waiting call whose signal aborts, with its reason, and serves the rest', async () => {
    const { budget, grant } = gatedBudget();
    const fair = createFairBudget(budget);
    const controller = new AbortController();
    const first = fair.acquire(undefined, 'a');
    const cancelled = fair.acquire(controller.signal, 'b');
    const last = fair.acquire(undefined, 'c');
    const reason = new Error('client went away');
    controller.abort(reason);
    await expect(cancelled).rejects.toBe(reason);
    await grant();
    await grant();
    await expect(Promise.all([first, last])).resolves.toEqual([undefined, undefined]);
  });

  it('refuses at once a call whose signal has already aborted', async () => {
    const fair = createFairBudget(gatedBudget().budget);
    const reason = new Error('too late');
    await expect(fair.acquire(AbortSignal.abort(reason), 'a')).rejects.toBe(reason);
  });
});
