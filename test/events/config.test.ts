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
