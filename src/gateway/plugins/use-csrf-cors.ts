import type { Plugin } from 'graphql-yoga';

export interface CsrfCorsOptions {
  /** Origins allowed to call from a browser, with credentials (`CORS_ORIGINS`), e.g. `https://admin.example.com`. */
  readonly origins?: readonly string[];
  /** Also allow `http://127.0.0.1:*`, `http://localhost:*` and `http://[::1]:*` (the demo). @default false */
  readonly allowLoopback?: boolean;
  /** The GraphQL path whose POSTs are checked for CSRF. @default '/graphql' */
  readonly graphqlEndpoint?: string;
}

/** Any of these headers proves the request came from a page that passed a CORS preflight. */
export const CSRF_HEADERS = ['x-graphql-csrf', 'apollo-require-preflight', 'graphql-preflight'] as const;

/** The content types a browser form or a no-preflight `fetch` may send across origins. */
const SIMPLE_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function json(status: number, message: string, code: string): Response {
  return new Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

export interface CsrfCors extends Plugin {
  /** Whether a browser page from `origin` may call; a request without an Origin (not a browser) may. */
  readonly isAllowedOrigin: (origin: string | null | undefined) => boolean;
}

/**
 * CORS for listed origins only, and CSRF prevention. A preflight from an origin not listed gets 403 and no
 * `access-control-allow-origin`; listed origins get it with credentials. A POST to the GraphQL endpoint in a content
 * type a browser sends without preflight (form-urlencoded, multipart, text/plain) is refused with 403 unless it
 * carries one of CSRF_HEADERS, which no cross-origin page can add without passing the preflight. JSON POSTs and GET
 * queries need no such header (yoga refuses mutations over GET). The WebSocket upgrade uses `isAllowedOrigin` too,
 * since browsers apply no CORS to WebSockets.
 */
export function useCsrfCors(options: CsrfCorsOptions = {}): CsrfCors {
  const listed = new Set(options.origins ?? []);
  const endpoint = options.graphqlEndpoint ?? '/graphql';
  const isListed = (origin: string): boolean => {
    if (listed.has(origin)) return true;
    if (options.allowLoopback !== true) return false;
    try {
      const url = new URL(origin);
      return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
    } catch {
      return false;
    }
  };
  const isAllowedOrigin = (origin: string | null | undefined): boolean =>
    origin === null || origin === undefined || isListed(origin);

  return {
    isAllowedOrigin,
    onRequest(payload) {
      const { request, url } = payload;
      const endResponse = (response: Response): void => {
        payload.endResponse(response);
      };
      const origin = request.headers.get('origin');
      if (request.method === 'OPTIONS') {
        if (origin === null || !isListed(origin)) {
          endResponse(new Response(null, { status: 403, headers: { vary: 'Origin' } }));
          return;
        }
        endResponse(
          new Response(null, {
            status: 204,
            headers: {
              'access-control-allow-origin': origin,
              'access-control-allow-credentials': 'true',
              'access-control-allow-methods': 'GET, POST, OPTIONS',
              'access-control-allow-headers':
                request.headers.get('access-control-request-headers') ?? 'content-type, authorization',
              'access-control-max-age': '600',
              vary: 'Origin',
            },
          }),
        );
        return;
      }
      if (url.pathname !== endpoint || request.method !== 'POST') return;
      const type = (request.headers.get('content-type') ?? 'text/plain').split(';')[0]?.trim().toLowerCase();
      if (type === undefined || !SIMPLE_TYPES.has(type)) return;
      if (CSRF_HEADERS.some((name) => request.headers.has(name))) return;
      endResponse(
        json(
          403,
          `A POST in ${type} needs one of the headers ${CSRF_HEADERS.join(', ')} (CSRF prevention); send JSON instead`,
          'CSRF_PREVENTED',
        ),
      );
    },
    onResponse({ request, response }) {
      const origin = request.headers.get('origin');
      if (origin === null || !isListed(origin)) return;
      response.headers.set('access-control-allow-origin', origin);
      response.headers.set('access-control-allow-credentials', 'true');
      response.headers.append('vary', 'Origin');
    },
  };
}
