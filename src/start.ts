import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError, type AppConfig } from './config.js';
import { createEmulator, type Emulator } from './emulator/create-emulator.js';
import { createGateway, type Gateway } from './gateway/create-gateway.js';
import { describeSync, syncHooks } from './gateway/hooks-sync.js';
import { createLogger } from './gateway/logger.js';
import {
  assertPortFree,
  assertWebhookUrl,
  checkStore,
  emulatorWebhookSecret,
  PreflightError,
  withPortMessage,
} from './preflight.js';
import { createTransport } from './upstream/transport.js';

export interface Running {
  readonly gateway: Gateway;
  readonly emulator: Emulator | undefined;
  stop(): Promise<void>;
}

export const WEBHOOK_PATH = '/webhooks/bigcommerce';

/** Longest wait between two checks of a store that did not answer at boot. */
const STORE_RETRY_MAX_MS = 30_000;

/**
 * `npm start`: the gateway against the configured BigCommerce store, or, when none is configured, against the
 * embedded emulator (demo seed, file database) started first. Hooks are synced when a webhook secret is known
 * (always with the emulator, whose secret is kept beside its database).
 *
 * A real store's credentials are checked first: a refusal (401, 403, 404) stops the start with what to fix; an
 * outage (5xx, timeout) starts the gateway unready (`/readyz` 503) and checks again with backoff until it answers.
 */
