import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertWebhookUrl, emulatorWebhookSecret, PreflightError } from '../../src/preflight.js';
import { runCli } from '../helpers/cli.js';
import { addFault, requestsSince, startEmulator, TOKEN } from '../helpers/emulator.js';
import { startStack } from '../helpers/gateway.js';

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string; license: string };

function tempDb(): string {
  return join(mkdtempSync(join(tmpdir(), 'first-hour-')), 'store.db');
}

async function holdPort(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { port: address.port, server };
}

/** The environment that points `start` and `hooks sync` at an emulator as if it were BigCommerce. */
function storeEnv(url: string, token: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    BIGCOMMERCE_STORE_HASH: 'abc123',
    BIGCOMMERCE_ACCESS_TOKEN: token,
    BIGCOMMERCE_API_URL: url,
    PORT: '0',
    // A real store needs client authentication unless told otherwise; these tests are about the store check.
    ALLOW_UNAUTHENTICATED: 'true',
    ...extra,
  };
}

describe('the command line', () => {
  it('prints its version with --version', async () => {
    const run = runCli(['--version']);
    expect(await run.exited).toBe(0);
    expect(run.output().trim()).toBe(manifest.version);
  });

  it('declares its licence', () => {
    expect(manifest.license).toBe('MIT');
    expect(readFileSync('LICENSE', 'utf8')).toContain('MIT License');
  });
});

describe('a port in use', () => {
  it('stops with one clear line, before starting the emulator', async () => {
    const held = await holdPort();
    try {
      const run = runCli(['start'], { PORT: String(held.port), EMULATOR_PORT: '0', EMULATOR_DB: tempDb() });
      expect(await run.exited).toBe(1);
      const lines = run.output().trim().split('\n');
      expect(lines).toEqual([
        `backorder-gateway: port ${held.port} on 127.0.0.1 is already in use (another backorder-gateway?): stop that process, or set PORT to a free port (PORT=0 picks one)`,
      ]);
    } finally {
      held.server.close();
    }
  });

  it('names EMULATOR_PORT when the emulator port is taken', async () => {
    const held = await holdPort();
    try {
      const run = runCli(['start'], { PORT: '0', EMULATOR_PORT: String(held.port), EMULATOR_DB: tempDb() });
      expect(await run.exited).toBe(1);
      expect(run.output().trim()).toBe(
        `backorder-gateway: port ${held.port} on 127.0.0.1 is already in use (another backorder-gateway?): stop that process, or set EMULATOR_PORT to a free port (EMULATOR_PORT=0 picks one)`,
      );
    } finally {
      held.server.close();
    }
  });
});

describe('store credentials at boot', () => {
  it('stops on a refused token with a message naming the store and the variable to fix', async () => {
    const emulator = await startEmulator();
    const run = runCli(['start'], storeEnv(emulator.url, 'wrong-token'));
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain(
      `backorder-gateway: the store at ${emulator.storeUrl} refused the access token (401 on GET /v3/inventory/locations): set BIGCOMMERCE_ACCESS_TOKEN`,
    );
    expect(run.output()).not.toContain('ready');
    expect(run.output()).not.toContain('wrong-token');
  });

  it('stops on an unknown store hash, naming BIGCOMMERCE_STORE_HASH', async () => {
    const emulator = await startEmulator();
    const run = runCli(['start'], {
      ...storeEnv(emulator.url, TOKEN),
      BIGCOMMERCE_STORE_HASH: 'nosuchstore',
    });
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(
      /no store "nosuchstore" at 127\.0\.0\.1:\d+ \(404 .*check BIGCOMMERCE_STORE_HASH/,
    );
  });

  it('starts unready while the store answers 503, then becomes ready without a restart', async () => {
    const emulator = await startEmulator();
    await addFault(emulator, { kind: '503', count: 1, path: '/v3/inventory/locations' });
    const run = runCli(['start'], storeEnv(emulator.url, TOKEN));
    // Against a real store GraphiQL is off, so the line names the endpoint itself.
    const [, graphqlUrl = ''] = await run.waitFor(
      /unready until the store answers\): (http:\/\/\S+\/graphql)/,
    );
    expect(run.output()).toContain('answered 503 to GET /v3/inventory/locations: starting unready');
    const readyz = graphqlUrl.replace(/\/graphql$/, '/readyz');
    const first = await fetch(readyz);
    const states = [first.status];
    const deadline = Date.now() + 20_000;
    while (states.at(-1) !== 200 && Date.now() < deadline) states.push((await fetch(readyz)).status);
    expect(states[0]).toBe(503);
    expect(states.at(-1)).toBe(200);
    await run.waitFor(/the store answers: backorder-gateway ready/);
    expect(await run.stop()).toBe(0);
  });
});

describe('hooks sync', () => {
  it('refuses an http PUBLIC_URL for a host other than this machine, calling nothing', async () => {
    const emulator = await startEmulator();
    const run = runCli(
      ['hooks', 'sync'],
      storeEnv(emulator.url, TOKEN, {
        PUBLIC_URL: 'http://gateway.example.com',
        WEBHOOK_SECRET: 'secret-value-0123456789',
      }),
    );
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('PUBLIC_URL must be https for a host other than this machine');
    expect((await requestsSince(emulator)).filter((entry) => entry.path.includes('/hooks'))).toEqual([]);
  });

  it('accepts http for a loopback address', async () => {
    const emulator = await startEmulator();
    const run = runCli(
      ['hooks', 'sync'],
      storeEnv(emulator.url, TOKEN, {
        PUBLIC_URL: 'http://127.0.0.1:4000',
        WEBHOOK_SECRET: 'secret-value-0123456789',
      }),
    );
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('hooks: created 3');
  });

  it.each([
    ['https://gateway.example.com', true],
    ['http://localhost:4000', true],
    ['http://[::1]:4000', true],
    ['http://127.0.0.2', true],
    ['http://10.0.0.5:4000', false],
    ['http://gateway.example.com', false],
  ])('%s is %s', (url, accepted) => {
    if (accepted) expect(() => assertWebhookUrl(url)).not.toThrow();
    else expect(() => assertWebhookUrl(url)).toThrow(PreflightError);
  });

  it('keeps the emulator webhook secret per database, so a restart changes no hook', () => {
    const db = tempDb();
    const first = emulatorWebhookSecret(db);
    expect(emulatorWebhookSecret(db)).toBe(first);
    expect(statSync(`${db}.webhook-secret`).mode & 0o777).toBe(0o600);
    expect(emulatorWebhookSecret(tempDb())).not.toBe(first);
    expect(emulatorWebhookSecret(':memory:')).not.toBe(emulatorWebhookSecret(':memory:'));
  });
});

describe('the landing page', () => {
  it('leads from / to GraphiQL, the dashboard and the metrics', async () => {
    const stack = await startStack();
    const response = await fetch(`${stack.gateway.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    for (const path of ['/graphql', '/dashboard', '/metrics']) expect(html).toContain(`href="${path}"`);
    expect(html).not.toMatch(/(src|href)="https?:/);
  });
});
