import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { openStoreDatabase, type StoreDatabase } from './db.js';
import { ApiError, errorReply, isRecord, type ApiStyle, type Reply, type Route } from './http.js';
import { FAULT_KINDS, resolveEmulatorOptions, type EmulatorOptions, type FaultKind } from './options.js';
import { createAdminGraphqlRoute } from './routes/admin-graphql.js';
import { hookRoutes } from './routes/hooks.js';
import { inventoryRoutes } from './routes/inventory.js';
import { orderRoutes } from './routes/orders.js';
import { seedStore } from './seed.js';
import { createWebhookDispatcher } from './webhooks.js';

/** One store request as `GET /_emulator/requests` reports it. */
export interface RequestLogEntry {
  readonly seq: number;
  readonly method: string;
  /** The path below `/stores/{hash}`, e.g. `/v3/inventory/items`. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** HTTP status sent; 0 when the connection was dropped. */
  readonly status: number;
  readonly ms: number;
  /** The `X-Correlation-Id` header the client sent, if any. */
  readonly correlationId?: string;
}

/** A fault rule added through `POST /_emulator/faults`. */
interface FaultRule {
  readonly kind: FaultKind;
  /** How many more matching requests get the fault; unlimited when undefined. */
  remaining: number | undefined;
  readonly rate: number;
  readonly method: string | undefined;
  readonly pathPrefix: string | undefined;
}

export interface Emulator {
  /** Base URL, e.g. `http://127.0.0.1:4010`. */
  readonly url: string;
  /** Base of the store's API: `{url}/stores/{hash}`. */
  readonly storeUrl: string;
  readonly port: number;
  readonly storeHash: string;
  readonly store: StoreDatabase;
  /**
   * Removes Admin GraphQL fields (schema coordinates such as `"Product.seoInformation"`) from the served schema
   * from the next request on, on top of those already removed, as when a store's schema drifts while clients
   * run. Throws, changing nothing, when a coordinate names no field.
   */
  removeAdminGraphqlFields(coordinates: readonly string[]): void;
  /** Serves the Admin GraphQL schema the emulator started with (`adminGraphqlWithout` still applies). */
  restoreAdminGraphqlFields(): void;
  /** The Admin GraphQL fields currently left out of the schema. */
  removedAdminGraphqlFields(): readonly string[];
  /** Stops listening, waits for webhook attempts in flight and closes the database. */
  stop(): Promise<void>;
}

const MAX_LOG_ENTRIES = 100_000;

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function styleOf(path: string): ApiStyle {
  if (path.startsWith('/v2/')) return 'v2';
  if (path === '/graphql') return 'graphql';
  if (path === '/v3/hooks' || path.startsWith('/v3/hooks/')) return 'hooks';
  return 'v3';
}

/**
 * Part A 8: every Admin GraphQL answer carries `x-bc-graphql-complexity`; one refused before the query was read
 * (401, 404, 429) reports 0.
 */
function withComplexity(style: ApiStyle, headers: Record<string, string>): Record<string, string> {
  return style === 'graphql' ? { 'x-bc-graphql-complexity': '0', ...headers } : headers;
}

