import { createHash, createPublicKey, timingSafeEqual, type KeyObject } from 'node:crypto';
import { GraphQLError } from 'graphql';
import {
  createRemoteJWKSet,
  errors as joseErrors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { createViewer, type Viewer } from './viewer.js';

/** JSON Web Tokens in `Authorization: Bearer <token>`. Exactly one of `jwksUrl`, `secret` or `publicKey`. */
export interface JwtOptions {
  /**
   * Where the signing keys are published. Fetched on first use, kept for `jwksCacheMaxAgeMs`, and fetched again
   * when a token names a key id (`kid`) not in the set (at most once per `jwksCooldownMs`), so rotated keys are
   * picked up without a restart.
   */
  readonly jwksUrl?: string;
  /** A shared secret for HS256, HS384 or HS512 tokens (at least 32 bytes). */
  readonly secret?: string;
  /** A PEM (SPKI) public key: RSA (RS*, PS*), EC (ES*) or Ed25519 (EdDSA). */
  readonly publicKey?: string;
  /** Accepted `iss` values; unchecked when absent. */
  readonly issuer?: string | readonly string[];
  /** Accepted `aud` values; unchecked when absent. */
  readonly audience?: string | readonly string[];
  /** Tolerance for `exp`, `nbf` and `iat` against this machine's clock, in seconds. @default 30 */
  readonly clockSkewS?: number;
  /** Least time between two key set fetches caused by unknown key ids. @default 30000 */
  readonly jwksCooldownMs?: number;
  /** A key set older than this is fetched again. @default 600000 */
  readonly jwksCacheMaxAgeMs?: number;
  /** Time limit of one key set fetch. @default 5000 */
  readonly jwksTimeoutMs?: number;
  /**
   * A verified token is accepted again without verifying its signature for this long (never past its expiry), so a
   * client sending the same token on every request costs one verification a minute instead of one a request; `0`
   * verifies every time. Keep it well under `jwksCacheMaxAgeMs`: a key withdrawn from the set stops being accepted
   * once both have passed. @default 60000
   */
  readonly verifiedCacheMs?: number;
  /** Verified tokens remembered at most (the oldest is forgotten first). @default 10000 */
  readonly verifiedCacheEntries?: number;
}

/** A service credential, sent as `Authorization: ApiKey <key>`; only its SHA-256 is configured. */
export interface ApiKeyEntry {
  /** Who the key belongs to: the subject in logs, audit lines and rate limits. */
  readonly name: string;
  /** Lowercase hex SHA-256 of the key (`backorder-gateway apikey hash <key>`). */
  readonly sha256: string;
  /** The scopes the key grants. */
  readonly scopes: readonly string[];
}

/** Client authentication; with neither `jwt` nor `apiKeys` nothing is accepted. */
export interface AuthenticationOptions {
  readonly jwt?: JwtOptions;
  readonly apiKeys?: readonly ApiKeyEntry[];
}

export interface Authenticated {
  readonly viewer: Viewer;
  /** When the credential stops being accepted (ms since the epoch, clock skew included); null: never. */
  readonly expiresAt: number | null;
}

export interface Authenticator {
  /** Verifies an `Authorization` value; throws `UNAUTHENTICATED` (or `AUTH_UNAVAILABLE`) otherwise. */
  authenticate(authorization: string | null | undefined): Promise<Authenticated>;
  /**
   * The answer `authenticate` would give at once for a bearer token it verified before (while that answer is
   * kept, see `JwtOptions.verifiedCacheMs`), without a promise; undefined when it has to verify.
   */
  recognise(authorization: string | null | undefined): Authenticated | undefined;
}

const REALM = 'Bearer realm="backorder-gateway"';
/** `Bearer <token>`, as `authenticate` reads it (scheme in any case, spaces around). */
const BEARER = /^\s*[Bb][Ee][Aa][Rr][Ee][Rr]\s+(\S+)\s*$/;

/** A request without valid credentials: 401 with `WWW-Authenticate`. The message never contains the credential. */
export function unauthenticated(message: string, invalidToken = true): GraphQLError {
  const challenge = invalidToken
    ? `${REALM}, error="invalid_token", error_description="${message.replaceAll('"', "'")}"`
    : REALM;
  return new GraphQLError(message, {
    extensions: {
      code: 'UNAUTHENTICATED',
      http: { status: 401, headers: { 'WWW-Authenticate': challenge } },
    },
  });
}

const HMAC_ALGORITHMS = ['HS256', 'HS384', 'HS512'];
const ASYMMETRIC_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
];

