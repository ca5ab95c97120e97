import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../logger.js';
import { loadOperationExamples } from '../operation-examples.js';

export interface DashboardOptions {
  /** Where the page is served; `/dashboard` redirects to `/dashboard/`. @default '/dashboard' */
  readonly path?: string;
  /** The documents of operations/ the page sends (embedded in it). @default loadOperationExamples() */
  readonly operations?: readonly { readonly name: string; readonly query: string }[];
  readonly logger: Logger;
}

/**
 * Both paths are relative to the repository root, which is three levels above this file whether it runs from
 * src/gateway/plugins (tests) or dist/gateway/plugins: the page and stylesheet are served from src/dashboard, the
 * scripts as tsc compiled them into dist/dashboard.
 */
const STATIC_DIR = new URL('../../../src/dashboard/', import.meta.url);
const SCRIPTS_DIR = new URL('../../../dist/dashboard/', import.meta.url);
/** The documents the page sends: over HTTP (`Locations`) and graphql-ws (`BackorderCounters`). */
const PAGE_OPERATIONS = ['Locations', 'BackorderCounters'];

interface Asset {
  readonly body: Buffer;
  readonly type: string;
  readonly etag: string;
}

function asset(body: Buffer | string, type: string): Asset {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  return {
    body: bytes,
    type,
    etag: `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`,
  };
}

/** graphql-ws's browser client (ESM) and the chunks it imports, from node_modules: nothing is fetched elsewhere. */
function graphqlWsClient(): Map<string, Asset> {
  // `require.resolve` gives the CommonJS build; the ESM build sits beside it.
  const dir = dirname(createRequire(import.meta.url).resolve('graphql-ws/client'));
  const files = new Map<string, Asset>();
  const add = (file: string): void => {
    if (files.has(file)) return;
    const text = readFileSync(join(dir, file), 'utf8');
    files.set(file, asset(text, 'text/javascript; charset=utf-8'));
    for (const match of text.matchAll(/from\s+'\.\/([\w.-]+\.js)'/g))
      if (match[1] !== undefined) add(match[1]);
  };
  add('client.js');
  return files;
}

/** The page with the documents it sends embedded as inert `application/graphql` blocks. */
function page(operations: readonly { readonly name: string; readonly query: string }[]): string {
  const blocks = PAGE_OPERATIONS.map((name) => {
    const query = operations.find((candidate) => candidate.name === name)?.query;
    if (query === undefined) throw new Error(`the dashboard needs operations/ to hold ${name}`);
    if (query.includes('</')) throw new Error(`operation ${name} cannot be embedded in a page`);
    return `<script type="application/graphql" id="operation-${name}">${query}</script>`;
  });
  // A function, so that `$` in the documents is not read as a replacement pattern.
  return readFileSync(new URL('index.html', STATIC_DIR), 'utf8').replace('<!-- operations -->', () =>
    blocks.join('\n    '),
  );
}

/** Scripts may come only from this origin, plus the page's one inline import map, allowed by its hash. */
function contentSecurityPolicy(html: string): string {
  const importMap = /<script type="importmap">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
  const hash = createHash('sha256').update(importMap).digest('base64');
  return [
    "default-src 'self'",
    `script-src 'self' 'sha256-${hash}'`,
    "connect-src 'self'",
    "img-src 'self' data:",
    "style-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Serves the backorders dashboard (src/dashboard/) at `/dashboard/`: a static page that talks to the gateway only
 * through the public GraphQL API. Every asset is local, including graphql-ws's browser client from node_modules.
 * Assets are read once, when the gateway starts; a missing build (dist/dashboard) is logged, and the page then
 * answers 503 saying how to build it.
 */
export function useDashboard(options: DashboardOptions): Plugin {
  const path = options.path ?? '/dashboard';
  const assets = new Map<string, Asset>();
  let csp = "default-src 'none'";
  let problem: string | null = null;
  try {
    if (!existsSync(SCRIPTS_DIR)) throw new Error('dist/dashboard is missing: run `npm run build`');
    const html = page(options.operations ?? loadOperationExamples());
    csp = contentSecurityPolicy(html);
    assets.set('', asset(html, 'text/html; charset=utf-8'));
    assets.set(
      'dashboard.css',
      asset(readFileSync(new URL('dashboard.css', STATIC_DIR)), 'text/css; charset=utf-8'),
    );
    for (const file of readdirSync(SCRIPTS_DIR).filter((name) => name.endsWith('.js')))
      assets.set(file, asset(readFileSync(new URL(file, SCRIPTS_DIR)), 'text/javascript; charset=utf-8'));
    for (const [file, script] of graphqlWsClient()) assets.set(`vendor/graphql-ws/${file}`, script);
  } catch (error) {
    problem = `The dashboard is unavailable: ${error instanceof Error ? error.message : String(error)}`;
    options.logger.warn(problem);
  }

  return {
    onRequest(payload) {
      const { request, url } = payload;
      const endResponse = (response: Response): void => {
        payload.endResponse(response);
      };
      if (url.pathname === path) {
        endResponse(new Response(null, { status: 308, headers: { location: `${path}/${url.search}` } }));
        return;
      }
      if (!url.pathname.startsWith(`${path}/`)) return;
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        endResponse(new Response('GET only', { status: 405, headers: { allow: 'GET, HEAD' } }));
        return;
      }
      if (problem !== null) {
        endResponse(new Response(problem, { status: 503, headers: { 'content-type': 'text/plain' } }));
        return;
      }
      const name = url.pathname.slice(path.length + 1);
      const found = assets.get(name === 'index.html' ? '' : name);
      if (found === undefined) {
        endResponse(new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } }));
        return;
      }
      const headers = {
        'content-type': found.type,
        etag: found.etag,
        'cache-control': 'no-cache',
        'content-security-policy': csp,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      };
      if (request.headers.get('if-none-match') === found.etag) {
        endResponse(new Response(null, { status: 304, headers }));
        return;
      }
      endResponse(
        new Response(request.method === 'HEAD' ? null : new Uint8Array(found.body), {
          status: 200,
          headers: { ...headers, 'content-length': String(found.body.length) },
        }),
      );
    },
  };
}