export async function startFromConfig(config: AppConfig, print: (line: string) => void): Promise<Running> {
  // Nothing is started while the gateway's own port is taken.
  await assertPortFree(config.host, config.port, 'PORT');
  let emulator: Emulator | undefined;
  let storeUrl: string;
  let accessToken: string;
  let webhookSecret = config.webhookSecret;
  // The mode follows the target: a real store's data is never served to unauthenticated clients by accident.
  if (config.store.kind === 'bigcommerce' && config.auth === undefined && !config.allowUnauthenticated)
    throw new ConfigError(
      'A real store needs client authentication: set AUTH_JWKS_URL (with AUTH_ISSUER and AUTH_AUDIENCE), AUTH_JWT_SECRET, AUTH_JWT_PUBLIC_KEY or AUTH_API_KEYS, or ALLOW_UNAUTHENTICATED=true to run without it',
    );
  if (config.store.kind === 'emulator') {
    // A fresh token per run: only this process talks to its emulator. Neither token nor secret is ever printed.
    accessToken = randomBytes(24).toString('hex');
    if (config.store.db !== ':memory:') mkdirSync(dirname(config.store.db), { recursive: true });
    webhookSecret ??= emulatorWebhookSecret(config.store.db);
    const { port, db } = config.store;
    emulator = await withPortMessage('127.0.0.1', port, 'EMULATOR_PORT', () =>
      createEmulator({ port, host: '127.0.0.1', db, token: accessToken, seed: 'demo', log: print }),
    );
    storeUrl = emulator.storeUrl;
    print(`store emulator: ${emulator.storeUrl} (database ${config.store.db})`);
  } else {
    accessToken = config.store.accessToken;
    storeUrl = `${config.store.apiUrl}/stores/${config.store.storeHash}`;
    print(`store: ${storeUrl}`);
  }
  const logger = createLogger({
    level: config.logLevel,
    secrets: [
      accessToken,
      ...(webhookSecret === undefined ? [] : [webhookSecret]),
      ...(config.auth?.jwt?.secret === undefined ? [] : [config.auth.jwt.secret]),
    ],
  });
  const probe = createTransport({
    baseUrl: storeUrl,
    accessToken,
    timeoutMs: config.upstreamTimeoutMs,
    retries: 0,
    rateLimitRetries: 0,
  });
  const storeHash = config.store.kind === 'bigcommerce' ? config.store.storeHash : '';
  let storeReady = true;
  if (config.store.kind === 'bigcommerce') {
    const check = await checkStore(probe, { url: storeUrl, storeHash });
    if (check.kind === 'fatal') {
      await probe.close();
      throw new PreflightError(check.message);
    }
    if (check.kind === 'transient') {
      storeReady = false;
      print(`${check.message}: starting unready (/readyz answers 503) and checking again`);
    }
  }
  // Caching is safe when the store's webhooks reach the gateway (registered with the embedded emulator, or with a
  // public address and a secret): otherwise a change made at the store would be seen only after the ttl.
  const receivesWebhooks =
    webhookSecret !== undefined && (config.store.kind === 'emulator' || config.publicUrl !== undefined);
  const responseCache = config.responseCache.enabled ?? receivesWebhooks;
  let gateway: Gateway;
  try {
    gateway = await withPortMessage(config.host, config.port, 'PORT', () =>
      createGateway({
        storeUrl,
        accessToken,
        port: config.port,
        host: config.host,
        upstreamTimeoutMs: config.upstreamTimeoutMs,
        logger,
        isReady: () => storeReady,
        ...(webhookSecret === undefined ? {} : { webhookSecret }),
        ...(config.redisUrl === undefined
          ? {}
          : { redisUrl: config.redisUrl, redisPrefix: config.redisPrefix }),
        persistedDocumentsOnly: config.persistedDocumentsOnly,
        corsOrigins: config.corsOrigins,
        // The demo serves pages on this machine (GraphiQL, local frontends); a real store's gateway lists its origins.
        corsAllowLoopback: config.store.kind === 'emulator',
        limits: config.limits,
        ...(config.auth === undefined ? {} : { auth: config.auth }),
        graphiql: config.graphiql,
        introspection: config.introspection,
        fieldSuggestions: config.introspection,
        ...(config.clientRateLimit === undefined ? {} : { clientRateLimit: config.clientRateLimit }),
        sweepIntervalMs: config.sweepIntervalMs,
        readBackRetryMaxMs: config.readBackRetryMaxMs,
        responseCache: responseCache && {
          ttlMs: config.responseCache.ttlMs,
          maxEntries: config.responseCache.maxEntries,
        },
      }),
    );
  } catch (error) {
    await probe.close();
    await emulator?.stop();
    throw error;
  }
  print(
    config.auth === undefined
      ? `authentication is off: any client can read and write the ${config.store.kind === 'emulator' ? 'demo store' : 'store (ALLOW_UNAUTHENTICATED=true)'}`
      : `authentication is on: ${[
          config.auth.jwt === undefined ? null : 'JWT bearer tokens',
          config.auth.apiKeys === undefined ? null : `${config.auth.apiKeys.length} API key(s)`,
        ]
          .filter((part) => part !== null)
          .join(' and ')}`,
  );
  print(
    responseCache
      ? `response cache: on (${config.redisUrl === undefined ? `in memory, ${config.responseCache.maxEntries} answers` : 'in Redis'}, ttl ${config.responseCache.ttlMs} ms)${receivesWebhooks ? '' : '; no webhooks reach this gateway, so changes made at the store show after the ttl'}`
      : 'response cache: off',
  );
  // The emulator reaches the gateway directly; a real store needs the public (https) address.
  const base = config.store.kind === 'emulator' ? gateway.url : config.publicUrl;
  const sync = async (): Promise<void> => {
    if (webhookSecret === undefined || base === undefined) return;
    const transport = createTransport({ baseUrl: storeUrl, accessToken });
    try {
      assertWebhookUrl(base);
      print(describeSync(await syncHooks(transport, `${base}${WEBHOOK_PATH}`, webhookSecret)));
      // Kept in place from now on: a hook the store deactivates is reactivated, then a sweep catches up.
      if (config.hooksSyncIntervalMs > 0)
        gateway.events.reconciler.watchHooks({
          destination: `${base}${WEBHOOK_PATH}`,
          secret: webhookSecret,
          intervalMs: config.hooksSyncIntervalMs,
        });
    } catch (error) {
      logger.warn('hook sync failed; live events need the hooks', {
        error: error instanceof Error ? error.message : String(error),
      });
    } finally {
      await transport.close();
    }
  };
  if (webhookSecret === undefined) {
    print(
      'WEBHOOK_SECRET is not set: webhooks are refused and live events only show changes made through this gateway',
    );
  } else if (base === undefined) {
    print('PUBLIC_URL is not set: hooks were not synced (run "backorder-gateway hooks sync" once it is)');
  } else if (storeReady) {
    await sync();
  }
  let retry: NodeJS.Timeout | undefined;
  let stopped = false;
  const checkAgain = (delayMs: number): void => {
    retry = setTimeout(() => {
      void checkStore(probe, { url: storeUrl, storeHash }).then(async (check) => {
        if (stopped) return;
        if (check.kind === 'ok') {
          storeReady = true;
          print(`the store answers: backorder-gateway ready at ${gateway.graphqlUrl}`);
          await sync();
          return;
        }
        if (check.kind === 'fatal') logger.error('store check failed', { error: check.message });
        else logger.warn('store still unavailable', { error: check.message });
        checkAgain(Math.min(delayMs * 2, STORE_RETRY_MAX_MS));
      });
    }, delayMs);
  };
  if (!storeReady) checkAgain(1000);
  print(`metrics: ${gateway.metricsUrl} (Prometheus); start page: ${gateway.url}/`);
  print(
    `backorder-gateway ${storeReady ? 'ready' : 'started (unready until the store answers)'}: ${
      config.graphiql
        ? `GraphiQL at ${gateway.graphqlUrl}`
        : `${gateway.graphqlUrl} (GraphiQL off; GRAPHIQL=true serves it)`
    }`,
  );
  return {
    gateway,
    emulator,
    async stop() {
      stopped = true;
      clearTimeout(retry);
      await gateway.stop();
      await probe.close();
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
  assertWebhookUrl(config.publicUrl);
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
