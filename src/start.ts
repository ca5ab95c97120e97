import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AppConfig } from './config.js';
import { createEmulator, type Emulator } from './emulator/create-emulator.js';
import { createGateway, type Gateway } from './gateway/create-gateway.js';
import { createLogger } from './gateway/logger.js';

export interface Running {
  readonly gateway: Gateway;
  readonly emulator: Emulator | undefined;
  stop(): Promise<void>;
}

/**
 * `npm start`: the gateway against the configured BigCommerce store, or, when none is configured, against the
 * embedded emulator (demo seed, file database) started first.
 */
export async function startFromConfig(config: AppConfig, print: (line: string) => void): Promise<Running> {
  let emulator: Emulator | undefined;
  let storeUrl: string;
  let accessToken: string;
  if (config.store.kind === 'emulator') {
    // A fresh token per run: only this process talks to its emulator, and the token is never printed.
    accessToken = randomBytes(24).toString('hex');
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
    secrets: [accessToken, ...(config.webhookSecret === undefined ? [] : [config.webhookSecret])],
  });
  const gateway = await createGateway({
    storeUrl,
    accessToken,
    port: config.port,
    host: config.host,
    upstreamTimeoutMs: config.upstreamTimeoutMs,
    logger,
  });
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
