import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../src/emulator/create-emulator.js';
import { openStoreDatabase } from '../../src/emulator/db.js';
import type { ApiStyle, Route } from '../../src/emulator/http.js';
import { createAdminGraphqlRoute } from '../../src/emulator/routes/admin-graphql.js';
import { hookRoutes } from '../../src/emulator/routes/hooks.js';
import { inventoryRoutes } from '../../src/emulator/routes/inventory.js';
import { orderRoutes } from '../../src/emulator/routes/orders.js';
import { call, startEmulator, TOKEN, type ApiResponse, type CallOptions } from '../helpers/emulator.js';
import {
  componentErrors,
  documentedMediaTypes,
  documentsStatus,
  responseComponentErrors,
  specErrors,
  type SpecFile,
} from '../helpers/openapi.js';

/**
 * Walks every route the emulator serves with good and bad requests, and checks each answer's status, rate-limit
 * headers, content type and body against BigCommerce's specs (test/fixtures/openapi). Error statuses a spec does
 * not document for an operation are checked against the error schema of that API's spec. Admin GraphQL is checked
 * for status, headers and error shape only.
 */

const RATE_HEADERS = [
  'x-rate-limit-requests-left',
  'x-rate-limit-requests-quota',
  'x-rate-limit-time-reset-ms',
  'x-rate-limit-time-window-ms',
];
const MAX_BODY_BYTES = 65_536;
const BILLING = { first_name: 'Ada', last_name: 'Lovelace', zip: '78701', country_iso2: 'US' };
const STOCK_CHANGED = 'store/channel/*/inventory/product/stock_changed';

/** Where a route's answers are described. */
interface SpecRef {
  readonly file: SpecFile;
  readonly path: string;
}

interface Probe {
  /** What the request tries, e.g. "limit above 1,000". */
  readonly name: string;
  readonly method?: string;
  readonly path: string;
  readonly options?: CallOptions;
  readonly status: number;
}

interface RouteCase {
  readonly method: string;
  /** A path the route serves, to find it in the route table and to send the generic bad requests to. */
  readonly sample: string;
  readonly spec: SpecRef | null;
  readonly style: ApiStyle;
  /** A method this path does not serve (for the 405). */
  readonly otherMethod: string;
  readonly probes: readonly Probe[];
}

const V3_INVENTORY: SpecFile = 'inventory.v3.yml';
const LOCATIONS: SpecFile = 'locations.v3.yml';
const ORDERS: SpecFile = 'orders.v2.oas2.yml';
const HOOKS: SpecFile = 'webhooks.v3.yml';

const ABSOLUTE = { reason: 'count', items: [{ location_id: 1, variant_id: 78, quantity: 20 }] };

