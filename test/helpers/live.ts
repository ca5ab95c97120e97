import { createClient, type Client } from 'graphql-ws';
import { afterAll } from 'vitest';
import WebSocket from 'ws';
import type { EmulatorOptions } from '../../src/emulator/options.js';
import type { GatewayOptions } from '../../src/gateway/create-gateway.js';
import { syncHooks } from '../../src/gateway/hooks-sync.js';
import { createTransport } from '../../src/upstream/transport.js';
import { TOKEN } from './emulator.js';
import { startStack, type Stack } from './gateway.js';

export const SECRET = 'test-webhook-secret-0123456789';

/** A stack whose emulator delivers webhooks to the gateway, with the gateway's hooks registered. */
export async function startLiveStack(
  options: { emulator?: EmulatorOptions; gateway?: Partial<GatewayOptions> } = {},
): Promise<Stack> {
  const stack = await startStack({
    emulator: options.emulator ?? {},
    gateway: { webhookSecret: SECRET, refetchWindowMs: 20, ...options.gateway },
  });
  const transport = createTransport({ baseUrl: stack.emulator.storeUrl, accessToken: TOKEN });
  await syncHooks(transport, `${stack.gateway.url}/webhooks/bigcommerce`, SECRET);
  await transport.close();
  return stack;
}

export interface Received<T> {
  readonly values: T[];
  readonly errors: unknown[];
  completed: boolean;
  /** Resolves once `count` values arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<T[]>;
  dispose(): void;
}

function collector<T>(dispose: () => void): Received<T> & { push(value: T): void } {
  const waiters: { count: number; resolve: () => void }[] = [];
  const received = {
    values: [] as T[],
    errors: [] as unknown[],
    completed: false,
    push(value: T) {
      received.values.push(value);
      for (const waiter of waiters.filter((candidate) => received.values.length >= candidate.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    },
    waitFor(count: number, timeoutMs = 10_000) {
      if (received.values.length >= count) return Promise.resolve(received.values);
      return new Promise<T[]>((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(
                `expected ${count} values, got ${received.values.length}: ${JSON.stringify(received.values)} ${JSON.stringify(received.errors)}`,
              ),
            ),
          timeoutMs,
        );
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve(received.values);
          },
        });
      });
    },
    dispose,
  };
  return received;
}

/** A graphql-ws client for `url` (http is turned into ws), closed after the suite. */
export function wsClient(httpUrl: string, options: { lazy?: boolean; retryAttempts?: number } = {}): Client {
  const client = createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    lazy: options.lazy ?? true,
    retryAttempts: options.retryAttempts ?? 0,
  });
  afterAll(() => client.dispose());
  return client;
}

/** Subscribes over graphql-ws and collects `data[field]` of every value. */
export function subscribeWs<T>(
  client: Client,
  query: string,
  variables: Record<string, unknown>,
  field: string,
): Received<T> {
  let dispose: () => void = () => undefined;
  const received = collector<T>(() => dispose());
  dispose = client.subscribe<Record<string, T>>(
    { query, variables },
    {
      next: (value) => {
        if (value.errors !== undefined) received.errors.push(...value.errors);
        const data = value.data?.[field];
        if (data !== undefined) received.push(data);
      },
      error: (error) => received.errors.push(error),
      complete: () => {
        received.completed = true;
      },
    },
  );
  return received;
}

/** Subscribes over Server-Sent Events (GET with `Accept: text/event-stream`). */
export function subscribeSse<T>(
  graphqlUrl: string,
  query: string,
  variables: Record<string, unknown>,
  field: string,
): Received<T> {
  const abort = new AbortController();
  const received = collector<T>(() => abort.abort());
  const url = `${graphqlUrl}?query=${encodeURIComponent(query)}&variables=${encodeURIComponent(JSON.stringify(variables))}`;
  void (async () => {
    try {
      const response = await fetch(url, { headers: { accept: 'text/event-stream' }, signal: abort.signal });
      const reader = response.body?.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const chunk = await reader?.read();
        if (chunk === undefined || chunk.done) break;
        buffer += decoder.decode(chunk.value, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block
            .split('\n')
            .filter((line) => line.startsWith('data:'))
            .map((line) => line.slice(5).trim())
            .join('');
          if (block.includes('event: complete')) received.completed = true;
          else if (data !== '') {
            const parsed = JSON.parse(data) as { data?: Record<string, T>; errors?: unknown[] };
            if (parsed.errors !== undefined) received.errors.push(...parsed.errors);
            const value = parsed.data?.[field];
            if (value !== undefined) received.push(value);
          }
          end = buffer.indexOf('\n\n');
        }
      }
      received.completed = true;
    } catch (error) {
      if (!abort.signal.aborted) received.errors.push(error);
    }
  })();
  afterAll(() => abort.abort());
  return received;
}

/** Posts a webhook envelope to the gateway as BigCommerce would. */
export async function postWebhook(
  gatewayUrl: string,
  envelope: unknown,
  secret: string | null = SECRET,
  raw?: string,
) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (secret !== null) headers['x-webhook-secret'] = secret;
  return fetch(`${gatewayUrl}/webhooks/bigcommerce`, {
    method: 'POST',
    headers,
    body: raw ?? JSON.stringify(envelope),
  });
}

export function envelope(kind: string, data: Record<string, number>, hash: string) {
  return {
    scope: `store/channel/1/inventory/product/${kind}`,
    store_id: '1000001',
    data,
    hash,
    created_at: Math.floor(Date.now() / 1000),
    producer: 'stores/abc123',
  };
}
