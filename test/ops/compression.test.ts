import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chooseEncoding } from '../../src/gateway/plugins/use-compression.js';
import { startStack } from '../helpers/gateway.js';
import { operation } from '../helpers/operations.js';

interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

/** One HTTP exchange without any client-side decoding; `firstChunkOnly` stops after the first body chunk. */
function raw(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; firstChunkOnly?: boolean },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        if (options.firstChunkOnly === true) {
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          });
          req.destroy();
        }
      });
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
      response.on('error', reject);
    });
    req.on('error', (error) => {
      if (options.firstChunkOnly !== true) reject(error);
    });
    req.end(options.body);
  });
}

describe('response compression', () => {
  it('sends the Catalog answer as br or gzip as Accept-Encoding allows, decoding to the same JSON', async () => {
    const stack = await startStack();
    const body = JSON.stringify({
      query: operation('catalog.graphql'),
      operationName: 'Catalog',
      variables: { first: 50 },
    });
    const post = (encoding: string | undefined) =>
      raw(stack.gateway.graphqlUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          ...(encoding === undefined ? {} : { 'accept-encoding': encoding }),
        },
        body,
      });
    const plain = await post(undefined);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(1024);
    const expected: unknown = JSON.parse(plain.body.toString('utf8'));
    expect(expected).toHaveProperty('data.products');

    const br = await post('gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['vary']).toContain('Accept-Encoding');
    expect(br.body.length).toBeLessThan(plain.body.length / 4);
    expect(JSON.parse(brotliDecompressSync(br.body).toString('utf8'))).toEqual(expected);

    const gzip = await post('gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzip.body).toString('utf8'))).toEqual(expected);

    const refused = await post('br;q=0, gzip;q=0');
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(refused.body.toString('utf8'))).toEqual(expected);
  });

  it('leaves answers under 1 KiB as they are', async () => {
    const stack = await startStack();
    const small = await raw(stack.gateway.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip, br' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.body.toString('utf8'))).toEqual({ data: { __typename: 'Query' } });
  });

  it('never compresses an event stream', async () => {
    const stack = await startStack();
    const query = encodeURIComponent(
      'subscription { backorderCounters(filter: { variantIds: [78] }) { qtyBackordered } }',
    );
    const sse = await raw(`${stack.gateway.graphqlUrl}?query=${query}`, {
      headers: { accept: 'text/event-stream', 'accept-encoding': 'gzip, br' },
      firstChunkOnly: true,
    });
    expect(sse.status).toBe(200);
    expect(sse.headers['content-type']).toContain('text/event-stream');
    // yoga marks event streams `Content-Encoding: none`.
    expect([undefined, 'none']).toContain(sse.headers['content-encoding']);
    expect(sse.body.toString('utf8')).toMatch(/^(:|event:|data:)/m);
  });

  it('compresses GraphiQL, its largest page', async () => {
    const stack = await startStack();
    const page = await raw(stack.gateway.graphqlUrl, {
      headers: { accept: 'text/html', 'accept-encoding': 'gzip' },
    });
    expect(page.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(page.body).toString('utf8')).toContain('YogaGraphiQL');
  });

  it.each([
    [null, null],
    ['', null],
    ['gzip', 'gzip'],
    ['br', 'br'],
    ['gzip, br', 'br'],
    ['gzip;q=1, br;q=0.5', 'gzip'],
    ['*', 'br'],
    ['*;q=0, gzip', 'gzip'],
    ['identity', null],
    ['br;q=0, gzip;q=0', null],
  ])('Accept-Encoding %j gives %j', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });
});
