import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { readConfig } from '../../src/config.js';
import { locationItem } from '../helpers/emulator.js';
import { startStack } from '../helpers/gateway.js';

const SET_BIN = `mutation { updateInventorySettings(input: { items: [{ locationId: 1, variantId: 78, binPickingNumber: "EVIL" }] }) { __typename } }`;

/** Opens a WebSocket with the given Origin; resolves with the handshake's outcome. */
function upgrade(graphqlUrl: string, origin?: string): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(graphqlUrl.replace(/^http/, 'ws'), 'graphql-transport-ws', {
      ...(origin === undefined ? {} : { origin }),
    });
    socket.on('open', () => {
      socket.close();
      resolve(101);
    });
    socket.on('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.on('error', () => undefined);
  });
}

describe('CSRF prevention', () => {
  it('refuses form, multipart and text/plain mutations without a custom header, changing nothing', async () => {
    const stack = await startStack();
    const before = await locationItem(stack.emulator, 1, 78);
    const form = new FormData();
    form.set('query', SET_BIN);
    const attempts = [
      fetch(stack.gateway.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ query: SET_BIN }).toString(),
      }),
      fetch(stack.gateway.graphqlUrl, { method: 'POST', body: form }),
      fetch(stack.gateway.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({ query: SET_BIN }),
      }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'CSRF_PREVENTED' } }] });
    }
    const after = await locationItem(stack.emulator, 1, 78);
    expect(after.settings['bin_picking_number']).toBe(before.settings['bin_picking_number']);
    expect(after.settings['bin_picking_number']).not.toBe('EVIL');
  });

  it('lets a form request with a custom header, a JSON POST and a GET query through', async () => {
    const stack = await startStack();
    const withHeader = await fetch(stack.gateway.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-graphql-csrf': '1' },
      body: new URLSearchParams({ query: '{ locations { entityId } }' }).toString(),
    });
    expect(withHeader.status).toBe(200);
    const json = await stack.gql('{ locations { entityId } }');
    expect(json.body.errors).toBeUndefined();
    const get = await fetch(
      `${stack.gateway.graphqlUrl}?query=${encodeURIComponent('{ locations { entityId } }')}`,
      {
        headers: { accept: 'application/json' },
      },
    );
    expect(get.status).toBe(200);
    expect(await get.json()).toMatchObject({
      data: { locations: [{ entityId: 1 }, { entityId: 2 }, { entityId: 3 }] },
    });
  });
});

describe('CORS', () => {
  const preflight = (url: string, origin: string) =>
    fetch(url, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });

  it('answers a foreign origin without allow-origin and a listed one with credentials', async () => {
    const stack = await startStack({ gateway: { corsOrigins: ['https://admin.example.com'] } });
    const foreign = await preflight(stack.gateway.graphqlUrl, 'https://evil.example');
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    expect(foreign.headers.get('access-control-allow-credentials')).toBeNull();
    const listed = await preflight(stack.gateway.graphqlUrl, 'https://admin.example.com');
    expect(listed.status).toBe(204);
    expect(listed.headers.get('access-control-allow-origin')).toBe('https://admin.example.com');
    expect(listed.headers.get('access-control-allow-credentials')).toBe('true');
    const response = await fetch(stack.gateway.graphqlUrl, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ locations { id } }' }),
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    // Not a wildcard and not loopback unless asked.
    expect((await preflight(stack.gateway.graphqlUrl, 'http://localhost:5173')).status).toBe(403);
  });

  it('allows loopback origins in the demo', async () => {
    const stack = await startStack({ gateway: { corsAllowLoopback: true } });
    for (const origin of ['http://localhost:5173', 'http://127.0.0.1:3000', 'http://[::1]:8080']) {
      const response = await preflight(stack.gateway.graphqlUrl, origin);
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    }
    expect((await preflight(stack.gateway.graphqlUrl, 'https://localhost.evil.example')).status).toBe(403);
  });

  it('checks the WebSocket upgrade Origin against the same list', async () => {
    const stack = await startStack({ gateway: { corsOrigins: ['https://admin.example.com'] } });
    expect(await upgrade(stack.gateway.graphqlUrl, 'https://evil.example')).toBe(401);
    expect(await upgrade(stack.gateway.graphqlUrl, 'https://admin.example.com')).toBe(101);
    expect(await upgrade(stack.gateway.graphqlUrl)).toBe(101);
  });
});

describe('CORS_ORIGINS', () => {
  it('reads a comma list of origins and refuses anything else', () => {
    expect(readConfig({ CORS_ORIGINS: 'https://a.example.com, http://b.example:8080' }).corsOrigins).toEqual([
      'https://a.example.com',
      'http://b.example:8080',
    ]);
    expect(readConfig({}).corsOrigins).toEqual([]);
    expect(() => readConfig({ CORS_ORIGINS: 'https://a.example.com/path' })).toThrow(
      'CORS_ORIGINS must list origins such as https://admin.example.com, got "https://a.example.com/path"',
    );
  });
});
