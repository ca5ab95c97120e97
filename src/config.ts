/**
 * The only reader of `process.env`. Every variable is validated at boot; a bad value stops the process with a
 * message naming the variable (and its value, unless it is a secret).
 */

import { DEFAULT_OPERATION_LIMITS, type OperationLimits } from './gateway/plugins/use-operation-limits.js';

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export type StoreTarget =
  /** No store configured: `npm start` runs the embedded emulator. */
  | { readonly kind: 'emulator'; readonly port: number; readonly db: string }
  | {
      readonly kind: 'bigcommerce';
      readonly storeHash: string;
      readonly accessToken: string;
      readonly apiUrl: string;
    };

export interface AppConfig {
  /** `PORT`: the gateway's HTTP and WebSocket port. @default 4000 */
  readonly port: number;
  /** `HOST`: interface to bind. @default 127.0.0.1 */
  readonly host: string;
  /** `BIGCOMMERCE_STORE_HASH` + `BIGCOMMERCE_ACCESS_TOKEN` (+ `BIGCOMMERCE_API_URL`), or the emulator. */
  readonly store: StoreTarget;
  /** `UPSTREAM_TIMEOUT_MS`: time limit of one upstream attempt. @default 10000 */
  readonly upstreamTimeoutMs: number;
  /**
   * `PUBLIC_URL`: where BigCommerce reaches this gateway; with a real store, hooks are synced at start only when it
   * is set. @default none
   */
  readonly publicUrl: string | undefined;
  /** `WEBHOOK_SECRET`: the secret header value hooks are registered with. @default none */
  readonly webhookSecret: string | undefined;
  /** `REDIS_URL`: shares events and state between replicas. @default none (one process, in memory) */
  readonly redisUrl: string | undefined;
  /** `REDIS_PREFIX`: prefix of the gateway's Redis keys, to share one Redis between deployments. @default backorder-gateway */
  readonly redisPrefix: string;
  /** `PERSISTED_DOCUMENTS_ONLY`: run only the documents of operations/ (sent by `documentId`). @default false */
  readonly persistedDocumentsOnly: boolean;
  /**
   * `CORS_ORIGINS`: comma-separated browser origins allowed to call (with credentials) and to open WebSockets.
   * With the embedded emulator, loopback origins are allowed too. @default none
   */
  readonly corsOrigins: readonly string[];
  /** Operation limits: `MAX_OPERATION_*`, `MAX_IDS_PER_LIST`, `MAX_UPSTREAM_CALLS`, `EXECUTION_TIMEOUT_MS`. */
  readonly limits: OperationLimits;
  /** `LOG_LEVEL`: debug, info, warn or error. @default info */
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
}

type Env = Readonly<Record<string, string | undefined>>;

function origins(env: Env): string[] {
  const text = env['CORS_ORIGINS'] ?? '';
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map((item) => {
      let origin: string | undefined;
      try {
        origin = new URL(item).origin;
      } catch {
        origin = undefined;
      }
      if (origin === undefined || origin === 'null' || origin !== item.replace(/\/$/, ''))
        throw new ConfigError(
          `CORS_ORIGINS must list origins such as https://admin.example.com, got "${item}"`,
        );
      return origin;
    });
}

function limits(env: Env): OperationLimits {
  const d = DEFAULT_OPERATION_LIMITS;
  return {
    maxDepth: integer(env, 'MAX_OPERATION_DEPTH', d.maxDepth, 1, 1000),
    maxAliases: integer(env, 'MAX_OPERATION_ALIASES', d.maxAliases, 0, 100_000),
    maxRootFields: integer(env, 'MAX_OPERATION_ROOT_FIELDS', d.maxRootFields, 1, 100_000),
    maxDirectives: integer(env, 'MAX_OPERATION_DIRECTIVES', d.maxDirectives, 0, 100_000),
    maxTokens: integer(env, 'MAX_OPERATION_TOKENS', d.maxTokens, 10, 10_000_000),
    maxCost: integer(env, 'MAX_OPERATION_COST', d.maxCost, 1, 1_000_000_000),
    maxIdsPerList: integer(env, 'MAX_IDS_PER_LIST', d.maxIdsPerList, 1, 100_000),
    maxUpstreamCalls: integer(env, 'MAX_UPSTREAM_CALLS', d.maxUpstreamCalls, 1, 100_000),
    executionTimeoutMs: integer(env, 'EXECUTION_TIMEOUT_MS', d.executionTimeoutMs, 10, 600_000),
  };
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${text}"`);
  }
  return value;
}

