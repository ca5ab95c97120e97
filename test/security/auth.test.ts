import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/gateway/auth/authenticator.js';
import {
  AUDIENCE,
  ISSUER,
  openSocket,
  post,
  signingKey,
  sseFirst,
  startJwks,
  token,
} from '../helpers/auth.js';
import { startStack } from '../helpers/gateway.js';

const LOCATIONS = '{ locations { entityId code } }';
const COUNTERS = `subscription ($filter: InventoryEventFilter) {
  backorderCounters(filter: $filter) { qtyBackordered level { id } }
}`;
const API_KEY = 'bk_live_0123456789abcdef0123456789abcdef';

describe('JWT bearer tokens against a JWKS', async () => {
  const first = await signingKey('key-1');
  const jwks = await startJwks([first]);
  const stack = await startStack({
    gateway: {
      auth: {
        jwt: { jwksUrl: jwks.url, issuer: ISSUER, audience: AUDIENCE, clockSkewS: 0, jwksCooldownMs: 0 },
        apiKeys: [{ name: 'warehouse-sync', sha256: sha256Hex(API_KEY), scopes: ['inventory:read'] }],
      },
    },
  });
  const reader = await token(first, { scope: 'inventory:read events:subscribe' });

  describe('over HTTP', () => {
    it('answers a request carrying a valid token', async () => {
      const answer = await post(stack.gateway.graphqlUrl, `Bearer ${reader}`, LOCATIONS);
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body.data?.['locations']).toHaveLength(3);
    });

    it('refuses a request without credentials with 401, WWW-Authenticate and nothing upstream', async () => {
      await stack.mark();
      const answer = await post(stack.gateway.graphqlUrl, null, LOCATIONS);
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer realm="backorder-gateway"/);
      expect(answer.body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      expect(answer.body.data).toBeUndefined();
      expect(await stack.requests()).toEqual([]);
    });

    it.each([
      ['expired', async () => token(first, { scope: 'inventory:read' }, { expiresInS: -5 }), /expired/],
      [
        'signed by an unknown key under a known kid',
        async () => token({ ...(await signingKey('key-1')), kid: 'key-1' }, { scope: 'inventory:read' }),
        /signature/,
      ],
      ['from another issuer', async () => token(first, { iss: 'https://other.example/' }), /"iss"/],
      ['for another audience', async () => token(first, { aud: 'another-api' }), /"aud"/],
      [
        'under a kid the key set does not have',
        async () => token(await signingKey('key-x')),
        /No signing key/,
      ],
      [
        'signed with HS256 (not accepted from a key set)',
        async () =>
          new SignJWT({ iss: ISSUER, aud: AUDIENCE, sub: 'x', scope: 'inventory:read' })
            .setProtectedHeader({ alg: 'HS256', kid: 'key-1' })
            .setExpirationTime('1h')
            .sign(new TextEncoder().encode('a-shared-secret-of-thirty-two-bytes!')),
        /algorithm/,
      ],
      ['not a JWT at all', async () => Promise.resolve('garbage.token.value'), /not a valid JWT/],
    ])('refuses a token %s with 401 and never echoes it', async (_name, make, message) => {
      const bad = await make();
      await stack.mark();
      const answer = await post(stack.gateway.graphqlUrl, `Bearer ${bad}`, LOCATIONS);
      expect(answer.status).toBe(401);
      expect(answer.body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      expect(answer.body.errors?.[0]?.message).toMatch(message);
      expect(answer.headers.get('www-authenticate')).toContain('error="invalid_token"');
      expect(answer.text).not.toContain(bad);
      expect(stack.logs.join('\n')).not.toContain(bad);
      expect(await stack.requests()).toEqual([]);
    });

    it('picks up a rotated key: a token under a new kid is accepted once the key set publishes it', async () => {
      const second = await signingKey('key-2');
      const rotated = await token(second, { scope: 'inventory:read' });
      expect((await post(stack.gateway.graphqlUrl, `Bearer ${rotated}`, LOCATIONS)).status).toBe(401);
      jwks.publish([second]);
      const fetchesBefore = jwks.state.fetches;
      const answer = await post(stack.gateway.graphqlUrl, `Bearer ${rotated}`, LOCATIONS);
      expect(answer.status).toBe(200);
      expect(jwks.state.fetches).toBe(fetchesBefore + 1);
      // The retired key is gone from the set: its tokens are refused.
      const old = await token(first, { scope: 'inventory:read' });
      jwks.publish([second]);
      expect((await post(stack.gateway.graphqlUrl, `Bearer ${old}`, LOCATIONS)).status).toBe(401);
      jwks.publish([first, second]);
    });

    it('accepts scopes from scp and scopes arrays as well as the scope string', async () => {
      for (const claims of [{ scp: ['inventory:read'] }, { scopes: ['inventory:read'] }]) {
        const answer = await post(
          stack.gateway.graphqlUrl,
          `Bearer ${await token(first, claims)}`,
          LOCATIONS,
        );
        expect(answer.status).toBe(200);
      }
    });

    it('accepts a configured API key and refuses any other', async () => {
      expect((await post(stack.gateway.graphqlUrl, `ApiKey ${API_KEY}`, LOCATIONS)).status).toBe(200);
      const wrong = await post(stack.gateway.graphqlUrl, `ApiKey ${API_KEY}x`, LOCATIONS);
      expect(wrong.status).toBe(401);
      expect(wrong.text).not.toContain(API_KEY);
      const basic = await post(stack.gateway.graphqlUrl, 'Basic dXNlcjpwYXNz', LOCATIONS);
      expect(basic.status).toBe(401);
      expect(basic.body.errors?.[0]?.message).toMatch(/scheme/);
    });

    it('puts /_gateway/stats behind gateway:admin', async () => {
      const url = `${stack.gateway.url}/_gateway/stats`;
      expect((await fetch(url)).status).toBe(401);
      expect((await fetch(url, { headers: { authorization: `Bearer ${reader}` } })).status).toBe(403);
      const admin = await token(first, { scope: 'gateway:admin' });
      const answer = await fetch(url, { headers: { authorization: `Bearer ${admin}` } });
      expect(answer.status).toBe(200);
      expect(await answer.json()).toHaveProperty('subscriptions');
    });
  });

  describe('over SSE', () => {
    it('refuses a subscription without credentials with 401', async () => {
      const answer = await sseFirst(stack.gateway.graphqlUrl, null, COUNTERS, {
        filter: { variantIds: [74] },
      });
      expect(answer.status).toBe(401);
      expect(answer.first.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    });

    it('streams to a client with a valid token', async () => {
      const answer = await sseFirst(stack.gateway.graphqlUrl, `Bearer ${reader}`, COUNTERS, {
        filter: { variantIds: [74] },
      });
      expect(answer.status).toBe(200);
      expect(answer.first.data?.['backorderCounters']).toMatchObject({
        level: { id: expect.any(String) as string },
      });
    });
  });

  describe('over graphql-ws', () => {
    it('closes a connection without credentials with 4403', async () => {
      const connection = await openSocket(stack.gateway.graphqlUrl, undefined);
      expect(connection.acked).toBe(false);
      expect((await connection.closed).code).toBe(4403);
    });

    it('closes a connection with an invalid token with 4403, naming why but not the token', async () => {
      const expired = await token(first, { scope: 'inventory:read' }, { expiresInS: -5 });
      const connection = await openSocket(stack.gateway.graphqlUrl, { authorization: `Bearer ${expired}` });
      const closed = await connection.closed;
      expect(closed.code).toBe(4403);
      expect(closed.reason).toMatch(/expired/);
      expect(closed.reason).not.toContain(expired);
    });

    it('serves a subscription to a connection whose connection_init carries a valid token', async () => {
      const connection = await openSocket(stack.gateway.graphqlUrl, { authorization: `Bearer ${reader}` });
      expect(connection.acked).toBe(true);
      connection.subscribe('1', COUNTERS, { filter: { variantIds: [74] } });
      const message = await connection.first('1');
      expect(message).toMatchObject({ type: 'next', payload: { data: { backorderCounters: {} } } });
    });

    it('accepts an API key in connection_init', async () => {
      const connection = await openSocket(stack.gateway.graphqlUrl, { authorization: `ApiKey ${API_KEY}` });
      expect(connection.acked).toBe(true);
    });

    it('closes the socket with 4403 when the token expires', async () => {
      const shortLived = await token(first, { scope: 'inventory:read events:subscribe' }, { expiresInS: 1 });
      const connection = await openSocket(stack.gateway.graphqlUrl, {
        authorization: `Bearer ${shortLived}`,
      });
      expect(connection.acked).toBe(true);
      connection.subscribe('1', COUNTERS, { filter: { variantIds: [74] } });
      expect(await connection.first('1')).toMatchObject({ type: 'next' });
      const closed = await connection.closed;
      expect(closed).toEqual({ code: 4403, reason: 'Forbidden: the token has expired' });
    });
  });
});

describe('JWT with a static secret or public key', async () => {
  const SECRET = 'a-shared-secret-of-at-least-32-bytes!';
  const secretStack = await startStack({
    gateway: { auth: { jwt: { secret: SECRET, issuer: ISSUER, audience: AUDIENCE } } },
  });
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const pemStack = await startStack({
    gateway: {
      auth: {
        jwt: { publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(), audience: AUDIENCE },
      },
    },
  });
  const sign = (alg: string, key: Parameters<SignJWT['sign']>[0]) =>
    new SignJWT({ iss: ISSUER, aud: AUDIENCE, sub: 'svc', scope: 'inventory:read' })
      .setProtectedHeader({ alg })
      .setExpirationTime('10m')
      .sign(key);

  it('verifies HS256 tokens with the shared secret and refuses others', async () => {
    const good = await sign('HS256', new TextEncoder().encode(SECRET));
    expect((await post(secretStack.gateway.graphqlUrl, `Bearer ${good}`, LOCATIONS)).status).toBe(200);
    const bad = await sign('HS256', new TextEncoder().encode(`${SECRET}?`));
    expect((await post(secretStack.gateway.graphqlUrl, `Bearer ${bad}`, LOCATIONS)).status).toBe(401);
  });

  it('verifies ES256 tokens with the PEM public key and refuses an HS256 token signed with that key text', async () => {
    const good = await sign('ES256', privateKey);
    expect((await post(pemStack.gateway.graphqlUrl, `Bearer ${good}`, LOCATIONS)).status).toBe(200);
    const confused = await sign(
      'HS256',
      new TextEncoder().encode(publicKey.export({ type: 'spki', format: 'pem' }).toString()),
    );
    const answer = await post(pemStack.gateway.graphqlUrl, `Bearer ${confused}`, LOCATIONS);
    expect(answer.status).toBe(401);
  });
});
