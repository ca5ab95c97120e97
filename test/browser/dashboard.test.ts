import { describe, expect, it } from 'vitest';
import { openBrowser, outsideRequests } from '../helpers/browser.js';
import { startStack, type Stack } from '../helpers/gateway.js';

/** The machines running this are shared: waits are generous (how fast updates arrive belongs in the bench). */
const SLOW = 60_000;

/** Orders `quantity` of variant 78 (RE-130: 10 available at location 1, then backorders) through the API. */
async function order(stack: Stack, quantity: number): Promise<void> {
  const { body } = await stack.gql(
    'mutation ($input: CreateOrderInput!) { createOrder(input: $input) { __typename } }',
    {
      input: {
        lines: [{ productId: 130, variantId: 78, quantity }],
        billingAddress: { zip: '78701' },
      },
    },
  );
  expect(body.data?.['createOrder']).toEqual({ __typename: 'OrderCreated' });
}

describe('backorders dashboard in Chromium', () => {
  it(
    'shows the counters, most urgent first, and the change after an order made through the API',
    async () => {
      const stack = await startStack();
      const browser = await openBrowser();
      const { page } = browser;
      await page.goto(`${stack.gateway.url}/dashboard`, { timeout: SLOW });
      expect(new URL(page.url()).pathname).toBe('/dashboard/');

      const connection = page.getByRole('status').first();
      await page.locator('#connection[data-state="live"]').waitFor({ timeout: SLOW });
      expect(await connection.textContent()).toMatch(/^Live/);

      const rows = page.locator('tbody tr[data-sku]');
      await rows.first().waitFor({ timeout: SLOW });
      // The demo seed: SLCTBS-A9615491 at its limit (20 of 20) comes first; SM14 (6 of 15) next.
      const first = rows.first();
      expect(await first.getAttribute('data-sku')).toBe('SLCTBS-A9615491');
      expect(await first.getAttribute('class')).toContain('at-limit');
      expect(await first.locator('.status').textContent()).toBe('At limit');
      expect(await rows.nth(1).getAttribute('data-sku')).toBe('SM14');
      const re130 = page.locator('tbody tr[data-sku="RE-130"][data-location="1"]');
      expect(await re130.count()).toBe(0);

      await order(stack, 12);
      await re130.locator('.backordered', { hasText: /^2$/ }).waitFor({ timeout: SLOW });
      expect(await re130.locator('.limit').textContent()).toBe('33');
      expect(await re130.locator('.remaining').textContent()).toBe('31');
      await browser.screenshot('dashboard');

      await order(stack, 1);
      await re130.locator('.backordered', { hasText: /^3$/ }).waitFor({ timeout: SLOW });
      expect(await page.locator('#updated').textContent()).toMatch(/^Last change/);

      // Filters, used through their labels.
      await page.getByLabel('SKU').fill('re-1');
      await expect
        .poll(() => rows.evaluateAll((all) => all.map((row) => row.dataset['sku'])), {
          timeout: SLOW,
        })
        .toEqual(['RE-130']);
      expect(new URL(page.url()).searchParams.get('sku')).toBe('re-1');
      await page.getByLabel('SKU').fill('');
      await page.getByLabel('Location').selectOption({ label: 'East warehouse (WH-EAST)' });
      await expect
        .poll(() => rows.evaluateAll((all) => all.map((row) => row.dataset['sku'])), {
          timeout: SLOW,
        })
        .toEqual(['sku-5']);
      await browser.screenshot('dashboard-filtered');

      expect(outsideRequests(browser.requests, stack.gateway.url)).toEqual([]);
      expect(browser.requests.some((url) => url.startsWith('ws://'))).toBe(true);
      expect(browser.errors).toEqual([]);
    },
    5 * SLOW,
  );
});
