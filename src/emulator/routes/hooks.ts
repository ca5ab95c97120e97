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

/**
 * Part A 7: a real store only accepts https on port 443; the emulator also accepts plain http on loopback so that
 * tests and local gateways can receive deliveries.
 */
function destinationProblem(destination: string): string | undefined {
  let url: URL;
  try {
    url = new URL(destination);
  } catch {
    return 'destination must be an absolute URL';
  }
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname))
    return undefined;
  return 'destination must be https (or http on 127.0.0.1, localhost or [::1])';
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
  store.transact(() =>
    store
      .prepare(
        'UPDATE hooks SET scope = ?, destination = ?, is_active = ?, headers = ?, updated_at = ? WHERE id = ?',
      )
      .run(
        body['scope'] ?? row.scope,
        body['destination'] ?? row.destination,
        body['is_active'] === undefined ? row.is_active : body['is_active'] === true ? 1 : 0,
        headers === undefined ? row.headers : headers === null ? null : JSON.stringify(headers),
        Math.floor(Date.now() / 1000),
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

export const hookRoutes: readonly Route[] = [
  { method: 'GET', pattern: /^\/v3\/hooks$/, style: 'v3', handle: listHooks },
  { method: 'POST', pattern: /^\/v3\/hooks$/, style: 'v3', handle: createHook },
  { method: 'GET', pattern: /^\/v3\/hooks\/([^/]+)$/, style: 'v3', handle: getHook },
  { method: 'PUT', pattern: /^\/v3\/hooks\/([^/]+)$/, style: 'v3', handle: updateHook },
  { method: 'DELETE', pattern: /^\/v3\/hooks\/([^/]+)$/, style: 'v3', handle: deleteHook },
];
