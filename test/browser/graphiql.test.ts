import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadOperationExamples } from '../../src/gateway/operation-examples.js';
import { openBrowser, outsideRequests } from '../helpers/browser.js';
import { startStack } from '../helpers/gateway.js';

/** GraphiQL is a 9 MB page and the machines running this are shared: every wait is generous. */
const SLOW = 120_000;

/** An element's text as Monaco renders it, with its non-breaking spaces as spaces. */
async function editorText(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replaceAll('\u00a0', ' ');
}

/** The GraphiQL tab of one operation, by its name. */
function tab(page: Page, name: string): Locator {
  return page.locator('.graphiql-tab-button', { hasText: new RegExp(`^\\s*${name}\\s*$`) });
}

describe('GraphiQL in Chromium', () => {
  it(
    'loads with every operation as a tab, requests nothing outside the gateway and runs Catalog',
    async () => {
      const stack = await startStack();
      const browser = await openBrowser();
      const { page } = browser;
      await page.goto(stack.gateway.graphqlUrl, { timeout: SLOW });
      const run = page.locator('.graphiql-execute-button');
      await run.waitFor({ timeout: SLOW });

      const tabs = await page.locator('.graphiql-tab-button').allTextContents();
      expect(tabs.map((tab) => tab.trim())).toEqual(loadOperationExamples().map((example) => example.name));

      // Tabs are found by their operation's name, wherever examples.json places them. Catalog's tab has its
      // example variables in the editor and sends them with the query.
      await tab(page, 'Catalog').click();
      const catalog = page.waitForResponse(
        (response) =>
          response.request().method() === 'POST' &&
          response.request().postData()?.includes('"operationName":"Catalog"') === true,
        { timeout: SLOW },
      );
      await run.click();
      const response = await catalog;
      expect(JSON.parse(response.request().postData() ?? '{}')).toMatchObject({
        variables: { first: 10, variantsFirst: 5 },
      });
      const body = (await response.json()) as {
        data?: { products?: { edges?: unknown[] } };
        errors?: unknown;
      };
      expect(body.errors).toBeUndefined();
      expect(body.data?.products?.edges?.length).toBeGreaterThan(0);
      await expect
        .poll(() => editorText(page.locator('.graphiql-response')), { timeout: SLOW })
        .toContain('Selectric Typewriter');
      await browser.screenshot('graphiql-catalog');

      // Another tab opens with its own variables (the tab bar may scroll: the tab is brought into view first).
      expect(browser.errors).toEqual([]);
      await tab(page, 'CreateOrder').scrollIntoViewIfNeeded();
      await tab(page, 'CreateOrder').dispatchEvent('click');
      await expect
        .poll(() => editorText(page.locator('.graphiql-editor-tool')), { timeout: SLOW })
        .toContain('"productId": 130');

      expect(outsideRequests(browser.requests, stack.gateway.url)).toEqual([]);
      expect(browser.requests.length).toBeGreaterThan(1);
      expect(browser.errors).toEqual([]);
    },
    4 * SLOW,
  );
});