const CASES: readonly RouteCase[] = [
  {
    method: 'GET',
    sample: '/v3/inventory/items',
    spec: { file: V3_INVENTORY, path: '/inventory/items' },
    style: 'v3',
    otherMethod: 'DELETE',
    probes: [
      { name: 'all items', path: '/v3/inventory/items', status: 200 },
      {
        name: 'filtered page',
        path: '/v3/inventory/items?variant_id:in=74,75&location_id:in=1&limit=1',
        status: 200,
      },
      { name: 'limit above 1,000', path: '/v3/inventory/items?limit=1001', status: 413 },
      { name: 'malformed filter', path: '/v3/inventory/items?variant_id:in=1,x', status: 422 },
    ],
  },
  {
    method: 'GET',
    sample: '/v3/inventory/locations',
    spec: { file: LOCATIONS, path: '/inventory/locations' },
    style: 'v3',
    otherMethod: 'PATCH',
    probes: [
      { name: 'all locations', path: '/v3/inventory/locations', status: 200 },
      { name: 'default only', path: '/v3/inventory/locations?is_default=true', status: 200 },
      { name: 'bad boolean', path: '/v3/inventory/locations?is_default=maybe', status: 422 },
      { name: 'limit above 1,000', path: '/v3/inventory/locations?limit=5000', status: 413 },
    ],
  },
  {
    method: 'GET',
    sample: '/v3/inventory/locations/1/items',
    spec: { file: V3_INVENTORY, path: '/inventory/locations/{location_id}/items' },
    style: 'v3',
    otherMethod: 'DELETE',
    probes: [
      { name: 'one location', path: '/v3/inventory/locations/1/items', status: 200 },
      {
        name: 'with a message assigned',
        path: '/v3/inventory/locations/1/items?variant_id:in=75',
        status: 200,
      },
      { name: 'unknown location', path: '/v3/inventory/locations/9/items', status: 404 },
      { name: 'page 0', path: '/v3/inventory/locations/1/items?page=0', status: 422 },
      { name: 'limit above 1,000', path: '/v3/inventory/locations/1/items?limit=1001', status: 413 },
    ],
  },
  {
    method: 'PUT',
    sample: '/v3/inventory/locations/1/items',
    spec: { file: V3_INVENTORY, path: '/inventory/locations/{location_id}/items' },
    style: 'v3',
    otherMethod: 'DELETE',
    probes: [
      {
        name: 'settings with a backorder message',
        path: '/v3/inventory/locations/1/items',
        options: {
          body: {
            settings: [{ identity: { variant_id: 78 }, backorder_limit: 40, backorder_message_id: 2 }],
          },
        },
        status: 200,
      },
      {
        name: 'entry without settings',
        path: '/v3/inventory/locations/1/items',
        options: { body: { settings: [{ identity: { variant_id: 78 } }] } },
        status: 422,
      },
      {
        name: 'unknown backorder message',
        path: '/v3/inventory/locations/1/items',
        options: { body: { settings: [{ identity: { variant_id: 78 }, backorder_message_id: 99 }] } },
        status: 422,
      },
      {
        name: 'unknown location',
        path: '/v3/inventory/locations/9/items',
        options: { body: { settings: [{ identity: { variant_id: 78 }, warning_level: 1 }] } },
        status: 404,
      },
    ],
  },
  {
    method: 'PUT',
    sample: '/v3/inventory/adjustments/absolute',
    spec: { file: V3_INVENTORY, path: '/inventory/adjustments/absolute' },
    style: 'v3',
    otherMethod: 'POST',
    probes: [
      {
        name: 'absolute adjustment',
        path: '/v3/inventory/adjustments/absolute',
        options: { body: ABSOLUTE },
        status: 200,
      },
      {
        name: 'wrong identity for the tracking mode',
        path: '/v3/inventory/adjustments/absolute',
        options: { body: { items: [{ location_id: 1, variant_id: 106, quantity: 1 }] } },
        status: 422,
      },
    ],
  },
  {
    method: 'POST',
    sample: '/v3/inventory/adjustments/relative',
    spec: { file: V3_INVENTORY, path: '/inventory/adjustments/relative' },
    style: 'v3',
    otherMethod: 'PUT',
    probes: [
      {
        name: 'relative adjustment',
        path: '/v3/inventory/adjustments/relative',
        options: { body: { items: [{ location_id: 1, variant_id: 78, quantity: -1 }] } },
        status: 200,
      },
      {
        name: 'below zero',
        path: '/v3/inventory/adjustments/relative',
        options: { body: { items: [{ location_id: 1, variant_id: 78, quantity: -100_000 }] } },
        status: 422,
      },
    ],
  },
  {
    method: 'GET',
    sample: '/v2/orders',
    spec: { file: ORDERS, path: '/orders' },
    style: 'v2',
    otherMethod: 'PATCH',
    probes: [
      { name: 'all orders', path: '/v2/orders', status: 200 },
      {
        name: 'with consignments and their lines',
        path: '/v2/orders?include=consignments.line_items&consignment_structure=object',
        status: 200,
      },
      { name: 'nothing matches', path: '/v2/orders?status_id=5', status: 204 },
      { name: 'limit above 250', path: '/v2/orders?limit=251', status: 413 },
      { name: 'page 0', path: '/v2/orders?page=0', status: 400 },
      { name: 'unknown include', path: '/v2/orders?include=coupons', status: 400 },
    ],
  },
  {
    method: 'POST',
    sample: '/v2/orders',
    spec: { file: ORDERS, path: '/orders' },
    style: 'v2',
    otherMethod: 'PATCH',
    probes: [
      {
        name: 'order with a backordered line, lines inline',
        path: '/v2/orders?include=consignments.line_items&consignment_structure=object',
        options: {
          body: { billing_address: BILLING, products: [{ product_id: 112, variant_id: 74, quantity: 12 }] },
        },
        status: 200,
      },
      {
        name: 'more than stock plus allowance',
        path: '/v2/orders',
        options: {
          body: { billing_address: BILLING, products: [{ product_id: 112, variant_id: 74, quantity: 500 }] },
        },
        status: 409,
      },
      {
        name: 'unknown status',
        path: '/v2/orders',
        options: {
          body: {
            billing_address: BILLING,
            status_id: 99,
            products: [{ product_id: 130, variant_id: 78, quantity: 1 }],
          },
        },
        status: 422,
      },
      {
        name: 'no products',
        path: '/v2/orders',
        options: { body: { billing_address: BILLING } },
        status: 400,
      },
    ],
  },
  {
    method: 'GET',
    sample: '/v2/orders/count',
    spec: { file: ORDERS, path: '/orders/count' },
    style: 'v2',
    otherMethod: 'PUT',
    probes: [
      { name: 'counts', path: '/v2/orders/count', status: 200 },
      { name: 'filtered counts', path: '/v2/orders/count?status_id=11', status: 200 },
      { name: 'bad filter', path: '/v2/orders/count?customer_id=x', status: 400 },
    ],
  },
  {
    method: 'GET',
    sample: '/v2/orders/100',
    spec: { file: ORDERS, path: '/orders/{order_id}' },
    style: 'v2',
    otherMethod: 'POST',
    probes: [
      { name: 'one order', path: '/v2/orders/100', status: 200 },
      {
        name: 'with consignments',
        path: '/v2/orders/100?include=consignments&consignment_structure=object',
        status: 200,
      },
      { name: 'with fees', path: '/v2/orders/100?include=fees', status: 200 },
      { name: 'unknown order', path: '/v2/orders/999', status: 404 },
      { name: 'bad consignment_structure', path: '/v2/orders/100?consignment_structure=array', status: 400 },
    ],
  },
  {
    method: 'PUT',
    sample: '/v2/orders/100',
    spec: { file: ORDERS, path: '/orders/{order_id}' },
    style: 'v2',
    otherMethod: 'POST',
    probes: [
      { name: 'status change', path: '/v2/orders/100', options: { body: { status_id: 11 } }, status: 200 },
      {
        name: 'the guide example (backordered above quantity)',
        path: '/v2/orders/100',
        options: { body: { products: [{ id: 8, quantity: 50, quantity_backordered: 100 }] } },
        status: 422,
      },
      {
        name: 'increase beyond the allowance',
        path: '/v2/orders/100',
        options: { body: { products: [{ id: 8, quantity: 500 }] } },
        status: 409,
      },
      { name: 'unknown order', path: '/v2/orders/999', options: { body: { status_id: 11 } }, status: 404 },
    ],
  },
  {
    method: 'GET',
    sample: '/v2/orders/100/products',
    spec: { file: ORDERS, path: '/orders/{order_id}/products' },
    style: 'v2',
    otherMethod: 'POST',
    probes: [
      { name: 'lines with quantity_backordered', path: '/v2/orders/100/products', status: 200 },
      { name: 'limit above 250', path: '/v2/orders/100/products?limit=300', status: 413 },
      { name: 'unknown order', path: '/v2/orders/999/products', status: 404 },
    ],
  },
  {
    method: 'GET',
    sample: '/v2/orders/100/products/8',
    spec: { file: ORDERS, path: '/orders/{order_id}/products/{product_id}' },
    style: 'v2',
    otherMethod: 'DELETE',
    probes: [
      { name: 'one line', path: '/v2/orders/100/products/8', status: 200 },
      { name: 'unknown line', path: '/v2/orders/100/products/9', status: 404 },
    ],
  },
  {
    method: 'GET',
    sample: '/v2/orders/100/consignments',
    spec: { file: ORDERS, path: '/orders/{order_id}/consignments' },
    style: 'v2',
    otherMethod: 'POST',
    probes: [
      { name: 'consignments', path: '/v2/orders/100/consignments', status: 200 },
      {
        name: 'with lines',
        path: '/v2/orders/100/consignments?include=consignments.line_items',
        status: 200,
      },
      { name: 'unknown order', path: '/v2/orders/999/consignments', status: 404 },
      { name: 'unknown include', path: '/v2/orders/100/consignments?include=fees', status: 400 },
    ],
  },
  {
    method: 'GET',
    sample: '/v2/order_statuses',
    spec: { file: ORDERS, path: '/order_statuses' },
    style: 'v2',
    otherMethod: 'POST',
    probes: [{ name: 'statuses', path: '/v2/order_statuses', status: 200 }],
  },
  {
    method: 'GET',
    sample: '/v3/hooks',
    spec: { file: HOOKS, path: '/hooks' },
    style: 'hooks',
    otherMethod: 'DELETE',
    probes: [
      { name: 'hooks', path: '/v3/hooks', status: 200 },
      { name: 'active hooks', path: '/v3/hooks?is_active=true&limit=1', status: 200 },
      { name: 'bad boolean', path: '/v3/hooks?is_active=maybe', status: 422 },
      { name: 'limit above 250', path: '/v3/hooks?limit=251', status: 413 },
    ],
  },
  {
    method: 'POST',
    sample: '/v3/hooks',
    spec: { file: HOOKS, path: '/hooks' },
    style: 'hooks',
    otherMethod: 'DELETE',
    probes: [
      {
        name: 'https hook',
        path: '/v3/hooks',
        options: {
          body: { scope: STOCK_CHANGED, destination: 'https://example.com/new', headers: { 'x-a': 'b' } },
        },
        status: 200,
      },
      {
        name: 'https on port 8443',
        path: '/v3/hooks',
        options: { body: { scope: STOCK_CHANGED, destination: 'https://example.com:8443/x' } },
        status: 422,
      },
      {
        name: 'missing destination',
        path: '/v3/hooks',
        options: { body: { scope: STOCK_CHANGED } },
        status: 422,
      },
    ],
  },
  {
    method: 'GET',
    sample: '/v3/hooks/admin',
    spec: { file: HOOKS, path: '/hooks/admin' },
    style: 'hooks',
    otherMethod: 'DELETE',
    probes: [
      { name: 'admin info', path: '/v3/hooks/admin', status: 200 },
      { name: 'inactive hooks', path: '/v3/hooks/admin?is_active=false', status: 200 },
      { name: 'bad boolean', path: '/v3/hooks/admin?is_active=1', status: 422 },
    ],
  },
  {
    method: 'PUT',
    sample: '/v3/hooks/admin',
    spec: { file: HOOKS, path: '/hooks/admin' },
    style: 'hooks',
    otherMethod: 'DELETE',
    probes: [
      {
        name: 'emails',
        path: '/v3/hooks/admin',
        options: { body: { emails: ['ops@example.com'] } },
        status: 204,
      },
      {
        name: 'not an address',
        path: '/v3/hooks/admin',
        options: { body: { emails: ['ops'] } },
        status: 422,
      },
    ],
  },
  {
    method: 'GET',
    sample: '/v3/hooks/1',
    spec: { file: HOOKS, path: '/hooks/{webhook_id}' },
    style: 'hooks',
    otherMethod: 'POST',
    probes: [
      { name: 'one hook', path: '/v3/hooks/1', status: 200 },
      { name: 'unknown hook', path: '/v3/hooks/424242', status: 404 },
    ],
  },
  {
    method: 'PUT',
    sample: '/v3/hooks/1',
    spec: { file: HOOKS, path: '/hooks/{webhook_id}' },
    style: 'hooks',
    otherMethod: 'POST',
    probes: [
      { name: 'deactivate', path: '/v3/hooks/1', options: { body: { is_active: false } }, status: 200 },
      { name: 'no field', path: '/v3/hooks/1', options: { body: {} }, status: 422 },
      { name: 'unknown hook', path: '/v3/hooks/424242', options: { body: { is_active: true } }, status: 404 },
    ],
  },
  {
    method: 'DELETE',
    sample: '/v3/hooks/2',
    spec: { file: HOOKS, path: '/hooks/{webhook_id}' },
    style: 'hooks',
    otherMethod: 'POST',
    probes: [
      { name: 'delete', path: '/v3/hooks/2', status: 200 },
      { name: 'already deleted', path: '/v3/hooks/2', status: 404 },
    ],
  },
  {
    method: 'POST',
    sample: '/graphql',
    spec: null,
    style: 'graphql',
    otherMethod: 'GET',
    probes: [
      {
        name: 'query',
        path: '/graphql',
        options: { body: { query: '{ store { products(first: 2) { edges { node { id } } } } }' } },
        status: 200,
      },
      { name: 'no query', path: '/graphql', options: { body: { variables: {} } }, status: 400 },
    ],
  },
];

