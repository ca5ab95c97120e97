import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'graphql-yoga';

export interface CompressionOptions {
  /** Answers smaller than this many bytes go out as they are. @default 1024 */
  readonly minBytes?: number;
  /** Brotli quality (0-11): 4 compresses a 325 KB Catalog answer about as well as gzip, several times faster than 11. @default 4 */
  readonly brotliQuality?: number;
  /** gzip level (1-9). @default 6 */
  readonly gzipLevel?: number;
}

export type ContentEncoding = 'br' | 'gzip';

/**
 * The encoding to answer with for an `Accept-Encoding` header: br or gzip, whichever the client weighs more (br on a
 * tie), or null when it accepts neither. `*` stands for any encoding not listed; `q=0` refuses one.
 */
export function chooseEncoding(header: string | null): ContentEncoding | null {
  if (header === null || header.trim() === '') return null;
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (name === '') continue;
    let q = 1;
    for (const param of params) {
      const [key, value] = param.trim().split('=');
      if (key === 'q' && value !== undefined) q = Number.isFinite(Number(value)) ? Number(value) : 0;
    }
    weights.set(name.trim(), q);
  }
  const weight = (name: ContentEncoding) => weights.get(name) ?? weights.get('*') ?? 0;
  const br = weight('br');
  const gz = weight('gzip');
  if (br <= 0 && gz <= 0) return null;
  return br >= gz ? 'br' : 'gzip';
}

/** Bodies worth compressing; event streams (`text/event-stream`) and multipart streams are never buffered. */
const COMPRESSIBLE =
  /^(application\/(json|graphql-response\+json|javascript)|text\/(html|plain|css|javascript)|image\/svg\+xml)\b/i;

/** Pages and assets that are the same on every request (GraphiQL's 9 MB page): compressed once, then reused. */
const STATIC = /^(text\/(html|css|javascript)|application\/javascript)\b/i;
const STATIC_CACHE_ENTRIES = 8;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Compresses complete answers (JSON, GraphiQL's page and assets) above `minBytes` with br or gzip through
 * node:zlib, as the client's `Accept-Encoding` allows. Streams (SSE, multipart) pass untouched, so events are
 * never held back by a compressor's buffer.
 */
export function useCompression(options: CompressionOptions = {}): Plugin {
  const minBytes = options.minBytes ?? 1024;
  const brotliQuality = options.brotliQuality ?? 4;
  const gzipLevel = options.gzipLevel ?? 6;
  const cache = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();
  const compress = (body: Buffer, encoding: ContentEncoding): Promise<Uint8Array<ArrayBuffer>> =>
    encoding === 'br'
      ? brotli(body, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: brotliQuality,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
          },
        })
      : gzipAsync(body, { level: gzipLevel });
  const compressStatic = (body: Buffer, encoding: ContentEncoding): Promise<Uint8Array<ArrayBuffer>> => {
    const key = `${encoding}:${createHash('sha256').update(body).digest('base64')}`;
    let entry = cache.get(key);
    if (entry === undefined) {
      entry = compress(body, encoding);
      cache.set(key, entry);
      entry.catch(() => cache.delete(key));
      for (const oldest of cache.keys()) {
        if (cache.size <= STATIC_CACHE_ENTRIES) break;
        cache.delete(oldest);
      }
    }
    return entry;
  };
  return {
    async onResponse(payload) {
      const { request, response, fetchAPI } = payload;
      if (request.method === 'HEAD') return;
      if (response.status === 204 || response.status === 304) return;
      // Before anything reads `body` (which turns a string body into a stream): most answers are small GraphQL
      // results with a declared length.
      const declared = Number(response.headers.get('content-length') ?? Number.NaN);
      if (declared < minBytes) return;
      if (response.body === null) return;
      if (response.headers.has('content-encoding')) return;
      const type = response.headers.get('content-type') ?? '';
      if (!COMPRESSIBLE.test(type)) return;
      const encoding = chooseEncoding(request.headers.get('accept-encoding'));
      const headers = new fetchAPI.Headers(response.headers);
      headers.append('vary', 'Accept-Encoding');
      const init = { status: response.status, statusText: response.statusText, headers };
      const body = Buffer.from(await response.arrayBuffer());
      if (encoding === null || body.length < minBytes) {
        payload.setResponse(new fetchAPI.Response(body, init));
        return;
      }
      const compressed = await (STATIC.test(type) ? compressStatic : compress)(body, encoding);
      headers.set('content-encoding', encoding);
      headers.set('content-length', String(compressed.length));
      payload.setResponse(new fetchAPI.Response(compressed, init));
    },
  };
}
