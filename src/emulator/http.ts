import type { StoreDatabase } from './db.js';
import type { ResolvedEmulatorOptions } from './options.js';

/**
 * The error style a route answers in: V2 arrays, V3 problem+json (inventory), V3 bodies as `application/json`
 * (`hooks`: webhooks.v3.yml documents its errors so), or GraphQL `errors`.
 */
export type ApiStyle = 'v2' | 'v3' | 'hooks' | 'graphql';

export const V3_ERROR_TYPE = 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes';

export interface Reply {
  readonly status: number;
  /** JSON body; `undefined` sends no body. */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A request the route refuses; rendered in the route's style. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** V3 `title` or V2 `message`. */
    message: string,
    /** V3 `errors` map: input path -> reason. */
    readonly errors: Readonly<Record<string, string>> = {},
    /** V2 `details` (the 409 OutOfStock body). */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface RouteContext {
  readonly method: string;
  readonly params: readonly string[];
  readonly query: URLSearchParams;
  /** Parsed JSON body, `undefined` when the request had none. */
  readonly body: unknown;
  readonly store: StoreDatabase;
  readonly options: ResolvedEmulatorOptions;
}

export interface Route {
  readonly method: string;
  /** Matched against the path below `/stores/{hash}`; groups become `params`. */
  readonly pattern: RegExp;
  readonly style: ApiStyle;
  readonly handle: (context: RouteContext) => Reply | Promise<Reply>;
}

export function errorReply(style: ApiStyle, error: ApiError): Reply {
  if (style === 'v2') {
    const entry: Record<string, unknown> = { status: error.status, message: error.message };
    if (error.details !== undefined) entry['details'] = error.details;
    else if (Object.keys(error.errors).length > 0) entry['details'] = { invalid_reason: error.errors };
    return { status: error.status, body: [entry] };
  }
  if (style === 'graphql') {
    return { status: error.status, body: { errors: [{ message: error.message }] } };
  }
  const body = { status: error.status, title: error.message, type: V3_ERROR_TYPE, errors: error.errors };
  if (style === 'hooks') return { status: error.status, body };
  return { status: error.status, body, headers: { 'content-type': 'application/problem+json' } };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/**
 * Reads `page` and `limit` (default 50, at most `maxLimit`). A larger `limit` is a 413: BigCommerce's status codes
 * page gives 413 for "the `limit` parameter exceeded the maximum".
 */
export function readPaging(query: URLSearchParams, maxLimit: number): { page: number; limit: number } {
  const page = readPositive(query, 'page', 1);
  const limit = readPositive(query, 'limit', 50);
  if (limit > maxLimit)
    throw new ApiError(413, `limit must be at most ${maxLimit}`, { limit: `must be <= ${maxLimit}` });
  return { page, limit };
}

function readPositive(query: URLSearchParams, name: string, fallback: number): number {
  const text = query.get(name);
  if (text === null) return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new ApiError(422, `${name} must be a positive integer`, {
      [name]: `"${text}" is not a positive integer`,
    });
  }
  return value;
}

/** Reads a comma-separated `name:in` filter of integers. */
export function readIntList(query: URLSearchParams, name: string): number[] | undefined {
  const text = query.get(name);
  if (text === null) return undefined;
  const values = text
    .split(',')
    .filter((part) => part !== '')
    .map(Number);
  if (values.some((value) => !Number.isSafeInteger(value))) {
    throw new ApiError(422, `${name} must be a comma-separated list of integers`, {
      [name]: `"${text}" is invalid`,
    });
  }
  return values;
}

export function readStringList(query: URLSearchParams, name: string): string[] | undefined {
  const text = query.get(name);
  return text === null ? undefined : text.split(',').filter((part) => part !== '');
}

/** V3 `meta.pagination` (Part B 2). */
export function paginationMeta(total: number, count: number, page: number, limit: number) {
  const totalPages = Math.max(1, Math.ceil(total / limit));
  const link = (target: number) => `?limit=${limit}&page=${target}`;
  return {
    pagination: {
      total,
      count,
      per_page: limit,
      current_page: page,
      total_pages: totalPages,
      links: {
        ...(page > 1 ? { previous: link(page - 1) } : {}),
        current: link(page),
        ...(page < totalPages ? { next: link(page + 1) } : {}),
      },
    },
  };
}

/**
 * The conditions of a list filter. `in` adds `column IN (...)` for a `:in` parameter that was sent; an empty list
 * matches nothing rather than everything.
 */
export class SqlFilter {
  readonly conditions: string[] = [];
  readonly args: unknown[] = [];

  in(column: string, values: readonly unknown[] | undefined): this {
    if (values === undefined) return this;
    if (values.length === 0) this.conditions.push('0');
    else {
      this.conditions.push(`${column} IN (${values.map(() => '?').join(', ')})`);
      this.args.push(...values);
    }
    return this;
  }

  /** A condition with one `?`, e.g. `id >= ?`. */
  add(condition: string, value: unknown): this {
    this.conditions.push(condition);
    this.args.push(value);
    return this;
  }

  /** `WHERE a AND b`, or nothing. */
  get where(): string {
    return this.conditions.length === 0 ? '' : `WHERE ${this.conditions.join(' AND ')}`;
  }

  /** ` AND a AND b`, to extend a query that already has a WHERE. */
  get and(): string {
    return this.conditions.map((condition) => ` AND ${condition}`).join('');
  }
}
