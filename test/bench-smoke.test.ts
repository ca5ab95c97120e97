import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('bench harness', () => {
  it('runs every scenario in its smallest form and reports every key (no timing is asserted)', async () => {
    const { stdout } = await run(process.execPath, ['dist-bench/run.js', '--smoke', '--json'], {
      timeout: 280_000,
      maxBuffer: 10 * 1024 * 1024,
    });
    const report = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Record<
      string,
      Record<string, unknown>
    >;
    const keys = {
      catalog: [
        'upstreamCalls',
        'directUpstreamCalls',
        'minimumCalls',
        'p50Ms',
        'p95Ms',
        'directP50Ms',
        'ratio',
      ],
      catalogNoLatency: ['p50Ms', 'directP50Ms', 'ratio'],
      cpu: ['gatewayUsPerOp', 'baselineUsPerOp'],
      coalescing: ['mutations', 'upstreamCalls', 'writes', 'reads', 'noStateUpstreamCalls'],
      singleWrite: ['adjustments', 'p50Ms', 'roundTripP50Ms', 'ratio', 'upstreamCallsPerAdjustment'],
      webhookBurst: ['webhooks', 'items', 'refetchCalls', 'minimumCalls', 'ackP99Ms'],
      fanout: [
        'subscribers',
        'received',
        'expected',
        'p50Ms',
        'p99Ms',
        'heapBytesPerSubscriber1k',
        'heapBytesPerSubscriber10k',
        'rssBytesPerSubscriber',
        'baselineP99Ms',
      ],
      replicas: ['received', 'expected', 'p99Ms', 'upstreamCallsPerChange'],
      liveRecovery: [
        'changes',
        'webhooksLost',
        'webhooksDuplicated',
        'faultedReads',
        'eventsLost',
        'agreementMs',
      ],
      sharedBudget: ['requests', 'storeAnswers429', 'clientErrors', 'durationS'],
    };
    for (const [scenario, names] of Object.entries(keys)) {
      for (const name of names) {
        const value = report[scenario]?.[name];
        expect(value === null || typeof value === 'number', `${scenario}.${name} = ${String(value)}`).toBe(
          true,
        );
      }
    }
    expect(report['fanout']?.['received']).toBe(report['fanout']?.['expected']);
    expect(report['catalog']?.['upstreamCalls']).toBe(report['catalog']?.['minimumCalls']);
    expect(stdout).toContain('| scenario | metric | value | target | met |');
  }, 300_000);
});
