import { createHash, timingSafeEqual } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import type { LiveServices } from '../events/live.js';
import { inventoryWebhookKind } from '../events/inventory-events.js';
import type { Logger } from '../logger.js';

export interface WebhookReceiverOptions {
  /** Where BigCommerce posts. @default '/webhooks/bigcommerce' */
  readonly path?: string;
  /** The secret header value the hooks were registered with; without it every call is refused with 401. */
  readonly secret: string | undefined;
  /** The header carrying the secret. @default 'x-webhook-secret' */
  readonly header?: string;
  /** Largest accepted envelope; BigCommerce's are a few hundred bytes. @default 65536 */
  readonly maxBodyBytes?: number;
  /** Webhook hashes remembered to count duplicates (`stats.webhooks.duplicates`). @default 100000 */
  readonly hashMemory?: number;
  readonly live: LiveServices;
  readonly logger: Logger;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

/** Checks the envelope of Part A 7 and, for handled scopes, the ids in `data`; returns the problem or null. */
function envelopeProblem(body: unknown): string | null {
  if (!isRecord(body)) return 'the body must be a JSON object';
  if (typeof body['scope'] !== 'string' || !body['scope'].startsWith('store/'))
    return 'scope must be a string starting with "store/"';
  if (typeof body['hash'] !== 'string' || body['hash'] === '' || body['hash'].length > 128)
    return 'hash must be a non-empty string';
  if (!isRecord(body['data'])) return 'data must be an object';
  if (typeof body['created_at'] !== 'number') return 'created_at must be a number';
  if (inventoryWebhookKind(body['scope']) !== null) {
    const data = body['data'];
    if (!isId(data['product_id']) || !isId(data['location_id']))
      return 'data must carry product_id and location_id';
    if (data['variant_id'] !== undefined && data['variant_id'] !== null && !isId(data['variant_id']))
      return 'data.variant_id must be a positive integer';
  }
  return null;
}

/**
 * `POST /webhooks/bigcommerce`: authenticates by the secret header (constant-time), limits the body, refuses a
 * malformed envelope with 400, queues and records the item's read-back and acknowledges at once (200). It never
 * waits on more than recording: a Redis outage records in the local queue instead, and only a full queue is
 * answered 503 (the store delivers again later). A repeated `hash` is counted, never dropped: BigCommerce's hash
 * covers ids and `created_at` in whole seconds, so two changes of one item within a second share it, and the second
 * one's read must still happen (the queue merges it with a read that has not started yet, which is the only read
 * it may save). Scopes it does not handle are acknowledged and counted.
 */
export function useWebhookReceiver(options: WebhookReceiverOptions): Plugin {
  const path = options.path ?? '/webhooks/bigcommerce';
  const header = options.header ?? 'x-webhook-secret';
  const maxBodyBytes = options.maxBodyBytes ?? 65_536;
  const secretDigest = options.secret === undefined ? null : digest(options.secret);
  const hashMemory = options.hashMemory ?? 100_000;
  const hashes = new Set<string>();
  const { stats } = options.live;
  const seenBefore = (hash: string): boolean => {
    if (hashes.has(hash)) return true;
    hashes.add(hash);
    if (hashes.size > hashMemory) hashes.delete(hashes.values().next().value as string);
    return false;
  };
  return {
    async onRequest(payload) {
      const { request, url } = payload;
      const endResponse = (response: Response): void => {
        payload.endResponse(response);
      };
      if (url.pathname !== path) return;
      if (request.method !== 'POST') {
        endResponse(json(405, { error: 'POST only' }));
        return;
      }
      stats.webhooks.received += 1;
      const given = request.headers.get(header);
      if (secretDigest === null || given === null || !timingSafeEqual(digest(given), secretDigest)) {
        stats.webhooks.unauthorized += 1;
        endResponse(json(401, { error: 'unauthorized' }));
        return;
      }
      if (Number(request.headers.get('content-length') ?? 0) > maxBodyBytes) {
        stats.webhooks.malformed += 1;
        endResponse(json(413, { error: `body exceeds ${maxBodyBytes} bytes` }));
        return;
      }
      const text = await request.text();
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        stats.webhooks.malformed += 1;
        endResponse(json(400, { error: 'the body is not valid JSON' }));
        return;
      }
      const problem = envelopeProblem(body);
      if (problem !== null || !isRecord(body)) {
        stats.webhooks.malformed += 1;
        endResponse(json(400, { error: `malformed envelope: ${problem ?? ''}` }));
        return;
      }
      const scope = body['scope'] as string;
      stats.webhooks.byScope[scope] = (stats.webhooks.byScope[scope] ?? 0) + 1;
      const duplicate = seenBefore(body['hash'] as string);
      if (duplicate) stats.webhooks.duplicates += 1;
      const kind = inventoryWebhookKind(scope);
      if (kind === null) {
        stats.webhooks.unhandled += 1;
        endResponse(json(200, { ok: true, handled: false }));
        return;
      }
      const data = body['data'] as Record<string, number | undefined>;
      let outcome;
      try {
        outcome = await options.live.inventoryEvents.onWebhook(kind, {
          productId: data['product_id'] ?? 0,
          variantId: data['variant_id'] ?? null,
          locationId: data['location_id'] ?? 0,
        });
      } catch (error) {
        options.logger.error('webhook could not be queued', {
          error: error instanceof Error ? error.message : String(error),
        });
        outcome = 'full' as const;
      }
      if (outcome === 'full') {
        stats.webhooks.refused += 1;
        endResponse(
          new Response(JSON.stringify({ error: 'busy; deliver again later' }), {
            status: 503,
            headers: { 'content-type': 'application/json', 'retry-after': '60' },
          }),
        );
        return;
      }
      stats.webhooks.accepted += 1;
      if (outcome === 'local') stats.webhooks.recordedLocally += 1;
      options.logger.debug('webhook accepted', { scope, hash: body['hash'], duplicate, outcome });
      endResponse(json(200, { ok: true }));
    },
  };
}
