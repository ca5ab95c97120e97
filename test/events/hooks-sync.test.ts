import { describe, expect, it } from 'vitest';
import { HANDLED_SCOPES } from '../../src/gateway/events/inventory-events.js';
import { describeSync, syncHooks } from '../../src/gateway/hooks-sync.js';
import { createTransport } from '../../src/upstream/transport.js';
import { call, startEmulator, TOKEN } from '../helpers/emulator.js';

const DESTINATION = 'https://gateway.example.com/webhooks/bigcommerce';

describe('hooks sync', () => {
  it('creates one hook per handled scope, then changes nothing when run again', async () => {
    const emulator = await startEmulator();
    const transport = createTransport({ baseUrl: emulator.storeUrl, accessToken: TOKEN });
    const first = await syncHooks(transport, DESTINATION, 'secret-value-0123456789');
    expect(first.created).toEqual(Object.values(HANDLED_SCOPES));
    const second = await syncHooks(transport, DESTINATION, 'secret-value-0123456789');
    expect(second).toEqual({
      created: [],
      reactivated: [],
      updated: [],
      unchanged: Object.values(HANDLED_SCOPES),
    });
    expect(describeSync(second)).toBe('hooks: all 3 already in place');
    const hooks = (await call(emulator, 'GET', '/v3/hooks')).body as {
      data: { scope: string; destination: string; headers: Record<string, string> }[];
    };
    expect(hooks.data).toHaveLength(3);
    expect(
      hooks.data.every(
        (hook) =>
          hook.destination === DESTINATION && hook.headers['x-webhook-secret'] === 'secret-value-0123456789',
      ),
    ).toBe(true);
    await transport.close();
  });

  it('reactivates a hook the store deactivated and fixes a changed secret, leaving other destinations alone', async () => {
    const emulator = await startEmulator();
    const transport = createTransport({ baseUrl: emulator.storeUrl, accessToken: TOKEN });
    await syncHooks(transport, DESTINATION, 'old-secret-0123456789');
    const other = await call(emulator, 'POST', '/v3/hooks', {
      body: { scope: HANDLED_SCOPES.stockChanged, destination: 'https://other.example.com/hooks' },
    });
    const hooks = (await call(emulator, 'GET', `/v3/hooks?destination=${encodeURIComponent(DESTINATION)}`))
      .body as { data: { id: number; scope: string }[] };
    const stock = hooks.data.find((hook) => hook.scope === HANDLED_SCOPES.stockChanged);
    await call(emulator, 'PUT', `/v3/hooks/${stock?.id ?? 0}`, { body: { is_active: false } });
    const report = await syncHooks(transport, DESTINATION, 'new-secret-0123456789');
    expect(report.reactivated).toEqual([HANDLED_SCOPES.stockChanged]);
    expect(report.updated).toEqual([HANDLED_SCOPES.backorderLimitReached, HANDLED_SCOPES.settingsChanged]);
    expect(report.created).toEqual([]);
    expect(describeSync(report)).toContain('reactivated 1');
    const after = (await call(emulator, 'GET', '/v3/hooks')).body as {
      data: { id: number; is_active: boolean; headers: Record<string, string> | null }[];
    };
    expect(after.data).toHaveLength(4);
    const otherId = (other.body as { data: { id: number } }).data.id;
    expect(
      after.data
        .filter((hook) => hook.id !== otherId)
        .every((hook) => hook.is_active && hook.headers?.['x-webhook-secret'] === 'new-secret-0123456789'),
    ).toBe(true);
    await transport.close();
  });
});