/** The algorithms a PEM public key may verify, so that a token cannot pick another family. */
function algorithmsFor(key: KeyObject): string[] {
  switch (key.asymmetricKeyType) {
    case 'rsa':
    case 'rsa-pss':
      return ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'];
    case 'ec':
      return ['ES256', 'ES384', 'ES512'];
    case 'ed25519':
      return ['EdDSA', 'Ed25519'];
    default:
      throw new Error(`unsupported public key type ${String(key.asymmetricKeyType)}`);
  }
}

/** Reads a PEM public key; the error names no part of the key. */
export function parsePublicKey(pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey(pem.replaceAll('\\n', '\n'));
  } catch {
    throw new Error('not a PEM public key');
  }
  algorithmsFor(key);
  return key;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Scopes from `scope` (space-separated, RFC 8693) and `scp` / `scopes` (arrays, or space-separated strings). */
export function scopesOf(payload: JWTPayload): string[] {
  const scopes: string[] = [];
  for (const claim of ['scope', 'scp', 'scopes']) {
    const value = payload[claim];
    if (typeof value === 'string') scopes.push(...value.split(' ').filter((scope) => scope !== ''));
    else if (Array.isArray(value))
      scopes.push(...value.filter((scope): scope is string => typeof scope === 'string'));
  }
  return scopes;
}

/** Why a token was refused, in words that carry nothing of the token. */
function describe(error: unknown): string | null {
  if (error instanceof joseErrors.JWTExpired) return 'The token has expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed)
    return `The token's "${error.claim}" claim is not accepted`;
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'The token signature is not valid';
  if (error instanceof joseErrors.JWKSNoMatchingKey) return 'No signing key matches the token';
  if (error instanceof joseErrors.JOSEAlgNotAllowed)
    return 'The token is signed with an algorithm not accepted';
  if (error instanceof joseErrors.JWKSTimeout || error instanceof joseErrors.JWKSInvalid) return null;
  if (error instanceof joseErrors.JOSEError) return 'The token is not a valid JWT';
  return null;
}

