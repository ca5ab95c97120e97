import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../src/config.js';
import { createGateway, type GatewayOptions } from '../../src/gateway/create-gateway.js';
import { createLogger } from '../../src/gateway/logger.js';
import { RemoteSchemaMismatchError } from '../../src/gateway/remote-schema-monitor.js';
import { ADMIN_GRAPHQL_DOCUMENTS } from '../../src/gateway/upstream-documents.js';
import { createAdminGraphqlClient } from '../../src/upstream/bigcommerce-admin-graphql/client.js';
import { UnregisteredDocumentError } from '../../src/upstream/bigcommerce-admin-graphql/documents.js';
import { RemoteSchemaReadError } from '../../src/upstream/bigcommerce-admin-graphql/remote-schema.js';
import { createTransport } from '../../src/upstream/transport.js';
import { runCli } from '../helpers/cli.js';
import { addFault, lastSeq, requestsSince, startEmulator, TOKEN } from '../helpers/emulator.js';

const SNAPSHOT = new URL('../../schema/remote/admin-graphql.graphql', import.meta.url);

/** The snapshot's SDL, without the header that says where and when it was read. */
function body(text: string): string {
  return text.replace(/^(#.*\n)+\n/, '');
}

function gatewayOptions(
  storeUrl: string,
  logs: string[],
  extra: Partial<GatewayOptions> = {},
): GatewayOptions {
  return {
    storeUrl,
    accessToken: TOKEN,
    upstreamRetryBaseMs: 5,
    sweepIntervalMs: 0,
    logger: createLogger({ level: 'debug', secrets: [TOKEN], write: (line) => logs.push(line) }),
    ...extra,
  };
}

async function readiness(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${url}/readyz`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Polls `/readyz` until `accept` holds (readiness follows a background retry). */
async function readinessUntil(
  url: string,
  accept: (answer: { status: number; body: Record<string, unknown> }) => boolean,
): Promise<{ status: number; body: Record<string, unknown> }> {
  for (;;) {
    const answer = await readiness(url);
    if (accept(answer)) return answer;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('schema pull', () => {
  it('writes a snapshot of the emulator equal to the committed one', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'schema-pull-')), 'admin-graphql.graphql');
    const run = runCli(['schema', 'pull', '--out', out]);
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain(`written to ${out}`);
    const pulled = readFileSync(out, 'utf8');
    expect(pulled).toMatch(/^# source: the embedded store emulator/m);
    expect(pulled).toMatch(/^# read: \d{4}-\d\d-\d\dT/m);
    expect(body(pulled)).toBe(body(readFileSync(SNAPSHOT, 'utf8')));
  });

  it('refuses unknown arguments with its usage', async () => {
    const run = runCli(['schema', 'pull', '--into', 'x']);
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('usage: schema pull [--out path]');
  });
});

describe('configuration', () => {
  it('introspects live by default, every five minutes', () => {
    expect(readConfig({})).toMatchObject({ remoteSchema: 'live', remoteSchemaRefreshMs: 300_000 });
    expect(readConfig({ REMOTE_SCHEMA: 'snapshot', REMOTE_SCHEMA_REFRESH_MS: '0' })).toMatchObject({
      remoteSchema: 'snapshot',
      remoteSchemaRefreshMs: 0,
    });
  });

  it.each([
    [{ REMOTE_SCHEMA: 'cached' }, 'REMOTE_SCHEMA'],
    [{ REMOTE_SCHEMA_REFRESH_MS: 'often' }, 'REMOTE_SCHEMA_REFRESH_MS'],
  ])('refuses %o naming %s', (env, name) => {
    expect(() => readConfig(env)).toThrow(ConfigError);
    expect(() => readConfig(env)).toThrow(name);
  });
});

describe('upstream document registry', () => {
  it('refuses to send a document that is not registered, before any call', async () => {
    const emulator = await startEmulator();
    const transport = createTransport({ baseUrl: emulator.storeUrl, accessToken: TOKEN });
    const client = createAdminGraphqlClient(transport, { documents: ADMIN_GRAPHQL_DOCUMENTS });
    const before = (await requestsSince(emulator)).length;
    await expect(
      client.query('GatewayNodes', 'query GatewayNodes { nodes(ids: []) { id } }', {}),
    ).rejects.toThrow(UnregisteredDocumentError);
    expect((await requestsSince(emulator)).length).toBe(before);
    await transport.close();
  });
});

describe('boot', () => {
  it('introspects the store, checks every document, and shows the schema in /readyz and /metrics', async () => {
    const emulator = await startEmulator();
    const logs: string[] = [];
    const gateway = await createGateway(gatewayOptions(emulator.storeUrl, logs));
    try {
      const ready = await readiness(gateway.url);
      expect(ready.status).toBe(200);
      const committed = /^# sha256: ([0-9a-f]{64})$/m.exec(readFileSync(SNAPSHOT, 'utf8'))?.[1];
      expect(ready.body['remoteSchema']).toMatchObject({
        ready: true,
        source: 'live',
        hash: committed,
        missingFields: [],
        changes: 0,
      });
      const introspections = (await requestsSince(emulator)).filter((entry) =>
        entry.path.endsWith('/graphql'),
      );
      expect(introspections).toHaveLength(1);
      const metrics = await (await fetch(gateway.metricsUrl)).text();
      expect(metrics).toContain(
        `backorder_gateway_remote_schema_info{hash="${committed ?? ''}",source="live"} 1`,
      );
      expect(metrics).toMatch(/^backorder_gateway_remote_schema_age_seconds \d+$/m);
      expect(metrics).toMatch(/^backorder_gateway_remote_schema_missing_fields 0$/m);
    } finally {
      await gateway.stop();
    }
  });

  it('boots from the snapshot without introspecting the store', async () => {
    const emulator = await startEmulator();
    const logs: string[] = [];
    const gateway = await createGateway(
      gatewayOptions(emulator.storeUrl, logs, { remoteSchema: { source: 'snapshot' } }),
    );
    try {
      expect(await requestsSince(emulator)).toEqual([]);
      const ready = await readiness(gateway.url);
      expect(ready.status).toBe(200);
      expect(ready.body['remoteSchema']).toMatchObject({
        ready: true,
        source: 'snapshot',
        missingFields: [],
      });
      const response = await fetch(gateway.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ product(entityId: 77) { name inventory { onHand } } }' }),
      });
      const answer = (await response.json()) as { data?: { product?: { name?: unknown } } };
      expect(typeof answer.data?.product?.name).toBe('string');
    } finally {
      await gateway.stop();
    }
  });

  it.each([['ProductBasicInformation.name'], ['Product.basicInformation']])(
    'refuses to start when the store lacks %s, naming it, the document and what to do',
    async (coordinate) => {
      const emulator = await startEmulator({ adminGraphqlWithout: [coordinate] });
      const logs: string[] = [];
      const started = createGateway(gatewayOptions(emulator.storeUrl, logs));
      const error = await started.then(
        async (gateway) => {
          await gateway.stop();
          throw new Error('the gateway started');
        },
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(RemoteSchemaMismatchError);
      const message = (error as RemoteSchemaMismatchError).message;
      expect(message).toContain(`lacks ${coordinate}`);
      expect(message).toContain('as introspected');
      // Every document that selects the product's name: the nodes lookup and the catalog pages.
      expect(message).toContain(`${coordinate} (GatewayNodes: Cannot query field`);
      expect(message).toContain(`${coordinate} (GatewayProducts: Cannot query field`);
      expect(message).toContain("run a gateway version made for the store's current API");
      expect(message).toContain('backorder-gateway schema pull');
      expect((error as RemoteSchemaMismatchError).mismatches.map((m) => m.coordinate)).toContain(coordinate);
      expect(message).not.toContain(TOKEN);
      expect(logs.join('\n')).not.toContain(TOKEN);
      // The introspection was the only call: nothing was sent that the store would refuse.
      expect((await requestsSince(emulator)).map((entry) => entry.path)).toEqual(['/graphql']);
    },
  );

  it('refuses to start when the store refuses introspection with 401, without the token in the message', async () => {
    const emulator = await startEmulator();
    const logs: string[] = [];
    const wrong = 'wrong-secret-token';
    const started = createGateway({ ...gatewayOptions(emulator.storeUrl, logs), accessToken: wrong });
    await expect(started).rejects.toThrow(RemoteSchemaReadError);
    const error = (await started.catch((caught: unknown) => caught)) as Error;
    expect(error.message).toContain('(401)');
    expect(error.message).toContain('BIGCOMMERCE_ACCESS_TOKEN');
    expect(error.message).not.toContain(wrong);
  });

  it('starts unready while introspection fails with 5xx, then becomes ready', async () => {
    const emulator = await startEmulator();
    // Every attempt of the first read (one try and three retries) gets a 503.
    await addFault(emulator, { kind: '503', count: 4, path: '/graphql' });
    const logs: string[] = [];
    const gateway = await createGateway(gatewayOptions(emulator.storeUrl, logs));
    try {
      const unready = await readiness(gateway.url);
      expect(unready.status).toBe(503);
      expect(unready.body['remoteSchema']).toMatchObject({ ready: false, hash: null });
      const ready = await readinessUntil(gateway.url, (answer) => answer.status === 200);
      expect(ready.body['remoteSchema']).toMatchObject({ ready: true, source: 'live' });
    } finally {
      await gateway.stop();
    }
  });
});

interface Answer {
  status: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}

async function gql(url: string, query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

const NAME = '{ product(entityId: 77) { entityId name } }';
const PRODUCT_INVENTORY = '{ product(entityId: 77) { entityId inventory { onHand } } }';
const VARIANT = '{ variant(entityId: 78) { entityId sku inventory { onHand } locations { onHand } } }';
const PRODUCTS_PAGE = '{ products(first: 3) { edges { node { entityId inventory { onHand } } } } }';
const PRODUCTS_PAGE_NAMED = '{ products(first: 3) { edges { node { entityId name } } } }';
const INVENTORY_ITEMS = '{ inventoryItems(first: 2) { edges { node { sku locations { onHand } } } } }';
const LOCATIONS = '{ locations { entityId name } }';

function remoteDetail(answer: { body: Record<string, unknown> }): {
  hash: string;
  missingFields: string[];
  changes: number;
} {
  return answer.body['remoteSchema'] as { hash: string; missingFields: string[]; changes: number };
}

function expectUnavailable(answer: Answer, remoteField: string): void {
  expect(answer.status).toBe(400);
  expect(answer.body.data ?? null).toBeNull();
  expect(answer.body.errors).toEqual([
    {
      message: `Product.name is unavailable: the store's Admin GraphQL API no longer has ${remoteField}. Leave the field out, or try again once the store serves it.`,
      extensions: { code: 'REMOTE_FIELD_UNAVAILABLE', field: 'Product.name', remoteField },
    },
  ]);
}

function expectData(answer: Answer): void {
  expect(answer.body.errors).toBeUndefined();
  expect(answer.status).toBe(200);
  expect(answer.body.data).toBeTruthy();
}

describe('drift while running', () => {
  it('refuses the product name while the store lacks Product.basicInformation, serves the rest, and recovers', async () => {
    const emulator = await startEmulator();
    const logs: string[] = [];
    const gateway = await createGateway(
      gatewayOptions(emulator.storeUrl, logs, { remoteSchema: { refreshMs: 50 } }),
    );
    try {
      const boot = remoteDetail(await readiness(gateway.url));
      const before = {
        name: await gql(gateway.graphqlUrl, NAME),
        productInventory: await gql(gateway.graphqlUrl, PRODUCT_INVENTORY),
        variant: await gql(gateway.graphqlUrl, VARIANT),
        page: await gql(gateway.graphqlUrl, PRODUCTS_PAGE),
      };
      expectData(before.name);
      expectData(before.page);

      emulator.removeAdminGraphqlFields(['Product.basicInformation']);
      const drifted = await readinessUntil(gateway.url, (answer) =>
        remoteDetail(answer).missingFields.includes('Product.basicInformation'),
      );
      // Still ready: only operations needing the field are refused.
      expect(drifted.status).toBe(200);
      expect(drifted.body['remoteSchema']).toMatchObject({
        ready: true,
        missingFields: ['Product.basicInformation'],
        changes: 1,
      });
      expect(remoteDetail(drifted).hash).not.toBe(boot.hash);
      expect(logs.join('\n')).toContain("fields gone from the store's Admin GraphQL schema");

      expectUnavailable(await gql(gateway.graphqlUrl, NAME), 'Product.basicInformation');
      // The other fields of products and variants are read without the name; REST-backed fields as ever.
      for (const [query, expected] of [
        [PRODUCT_INVENTORY, before.productInventory],
        [VARIANT, before.variant],
      ] as const) {
        const answer = await gql(gateway.graphqlUrl, query);
        expectData(answer);
        expect(answer.body).toEqual(expected.body);
      }
      expectData(await gql(gateway.graphqlUrl, INVENTORY_ITEMS));
      expectData(await gql(gateway.graphqlUrl, LOCATIONS));
      // A catalog page without names keeps working; with names it is refused like the product's name.
      const page = await gql(gateway.graphqlUrl, PRODUCTS_PAGE);
      expectData(page);
      expect(page.body).toEqual(before.page.body);
      expectUnavailable(await gql(gateway.graphqlUrl, PRODUCTS_PAGE_NAMED), 'Product.basicInformation');

      const metrics = await (await fetch(gateway.metricsUrl)).text();
      expect(metrics).toContain(
        `backorder_gateway_remote_schema_info{hash="${remoteDetail(drifted).hash}",source="live"} 1`,
      );
      expect(metrics).toMatch(/^backorder_gateway_remote_schema_missing_fields 1$/m);
      expect(metrics).toMatch(
        /^backorder_gateway_remote_schema_missing_field\{field="Product\.basicInformation"\} 1$/m,
      );
      expect(metrics).toMatch(/^backorder_gateway_remote_schema_changes_total 1$/m);

      emulator.restoreAdminGraphqlFields();
      const restored = await readinessUntil(
        gateway.url,
        (answer) => remoteDetail(answer).missingFields.length === 0,
      );
      expect(restored.body['remoteSchema']).toMatchObject({ ready: true, hash: boot.hash, changes: 2 });
      expect(await gql(gateway.graphqlUrl, NAME)).toEqual(before.name);
      const after = await (await fetch(gateway.metricsUrl)).text();
      expect(after).toMatch(/^backorder_gateway_remote_schema_missing_fields 0$/m);
      expect(after).not.toContain('remote_schema_missing_field{');
      expect(after).toMatch(/^backorder_gateway_remote_schema_changes_total 2$/m);
      expect(logs.join('\n')).toContain("fields back in the store's Admin GraphQL schema");
    } finally {
      await gateway.stop();
    }
  });

  it('refuses the product name when the store lacks ProductBasicInformation.name', async () => {
    const emulator = await startEmulator();
    const logs: string[] = [];
    const gateway = await createGateway(
      gatewayOptions(emulator.storeUrl, logs, { remoteSchema: { refreshMs: 50 } }),
    );
    try {
      emulator.removeAdminGraphqlFields(['ProductBasicInformation.name']);
      await readinessUntil(gateway.url, (answer) => remoteDetail(answer).missingFields.length > 0);
      expectUnavailable(await gql(gateway.graphqlUrl, NAME), 'ProductBasicInformation.name');
      expectData(await gql(gateway.graphqlUrl, PRODUCT_INVENTORY));
      expectData(await gql(gateway.graphqlUrl, VARIANT));
    } finally {
      await gateway.stop();
    }
  });

  it('refuses a stitched catalog field the store dropped (CatalogProductImage.urlZoom) and serves its siblings', async () => {
    const emulator = await startEmulator();
    const logs: string[] = [];
    const gateway = await createGateway(
      gatewayOptions(emulator.storeUrl, logs, { remoteSchema: { refreshMs: 50 } }),
    );
    const images = (field: string) =>
      `{ product(entityId: 77) { id images(first: 1) { edges { node { ${field} } } } } }`;
    try {
      expectData(await gql(gateway.graphqlUrl, images('urlZoom')));
      emulator.removeAdminGraphqlFields(['ProductImage.urlZoom']);
      await readinessUntil(gateway.url, (answer) => remoteDetail(answer).missingFields.length > 0);
      expect(remoteDetail(await readiness(gateway.url)).missingFields).toEqual(['ProductImage.urlZoom']);
      const refused = await gql(gateway.graphqlUrl, images('urlZoom'));
      expect(refused.status).toBe(400);
      expect(refused.body.errors?.[0]?.extensions).toEqual({
        code: 'REMOTE_FIELD_UNAVAILABLE',
        field: 'CatalogProductImage.urlZoom',
        remoteField: 'ProductImage.urlZoom',
      });
      expectData(await gql(gateway.graphqlUrl, images('urlStandard')));
    } finally {
      await gateway.stop();
    }
  });

  it('reads the schema again at once when the store refuses a document with "Cannot query field"', async () => {
    const emulator = await startEmulator();
    const logs: string[] = [];
    // No periodic reads: only the refusal can cause one.
    const gateway = await createGateway(
      gatewayOptions(emulator.storeUrl, logs, { remoteSchema: { refreshMs: 0 } }),
    );
    try {
      const boot = remoteDetail(await readiness(gateway.url));
      emulator.removeAdminGraphqlFields(['Product.basicInformation']);
      const since = await lastSeq(emulator);

      // Validation knows nothing yet: the document is sent, refused, and the field's answer says why.
      const first = await gql(gateway.graphqlUrl, NAME);
      expect(first.body.errors?.[0]?.extensions).toEqual({
        code: 'REMOTE_FIELD_UNAVAILABLE',
        remoteField: 'Product.basicInformation',
      });
      expect(first.body.data).toEqual({ product: null });
      // The refused document, one introspection (the re-read), then the lookup without the name.
      expect((await requestsSince(emulator, since)).map((entry) => [entry.path, entry.status])).toEqual([
        ['/graphql', 200],
        ['/graphql', 200],
        ['/graphql', 200],
      ]);
      const detail = await readiness(gateway.url);
      expect(detail.body['remoteSchema']).toMatchObject({
        missingFields: ['Product.basicInformation'],
        changes: 1,
      });
      expect(remoteDetail(detail).hash).not.toBe(boot.hash);

      // From now on the operation is refused before anything is sent.
      const refused = await lastSeq(emulator);
      expectUnavailable(await gql(gateway.graphqlUrl, NAME), 'Product.basicInformation');
      expect(await requestsSince(emulator, refused)).toEqual([]);
    } finally {
      await gateway.stop();
    }
  });

  it('answers the refusal with HTTP 400 whatever the client accepts, over HTTP like the other validation refusals', async () => {
    const emulator = await startEmulator();
    const logs: string[] = [];
    const gateway = await createGateway(
      gatewayOptions(emulator.storeUrl, logs, { remoteSchema: { refreshMs: 50 } }),
    );
    try {
      emulator.removeAdminGraphqlFields(['Product.basicInformation']);
      await readinessUntil(gateway.url, (answer) => remoteDetail(answer).missingFields.length > 0);
      for (const accept of ['application/json', 'application/graphql-response+json']) {
        const response = await fetch(gateway.graphqlUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept },
          body: JSON.stringify({ query: NAME }),
        });
        expect([accept, response.status]).toEqual([accept, 400]);
        const body = (await response.json()) as Answer['body'];
        expect(body.errors?.[0]?.extensions?.['code']).toBe('REMOTE_FIELD_UNAVAILABLE');
      }
    } finally {
      await gateway.stop();
    }
  });
});
