import type { Client } from 'graphql-ws';
import type { GraphqlResponse } from '../helpers/gateway.js';

export interface Payload {
  readonly query?: string;
  readonly variables?: Record<string, unknown>;
  readonly operationName?: string;
  readonly documentId?: string;
  readonly extensions?: Record<string, unknown>;
}

export interface Answer {
  readonly status: number;
  /** Every result received, in order (one for HTTP). */
  readonly results: GraphqlResponse[];
}

/** POST /graphql with a JSON body. */
export async function overPost(graphqlUrl: string, payload: Payload): Promise<Answer> {
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(payload),
  });
  return { status: response.status, results: [(await response.json()) as GraphqlResponse] };
}

function searchOf(payload: Payload): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(payload))
    if (value !== undefined) search.set(key, typeof value === 'string' ? value : JSON.stringify(value));
  return search.toString();
}

/** GET /graphql?query=... with `Accept: application/json`. */
export async function overGet(graphqlUrl: string, payload: Payload): Promise<Answer> {
  const response = await fetch(`${graphqlUrl}?${searchOf(payload)}`, {
    headers: { accept: 'application/graphql-response+json, application/json' },
  });
  return { status: response.status, results: [(await response.json()) as GraphqlResponse] };
}

/**
 * GET /graphql?query=... (or, for payloads too long for a URL, POST) with `Accept: text/event-stream`: reads the
 * stream to its end.
 */
export async function overSse(graphqlUrl: string, payload: Payload, method = 'GET'): Promise<Answer> {
  const response =
    method === 'GET'
      ? await fetch(`${graphqlUrl}?${searchOf(payload)}`, { headers: { accept: 'text/event-stream' } })
      : await fetch(graphqlUrl, {
          method,
          headers: { accept: 'text/event-stream', 'content-type': 'application/json' },
          body: JSON.stringify(payload),
        });
  const text = await response.text();
  const results = text
    .split('\n\n')
    .filter((block) => block.includes('event: next'))
    .map(
      (block) =>
        JSON.parse(
          block
            .split('\n')
            .filter((line) => line.startsWith('data:'))
            .map((line) => line.slice(5).trim())
            .join(''),
        ) as GraphqlResponse,
    );
  return { status: response.status, results };
}

/**
 * One operation over graphql-ws, until it completes or fails; graphql-ws reports refusals as an error message,
 * returned here as a result with those errors.
 */
export function overWs(client: Client, payload: Payload, count = 1): Promise<Answer> {
  return new Promise((resolve) => {
    const results: GraphqlResponse[] = [];
    let dispose: () => void = () => undefined;
    dispose = client.subscribe(
      { query: payload.query ?? '', ...payload },
      {
        next: (value) => {
          results.push(value as GraphqlResponse);
          if (results.length >= count) {
            dispose();
            resolve({ status: 0, results });
          }
        },
        error: (error: unknown) => {
          const errors = Array.isArray(error) ? (error as GraphqlResponse['errors']) : undefined;
          resolve({
            status: 0,
            results: [...results, { errors: errors ?? [{ message: String(error) }] }],
          });
        },
        complete: () => resolve({ status: 0, results }),
      },
    );
  });
}

/** The codes of every error in every result. */
export function codes(answer: Answer): unknown[] {
  return answer.results.flatMap((result) => (result.errors ?? []).map((error) => error.extensions?.['code']));
}