function url(
  env: Env,
  name: string,
  fallback: string | undefined,
  protocols: readonly string[],
): string | undefined {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    throw new ConfigError(`${name} must be an absolute URL, got "${text}"`);
  }
  if (!protocols.includes(parsed.protocol))
    throw new ConfigError(`${name} must use ${protocols.join(' or ')}, got "${parsed.protocol}"`);
  return text.replace(/\/+$/, '');
}

function flag(env: Env, name: string): boolean {
  const text = env[name];
  if (text === undefined || text === '' || text === 'false' || text === '0') return false;
  if (text === 'true' || text === '1') return true;
  throw new ConfigError(`${name} must be true or false, got "${text}"`);
}

function prefix(env: Env): string {
  const text = env['REDIS_PREFIX'] ?? 'backorder-gateway';
  if (!/^[A-Za-z0-9_.:-]{1,64}$/.test(text))
    throw new ConfigError(`REDIS_PREFIX must be 1 to 64 letters, digits or _.:-, got "${text}"`);
  return text;
}

export function readConfig(env: Env = process.env): AppConfig {
  const port = integer(env, 'PORT', 4000, 0, 65_535);
  const host = env['HOST'] ?? '127.0.0.1';
  const storeHash = env['BIGCOMMERCE_STORE_HASH'];
  const accessToken = env['BIGCOMMERCE_ACCESS_TOKEN'];
  let store: StoreTarget;
  if ((storeHash ?? '') === '' && (accessToken ?? '') === '') {
    store = {
      kind: 'emulator',
      port: integer(env, 'EMULATOR_PORT', 4010, 0, 65_535),
      db: env['EMULATOR_DB'] ?? './data/store.db',
    };
  } else {
    if (storeHash === undefined || storeHash === '')
      throw new ConfigError('BIGCOMMERCE_STORE_HASH is required when BIGCOMMERCE_ACCESS_TOKEN is set');
    if (accessToken === undefined || accessToken === '')
      throw new ConfigError('BIGCOMMERCE_ACCESS_TOKEN is required when BIGCOMMERCE_STORE_HASH is set');
    if (!/^[a-z0-9]+$/.test(storeHash))
      throw new ConfigError(
        `BIGCOMMERCE_STORE_HASH must be lowercase letters and digits, got "${storeHash}"`,
      );
    if (/\s/.test(accessToken))
      throw new ConfigError('BIGCOMMERCE_ACCESS_TOKEN must not contain white space');
    store = {
      kind: 'bigcommerce',
      storeHash,
      accessToken,
      apiUrl: url(env, 'BIGCOMMERCE_API_URL', 'https://api.bigcommerce.com', ['https:', 'http:']) ?? '',
    };
  }
  const logLevel = env['LOG_LEVEL'] ?? 'info';
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel))
    throw new ConfigError(`LOG_LEVEL must be debug, info, warn or error, got "${logLevel}"`);
  const secret = env['WEBHOOK_SECRET'];
  if (secret !== undefined && secret !== '' && secret.length < 16)
    throw new ConfigError('WEBHOOK_SECRET must be at least 16 characters');
  return {
    port,
    host,
    store,
    upstreamTimeoutMs: integer(env, 'UPSTREAM_TIMEOUT_MS', 10_000, 100, 120_000),
    publicUrl: url(env, 'PUBLIC_URL', undefined, ['https:', 'http:']),
    webhookSecret: secret === '' ? undefined : secret,
    redisUrl: url(env, 'REDIS_URL', undefined, ['redis:', 'rediss:']),
    redisPrefix: prefix(env),
    persistedDocumentsOnly: flag(env, 'PERSISTED_DOCUMENTS_ONLY'),
    corsOrigins: origins(env),
    limits: limits(env),
    logLevel: logLevel as AppConfig['logLevel'],
  };
}
