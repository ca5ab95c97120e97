import { Reader } from '../guards.js';
import type { Transport } from '../transport.js';

export interface HookRecord {
  readonly id: number;
  readonly scope: string;
  readonly destination: string;
  readonly isActive: boolean;
  readonly headers: Readonly<Record<string, string>>;
}

function readHook(reader: Reader, value: unknown): HookRecord {
  const hook = reader.record(value);
  const headers: Record<string, string> = {};
  const raw = hook['headers'];
  if (typeof raw === 'object' && raw !== null) {
    for (const [name, text] of Object.entries(raw))
      if (typeof text === 'string') headers[name.toLowerCase()] = text;
  }
  return {
    id: reader.field(hook, 'id', (r, v) => r.int(v)),
    scope: reader.field(hook, 'scope', (r, v) => r.string(v)),
    destination: reader.field(hook, 'destination', (r, v) => r.string(v)),
    isActive: reader.field(hook, 'is_active', (r, v) => r.boolean(v)),
    headers,
  };
}

/** Every hook of this API account (`GET /v3/hooks`, all pages). */
export async function listHooks(transport: Transport): Promise<HookRecord[]> {
  const reader = new Reader('GET /v3/hooks');
  const hooks: HookRecord[] = [];
  for (let page = 1; ; page += 1) {
    const response = await transport.request({
      method: 'GET',
      path: '/v3/hooks',
      query: { page: String(page), limit: '250' },
      idempotent: true,
    });
    const body = reader.record(response.body);
    const data = reader.field(body, 'data', (r, v) => r.each(v, readHook));
    hooks.push(...data);
    if (data.length < 250) return hooks;
  }
}

export async function createHook(
  transport: Transport,
  hook: { scope: string; destination: string; headers: Record<string, string> },
): Promise<HookRecord> {
  const response = await transport.request({
    method: 'POST',
    path: '/v3/hooks',
    body: { ...hook, is_active: true },
    idempotent: false,
  });
  const reader = new Reader('POST /v3/hooks');
  return reader.field(reader.record(response.body), 'data', readHook);
}

export async function updateHook(
  transport: Transport,
  id: number,
  changes: { is_active?: boolean; headers?: Record<string, string> },
): Promise<HookRecord> {
  const response = await transport.request({
    method: 'PUT',
    path: `/v3/hooks/${id}`,
    body: changes,
    idempotent: true,
  });
  const reader = new Reader('PUT /v3/hooks/{id}');
  return reader.field(reader.record(response.body), 'data', readHook);
}
