import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../src/config.js';
import { sha256Hex } from '../../src/gateway/auth/authenticator.js';
import { startFromConfig } from '../../src/start.js';
import { startEmulator, TOKEN } from '../helpers/emulator.js';
import { startStack } from '../helpers/gateway.js';

const STORE = { BIGCOMMERCE_STORE_HASH: 'abc123', BIGCOMMERCE_ACCESS_TOKEN: 'tok' };
const SECRET = 'a-jwt-secret-that-is-long-enough-000';

describe('modes follow the target', () => {
  it('the emulator target: authentication off, GraphiQL and introspection on', () => {
    expect(readConfig({})).toMatchObject({
      auth: undefined,
      allowUnauthenticated: false,
      graphiql: true,
      introspection: true,
    });
  });

  it('a real store: GraphiQL and introspection off unless enabled, whatever NODE_ENV says', () => {
    expect(readConfig({ ...STORE, NODE_ENV: 'development' })).toMatchObject({
      graphiql: false,
      introspection: false,
    });
    expect(readConfig({ ...STORE, GRAPHIQL: 'true', INTROSPECTION: 'true' })).toMatchObject({
      graphiql: true,
      introspection: true,
    });
  });

  it('reads every authentication setting', () => {
    const hash = sha256Hex('some-key');
    expect(
      readConfig({
        AUTH_JWKS_URL: 'https://id.example.com/.well-known/jwks.json',
        AUTH_ISSUER: 'https://id.example.com/',
        AUTH_AUDIENCE: 'backorder-gateway, other',
        AUTH_CLOCK_SKEW_S: '5',
        AUTH_API_KEYS: JSON.stringify([{ name: 'sync', sha256: hash, scopes: ['inventory:read'] }]),
      }).auth,
    ).toEqual({
      jwt: {
        jwksUrl: 'https://id.example.com/.well-known/jwks.json',
        issuer: ['https://id.example.com/'],
        audience: ['backorder-gateway', 'other'],
        clockSkewS: 5,
      },
      apiKeys: [{ name: 'sync', sha256: hash, scopes: ['inventory:read'] }],
    });
  });

  const pem = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
  it('accepts a PEM public key, with its newlines escaped as \\n', () => {
    expect(
      readConfig({ AUTH_JWT_PUBLIC_KEY: pem.replaceAll('\n', '\\n') }).auth?.jwt?.publicKey,
    ).toBeDefined();
  });

  it.each([
    [{ AUTH_JWKS_URL: 'https://id.example.com/jwks' }, 'AUTH_ISSUER and AUTH_AUDIENCE'],
    [{ AUTH_JWKS_URL: 'ftp://id.example.com/jwks' }, 'AUTH_JWKS_URL'],
    [{ AUTH_JWT_SECRET: 'short-secret-value' }, 'AUTH_JWT_SECRET'],
    [{ AUTH_JWT_PUBLIC_KEY: 'not-a-key-secretive' }, 'AUTH_JWT_PUBLIC_KEY'],
    [{ AUTH_JWT_SECRET: SECRET, AUTH_JWT_PUBLIC_KEY: 'x' }, 'only one of'],
    [{ AUTH_ISSUER: 'https://id.example.com/' }, 'AUTH_ISSUER'],
    [{ AUTH_JWT_SECRET: SECRET, AUTH_CLOCK_SKEW_S: 'soon' }, 'AUTH_CLOCK_SKEW_S'],
    [{ AUTH_API_KEYS: '{not json' }, 'AUTH_API_KEYS'],
    [{ AUTH_API_KEYS: '[{"name":"a","sha256":"plain-key-value","scopes":[]}]' }, 'AUTH_API_KEYS[0].sha256'],
    [
      { AUTH_API_KEYS: `[{"name":"a","sha256":"${'a'.repeat(64)}","scopes":["root"]}]` },
      'AUTH_API_KEYS[0].scopes',
    ],
    [{ ALLOW_UNAUTHENTICATED: 'yes' }, 'ALLOW_UNAUTHENTICATED'],
    [{ GRAPHIQL: 'on' }, 'GRAPHIQL'],
  ])('refuses %o naming %s, without echoing secret values', (env, name) => {
    expect(() => readConfig(env)).toThrow(ConfigError);
    expect(() => readConfig(env)).toThrow(name);
    expect(() => readConfig(env)).not.toThrow(/short-secret-value|not-a-key-secretive|plain-key-value/);
  });

  it('refuses to start against a real store without authentication or ALLOW_UNAUTHENTICATED', async () => {
    const lines: string[] = [];
    await expect(startFromConfig(readConfig(STORE), (line) => lines.push(line))).rejects.toThrow(
      /needs client authentication.*ALLOW_UNAUTHENTICATED=true/,
    );
    expect(lines).toEqual([]);
  });

  it('runs against a real store with ALLOW_UNAUTHENTICATED=true, saying so, with GraphiQL and introspection off', async () => {
    const emulator = await startEmulator();
    const lines: string[] = [];
    const running = await startFromConfig(
      readConfig({
        BIGCOMMERCE_STORE_HASH: 'abc123',
        BIGCOMMERCE_ACCESS_TOKEN: TOKEN,
        BIGCOMMERCE_API_URL: emulator.url,
        ALLOW_UNAUTHENTICATED: 'true',
        PORT: '0',
        LOG_LEVEL: 'error',
      }),
      (line) => lines.push(line),
    );
    afterAll(() => running.stop());
    expect(lines).toContain(
      'authentication is off: any client can read and write the store (ALLOW_UNAUTHENTICATED=true)',
    );
    const url = running.gateway.graphqlUrl;
    const page = await fetch(url, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toContain('YogaGraphiQL');
    const ask = async (query: string) =>
      (await (
        await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query }),
        })
      ).json()) as { data?: unknown; errors?: { message: string }[] };
    const introspection = await ask('{ __schema { types { name } } }');
    expect(introspection.data).toBeUndefined();
    expect(introspection.errors?.[0]?.message).toMatch(/introspection/i);
    const typo = await ask('{ locatoins { code } }');
    expect(typo.errors?.[0]?.message).toBe('Cannot query field "locatoins" on type "Query".');
    expect((await ask('{ locations { code } }')).data).toMatchObject({ locations: [{}, {}, {}] });
  });

  it('says authentication is off on the emulator, and suggests field names there', async () => {
    const stack = await startStack();
    const typo = await stack.gql('{ locatoins { code } }');
    expect(typo.body.errors?.[0]?.message).toContain('Did you mean "locations"?');
    expect((await stack.gql('{ __schema { queryType { name } } }')).body.data).toBeDefined();
  });
});

describe('backorder-gateway apikey', () => {
  it('prints the SHA-256 of a key, and makes new keys with their configuration entry', () => {
    const hash = spawnSync(process.execPath, ['dist/cli.js', 'apikey', 'hash', 'my-key'], {
      encoding: 'utf8',
    });
    expect(hash.stdout.trim()).toBe(sha256Hex('my-key'));
    const made = spawnSync(process.execPath, ['dist/cli.js', 'apikey', 'new', 'sync', 'inventory:read'], {
      encoding: 'utf8',
    });
    const key = /key \(.*\): (\S+)/.exec(made.stdout)?.[1] ?? '';
    const entry = JSON.parse(/AUTH_API_KEYS entry: (.*)/.exec(made.stdout)?.[1] ?? '{}') as unknown;
    expect(entry).toEqual({ name: 'sync', sha256: sha256Hex(key), scopes: ['inventory:read'] });
    const bad = spawnSync(process.execPath, ['dist/cli.js', 'apikey', 'new', 'sync', 'root'], {
      encoding: 'utf8',
    });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('unknown scope(s): root');
  });
});
