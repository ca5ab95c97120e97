import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AppConfig } from './config.js';
import { createEmulator, type Emulator } from './emulator/create-emulator.js';
import { createGateway, type Gateway } from './gateway/create-gateway.js';
import { describeSync, syncHooks } from './gateway/hooks-sync.js';
import { createLogger } from './gateway/logger.js';
import { createTransport } from './upstream/transport.js';

export interface Running {
  readonly gateway: Gateway;
  readonly emulator: Emulator | undefined;
  stop(): Promise<void>;
}

export const WEBHOOK_PATH = '/webhooks/bigcommerce';

/**
 * `npm start`: the gateway against the configured BigCommerce store, or, when none is configured, against the
 * embedded emulator (demo seed, file database) started first. Hooks are synced when a webhook secret is known
 * (always with the emulator, which gets a fresh one per run).
 */
export async function startFromConfig(config: AppConfig, print: (line: string) => void): Promise<Running> {
  let emulator: Emulator | undefined;
  let storeUrl: string;
  let accessToken: string;
  let webhookSecret = config.webhookSecret;
  if (config.store.kind === 'emulator') {
    // A fresh token and secret per run: only this process talks to its emulator, and neither is ever printed.
    accessToken = randomBytes(24).toString('hex');
    webhookSecret ??= randomBytes(24).toString('hex');
    if (config.store.db !== ':memory:') mkdirSync(dirname(config.store.db), { recursive: true });
    emulator = await createEmulator({
      port: config.store.port,
      host: '127.0.0.1',
      db: config.store.db,
      token: accessToken,
      seed: 'demo',
      log: print,
    });
    storeUrl = emulator.storeUrl;
    print(`store emulator: ${emulator.storeUrl} (database ${config.store.db})`);
  } else {
    accessToken = config.store.accessToken;
    storeUrl = `${config.store.apiUrl}/stores/${config.store.storeHash}`;
    print(`store: ${storeUrl}`);
  }
  const logger = createLogger({
    level: config.logLevel,
    secrets: [accessToken, ...(webhookSecret === undefined ? [] : [webhookSecret])],
  });
  const gateway = await createGateway({
    storeUrl,
    accessToken,
    port: config.port,
    host: config.host,
    upstreamTimeoutMs: config.upstreamTimeoutMs,
    logger,
    ...(webhookSecret === undefined ? {} : { webhookSecret }),
    ...(config.redisUrl === undefined ? {} : { redisUrl: config.redisUrl, redisPrefix: config.redisPrefix }),
    persistedDocumentsOnly: config.persistedDocumentsOnly,
    corsOrigins: config.corsOrigins,
    // The demo serves pages on this machine (GraphiQL, local frontends); a real store's gateway lists its origins.
    corsAllowLoopback: config.store.kind === 'emulator',
    limits: config.limits,
  });
  // The emulator reaches the gateway directly; a real store needs the public (https) address.
  const base = config.store.kind === 'emulator' ? gateway.url : config.publicUrl;
  if (webhookSecret !== undefined && base !== undefined) {
    const transport = createTransport({ baseUrl: storeUrl, accessToken });
    try {
      print(describeSync(await syncHooks(transport, `${base}${WEBHOOK_PATH}`, webhookSecret)));
    } catch (error) {
      logger.warn('hook sync failed; live events need the hooks', {
        error: error instanceof Error ? error.message : String(error),
      });
    } finally {
      await transport.close();
    }
  } else if (webhookSecret === undefined) {
    print(
      'WEBHOOK_SECRET is not set: webhooks are refused and live events only show changes made through this gateway',
    );
  } else {
    print('PUBLIC_URL is not set: hooks were not synced (run "backorder-gateway hooks sync" once it is)');
  }
  print(`backorder-gateway ready: GraphiQL at ${gateway.graphqlUrl}`);
  return {
    gateway,
    emulator,
    async stop() {
      await gateway.stop();
      await emulator?.stop();
    },
  };
}

/** `backorder-gateway hooks sync`: registers the gateway's hooks with the configured store. */
export async function syncHooksFromConfig(config: AppConfig, print: (line: string) => void): Promise<void> {
  if (config.store.kind !== 'bigcommerce')
    throw new Error(
      'hooks sync needs BIGCOMMERCE_STORE_HASH and BIGCOMMERCE_ACCESS_TOKEN (npm start syncs the emulator itself)',
    );
  if (config.webhookSecret === undefined) throw new Error('hooks sync needs WEBHOOK_SECRET');
  if (config.publicUrl === undefined)
    throw new Error('hooks sync needs PUBLIC_URL, the https address BigCommerce posts to');
  const transport = createTransport({
    baseUrl: `${config.store.apiUrl}/stores/${config.store.storeHash}`,
    accessToken: config.store.accessToken,
  });
  try {
    print(
      describeSync(await syncHooks(transport, `${config.publicUrl}${WEBHOOK_PATH}`, config.webhookSecret)),
    );
  } finally {
    await transport.close();
  }
}
