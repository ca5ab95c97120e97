import type { Plugin } from 'graphql-yoga';
import type { GatewayMetrics } from '../metrics.js';

export interface MetricsPluginOptions {
  readonly metrics: GatewayMetrics;
  /** Where the metrics are served (GET, Prometheus text format). @default '/metrics' */
  readonly path?: string;
  /** The GraphQL endpoint whose requests are measured. @default '/graphql' */
  readonly graphqlEndpoint?: string;
  /**
   * Who may read the metrics, asked on every scrape: true serves them, false answers 403 (FORBIDDEN), a Response
   * is sent as it is (e.g. a 401 asking for credentials). With authentication on, this requires the
   * `gateway:admin` scope. @default everyone
   */
  readonly authorize?: (request: Request) => boolean | Response | Promise<boolean | Response>;
}

interface RequestState {
  readonly started: number;
  operation: string;
  errors: boolean;
  stream: boolean;
}

const FIRST_OPERATION_NAME = /(?:^|[\s}])(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/;

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

function hasErrors(result: unknown): boolean {
  if (Array.isArray(result)) return result.some(hasErrors);
  return (
    typeof result === 'object' &&
    result !== null &&
    'errors' in result &&
    Array.isArray(result.errors) &&
    result.errors.length > 0
  );
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/**
 * Serves `GET /metrics` and measures GraphQL over HTTP: requests by operation name and outcome with their latency,
 * subscriptions open over SSE, and subscription payloads sent (SSE, and graphql-ws outside the shared hub).
 */
export function useMetrics(options: MetricsPluginOptions): Plugin {
  const { metrics } = options;
  const path = options.path ?? '/metrics';
  const graphqlEndpoint = options.graphqlEndpoint ?? '/graphql';
  const requests = new WeakMap<Request, RequestState>();
  const serve = async (request: Request, endResponse: (response: Response) => void): Promise<void> => {
    const verdict = options.authorize === undefined ? true : await options.authorize(request);
    if (verdict instanceof Response) {
      endResponse(verdict);
      return;
    }
    if (!verdict) {
      endResponse(
        json(403, {
          errors: [
            {
              message: 'Reading metrics needs the gateway:admin scope',
              extensions: { code: 'FORBIDDEN' },
            },
          ],
        }),
      );
      return;
    }
    const text = await metrics.registry.metrics();
    endResponse(
      new Response(request.method === 'HEAD' ? null : text, {
        headers: { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' },
      }),
    );
  };
  return {
    // Synchronous but for scrapes, so that GraphQL requests do not wait a promise here.
    onRequest(payload) {
      const { request, url } = payload;
      if (url.pathname === path) {
        if (request.method !== 'GET' && request.method !== 'HEAD') {
          payload.endResponse(json(405, { errors: [{ message: 'GET only' }] }));
          return undefined;
        }
        return serve(request, (response) => payload.endResponse(response));
      }
      if (url.pathname === graphqlEndpoint && request.method !== 'OPTIONS')
        requests.set(request, { started: performance.now(), operation: '', errors: false, stream: false });
    },
    onParams({ params, request }) {
      const state = requests.get(request);
      if (state === undefined) return;
      state.operation = params.operationName ?? FIRST_OPERATION_NAME.exec(params.query ?? '')?.[1] ?? '';
    },
    onResultProcess({ request, result }) {
      const state = requests.get(request);
      if (state === undefined) return;
      if (isAsyncIterable(result)) state.stream = true;
      else state.errors = hasErrors(result);
    },
    onResponse({ request, response }) {
      const state = requests.get(request);
      if (state === undefined) return;
      requests.delete(request);
      if (request.method === 'GET' && state.operation === '' && !state.stream && response.status === 200) {
        // GraphiQL's page, not a GraphQL request.
        if (response.headers.get('content-type')?.startsWith('text/html') === true) return;
      }
      const outcome = state.stream ? 'stream' : state.errors || response.status >= 400 ? 'error' : 'ok';
      metrics.graphqlRequest(
        state.operation,
        outcome,
        state.stream ? undefined : (performance.now() - state.started) / 1000,
      );
    },
    onSubscribe({ args }) {
      // HTTP subscriptions (SSE) have a Fetch request in their context; graphql-ws ones have the socket instead.
      const context: unknown = args.contextValue;
      const http = typeof context === 'object' && context !== null && 'request' in context;
      const transport = http ? 'sse' : 'graphql-ws';
      return {
        onSubscribeResult({ result }) {
          if (!isAsyncIterable(result)) return undefined;
          if (http) metrics.httpSubscription(1);
          return {
            onNext: () => metrics.eventDelivered(transport),
            onEnd: () => {
              if (http) metrics.httpSubscription(-1);
            },
          };
        },
      };
    },
  };
}
