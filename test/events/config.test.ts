import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../src/config.js';

describe('live event settings', () => {
  it('reads the sweep, hook sync and read-back retry settings with their defaults', () => {
    expect(readConfig({})).toMatchObject({
      sweepIntervalMs: 60_000,
      hooksSyncIntervalMs: 300_000,
      readBackRetryMaxMs: 10_000,
    });
    expect(
      readConfig({ SWEEP_INTERVAL_MS: '0', HOOKS_SYNC_INTERVAL_MS: '0', READ_BACK_RETRY_MAX_MS: '500' }),
    ).toMatchObject({ sweepIntervalMs: 0, hooksSyncIntervalMs: 0, readBackRetryMaxMs: 500 });
  });

  it.each([
    ['SWEEP_INTERVAL_MS', '-1'],
    ['HOOKS_SYNC_INTERVAL_MS', 'often'],
    ['READ_BACK_RETRY_MAX_MS', '60000'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    expect(() => readConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => readConfig({ [name]: value })).toThrow(name);
  });
});

describe('emulator flag for lost deliveries', () => {
  it('reads --webhook-loss-rate and refuses a rate outside 0..1', async () => {
    const { parseEmulatorFlags } = await import('../../src/emulator/cli.js');
    expect(parseEmulatorFlags(['--webhook-loss-rate', '0.25'])).toMatchObject({ webhookLossRate: 0.25 });
    expect(() => parseEmulatorFlags(['--webhook-loss-rate', '2'])).toThrow('--webhook-loss-rate');
  });
});
