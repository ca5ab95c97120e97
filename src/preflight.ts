import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { isIP } from 'node:net';
import {
  UpstreamError,
  UpstreamHttpError,
  UpstreamNetworkError,
  UpstreamTimeoutError,
} from './upstream/errors.js';
import type { Transport } from './upstream/transport.js';

/**
 * Checks `npm start` and `hooks sync` make before they change anything, each ending in one message that says what
 * is wrong and what to do about it.
 */

/** A start that cannot succeed: the message names the setting to fix. */
export class PreflightError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PreflightError';
  }
}

function isAddressInUse(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'EADDRINUSE';
}

/** The message for a port that is taken, naming the variable that sets it. */
export function portInUseMessage(host: string, port: number, variable: string): string {
  return `port ${port} on ${host} is already in use (another backorder-gateway?): stop that process, or set ${variable} to a free port (${variable}=0 picks one)`;
}

/**
 * Rejects with a `PreflightError` when `port` cannot be bound on `host`, so that nothing else is started first.
 * Port 0 always succeeds.
 */
export async function assertPortFree(host: string, port: number, variable: string): Promise<void> {
  if (port === 0) return;
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', (error) =>
      reject(isAddressInUse(error) ? new PreflightError(portInUseMessage(host, port, variable)) : error),
    );
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}

/** Runs `start`, turning a port already in use into a `PreflightError` naming `variable`. */
export async function withPortMessage<T>(
  host: string,
  port: number,
  variable: string,
  start: () => Promise<T>,
): Promise<T> {
  try {
    return await start();
  } catch (error) {
    if (isAddressInUse(error)) throw new PreflightError(portInUseMessage(host, port, variable));
    throw error;
  }
}

/**
 * The webhook secret of the embedded emulator's database, kept beside it (`<db>.webhook-secret`, mode 0600) so that
 * hooks registered by an earlier run stay valid and a restart changes nothing. A database in memory gets a fresh one.
 */
export function emulatorWebhookSecret(db: string): string {
  if (db === ':memory:') return randomBytes(24).toString('hex');
  const file = `${db}.webhook-secret`;
  try {
    const kept = readFileSync(file, 'utf8').trim();
    if (/^[0-9a-f]{48}$/.test(kept)) return kept;
  } catch {
    // Not written yet.
  }
  const secret = randomBytes(24).toString('hex');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

function isLoopback(hostname: string): boolean {
  const bare = hostname.replace(/^\[|\]$/g, '');
  if (bare === 'localhost' || bare.endsWith('.localhost')) return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  return bare === '::1';
}

/**
 * BigCommerce delivers webhooks over https only; an http `PUBLIC_URL` is accepted for loopback addresses, where a
 * store emulator on the same machine posts.
 */
export function assertWebhookUrl(publicUrl: string): void {
  const url = new URL(publicUrl);
  if (url.protocol === 'https:' || isLoopback(url.hostname)) return;
  throw new PreflightError(
    `PUBLIC_URL must be https for a host other than this machine (BigCommerce delivers webhooks over https only), got "${publicUrl}"`,
  );
}

export type StoreCheck =
  | { readonly kind: 'ok' }
  /** The configuration is wrong: starting would only produce failing queries. */
  | { readonly kind: 'fatal'; readonly message: string }
  /** The store did not answer properly for now (5xx, 429, timeout, connection): worth trying again. */
  | { readonly kind: 'transient'; readonly message: string };

/** The OAuth scope each probed path needs (BigCommerce API accounts, "OAuth scopes"). */
const PROBES = [
  { path: '/v3/inventory/locations', scope: 'the Inventory scope (store_inventory)' },
  { path: '/v2/orders', scope: 'the Orders scope (store_v2_orders)' },
] as const;

/**
 * Probes the store with the configured credentials (two cheap reads, no retries) and says what to fix: 401 means
 * the token, 403 a missing OAuth scope, 404 the store hash or API URL. Only 5xx, 429 and failures to connect are
 * transient.
 */
export async function checkStore(
  transport: Transport,
  store: { readonly url: string; readonly storeHash: string },
): Promise<StoreCheck> {
  const host = new URL(store.url).host;
  const results = await Promise.all(
    PROBES.map(async (probe) => {
      try {
        await transport.request({
          method: 'GET',
          path: probe.path,
          query: { limit: '1' },
          idempotent: true,
        });
        return null;
      } catch (error) {
        return { probe, error };
      }
    }),
  );
  const failures = results.filter((result) => result !== null);
  for (const { probe, error } of failures) {
    if (!(error instanceof UpstreamHttpError)) continue;
    if (error.status === 401)
      return {
        kind: 'fatal',
        message: `the store at ${store.url} refused the access token (401 on GET ${probe.path}): set BIGCOMMERCE_ACCESS_TOKEN to the access token of an API account of store "${store.storeHash}"`,
      };
    if (error.status === 403)
      return {
        kind: 'fatal',
        message: `the API account of store "${store.storeHash}" lacks an OAuth scope (403 on GET ${probe.path} at ${host}): give it ${probe.scope}, or use an account that has it`,
      };
    if (error.status === 404)
      return {
        kind: 'fatal',
        message: `no store "${store.storeHash}" at ${host} (404 on GET ${probe.path}): check BIGCOMMERCE_STORE_HASH and BIGCOMMERCE_API_URL`,
      };
    if (error.status < 500 && error.status !== 429)
      return {
        kind: 'fatal',
        message: `the store at ${store.url} answered ${error.status} to GET ${probe.path}: check BIGCOMMERCE_API_URL`,
      };
  }
  const first = failures[0];
  if (first === undefined) return { kind: 'ok' };
  const { error } = first;
  let reason: string;
  if (error instanceof UpstreamHttpError) reason = `answered ${error.status}`;
  else if (error instanceof UpstreamTimeoutError) reason = `did not answer within ${error.timeoutMs} ms`;
  else if (error instanceof UpstreamNetworkError) {
    const code = /connection error: (\S+)/.exec(error.message)?.[1];
    reason = `could not be reached (${code ?? 'connection error'}${code === 'ENOTFOUND' ? ': check BIGCOMMERCE_API_URL' : ''})`;
  } else if (error instanceof UpstreamError) reason = error.message;
  else reason = error instanceof Error ? error.message : String(error);
  return { kind: 'transient', message: `the store at ${host} ${reason} to GET ${first.probe.path}` };
}
