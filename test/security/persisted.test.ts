import { readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client/core';
import { createPersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { describe, expect, it } from 'vitest';
import { CatalogDocument, OrderDocument } from '../../src/__generated__/operations/graphql.js';
import possibleTypes from '../../src/__generated__/possible-types.js';
import { loadPersistedDocuments } from '../../src/gateway/plugins/use-persisted-documents.js';
import { startStack } from '../helpers/gateway.js';
import { wsClient } from '../helpers/live.js';
import { codes, overGet, overPost, overSse, overWs } from './transports.js';

const manifest = loadPersistedDocuments();

function idOf(prefix: string): string {
  const found = Object.entries(manifest).find(([id, text]) => id.length === 40 && text.startsWith(prefix));
  if (found === undefined) throw new Error(`no manifest entry for ${prefix}`);
  return found[0];
}

const ORDER = idOf('query Order(');
const COUNTERS = idOf('subscription BackorderCounters(');
const ADJUST = idOf('mutation AdjustInventory(');

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('the manifest', () => {
  it('keeps the codegen ids and adds the ids Apollo Client sends', () => {
    const ids = Object.keys(manifest);
    const documents = readdirSync(new URL('../../operations/', import.meta.url)).filter((file) =>
      file.endsWith('.graphql'),
    ).length;
    expect(ids.filter((id) => /^[0-9a-f]{40}$/.test(id))).toHaveLength(documents);
    const apollo = ids.filter((id) => /^[0-9a-f]{64}$/.test(id));
    expect(apollo).toHaveLength(documents);
    for (const id of apollo) expect(sha256(manifest[id] ?? '')).toBe(id);
  });
});

describe('documentId on every transport', () => {
  it('runs a document by id over GET with only an Accept header, with __typename for caches', async () => {
    const stack = await startStack();
    const answer = await overGet(stack.gateway.graphqlUrl, {
      documentId: ORDER,
      variables: { entityId: 100 },
    });
    expect(answer.status).toBe(200);
    expect(answer.results[0]?.errors).toBeUndefined();
    expect(answer.results[0]?.data).toMatchObject({
      order: { __typename: 'Order', entityId: 100, lines: [{ __typename: 'OrderLine' }] },
    });
  });

  it('runs a document by id over POST, SSE and graphql-ws (top-level documentId, empty query)', async () => {
    const stack = await startStack();
    const payload = { documentId: ORDER, variables: { entityId: 100 } };
    const expected = { order: { __typename: 'Order', entityId: 100 } };
    for (const answer of [
      await overPost(stack.gateway.graphqlUrl, payload),
      await overSse(stack.gateway.graphqlUrl, payload),
      await overWs(wsClient(stack.gateway.graphqlUrl), { ...payload, query: '' }),
    ]) {
      expect(answer.results[0]?.errors).toBeUndefined();
      expect(answer.results[0]?.data).toMatchObject(expected);
    }
  });

  it('subscribes by documentId over graphql-ws', async () => {
    const stack = await startStack();
    const answer = await overWs(wsClient(stack.gateway.graphqlUrl), {
      query: '',
      documentId: COUNTERS,
      variables: { filter: { variantIds: [78] } },
    });
    expect(answer.results[0]?.data).toMatchObject({
      backorderCounters: { __typename: 'BackorderCounters', initial: true },
    });
  });

  it('answers an unknown documentId with PERSISTED_DOCUMENT_NOT_FOUND everywhere', async () => {
    const stack = await startStack();
    const payload = { documentId: 'nope' };
    expect(codes(await overGet(stack.gateway.graphqlUrl, payload))).toEqual(['PERSISTED_DOCUMENT_NOT_FOUND']);
    expect(codes(await overWs(wsClient(stack.gateway.graphqlUrl), { ...payload, query: '' }))).toEqual([
      'PERSISTED_DOCUMENT_NOT_FOUND',
    ]);
  });
});

describe('PERSISTED_DOCUMENTS_ONLY', () => {
  const adHocQuery = '{ locations { id } }';
  const adHocSubscription = 'subscription { stockChanged { eventId } }';
  const mutation = `mutation { adjustInventory(input: { mode: RELATIVE, items: [{ locationId: 1, variantId: 78, quantity: 1 }] }) { __typename } }`;

  it('refuses ad-hoc queries, subscriptions and mutations over graphql-ws, and runs documents by id', async () => {
    const stack = await startStack({ gateway: { persistedDocumentsOnly: true } });
    await stack.mark();
    const client = wsClient(stack.gateway.graphqlUrl);
    for (const query of [adHocQuery, adHocSubscription, mutation])
      expect(codes(await overWs(client, { query }))).toEqual(['PERSISTED_DOCUMENT_REQUIRED']);
    expect(await stack.requests()).toEqual([]);
    const byId = await overWs(client, { query: '', documentId: ORDER, variables: { entityId: 100 } });
    expect(byId.results[0]?.data).toMatchObject({ order: { entityId: 100 } });
    // Apollo's WebSocket link sends the full text: accepted when its sha256 is in the manifest.
    const apolloText = Object.entries(manifest).find(
      ([id, text]) => id.length === 64 && text.startsWith('query Order('),
    )?.[1];
    const byText = await overWs(client, { query: apolloText ?? '', variables: { entityId: 100 } });
    expect(byText.results[0]?.data).toMatchObject({ order: { entityId: 100 } });
  });

  it('refuses ad-hoc documents over POST, GET and SSE, with a message that fits GET', async () => {
    const stack = await startStack({ gateway: { persistedDocumentsOnly: true } });
    for (const answer of [
      await overPost(stack.gateway.graphqlUrl, { query: adHocQuery }),
      await overGet(stack.gateway.graphqlUrl, { query: adHocQuery }),
      await overSse(stack.gateway.graphqlUrl, { query: adHocSubscription }),
    ])
      expect(codes(answer)).toEqual(['PERSISTED_DOCUMENT_REQUIRED']);
    const bare = await fetch(stack.gateway.graphqlUrl, { headers: { accept: 'application/json' } });
    expect(await bare.json()).toMatchObject({
      errors: [
        { message: 'This gateway only runs persisted documents: send a documentId from the manifest' },
      ],
    });
    const byGet = await overGet(stack.gateway.graphqlUrl, {
      documentId: ORDER,
      variables: { entityId: 100 },
    });
    expect(byGet.results[0]?.data).toMatchObject({ order: { entityId: 100 } });
    const written = await overPost(stack.gateway.graphqlUrl, {
      documentId: ADJUST,
      variables: { input: { mode: 'RELATIVE', items: [{ locationId: 1, variantId: 78, quantity: 0 }] } },
    });
    const adjusted = written.results[0]?.data?.['adjustInventory'] as { __typename?: string } | undefined;
    expect(adjusted?.__typename).toBeTypeOf('string');
  });

  it('accepts the text of a manifest document', async () => {
    const stack = await startStack({ gateway: { persistedDocumentsOnly: true } });
    const { body } = await stack.gql(manifest[ORDER] ?? '', { entityId: 100 }, 'Order');
    expect(body.errors).toBeUndefined();
    expect(body.data).toMatchObject({ order: { __typename: 'Order', entityId: 100 } });
  });
});

describe("Apollo Client's persisted-query link", () => {
  function apollo(graphqlUrl: string, sent: unknown[]) {
    const recordingFetch: typeof fetch = async (input, init) => {
      sent.push(JSON.parse(typeof init?.body === 'string' ? init.body : '{}') as unknown);
      return fetch(input, init);
    };
    return new ApolloClient({
      cache: new InMemoryCache({ possibleTypes: possibleTypes.possibleTypes }),
      link: createPersistedQueryLink({ sha256 }).concat(
        new HttpLink({ uri: graphqlUrl, fetch: recordingFetch }),
      ),
    });
  }

  it('runs the generated documents by hash alone, and their answers normalise in InMemoryCache', async () => {
    const stack = await startStack({ gateway: { persistedDocumentsOnly: true } });
    const sent: unknown[] = [];
    const client = apollo(stack.gateway.graphqlUrl, sent);
    const catalog = await client.query({ query: CatalogDocument, variables: { first: 5, variantsFirst: 5 } });
    expect(catalog.error).toBeUndefined();
    expect(catalog.data.products.edges.length).toBeGreaterThan(0);
    const order = await client.query({ query: OrderDocument, variables: { entityId: 100 } });
    expect(order.data.order?.entityId).toBe(100);
    // One request each, carrying the hash and no text.
    expect(sent).toHaveLength(2);
    for (const body of sent) expect(body).not.toHaveProperty('query');
    const cache = client.cache.extract() as Record<string, unknown>;
    expect(cache['Product:Product:77']).toMatchObject({ __typename: 'Product', entityId: 77 });
    expect(cache['Order:Order:100']).toMatchObject({ __typename: 'Order', entityId: 100 });
    expect(Object.keys(cache).some((key) => key.startsWith('InventoryLevel:'))).toBe(true);
  });

  it('falls back to the full text for an unknown hash; persisted-only mode still refuses it', async () => {
    const open = await startStack();
    const sent: unknown[] = [];
    const adHoc = gql`
      query AdHoc {
        locations {
          id
          code
        }
      }
    `;
    const result = await apollo(open.gateway.graphqlUrl, sent).query({ query: adHoc });
    expect((result.data as { locations: { __typename: string }[] }).locations[0]?.__typename).toBe(
      'Location',
    );
    expect(sent).toHaveLength(2);
    const closed = await startStack({ gateway: { persistedDocumentsOnly: true } });
    await expect(apollo(closed.gateway.graphqlUrl, []).query({ query: adHoc })).rejects.toThrow(
      'Received status code 400',
    );
  });
});
