import type { ApiKeyEntry, AuthenticationOptions } from './gateway/auth/authenticator.js';
import { parsePublicKey } from './gateway/auth/authenticator.js';
import { isKnownScope } from './gateway/auth/viewer.js';

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
  /** `SWEEP_INTERVAL_MS`: time between reconciliation sweeps of the watched inventory; 0 turns them off. @default 60000 */
  readonly sweepIntervalMs: number;
  /** `HOOKS_SYNC_INTERVAL_MS`: time between periodic hook syncs (when hooks were synced at start); 0 turns them off. @default 300000 */
  readonly hooksSyncIntervalMs: number;
  /** `READ_BACK_RETRY_MAX_MS`: longest wait between attempts of a failed webhook read-back. @default 10000 */
  readonly readBackRetryMaxMs: number;
  /**
   * `CORS_ORIGINS`: comma-separated browser origins allowed to call (with credentials) and to open WebSockets.
   * With the embedded emulator, loopback origins are allowed too. @default none
   */
  readonly corsOrigins: readonly string[];
  /** Operation limits: `MAX_OPERATION_*`, `MAX_IDS_PER_LIST`, `MAX_UPSTREAM_CALLS`, `EXECUTION_TIMEOUT_MS`. */
  readonly limits: OperationLimits;
  /** `LOG_LEVEL`: debug, info, warn or error. @default info */
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
  /**
   * Client authentication from `AUTH_JWKS_URL` / `AUTH_JWT_SECRET` / `AUTH_JWT_PUBLIC_KEY` (one of them, with
   * `AUTH_ISSUER`, `AUTH_AUDIENCE`, `AUTH_CLOCK_SKEW_S`) and `AUTH_API_KEYS`. @default none (authentication off)
   */
  readonly auth: AuthenticationOptions | undefined;
  /**
   * `ALLOW_UNAUTHENTICATED`: lets the gateway run against a real store without client authentication; without it
   * `start` refuses to. @default false
   */
  readonly allowUnauthenticated: boolean;
  /** `GRAPHIQL`: serve GraphiQL. @default true with the emulator, false with a real store */
  readonly graphiql: boolean;
  /** `INTROSPECTION`: answer introspection and suggest field names. @default true with the emulator, false with a real store */
  readonly introspection: boolean;
  /**
   * `CLIENT_RATE_LIMIT` requests per client per `CLIENT_RATE_WINDOW_MS` (60000), shared through Redis when
   * `REDIS_URL` is set; `0` turns it off. @default off with the emulator, 600 with a real store
   */
  readonly clientRateLimit: { readonly limit: number; readonly windowMs: number } | undefined;
  /**
   * `RESPONSE_CACHE` (`on`, `off`; unset: on when the store's webhooks reach the gateway), `RESPONSE_CACHE_TTL_MS`
   * (60000) and `RESPONSE_CACHE_MAX_ENTRIES` (10000).
   */
  readonly responseCache: {
    readonly enabled: boolean | undefined;
    readonly ttlMs: number;
    readonly maxEntries: number;
  };
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

/** A boolean with a default that depends on the mode. */
function toggle(env: Env, name: string, fallback: boolean): boolean {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  return flag(env, name);
}

/** `on` or `off`; undefined when unset. */
function onOff(env: Env, name: string): boolean | undefined {
  const text = env[name];
  if (text === undefined || text === '') return undefined;
  if (text === 'on') return true;
  if (text === 'off') return false;
  throw new ConfigError(`${name} must be on or off, got "${text}"`);
}

/** Comma-separated values, or undefined when unset. */
function list(env: Env, name: string): string[] | undefined {
  const text = env[name];
  if (text === undefined || text === '') return undefined;
  const values = text
    .split(',')
    .map((value) => value.trim())
    .filter((value) => value !== '');
  if (values.length === 0) throw new ConfigError(`${name} must list at least one value`);
  return values;
}

/** `AUTH_API_KEYS`: `[{"name": "...", "sha256": "<64 hex>", "scopes": ["inventory:read", ...]}]`. */
function apiKeys(env: Env): ApiKeyEntry[] | undefined {
  const text = env['AUTH_API_KEYS'];
  if (text === undefined || text === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ConfigError('AUTH_API_KEYS must be a JSON array of {"name", "sha256", "scopes"}');
  }
  if (!Array.isArray(parsed) || parsed.length === 0)
    throw new ConfigError('AUTH_API_KEYS must be a non-empty JSON array of {"name", "sha256", "scopes"}');
  const names = new Set<string>();
  return parsed.map((entry: unknown, index): ApiKeyEntry => {
    const where = `AUTH_API_KEYS[${index}]`;
    if (typeof entry !== 'object' || entry === null) throw new ConfigError(`${where} must be an object`);
    const { name, sha256, scopes } = entry as Record<string, unknown>;
    if (typeof name !== 'string' || !/^[A-Za-z0-9_.:@-]{1,64}$/.test(name))
      throw new ConfigError(`${where}.name must be 1 to 64 letters, digits or _.:@-`);
    if (names.has(name)) throw new ConfigError(`${where}.name "${name}" is used twice`);
    names.add(name);
    if (typeof sha256 !== 'string' || !/^[0-9a-fA-F]{64}$/.test(sha256))
      throw new ConfigError(
        `${where}.sha256 must be 64 hex digits (backorder-gateway apikey hash <key>), not the key itself`,
      );
    if (!Array.isArray(scopes) || !scopes.every((scope) => typeof scope === 'string' && isKnownScope(scope)))
      throw new ConfigError(
        `${where}.scopes must be a list of inventory:read, inventory:write, orders:read, orders:write, events:subscribe, gateway:admin`,
      );
    return { name, sha256: sha256.toLowerCase(), scopes };
  });
}