/** Counts what the walk checked, for the report. */
const tally = { routes: 0, requests: 0, checks: 0 };

function check(condition: boolean, what: string, detail?: unknown): void {
  tally.checks += 1;
  expect(condition, `${what}${detail === undefined ? '' : `: ${JSON.stringify(detail)}`}`).toBe(true);
}

function noErrors(errors: readonly string[], what: string): void {
  check(errors.length === 0, what, errors);
}

/** The content type and error schema each style answers errors with (README, "The store emulator"). */
const ERROR_CONTENT_TYPE: Readonly<Record<ApiStyle, string>> = {
  v2: 'application/json',
  v3: 'application/problem+json',
  hooks: 'application/json',
  graphql: 'application/json',
};

function styleErrorErrors(style: ApiStyle, spec: SpecRef | null, body: unknown): string[] {
  switch (style) {
    case 'v2':
      return responseComponentErrors(ORDERS, '404_Resp', body);
    case 'v3':
      return componentErrors(spec?.file ?? V3_INVENTORY, 'ErrorResponse', body);
    case 'hooks':
      return componentErrors(HOOKS, 'errorDetailed_Full', body);
    case 'graphql': {
      const errors = (body as { errors?: unknown } | undefined)?.errors;
      return Array.isArray(errors) &&
        errors.length > 0 &&
        errors.every((error) => typeof (error as { message?: unknown }).message === 'string')
        ? []
        : ['body must be {"errors": [{"message": string}, ...]}'];
    }
  }
}

