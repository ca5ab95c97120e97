import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../src/config.js';
import { operation } from '../helpers/operations.js';

describe('configuration', () => {
  it('defaults to the embedded emulator', () => {
    expect(readConfig({})).toMatchObject({
      port: 4000,
      host: '127.0.0.1',
      store: { kind: 'emulator', port: 4010, db: './data/store.db' },
      upstreamTimeoutMs: 10_000,
    });
  });

  it('targets a store when hash and token are set', () => {
    expect(readConfig({ BIGCOMMERCE_STORE_HASH: 'abc123', BIGCOMMERCE_ACCESS_TOKEN: 'tok' }).store).toEqual({
      kind: 'bigcommerce',
      storeHash: 'abc123',
      accessToken: 'tok',
      apiUrl: 'https://api.bigcommerce.com',
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ BIGCOMMERCE_STORE_HASH: 'abc123' }, 'BIGCOMMERCE_ACCESS_TOKEN'],
    [{ BIGCOMMERCE_ACCESS_TOKEN: 'tok' }, 'BIGCOMMERCE_STORE_HASH'],
    [{ BIGCOMMERCE_STORE_HASH: 'ABC!', BIGCOMMERCE_ACCESS_TOKEN: 'tok' }, 'BIGCOMMERCE_STORE_HASH'],
    [
      { BIGCOMMERCE_STORE_HASH: 'abc', BIGCOMMERCE_ACCESS_TOKEN: 'tok', BIGCOMMERCE_API_URL: 'ftp://x' },
      'BIGCOMMERCE_API_URL',
    ],
    [{ UPSTREAM_TIMEOUT_MS: '5' }, 'UPSTREAM_TIMEOUT_MS'],
    [{ REDIS_URL: 'http://localhost' }, 'REDIS_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ WEBHOOK_SECRET: 'short' }, 'WEBHOOK_SECRET'],
  ])('refuses %o naming %s', (env, name) => {
    expect(() => readConfig(env)).toThrow(ConfigError);
    expect(() => readConfig(env)).toThrow(name);
  });

  it('never puts a secret value in its messages', () => {
    expect(() => readConfig({ WEBHOOK_SECRET: 'tiny' })).not.toThrow(/tiny/);
    expect(() =>
      readConfig({ BIGCOMMERCE_STORE_HASH: 'abc', BIGCOMMERCE_ACCESS_TOKEN: 'has space' }),
    ).not.toThrow(/has space/);
  });
});

function runCli(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['dist/cli.js', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const waitFor = (pattern: RegExp) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(output);
        if (match !== null) resolve(match);
      };
      child.stdout.on('data', check);
      child.stderr.on('data', check);
      void exited.then(() => reject(new Error(`exited before ${String(pattern)}: ${output}`)));
      check();
    });
  return { child, exited, waitFor, output: () => output };
}

describe('backorder-gateway start', () => {
  it('runs the emulator and the gateway on one command and answers Catalog, with GraphiQL served offline', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'start-')), 'store.db');
    const run = runCli(['start'], { PORT: '0', EMULATOR_PORT: '0', EMULATOR_DB: db, LOG_LEVEL: 'warn' });
    const [, graphqlUrl = ''] = await run.waitFor(/GraphiQL at (http:\/\/\S+)/);
    const response = await fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: operation('catalog.graphql'),
        operationName: 'Catalog',
        variables: { first: 3 },
      }),
    });
    const body = (await response.json()) as { data: { products: { edges: unknown[] } } };
    expect(body.data.products.edges).toHaveLength(3);
    const page = await fetch(graphqlUrl, { headers: { accept: 'text/html' } });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('YogaGraphiQL');
    expect(html).not.toMatch(/<script[^>]+src="https?:/);
    expect(html).not.toMatch(/<link[^>]+href="https?:/);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });

  it('stops with a message naming a bad variable', async () => {
    const run = runCli(['start'], { PORT: 'nope' });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('configuration error: PORT must be an integer');
  });
});

describe('persisted documents', () => {
  it('runs a document by id, and with persistedDocumentsOnly refuses any other', async () => {
    const { startStack } = await import('../helpers/gateway.js');
    const { loadPersistedDocuments } = await import('../../src/gateway/plugins/use-persisted-documents.js');
    const manifest = loadPersistedDocuments();
    const [orderId] = Object.entries(manifest).find(([, text]) => text.startsWith('query Order(')) ?? [];
    const stack = await startStack({ gateway: { persistedDocumentsOnly: true } });
    const post = async (body: unknown) => {
      const response = await fetch(stack.gateway.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return {
        status: response.status,
        body: (await response.json()) as {
          data?: unknown;
          errors?: { message: string; extensions?: { code?: string } }[];
        },
      };
    };
    const byId = await post({ documentId: orderId, variables: { entityId: 100 } });
    expect(byId.body.data).toMatchObject({ order: { entityId: 100 } });
    const adHoc = await post({ query: '{ locations { id } }' });
    expect(adHoc.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_DOCUMENT_REQUIRED');
    const unknown = await post({ documentId: 'nope', variables: {} });
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_DOCUMENT_NOT_FOUND');
  });
});

describe('backorder-gateway hooks sync', () => {
  it('registers the hooks with the configured store and says what it changed', async () => {
    const { createEmulator } = await import('../../src/emulator/create-emulator.js');
    const emulator = await createEmulator({ token: 'sync-token' });
    try {
      const env = {
        BIGCOMMERCE_STORE_HASH: 'abc123',
        BIGCOMMERCE_ACCESS_TOKEN: 'sync-token',
        BIGCOMMERCE_API_URL: emulator.url,
        WEBHOOK_SECRET: 'sync-secret-0123456789',
        PUBLIC_URL: 'https://gateway.example.com',
      };
      const first = runCli(['hooks', 'sync'], env);
      expect(await first.exited).toBe(0);
      expect(first.output()).toContain('hooks: created 3');
      const second = runCli(['hooks', 'sync'], env);
      expect(await second.exited).toBe(0);
      expect(second.output()).toContain('hooks: all 3 already in place');
      expect(first.output() + second.output()).not.toContain('sync-secret-0123456789');
    } finally {
      await emulator.stop();
    }
  });

  it('refuses to run without a store, a secret or a public URL', async () => {
    const noStore = runCli(['hooks', 'sync'], { BIGCOMMERCE_STORE_HASH: '', BIGCOMMERCE_ACCESS_TOKEN: '' });
    expect(await noStore.exited).toBe(1);
    expect(noStore.output()).toContain('hooks sync needs BIGCOMMERCE_STORE_HASH');
    const noUrl = runCli(['hooks', 'sync'], {
      BIGCOMMERCE_STORE_HASH: 'abc123',
      BIGCOMMERCE_ACCESS_TOKEN: 't',
      WEBHOOK_SECRET: 'sync-secret-0123456789',
      PUBLIC_URL: '',
    });
    expect(await noUrl.exited).toBe(1);
    expect(noUrl.output()).toContain('hooks sync needs PUBLIC_URL');
  });
});
