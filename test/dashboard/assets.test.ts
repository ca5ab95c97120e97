import { describe, expect, it } from 'vitest';
import { startStack } from '../helpers/gateway.js';
import { operation } from '../helpers/operations.js';

describe('dashboard assets', () => {
  it('redirects /dashboard to /dashboard/, keeping the filters in the query', async () => {
    const { gateway } = await startStack();
    const response = await fetch(`${gateway.url}/dashboard?location=2&sku=SM`, { redirect: 'manual' });
    expect(response.status).toBe(308);
    expect(response.headers.get('location')).toBe('/dashboard/?location=2&sku=SM');
  });

  it('serves the page with the operations it sends and a policy that allows only this origin', async () => {
    const { gateway } = await startStack();
    const response = await fetch(`${gateway.url}/dashboard/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    const html = await response.text();
    expect(html).toContain(
      `<script type="application/graphql" id="operation-BackorderCounters">${operation('backorder-counters.graphql')}</script>`,
    );
    expect(html).toContain(
      `<script type="application/graphql" id="operation-Locations">${operation('locations.graphql')}</script>`,
    );
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('serves every script the page loads, graphql-ws included, from this host', async () => {
    const { gateway } = await startStack();
    const base = `${gateway.url}/dashboard/`;
    const pending = ['app.js', 'dashboard.css'];
    const served = new Set<string>();
    while (pending.length > 0) {
      const path = pending.pop() ?? '';
      if (served.has(path)) continue;
      const response = await fetch(new URL(path, base));
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
      served.add(path);
      if (!path.endsWith('.js')) continue;
      expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      const text = await response.text();
      for (const match of text.matchAll(/^(?:import|export)\b[^;]*?from\s*'([^']+)'/gm)) {
        const specifier = match[1] ?? '';
        const resolved =
          specifier === 'graphql-ws/client'
            ? 'vendor/graphql-ws/client.js'
            : new URL(specifier, new URL(path, base)).pathname.slice('/dashboard/'.length);
        expect(specifier.startsWith('.') || specifier === 'graphql-ws/client', specifier).toBe(true);
        pending.push(resolved);
      }
    }
    expect([...served].sort()).toEqual(
      expect.arrayContaining(['app.js', 'feed.js', 'model.js', 'vendor/graphql-ws/client.js']),
    );
  });

  it('answers 304 to a known ETag, 404 to unknown files and 405 to writes', async () => {
    const { gateway } = await startStack();
    const first = await fetch(`${gateway.url}/dashboard/app.js`);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    const again = await fetch(`${gateway.url}/dashboard/app.js`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect((await fetch(`${gateway.url}/dashboard/../package.json`)).status).not.toBe(200);
    expect((await fetch(`${gateway.url}/dashboard/vendor/graphql-ws/index.js`)).status).toBe(404);
    expect((await fetch(`${gateway.url}/dashboard/app.js`, { method: 'POST', body: '' })).status).toBe(405);
  });

  it('is not served when turned off', async () => {
    const { gateway } = await startStack({ gateway: { dashboard: false } });
    expect((await fetch(`${gateway.url}/dashboard/`)).status).toBe(404);
  });
});