function authentication(env: Env): AuthenticationOptions | undefined {
  const jwksUrl = url(env, 'AUTH_JWKS_URL', undefined, ['https:', 'http:']);
  const secret = env['AUTH_JWT_SECRET'] === '' ? undefined : env['AUTH_JWT_SECRET'];
  const publicKey = env['AUTH_JWT_PUBLIC_KEY'] === '' ? undefined : env['AUTH_JWT_PUBLIC_KEY'];
  const issuer = list(env, 'AUTH_ISSUER');
  const audience = list(env, 'AUTH_AUDIENCE');
  const clockSkewS = integer(env, 'AUTH_CLOCK_SKEW_S', 30, 0, 600);
  const keys = apiKeys(env);
  const sources = [jwksUrl, secret, publicKey].filter((source) => source !== undefined).length;
  if (sources > 1)
    throw new ConfigError('Set only one of AUTH_JWKS_URL, AUTH_JWT_SECRET and AUTH_JWT_PUBLIC_KEY');
  if (sources === 0 && (issuer !== undefined || audience !== undefined))
    throw new ConfigError(
      'AUTH_ISSUER and AUTH_AUDIENCE need AUTH_JWKS_URL, AUTH_JWT_SECRET or AUTH_JWT_PUBLIC_KEY',
    );
  if (secret !== undefined && Buffer.byteLength(secret) < 32)
    throw new ConfigError('AUTH_JWT_SECRET must be at least 32 bytes');
  if (publicKey !== undefined) {
    try {
      parsePublicKey(publicKey);
    } catch {
      throw new ConfigError('AUTH_JWT_PUBLIC_KEY must be a PEM (SPKI) RSA, EC or Ed25519 public key');
    }
  }
  // A key set is usually shared by many applications: its tokens must be checked for who issued them and for whom.
  if (jwksUrl !== undefined && (issuer === undefined || audience === undefined))
    throw new ConfigError('AUTH_JWKS_URL needs AUTH_ISSUER and AUTH_AUDIENCE');
  if (sources === 0 && keys === undefined) return undefined;
  return {
    ...(sources === 0
      ? {}
      : {
          jwt: {
            ...(jwksUrl === undefined ? {} : { jwksUrl }),
            ...(secret === undefined ? {} : { secret }),
            ...(publicKey === undefined ? {} : { publicKey }),
            ...(issuer === undefined ? {} : { issuer }),
            ...(audience === undefined ? {} : { audience }),
            clockSkewS,
          },
        }),
    ...(keys === undefined ? {} : { apiKeys: keys }),
  };
}

function rateLimit(env: Env, fallback: number): AppConfig['clientRateLimit'] {
  const limit = integer(env, 'CLIENT_RATE_LIMIT', fallback, 0, 1_000_000);
  const windowMs = integer(env, 'CLIENT_RATE_WINDOW_MS', 60_000, 1_000, 86_400_000);
  return limit === 0 ? undefined : { limit, windowMs };
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
    sweepIntervalMs: integer(env, 'SWEEP_INTERVAL_MS', 60_000, 0, 86_400_000),
    hooksSyncIntervalMs: integer(env, 'HOOKS_SYNC_INTERVAL_MS', 300_000, 0, 86_400_000),
    readBackRetryMaxMs: integer(env, 'READ_BACK_RETRY_MAX_MS', 10_000, 100, 30_000),
    corsOrigins: origins(env),
    limits: limits(env),
    logLevel: logLevel as AppConfig['logLevel'],
    auth: authentication(env),
    allowUnauthenticated: flag(env, 'ALLOW_UNAUTHENTICATED'),
    graphiql: toggle(env, 'GRAPHIQL', store.kind === 'emulator'),
    introspection: toggle(env, 'INTROSPECTION', store.kind === 'emulator'),
    clientRateLimit: rateLimit(env, store.kind === 'emulator' ? 0 : 600),
    responseCache: {
      enabled: onOff(env, 'RESPONSE_CACHE'),
      ttlMs: integer(env, 'RESPONSE_CACHE_TTL_MS', 60_000, 100, 86_400_000),
      maxEntries: integer(env, 'RESPONSE_CACHE_MAX_ENTRIES', 10_000, 1, 10_000_000),
    },
  };
}