/** Checks one answer: status, rate-limit headers, content type and body. */
function verify(
  routeCase: RouteCase,
  what: string,
  response: ApiResponse,
  status: number,
  { method = routeCase.method, drawsQuota = true }: { method?: string; drawsQuota?: boolean } = {},
): void {
  tally.requests += 1;
  const label = `${routeCase.method} ${routeCase.sample} ${what}`;
  check(response.status === status, `${label}: status ${response.status}, expected ${status}`, response.body);
  for (const header of RATE_HEADERS) check(response.headers.get(header) !== null, `${label}: ${header}`);
  if (drawsQuota) {
    const left = Number(response.headers.get('x-rate-limit-requests-left'));
    check(Number.isInteger(left) && left >= 0, `${label}: requests left is a count`);
  }
  if (routeCase.style === 'graphql')
    check(response.headers.get('x-bc-graphql-complexity') !== null, `${label}: x-bc-graphql-complexity`);
  const contentType = response.headers.get('content-type');
  if (status === 204) {
    check(response.body === undefined, `${label}: 204 has no body`);
    return;
  }
  const { spec } = routeCase;
  const documented =
    spec !== null && documentsStatus(spec.file, spec.path, method, status)
      ? documentedMediaTypes(spec.file, spec.path, method, status)
      : [];
  if (status < 400) {
    check(contentType === 'application/json', `${label}: content type ${contentType ?? 'none'}`);
    if (spec !== null)
      noErrors(specErrors(spec.file, spec.path, method, status, response.body), `${label}: body`);
    else check(typeof response.body === 'object' && response.body !== null, `${label}: JSON body`);
    return;
  }
  const expectedType = documented[0] ?? ERROR_CONTENT_TYPE[routeCase.style];
  check(
    contentType === expectedType,
    `${label}: content type ${contentType ?? 'none'}, expected ${expectedType}`,
  );
  noErrors(styleErrorErrors(routeCase.style, spec, response.body), `${label}: error body`);
  if (spec !== null && documented.length > 0) {
    noErrors(
      specErrors(spec.file, spec.path, method, status, response.body, expectedType),
      `${label}: spec body`,
    );
  }
}