/** Verifies bearer tokens and API keys as configured. */
export function createAuthenticator(
  options: AuthenticationOptions,
  onUnavailable: (error: unknown) => void = () => undefined,
): Authenticator {
  const jwt = options.jwt;
  let key: JWTVerifyGetKey | KeyObject | Uint8Array | null = null;
  let algorithms: string[] = ASYMMETRIC_ALGORITHMS;
  if (jwt !== undefined) {
    const sources = [jwt.jwksUrl, jwt.secret, jwt.publicKey].filter((source) => source !== undefined);
    if (sources.length !== 1)
      throw new Error('JWT authentication needs exactly one of jwksUrl, secret or publicKey');
    if (jwt.jwksUrl !== undefined) {
      key = createRemoteJWKSet(new URL(jwt.jwksUrl), {
        cooldownDuration: jwt.jwksCooldownMs ?? 30_000,
        cacheMaxAge: jwt.jwksCacheMaxAgeMs ?? 600_000,
        timeoutDuration: jwt.jwksTimeoutMs ?? 5_000,
      });
    } else if (jwt.secret !== undefined) {
      if (Buffer.byteLength(jwt.secret) < 32) throw new Error('the JWT secret must be at least 32 bytes');
      key = new TextEncoder().encode(jwt.secret);
      algorithms = HMAC_ALGORITHMS;
    } else if (jwt.publicKey !== undefined) {
      const publicKey = parsePublicKey(jwt.publicKey);
      key = publicKey;
      algorithms = algorithmsFor(publicKey);
    }
  }
  const apiKeys = (options.apiKeys ?? []).map((entry) => ({
    ...entry,
    digest: Buffer.from(entry.sha256.toLowerCase(), 'hex'),
  }));
  const clockSkewS = jwt?.clockSkewS ?? 30;
  const verifiedCacheMs = jwt?.verifiedCacheMs ?? 60_000;
  const verifiedCacheEntries = jwt?.verifiedCacheEntries ?? 10_000;
  /** Verified tokens: the answer, and until when it may be given again without verifying. */
  const verified = new Map<string, { readonly authenticated: Authenticated; readonly until: number }>();

  /** The answer for a token verified before, while its cache period and validity last. */
  function recall(token: string): Authenticated | undefined {
    const entry = verified.get(token);
    if (entry === undefined) return undefined;
    if (Date.now() < entry.until) return entry.authenticated;
    verified.delete(token);
    return undefined;
  }

  function remember(token: string, authenticated: Authenticated): void {
    if (verifiedCacheMs <= 0) return;
    const now = Date.now();
    // jose refuses a token from exp + skew on (`expiresAt`), so the cached answer ends there; `nbf`, once passed,
    // stays passed.
    const until = Math.min(now + verifiedCacheMs, authenticated.expiresAt ?? Number.POSITIVE_INFINITY);
    if (until <= now) return;
    verified.set(token, { authenticated, until });
    if (verified.size > verifiedCacheEntries) {
      const oldest = verified.keys().next().value;
      if (oldest !== undefined) verified.delete(oldest);
    }
  }

  async function verifyJwt(token: string): Promise<Authenticated> {
    if (key === null) throw unauthenticated('Bearer tokens are not accepted here; send an API key');
    const known = recall(token);
    if (known !== undefined) return known;
    let payload: JWTPayload;
    try {
      const verifyOptions = {
        algorithms,
        clockTolerance: clockSkewS,
        ...(jwt?.issuer === undefined ? {} : { issuer: jwt.issuer as string | string[] }),
        ...(jwt?.audience === undefined ? {} : { audience: jwt.audience as string | string[] }),
      };
      ({ payload } =
        typeof key === 'function'
          ? await jwtVerify(token, key, verifyOptions)
          : await jwtVerify(token, key, verifyOptions));
    } catch (error) {
      const reason = describe(error);
      if (reason !== null) throw unauthenticated(reason);
      onUnavailable(error);
      throw new GraphQLError('The token could not be verified now; try again shortly', {
        extensions: { code: 'AUTH_UNAVAILABLE', http: { status: 503 } },
      });
    }
    const authenticated: Authenticated = {
      viewer: createViewer('jwt', typeof payload.sub === 'string' ? payload.sub : null, scopesOf(payload)),
      expiresAt: payload.exp === undefined ? null : (payload.exp + clockSkewS) * 1000,
    };
    remember(token, authenticated);
    return authenticated;
  }

  function verifyApiKey(secret: string): Authenticated {
    const digest = createHash('sha256').update(secret, 'utf8').digest();
    // Every entry is compared, in constant time, so that timing tells nothing about which key came close.
    let found: (typeof apiKeys)[number] | undefined;
    for (const entry of apiKeys)
      if (entry.digest.length === digest.length && timingSafeEqual(entry.digest, digest)) found = entry;
    if (found === undefined) throw unauthenticated('The API key is not valid');
    return { viewer: createViewer('apiKey', found.name, found.scopes), expiresAt: null };
  }

  return {
    recognise(authorization) {
      if (key === null || authorization === null || authorization === undefined) return undefined;
      const match = BEARER.exec(authorization);
      return match?.[1] === undefined ? undefined : recall(match[1]);
    },
    async authenticate(authorization) {
      if (authorization === null || authorization === undefined || authorization.trim() === '')
        throw unauthenticated(
          'Authentication required: send Authorization: Bearer <token> (or ApiKey <key>)',
          false,
        );
      const match = /^\s*(\S+)\s+(\S+)\s*$/.exec(authorization);
      const scheme = match?.[1]?.toLowerCase();
      const credential = match?.[2] ?? '';
      if (scheme === 'bearer') return verifyJwt(credential);
      if (scheme === 'apikey') {
        if (apiKeys.length === 0)
          throw unauthenticated('API keys are not accepted here; send a bearer token');
        return verifyApiKey(credential);
      }
      throw unauthenticated('Unsupported Authorization scheme: use Bearer <token> or ApiKey <key>');
    },
  };
}