function readBody(request: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(tooLarge ? 'too-large' : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/**
 * Starts a local BigCommerce store: REST V3 inventory and hooks, V2 orders, the Admin GraphQL subset, webhook
 * delivery, rate limits and fault injection, over SQLite (README, "The store emulator", lists what it follows).
 */
export async function createEmulator(emulatorOptions: EmulatorOptions = {}): Promise<Emulator> {
  const options = resolveEmulatorOptions(emulatorOptions);
  const store = openStoreDatabase(options.db, options.applyDelayMs);
  seedStore(store, options.seed, options.log);
  const adminGraphql = createAdminGraphqlRoute(store, options.adminGraphqlWithout);
  const routes: readonly Route[] = [...inventoryRoutes, ...orderRoutes, ...hookRoutes, adminGraphql];
  const dispatcher = createWebhookDispatcher(store, options);
  const tokenDigest = digest(options.token);
  const log: RequestLogEntry[] = [];
  let seq = 0;
  const faults: FaultRule[] = [];
  let window = { start: 0, used: 0 };

  const applyTimer =
    options.applyDelayMs > 0
      ? setInterval(
          () => store.applyDueWrites(Date.now()),
          Math.max(5, Math.min(50, options.applyDelayMs / 4)),
        )
      : undefined;
  // Writes that were still waiting when a file database was last closed.
  store.applyDueWrites(Date.now());

  /**
   * Draws one request from the store's quota (`draw`), or only reads the window. BigCommerce: "Each API request
   * consumes one quota unit", with no exception for refused ones, so a request with a bad token draws too.
   */
  function rateLimit(draw = true): { headers: Record<string, string>; exceeded: boolean } {
    const now = Date.now();
    if (now - window.start >= options.windowMs) window = { start: now, used: 0 };
    if (draw) window.used += 1;
    const resetMs = window.start + options.windowMs - now;
    const exceeded = window.used > options.quota;
    const headers: Record<string, string> = {
      'x-rate-limit-requests-left': String(Math.max(0, options.quota - window.used)),
      'x-rate-limit-requests-quota': String(options.quota),
      'x-rate-limit-time-reset-ms': String(resetMs),
      'x-rate-limit-time-window-ms': String(options.windowMs),
    };
    if (exceeded) headers['x-retry-after'] = String(Math.ceil(resetMs / 1000));
    return { headers, exceeded };
  }

  function pickFault(method: string, path: string): FaultKind | undefined {
    for (const rule of faults) {
      if (rule.method !== undefined && rule.method !== method) continue;
      if (rule.pathPrefix !== undefined && !path.startsWith(rule.pathPrefix)) continue;
      if (rule.remaining === 0) continue;
      if (Math.random() >= rule.rate) continue;
      if (rule.remaining !== undefined) rule.remaining -= 1;
      return rule.kind;
    }
    return options.faultRate > 0 && Math.random() < options.faultRate ? options.faultKind : undefined;
  }

  function send(response: ServerResponse, reply: Reply, extraHeaders: Record<string, string> = {}): void {
    const headers: Record<string, string> = { ...extraHeaders, ...reply.headers };
    if (reply.body === undefined) {
      response.writeHead(reply.status, headers);
      response.end();
      return;
    }
    const payload = JSON.stringify(reply.body);
    headers['content-type'] ??= 'application/json';
    headers['content-length'] = String(Buffer.byteLength(payload));
    response.writeHead(reply.status, headers);
    response.end(payload);
  }

  async function handleStore(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
    path: string,
  ): Promise<{ status: number }> {
    const method = request.method ?? 'GET';
    const style = styleOf(path);
    const matches = routes.filter((candidate) => candidate.pattern.test(path));
    const route = matches.find((candidate) => candidate.method === method);
    const fail = (error: ApiError, headers: Record<string, string> = {}) => {
      send(response, errorReply(style, error), withComplexity(style, headers));
      return { status: error.status };
    };
    // The limiter runs first so that every answer, a 401 included, carries the rate-limit headers (Part A 9).
    const limit = rateLimit();
    if (limit.exceeded)
      return fail(
        new ApiError(429, 'Too many requests: the store request quota for this window is used up.'),
        limit.headers,
      );
    const token = request.headers['x-auth-token'];
    if (typeof token !== 'string' || !timingSafeEqual(digest(token), tokenDigest)) {
      return fail(
        new ApiError(
          401,
          style === 'v2'
            ? 'You are not authorized to access this resource.'
            : 'Unauthorized - the v3 Auth client ID or token in the request are not a valid combination for this store.',
        ),
        limit.headers,
      );
    }
    const fault = pickFault(method, path);
    if (fault === '503') return fail(new ApiError(503, 'Service Unavailable'), limit.headers);
    if (fault === 'garbage') {
      response.writeHead(200, { 'content-type': 'application/json', ...limit.headers });
      response.end('<html>upstream proxy error</html>');
      return { status: 200 };
    }
    if (fault === '429') {
      send(response, errorReply(style, new ApiError(429, 'Too Many Requests')));
      return { status: 429 };
    }
    if (route === undefined) {
      if (matches.length > 0)
        return fail(new ApiError(405, `Method ${method} is not allowed on ${path}`), limit.headers);
      return fail(
        new ApiError(
          404,
          style === 'v2' ? 'The requested resource was not found.' : `No route matches ${method} ${path}`,
        ),
        limit.headers,
      );
    }
    const accept = request.headers.accept;
    if (accept !== undefined && !/application\/(json|\*)|\*\/\*|application\/problem\+json/.test(accept)) {
      return fail(
        new ApiError(406, `Not Acceptable: this endpoint answers application/json, not "${accept}"`),
        limit.headers,
      );
    }
    let body: unknown;
    if (method === 'POST' || method === 'PUT') {
      const contentType = request.headers['content-type'] ?? '';
      if (!/^application\/json\s*(;|$)/i.test(contentType)) {
        return fail(
          new ApiError(
            415,
            `Unsupported Media Type: send application/json, not "${contentType || 'no content type'}"`,
          ),
          limit.headers,
        );
      }
      const raw = await readBody(request, options.maxBodyBytes);
      if (raw === 'too-large')
        return fail(new ApiError(413, `Request body exceeds ${options.maxBodyBytes} bytes`), limit.headers);
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch (error) {
        return fail(
          new ApiError(400, `The request body is not valid JSON: ${(error as Error).message}`),
          limit.headers,
        );
      }
    }
    let reply: Reply;
    try {
      const params = route.pattern.exec(path)?.slice(1) ?? [];
      reply = await route.handle({ method, params, query: url.searchParams, body, store, options });
    } catch (error) {
      if (!(error instanceof ApiError)) {
        options.log(
          `emulator error on ${method} ${path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
      }
      reply = errorReply(
        style,
        error instanceof ApiError ? error : new ApiError(500, 'Internal Server Error'),
      );
    }
    if (options.latencyMs > 0) await sleep(options.latencyMs);
    if (fault === 'slow') await sleep(options.slowMs);
    if (fault === 'drop') {
      request.socket.destroy();
      return { status: 0 };
    }
    send(response, reply, withComplexity(style, limit.headers));
    return reply;
  }

  function handleControl(request: IncomingMessage, response: ServerResponse, url: URL, body: unknown): void {
    const path = url.pathname;
    const method = request.method ?? 'GET';
    if (method === 'GET' && path === '/_emulator/health') {
      send(response, { status: 200, body: { ok: true, storeHash: options.storeHash, requests: seq } });
    } else if (method === 'GET' && path === '/_emulator/requests') {
      const since = Number(url.searchParams.get('since') ?? 0);
      send(response, { status: 200, body: { requests: log.filter((entry) => entry.seq > since) } });
    } else if (method === 'GET' && path === '/_emulator/deliveries') {
      const attempts = store.db
        .prepare(
          `SELECT a.delivery_id, a.attempt, a.at, a.ms, a.status_code, a.error, a.duplicate, d.hook_id, d.status AS delivery_status,
             e.scope, e.hash, e.data FROM delivery_attempts a JOIN deliveries d ON d.id = a.delivery_id JOIN events e ON e.id = d.event_id
           ORDER BY a.id`,
        )
        .all() as { data: string }[];
      const pending = store.db
        .prepare("SELECT COUNT(*) AS n FROM deliveries WHERE status = 'pending'")
        .get() as { n: number };
      send(response, {
        status: 200,
        body: {
          pending: pending.n,
          attempts: attempts.map((row) => ({ ...row, data: JSON.parse(row.data) as unknown })),
        },
      });
    } else if (path === '/_emulator/faults' && method === 'POST') {
      const kind = isRecord(body) ? body['kind'] : undefined;
      if (!isRecord(body) || !FAULT_KINDS.includes(kind as FaultKind)) {
        send(response, { status: 400, body: { error: `kind must be one of ${FAULT_KINDS.join(', ')}` } });
        return;
      }
      const count = body['count'];
      const rate = body['rate'];
      faults.push({
        kind: kind as FaultKind,
        remaining: typeof count === 'number' ? count : undefined,
        rate: typeof rate === 'number' ? rate : 1,
        method: typeof body['method'] === 'string' ? body['method'] : undefined,
        pathPrefix: typeof body['path'] === 'string' ? body['path'] : undefined,
      });
      send(response, { status: 201, body: { faults } });
    } else if (path === '/_emulator/faults' && method === 'DELETE') {
      faults.length = 0;
      send(response, { status: 204 });
    } else {
      send(response, { status: 404, body: { error: `no control route ${method} ${path}` } });
    }
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://emulator.local');
    const started = performance.now();
    const storeMatch = /^\/stores\/([^/]+)(\/.*)$/.exec(url.pathname);
    if (storeMatch === null) {
      void (async () => {
        let body: unknown;
        if (request.method === 'POST') {
          const raw = await readBody(request, 65_536);
          try {
            body = raw === 'too-large' ? undefined : JSON.parse(raw.toString('utf8') || '{}');
          } catch {
            body = undefined;
          }
        }
        handleControl(request, response, url, body);
      })();
      return;
    }
    const [, hash = '', path = '/'] = storeMatch;
    const correlation = request.headers['x-correlation-id'];
    const record = (status: number) => {
      seq += 1;
      log.push({
        ...(typeof correlation === 'string' ? { correlationId: correlation } : {}),
        seq,
        method: request.method ?? 'GET',
        path,
        query: Object.fromEntries(url.searchParams),
        status,
        ms: Math.round((performance.now() - started) * 100) / 100,
      });
      if (log.length > MAX_LOG_ENTRIES) log.splice(0, log.length - MAX_LOG_ENTRIES);
    };
    if (hash !== options.storeHash) {
      // No store, so no quota to draw from: the headers show the emulated store's window as it stands.
      const style = styleOf(path);
      send(
        response,
        errorReply(style, new ApiError(404, `Store "${hash}" not found`)),
        withComplexity(style, rateLimit(false).headers),
      );
      record(404);
      return;
    }
    handleStore(request, response, url, path).then(
      (result) => record(result.status),
      (error: unknown) => {
        options.log(`emulator failure: ${error instanceof Error ? error.message : String(error)}`);
        if (!response.headersSent)
          send(response, errorReply(styleOf(path), new ApiError(500, 'Internal Server Error')));
        record(500);
      },
    );
  });
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `http://${host}:${port}`;
  return {
    url,
    storeUrl: `${url}/stores/${options.storeHash}`,
    port,
    storeHash: options.storeHash,
    store,
    removeAdminGraphqlFields: (coordinates) => adminGraphql.removeFields(coordinates),
    restoreAdminGraphqlFields: () => adminGraphql.restoreFields(),
    removedAdminGraphqlFields: () => adminGraphql.removedFields(),
    async stop() {
      if (applyTimer !== undefined) clearInterval(applyTimer);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await dispatcher.stop();
      store.close();
    },
  };
}
