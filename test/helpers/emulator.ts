import { afterAll } from 'vitest';
import { createEmulator, type Emulator } from '../../src/emulator/create-emulator.js';
import type { EmulatorOptions } from '../../src/emulator/options.js';
import type { RequestLogEntry } from '../../src/emulator/create-emulator.js';

export const TOKEN = 'test-token';

/** Starts an emulator on port 0 that is stopped after the suite. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const emulator = await createEmulator({ token: TOKEN, ...options });
  afterAll(() => emulator.stop());
  return emulator;
}

export interface ApiResponse {
  readonly status: number;
  readonly headers: Headers;
  /** Parsed JSON, or the raw text when the body is not JSON, or undefined when empty. */
  readonly body: unknown;
}

export interface CallOptions {
  readonly body?: unknown;
  /** Sent as the body verbatim instead of JSON-encoding `body`. */
  readonly raw?: string;
  readonly headers?: Record<string, string>;
  readonly token?: string | null;
}

/** Calls a store path (`/v3/...`, `/v2/...`, `/graphql`) as a BigCommerce client would. */
export async function call(
  emulator: Emulator,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<ApiResponse> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.token !== null) headers['x-auth-token'] = options.token ?? TOKEN;
  let payload: string | undefined = options.raw;
  if (options.body !== undefined) payload = JSON.stringify(options.body);
  if (payload !== undefined) headers['content-type'] ??= 'application/json';
  const response = await fetch(`${emulator.storeUrl}${path}`, {
    method,
    headers,
    ...(payload === undefined ? {} : { body: payload }),
  });
  const text = await response.text();
  let body: unknown;
  if (text !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return { status: response.status, headers: response.headers, body };
}

/** Reads the emulator's request log after `since`. */
export async function requestsSince(emulator: Emulator, since = 0): Promise<RequestLogEntry[]> {
  const response = await fetch(`${emulator.url}/_emulator/requests?since=${since}`);
  const body = (await response.json()) as { requests: RequestLogEntry[] };
  return body.requests;
}

export async function lastSeq(emulator: Emulator): Promise<number> {
  const response = await fetch(`${emulator.url}/_emulator/health`);
  return ((await response.json()) as { requests: number }).requests;
}

export async function addFault(
  emulator: Emulator,
  rule: { kind: string; count?: number; rate?: number; path?: string; method?: string },
): Promise<void> {
  const response = await fetch(`${emulator.url}/_emulator/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(rule),
  });
  if (response.status !== 201) throw new Error(`fault not added: ${response.status}`);
}

export async function clearFaults(emulator: Emulator): Promise<void> {
  await fetch(`${emulator.url}/_emulator/faults`, { method: 'DELETE' });
}

/** One (item, location) as the V3 location-items route reports it. */
export async function locationItem(emulator: Emulator, locationId: number, variantId: number) {
  const response = await call(
    emulator,
    'GET',
    `/v3/inventory/locations/${locationId}/items?variant_id:in=${variantId}`,
  );
  const data = (
    response.body as {
      data: {
        available_to_sell: number;
        total_inventory_onhand: number;
        qty_backordered: number;
        settings: Record<string, unknown>;
      }[];
    }
  ).data;
  const item = data[0];
  if (item === undefined) throw new Error(`variant ${variantId} not found at location ${locationId}`);
  return item;
}