function allRoutes(): Route[] {
  const store = openStoreDatabase(':memory:', 0);
  try {
    return [...inventoryRoutes, ...orderRoutes, ...hookRoutes, createAdminGraphqlRoute(store)];
  } finally {
    store.close();
  }
}

const routeKey = (route: { method: string; pattern: RegExp }) => `${route.method} ${route.pattern.source}`;

describe('conformance with the specs', () => {
  let emulator: Emulator;

  beforeAll(async () => {
    emulator = await startEmulator({ maxBodyBytes: MAX_BODY_BYTES, quota: 100_000 });
    // Hooks 1 to 3 for the by-id routes; 3 stays active, so GET /v3/hooks/admin lists both states.
    for (const destination of ['https://example.com/a', 'https://example.com/b', 'http://127.0.0.1:9/c']) {
      const created = await call(emulator, 'POST', '/v3/hooks', {
        body: { scope: STOCK_CHANGED, destination },
      });
      if (created.status !== 200) throw new Error(`hook not created: ${created.status}`);
    }
  });

  afterAll(() => {
    // The figures the README reports for this suite.
    console.log(`conformance: ${tally.routes} routes, ${tally.requests} requests, ${tally.checks} checks`);
  });

  it('has a case for every route the emulator serves, and one route for every case', () => {
    const routes = allRoutes();
    const covered = CASES.map((routeCase) => {
      const route = routes.find(
        (candidate) => candidate.method === routeCase.method && candidate.pattern.test(routeCase.sample),
      );
      expect(route, `${routeCase.method} ${routeCase.sample}`).toBeDefined();
      expect(route?.style).toBe(routeCase.style);
      return route === undefined ? '' : routeKey(route);
    });
    // 23 store routes: 6 inventory, 9 orders, 7 hooks, Admin GraphQL.
    expect(routes).toHaveLength(23);
    expect(new Set(covered).size).toBe(CASES.length);
    expect([...covered].sort()).toEqual(routes.map(routeKey).sort());
  });

  for (const routeCase of CASES) {
    it(`${routeCase.method} ${routeCase.sample}`, async () => {
      tally.routes += 1;
      const { method, sample } = routeCase;
      for (const probe of routeCase.probes) {
        const response = await call(emulator, probe.method ?? method, probe.path, probe.options);
        verify(routeCase, probe.name, response, probe.status);
      }
      const hasBody = method === 'POST' || method === 'PUT';
      const body = hasBody ? { raw: '{}' } : {};
      verify(
        routeCase,
        'without a token',
        await call(emulator, method, sample, { ...body, token: null }),
        401,
      );
      verify(
        routeCase,
        'with a wrong token',
        await call(emulator, method, sample, { ...body, token: 'nope' }),
        401,
      );
      verify(
        routeCase,
        'with Accept: text/html',
        await call(emulator, method, sample, { ...body, headers: { accept: 'text/html' } }),
        406,
      );
      verify(
        routeCase,
        `with ${routeCase.otherMethod}`,
        await call(
          emulator,
          routeCase.otherMethod,
          sample,
          ['GET', 'DELETE'].includes(routeCase.otherMethod) ? {} : { raw: '{}' },
        ),
        405,
        { method: routeCase.otherMethod },
      );
      const elsewhere = await fetch(`${emulator.url}/stores/zzz999${sample}`, {
        method,
        headers: { 'x-auth-token': TOKEN, accept: 'application/json', 'content-type': 'application/json' },
        ...(hasBody ? { body: '{}' } : {}),
      });
      const text = await elsewhere.text();
      verify(
        routeCase,
        'of an unknown store',
        { status: elsewhere.status, headers: elsewhere.headers, body: JSON.parse(text) as unknown },
        404,
        { drawsQuota: false },
      );
      if (!hasBody) return;
      verify(
        routeCase,
        'with a text/plain body',
        await call(emulator, method, sample, { raw: '{}', headers: { 'content-type': 'text/plain' } }),
        415,
      );
      verify(
        routeCase,
        'with broken JSON',
        await call(emulator, method, sample, { raw: '{"items": [' }),
        400,
      );
      verify(
        routeCase,
        'with a body over the size limit',
        await call(emulator, method, sample, { raw: JSON.stringify({ pad: 'x'.repeat(MAX_BODY_BYTES) }) }),
        413,
      );
    });
  }

  it('answers 429 with X-Retry-After in every style once the quota is used up', async () => {
    const limited = await startEmulator({ quota: 1, windowMs: 60_000 });
    await call(limited, 'GET', '/v3/inventory/locations');
    for (const sample of ['/v3/inventory/items', '/v2/orders', '/v3/hooks', '/graphql']) {
      const routeCase = CASES.find((candidate) => candidate.sample === sample);
      if (routeCase === undefined) throw new Error(sample);
      const response = await call(
        limited,
        routeCase.method,
        sample,
        routeCase.method === 'POST' ? { body: { query: '{ store { id } }' } } : {},
      );
      verify(routeCase, 'past the quota', response, 429);
      check(Number(response.headers.get('x-retry-after')) > 0, `${sample} past the quota: x-retry-after`);
    }
  });

  it('serves the control routes outside the store paths as JSON', async () => {
    const get = async (path: string, init: RequestInit = {}) => {
      const response = await fetch(`${emulator.url}${path}`, init);
      const text = await response.text();
      return { response, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
    };
    const json = { 'content-type': 'application/json' };
    const answers: [string, Awaited<ReturnType<typeof get>>, number][] = [
      ['health', await get('/_emulator/health'), 200],
      ['requests', await get('/_emulator/requests?since=0'), 200],
      ['deliveries', await get('/_emulator/deliveries'), 200],
      [
        'add a fault',
        await get('/_emulator/faults', { method: 'POST', headers: json, body: '{"kind":"503","count":0}' }),
        201,
      ],
      [
        'unknown fault',
        await get('/_emulator/faults', { method: 'POST', headers: json, body: '{"kind":"boom"}' }),
        400,
      ],
      ['clear faults', await get('/_emulator/faults', { method: 'DELETE' }), 204],
      ['unknown control route', await get('/_emulator/nothing'), 404],
    ];
    tally.routes += 5;
    for (const [what, { response, body }, status] of answers) {
      tally.requests += 1;
      check(response.status === status, `control ${what}: status ${response.status}, expected ${status}`);
      if (status === 204) check(body === undefined, `control ${what}: no body`);
      else check(response.headers.get('content-type') === 'application/json', `control ${what}: JSON`);
    }
    expect(answers[0]?.[1].body).toMatchObject({ ok: true, storeHash: 'abc123' });
  });

  it('rejects wrong bodies, so a pass means something', () => {
    const wrong: [string, string[]][] = [
      [
        'item with qty_backordered as a string',
        specErrors(V3_INVENTORY, '/inventory/items', 'GET', 200, {
          data: [{ identity: { sku: 'A' }, locations: [{ location_id: 1, qty_backordered: '5' }] }],
          meta: {},
        }),
      ],
      [
        'backorder_limit below 0',
        specErrors(V3_INVENTORY, '/inventory/locations/{location_id}/items', 'GET', 200, {
          data: [{ settings: { backorder_limit: -1 } }],
        }),
      ],
      [
        'hook with is_active as a string',
        specErrors(HOOKS, '/hooks/{webhook_id}', 'GET', 200, { data: { id: 1, is_active: 'yes' } }),
      ],
      [
        'hooks_list status outside the enum',
        specErrors(HOOKS, '/hooks/admin', 'GET', 200, { data: { hooks_list: [{ status: 'paused' }] } }),
      ],
      [
        'order with products inline as strings',
        specErrors(ORDERS, '/orders/{order_id}', 'GET', 200, { id: 1, products: ['line'] }),
      ],
      [
        'order product with quantity_backordered below 0',
        specErrors(ORDERS, '/orders/{order_id}/products', 'GET', 200, [{ id: 1, quantity_backordered: -2 }]),
      ],
      ['order count as a string', specErrors(ORDERS, '/orders/count', 'GET', 200, { count: 'two' })],
      [
        'V3 error with errors as a list',
        componentErrors(V3_INVENTORY, 'ErrorResponse', { status: 422, errors: [] }),
      ],
      ['V2 error as an object', responseComponentErrors(ORDERS, '404_Resp', { status: 404, message: 'x' })],
    ];
    for (const [what, errors] of wrong) {
      tally.checks += 1;
      expect(errors.length, what).toBeGreaterThan(0);
    }
  });
});
