import { Redis } from 'ioredis';
import type { Logger } from '../logger.js';

/** What health detail reports about Redis. */
export interface RedisHealth {
  readonly status: 'ready' | 'down';
  /** When the status last changed (ms since epoch). */
  readonly since: number;
  /** The last connection error while down, without server internals. */
  readonly lastError: string | null;
}

export interface RedisConnectionOptions {
  /** `redis://host:port/db`. */
  readonly url: string;
  /** ioredis connection errors and state changes are logged here, so every line stays JSON. */
  readonly logger: Logger;
  /** Time limit of one command; a command that hangs fails over to the local outboxes. @default 2000 */
  readonly commandTimeoutMs?: number;
  /** Longest wait between reconnection attempts. @default 1000 */
  readonly maxReconnectDelayMs?: number;
}

/**
 * The gateway's two Redis connections: `client` for commands, `reader` for the blocking stream read. Commands sent
 * while Redis is unreachable fail at once (no offline queue), so callers fall back to their local outboxes instead
 * of hanging; both connections reconnect on their own. Connection errors go through the logger, once per outage
 * and then at most every 30 s, never as ioredis's "Unhandled error event" lines.
 */
export interface RedisConnection {
  readonly client: Redis;
  readonly reader: Redis;
  health(): RedisHealth;
  /** Calls `listener` each time the command connection becomes ready again after an outage. */
  onReady(listener: () => void): () => void;
  close(): Promise<void>;
}

export async function createRedisConnection(options: RedisConnectionOptions): Promise<RedisConnection> {
  const { logger } = options;
  const maxDelay = options.maxReconnectDelayMs ?? 1000;
  const common = {
    lazyConnect: true,
    retryStrategy: (times: number) => Math.min(maxDelay, 50 * 2 ** Math.min(times, 10)),
  };
  const client = new Redis(options.url, {
    ...common,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: options.commandTimeoutMs ?? 2000,
  });
  const reader = new Redis(options.url, { ...common, maxRetriesPerRequest: null });
  let health: RedisHealth = { status: 'ready', since: Date.now(), lastError: null };
  let lastLogged = 0;
  const readyListeners = new Set<() => void>();
  let closing = false;

  const onError = (connection: string) => (error: Error) => {
    if (closing) return;
    const message = describeRedisError(error);
    if (connection === 'client' && health.status === 'ready')
      health = { status: 'down', since: Date.now(), lastError: message };
    else if (connection === 'client') health = { ...health, lastError: message };
    if (Date.now() - lastLogged >= 30_000) {
      lastLogged = Date.now();
      logger.warn('redis unreachable; events wait in local outboxes', { connection, error: message });
    }
  };
  client.on('error', onError('client'));
  reader.on('error', onError('reader'));
  client.on('close', () => {
    if (!closing && health.status === 'ready')
      health = { status: 'down', since: Date.now(), lastError: 'connection closed' };
  });
  client.on('ready', () => {
    if (health.status === 'down') {
      logger.info('redis reachable again', { downMs: Date.now() - health.since });
      lastLogged = 0;
    }
    health = { status: 'ready', since: Date.now(), lastError: null };
    for (const listener of readyListeners) listener();
  });
  try {
    await Promise.all([client.connect(), reader.connect()]);
  } catch (error) {
    // Stop reconnecting so that a gateway that cannot start exits; the URL may carry a password.
    closing = true;
    client.disconnect();
    reader.disconnect();
    throw new Error(`Redis (REDIS_URL) is unreachable at start: ${describeRedisError(error)}`);
  }
  return {
    client,
    reader,
    health: () => health,
    onReady(listener) {
      readyListeners.add(listener);
      return () => readyListeners.delete(listener);
    },
    async close() {
      closing = true;
      readyListeners.clear();
      reader.disconnect();
      await client.quit().catch(() => client.disconnect());
    },
  };
}

/** A short description of a Redis failure: its code or first line, never a stack. */
export function describeRedisError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  const first = error.message.split('\n')[0] ?? error.name;
  return typeof code === 'string' && !first.includes(code) ? `${code}: ${first}` : first;
}
