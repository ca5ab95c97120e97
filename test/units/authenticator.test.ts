import { setTimeout as sleep } from 'node:timers/promises';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createAuthenticator } from '../../src/gateway/auth/authenticator.js';

const SECRET = 'a-shared-secret-of-at-least-thirty-two-bytes';
const ISSUER = 'https://id.example.test/';
const AUDIENCE = 'backorder-gateway';

async function sign(claims: Record<string, unknown>, expiresAtS: number): Promise<string> {
  return new SignJWT({ iss: ISSUER, aud: AUDIENCE, sub: 'client-1', scope: 'inventory:read', ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setExpirationTime(expiresAtS)
    .sign(new TextEncoder().encode(SECRET));
}

describe('bearer tokens verified before', () => {
  const authenticator = createAuthenticator({
    jwt: { secret: SECRET, issuer: ISSUER, audience: AUDIENCE, clockSkewS: 0 },
  });

  it('are accepted again with the same viewer, and refused from their expiry on', async () => {
    const expiresAtS = Math.floor(Date.now() / 1000) + 2;
    const bearer = `Bearer ${await sign({}, expiresAtS)}`;
    const first = await authenticator.authenticate(bearer);
    const again = await authenticator.authenticate(bearer);
    expect(again).toEqual(first);
    expect(first.viewer.subject).toBe('client-1');
    expect(first.expiresAt).toBe(expiresAtS * 1000);
    // The token's own expiry: whatever was remembered about it, it is refused from then on.
    await sleep(expiresAtS * 1000 - Date.now() + 10);
    await expect(authenticator.authenticate(bearer)).rejects.toThrow(/expired/);
  });

  it('vouch for nothing else: the same claims with another signature are refused', async () => {
    const token = await sign({ sub: 'client-2' }, Math.floor(Date.now() / 1000) + 3600);
    await authenticator.authenticate(`Bearer ${token}`);
    const [header, payload, signature = ''] = token.split('.');
    const forged = `${header}.${payload}.${signature.slice(0, -4)}${signature.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    await expect(authenticator.authenticate(`Bearer ${forged}`)).rejects.toThrow(/signature/);
  });

  it('are verified every time with verifiedCacheMs 0, and still accepted', async () => {
    const uncached = createAuthenticator({
      jwt: { secret: SECRET, issuer: ISSUER, audience: AUDIENCE, verifiedCacheMs: 0 },
    });
    const bearer = `Bearer ${await sign({}, Math.floor(Date.now() / 1000) + 3600)}`;
    expect((await uncached.authenticate(bearer)).viewer.subject).toBe('client-1');
    expect((await uncached.authenticate(bearer)).viewer.subject).toBe('client-1');
  });
});
