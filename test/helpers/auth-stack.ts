import { SignJWT } from 'jose';
import type { GatewayOptions } from '../../src/gateway/create-gateway.js';
import type { EmulatorOptions } from '../../src/emulator/options.js';
import { AUDIENCE, ISSUER } from './auth.js';
import { startStack, type Stack } from './gateway.js';

export const JWT_SECRET = 'test-jwt-secret-of-at-least-32-bytes';

/** A stack whose gateway accepts HS256 tokens signed with `JWT_SECRET`. */
export async function startAuthStack(
  options: { emulator?: EmulatorOptions; gateway?: Partial<GatewayOptions> } = {},
): Promise<Stack> {
  return startStack({
    ...options,
    gateway: {
      auth: { jwt: { secret: JWT_SECRET, issuer: ISSUER, audience: AUDIENCE, clockSkewS: 0 } },
      ...options.gateway,
    },
  });
}

/** `Bearer <token>` for a client holding `scopes`. */
export async function bearer(
  scopes: readonly string[],
  subject = 'client-1',
  expiresInS = 3600,
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const token = await new SignJWT({ iss: ISSUER, aud: AUDIENCE, sub: subject, scope: scopes.join(' ') })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt(now)
    .setExpirationTime(now + expiresInS)
    .sign(new TextEncoder().encode(JWT_SECRET));
  return `Bearer ${token}`;
}
