import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import { afterAll } from 'vitest';
import WebSocket from 'ws';
import type { GraphqlResponse } from './gateway.js';

export const ISSUER = 'https://id.example.test/';
export const AUDIENCE = 'backorder-gateway';

export interface SigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly jwk: JWK;
}

export async function signingKey(kid: string, alg = 'RS256'): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

/** A JWKS endpoint on port 0 that serves `keys`; `fetches` counts how often it was read. */
export async function startJwks(initial: readonly SigningKey[]) {
  const state = { keys: [...initial], fetches: 0 };
  const server = createServer((_request, response) => {
    state.fetches += 1;
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ keys: state.keys.map((key) => key.jwk) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    state,
    /** Publishes these keys from now on. */
    publish(keys: readonly SigningKey[]) {
      state.keys = [...keys];
    },
  };
}

/** A signed JWT; `claims` override the defaults (issuer, audience, subject, an hour of validity). */
export async function token(
  key: SigningKey,
  claims: JWTPayload = {},
  options: { alg?: string; expiresInS?: number } = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    iss: ISSUER,
    aud: AUDIENCE,
    sub: 'client-1',
    iat: now,
    exp: now + (options.expiresInS ?? 3600),
    ...claims,
  })
    .setProtectedHeader({ alg: options.alg ?? 'RS256', kid: key.kid })
    .sign(key.privateKey);
}

export interface HttpAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly body: GraphqlResponse;
}

/** POSTs an operation with an `Authorization` header (none when null). */
export async function post(
  graphqlUrl: string,
  authorization: string | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<HttpAnswer> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (authorization !== null) headers['authorization'] = authorization;
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    body: JSON.parse(text) as GraphqlResponse,
  };
}

/** Opens an SSE subscription with an `Authorization` header; resolves with the status and the first message. */
export async function sseFirst(
  graphqlUrl: string,
  authorization: string | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ status: number; headers: Headers; first: GraphqlResponse }> {
  const abort = new AbortController();
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  if (authorization !== null) headers['authorization'] = authorization;
  const url = `${graphqlUrl}?query=${encodeURIComponent(query)}&variables=${encodeURIComponent(JSON.stringify(variables))}`;
  const response = await fetch(url, { headers, signal: abort.signal });
  try {
    if (!(response.headers.get('content-type') ?? '').includes('text/event-stream'))
      return {
        status: response.status,
        headers: response.headers,
        first: JSON.parse(await response.text()) as GraphqlResponse,
      };
    const reader = response.body?.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const chunk = await reader?.read();
      if (chunk === undefined || chunk.done) throw new Error(`stream ended before a message: ${buffer}`);
      buffer += decoder.decode(chunk.value, { stream: true });
      for (const block of buffer.split('\n\n').slice(0, -1)) {
        const data = block
          .split('\n')
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5).trim())
          .join('');
        if (data !== '')
          return {
            status: response.status,
            headers: response.headers,
            first: JSON.parse(data) as GraphqlResponse,
          };
      }
    }
  } finally {
    abort.abort();
  }
}

/**
 * A raw graphql-transport-ws connection: sends `connection_init` with `payload`, resolves once acknowledged or
 * closed. `messages` collects what the server sent; `closed` resolves with the close code and reason.
 */
export async function openSocket(graphqlUrl: string, payload: Record<string, unknown> | undefined) {
  const socket = new WebSocket(graphqlUrl.replace(/^http/, 'ws'), 'graphql-transport-ws');
  const messages: { type: string; id?: string; payload?: unknown }[] = [];
  const waiters: (() => void)[] = [];
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  socket.on('message', (data: Buffer) => {
    messages.push(JSON.parse(data.toString()) as { type: string });
    for (const wake of waiters.splice(0)) wake();
  });
  afterAll(() => socket.close());
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  socket.send(JSON.stringify({ type: 'connection_init', ...(payload === undefined ? {} : { payload }) }));
  const acked = await Promise.race([
    closed.then(() => false),
    new Promise<boolean>((resolve) => {
      const check = () =>
        messages.some((message) => message.type === 'connection_ack') ? resolve(true) : waiters.push(check);
      check();
    }),
  ]);
  return {
    acked,
    closed,
    messages,
    socket,
    subscribe(id: string, query: string, variables: Record<string, unknown> = {}) {
      socket.send(JSON.stringify({ type: 'subscribe', id, payload: { query, variables } }));
    },
    /** Resolves with the first message for `id` (next or error), or null if the socket closes first. */
    async first(id: string) {
      return Promise.race([
        closed.then(() => messages.find((message) => message.id === id) ?? null),
        new Promise<{ type: string; payload?: unknown }>((resolve) => {
          const check = () => {
            const found = messages.find((message) => message.id === id);
            if (found !== undefined) resolve(found);
            else waiters.push(check);
          };
          check();
        }),
      ]);
    },
  };
}
