import {
  ApiError,
  SqlFilter,
  isInteger,
  isRecord,
  paginationMeta,
  readPaging,
  type Reply,
  type Route,
  type RouteContext,
} from '../http.js';

/** The client id every hook of this emulator belongs to (BigCommerce derives it from the token). */
export const EMULATOR_CLIENT_ID = 'emulator-client';

interface HookRow {
  readonly id: number;
  readonly client_id: string;
  readonly scope: string;
  readonly destination: string;
  readonly is_active: number;
  readonly headers: string | null;
  readonly created_at: number;
  readonly updated_at: number;
  /** 1 when the store deactivated the hook after its last failed delivery. */
  readonly deactivated: number;
}

function render(row: HookRow, storeHash: string) {
  return {
    id: row.id,
    client_id: row.client_id,
    store_hash: storeHash,
    scope: row.scope,
    destination: row.destination,
    is_active: row.is_active === 1,
    headers: row.headers === null ? null : (JSON.parse(row.headers) as unknown),
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

const SCOPE_PATTERN = /^store\/[a-z0-9_*]+(\/[a-z0-9_*]+)*$/;

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

/**
 * webhooks.v3.yml: the destination "must be served on port 443 (custom ports are not currently supported)", so
 * https is taken on 443 only. Departure: plain http on a loopback host, any port, is accepted too, so that tests and
 * local gateways can receive deliveries without TLS.
 */
function destinationProblem(destination: string): string | undefined {
  let url: URL;
  try {
    url = new URL(destination);
  } catch {
    return 'destination must be an absolute URL';
  }
  if (url.protocol === 'https:') {
    return url.port === '' ? undefined : `destination must be served on port 443, not ${url.port}`;
  }
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.includes(url.hostname)) return undefined;
  return 'destination must be https on port 443 (or http on 127.0.0.1, localhost or [::1])';
}

function validateFields(body: Record<string, unknown>, partial: boolean): Record<string, string> {
  const errors: Record<string, string> = {};
  const { scope, destination, is_active: isActive, headers } = body;
  if (scope === undefined) {
    if (!partial) errors['scope'] = 'error.path.missing.';
  } else if (typeof scope !== 'string' || !SCOPE_PATTERN.test(scope))
    errors['scope'] = 'scope must look like store/...';
  if (destination === undefined) {
    if (!partial) errors['destination'] = 'error.path.missing.';
  } else if (typeof destination !== 'string') errors['destination'] = 'destination must be a string';
  else {
    const problem = destinationProblem(destination);
    if (problem !== undefined) errors['destination'] = problem;
  }
  if (isActive !== undefined && typeof isActive !== 'boolean')
    errors['is_active'] = 'is_active must be a boolean';
  if (headers !== undefined && headers !== null) {
    if (!isRecord(headers) || Object.values(headers).some((value) => typeof value !== 'string')) {
      errors['headers'] = 'headers must be an object of string values';
    }
  }
  return errors;
}

function findHook({ store, params }: RouteContext): HookRow {
  const id = Number(params[0]);
  const row = isInteger(id)
    ? store
        .prepare<[number, string], HookRow>('SELECT * FROM hooks WHERE id = ? AND client_id = ?')
        .get(id, EMULATOR_CLIENT_ID)
    : undefined;
  if (row === undefined) throw new ApiError(404, `Webhook with id [${params[0] ?? ''}] not found`);
  return row;
}

function createHook({ store, body, options }: RouteContext): Reply {
  if (!isRecord(body))
    throw new ApiError(422, 'JSON data is missing or invalid', { body: 'must be a JSON object' });
  const errors = validateFields(body, false);
  if (Object.keys(errors).length > 0) throw new ApiError(422, 'JSON data is missing or invalid', errors);
  return store.transact(() => {
    const duplicate = store
      .prepare<[string, unknown, unknown], { id: number }>(
        'SELECT id FROM hooks WHERE client_id = ? AND scope = ? AND destination = ?',
      )
      .get(EMULATOR_CLIENT_ID, body['scope'], body['destination']);
    if (duplicate !== undefined) {
      throw new ApiError(
        422,
        `A webhook for this scope and destination already exists (id ${duplicate.id})`,
        { scope: 'duplicate' },
      );
    }
    const now = Math.floor(Date.now() / 1000);
    const headers = body['headers'];
    const id = Number(
      store
        .prepare(
          'INSERT INTO hooks (client_id, scope, destination, is_active, headers, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          EMULATOR_CLIENT_ID,
          body['scope'],
          body['destination'],
          body['is_active'] === false ? 0 : 1,
          headers === undefined || headers === null ? null : JSON.stringify(headers),
          now,
          now,
        ).lastInsertRowid,
    );
    const row = store.prepare<[number], HookRow>('SELECT * FROM hooks WHERE id = ?').get(id);
    return {
      status: 200,
      body: { data: row === undefined ? null : render(row, options.storeHash), meta: {} },
    };
  });
}

function listHooks({ store, query, options }: RouteContext): Reply {
  const { page, limit } = readPaging(query, 250);
  const filter = new SqlFilter().add('client_id = ?', EMULATOR_CLIENT_ID);
  const isActive = query.get('is_active');
  if (isActive !== null) {
    if (isActive !== 'true' && isActive !== 'false')
      throw new ApiError(422, 'is_active must be true or false', { is_active: 'invalid' });
    filter.add('is_active = ?', isActive === 'true' ? 1 : 0);
  }
  for (const name of ['scope', 'destination'] as const) {
    const value = query.get(name);
    if (value !== null) filter.add(`${name} = ?`, value);
  }
  const { where: clause, args } = filter;
  const total =
    store.db.prepare<unknown[], { n: number }>(`SELECT COUNT(*) AS n FROM hooks ${clause}`).get(...args)?.n ??
    0;
  const rows = store.db
    .prepare<unknown[], HookRow>(`SELECT * FROM hooks ${clause} ORDER BY id LIMIT ? OFFSET ?`)
    .all(...args, limit, (page - 1) * limit);
  return {
    status: 200,
    body: {
      data: rows.map((row) => render(row, options.storeHash)),
      meta: paginationMeta(total, rows.length, page, limit),
    },
  };
}

function getHook(context: RouteContext): Reply {
  return { status: 200, body: { data: render(findHook(context), context.options.storeHash), meta: {} } };
}

function updateHook(context: RouteContext): Reply {
  const { store, body, options } = context;
  if (!isRecord(body))
    throw new ApiError(422, 'JSON data is missing or invalid', { body: 'must be a JSON object' });
  const row = findHook(context);
  const fields = ['scope', 'destination', 'is_active', 'headers'].filter((name) => body[name] !== undefined);
  if (fields.length === 0)
    throw new ApiError(422, 'At least one field must be updated', {
      body: 'send scope, destination, is_active or headers',
    });
  const errors = validateFields(body, true);
  if (Object.keys(errors).length > 0) throw new ApiError(422, 'JSON data is missing or invalid', errors);
  const headers = body['headers'];
  // Setting is_active either way ends a deactivation by the store: the hook is then active or inactive by choice.
  store.transact(() =>
    store
      .prepare(
        'UPDATE hooks SET scope = ?, destination = ?, is_active = ?, headers = ?, updated_at = ?, deactivated = ? WHERE id = ?',
      )
      .run(
        body['scope'] ?? row.scope,
        body['destination'] ?? row.destination,
        body['is_active'] === undefined ? row.is_active : body['is_active'] === true ? 1 : 0,
        headers === undefined ? row.headers : headers === null ? null : JSON.stringify(headers),
        Math.floor(Date.now() / 1000),
        body['is_active'] === undefined ? row.deactivated : 0,
        row.id,
      ),
  );
  return { status: 200, body: { data: render(findHook(context), options.storeHash), meta: {} } };
}

function deleteHook(context: RouteContext): Reply {
  const row = findHook(context);
  context.store.transact(() => {
    context.store.db
      .prepare("UPDATE deliveries SET status = 'failed' WHERE hook_id = ? AND status = 'pending'")
      .run(row.id);
    context.store.prepare('DELETE FROM hooks WHERE id = ?').run(row.id);
  });
  return { status: 200, body: { data: render(row, context.options.storeHash), meta: {} } };
}

/** webhooks.v3.yml `status`: deactivated by the store after failed deliveries, or active/inactive as set. */
function statusOf(row: HookRow): 'active' | 'inactive' | 'deactivated' {
  if (row.is_active === 1) return 'active';
  return row.deactivated === 1 ? 'deactivated' : 'inactive';
}

const EMAILS_KEY = 'hooks_admin_emails';

function readEmails(store: RouteContext['store']): string[] {
  const row = store
    .prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?')
    .get(EMAILS_KEY);
  return row === undefined ? [] : (JSON.parse(row.value) as string[]);
}

/**
 * `GET /v3/hooks/admin`: the notification emails, this client's hooks with their `status` (filtered by
 * `is_active`), and the blocked domains. The emulator never blocks a domain, so `blocked_domains` is empty.
 */
function getAdmin({ store, query, options }: RouteContext): Reply {
  const filter = new SqlFilter().add('client_id = ?', EMULATOR_CLIENT_ID);
  const isActive = query.get('is_active');
  if (isActive !== null) {
    if (isActive !== 'true' && isActive !== 'false')
      throw new ApiError(422, 'is_active must be true or false', { is_active: 'invalid' });
    filter.add('is_active = ?', isActive === 'true' ? 1 : 0);
  }
  const rows = store.db
    .prepare<unknown[], HookRow>(`SELECT * FROM hooks ${filter.where} ORDER BY id`)
    .all(...filter.args);
  return {
    status: 200,
    body: {
      data: {
        emails: readEmails(store),
        hooks_list: rows.map((row) => ({ ...render(row, options.storeHash), status: statusOf(row) })),
        blocked_domains: [],
      },
      meta: {},
    },
  };
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** `PUT /v3/hooks/admin {"emails": [...]}`: replaces the notification emails; 204. */
function putAdmin({ store, body }: RouteContext): Reply {
  const emails = isRecord(body) ? body['emails'] : undefined;
  if (!Array.isArray(emails))
    throw new ApiError(422, 'JSON data is missing or invalid', {
      emails: 'emails must be an array of addresses',
    });
  const errors: Record<string, string> = {};
  emails.forEach((email, index) => {
    if (typeof email !== 'string' || !EMAIL_PATTERN.test(email))
      errors[`emails.${index}`] = `${JSON.stringify(email)} is not an email address`;
  });
  if (Object.keys(errors).length > 0) throw new ApiError(422, 'JSON data is missing or invalid', errors);
  store.transact(() =>
    store
      .prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run(EMAILS_KEY, JSON.stringify(emails)),
  );
  return { status: 204 };
}

// `admin` is not a hook id: `/v3/hooks/admin` has routes of its own (and answers 405 to other methods).
const HOOK_BY_ID = /^\/v3\/hooks\/(?!admin$)([^/]+)$/;

export const hookRoutes: readonly Route[] = [
  { method: 'GET', pattern: /^\/v3\/hooks$/, style: 'hooks', handle: listHooks },
  { method: 'POST', pattern: /^\/v3\/hooks$/, style: 'hooks', handle: createHook },
  { method: 'GET', pattern: /^\/v3\/hooks\/admin$/, style: 'hooks', handle: getAdmin },
  { method: 'PUT', pattern: /^\/v3\/hooks\/admin$/, style: 'hooks', handle: putAdmin },
  { method: 'GET', pattern: HOOK_BY_ID, style: 'hooks', handle: getHook },
  { method: 'PUT', pattern: HOOK_BY_ID, style: 'hooks', handle: updateHook },
  { method: 'DELETE', pattern: HOOK_BY_ID, style: 'hooks', handle: deleteHook },
];
