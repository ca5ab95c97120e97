import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll } from 'vitest';

/** Debian's Chromium; playwright-core drives it and never downloads a browser of its own. */
export const CHROMIUM = '/usr/bin/chromium';

/** Screenshots and other artifacts of the browser tests (ignored by git). */
export const ARTIFACTS_DIR = fileURLToPath(new URL('../../test-results/', import.meta.url));

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Every URL the page asked for (documents, scripts, fetches, workers, WebSockets), in order. */
  readonly requests: string[];
  /** Uncaught errors of the page. */
  readonly errors: string[];
  /** Writes a screenshot of the page to test-results/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
}

/** Chromium with a fresh profile, closed (and its profile removed) after the suite. */
export async function openBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium is missing (${CHROMIUM}); the browser tests run in Debian's chromium. ` +
        'Install it with `apt-get install chromium` (as root), or run .ci/run, which installs it when missing.',
    );
  const profile = mkdtempSync(join(tmpdir(), 'backorder-gateway-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 800 },
  });
  afterAll(async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  });
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('websocket', (socket) => requests.push(socket.url()));
  page.on('pageerror', (error) => errors.push(error.message));
  return {
    context,
    page,
    requests,
    errors,
    async screenshot(name) {
      mkdirSync(ARTIFACTS_DIR, { recursive: true });
      const path = join(ARTIFACTS_DIR, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
  };
}

/** The requests that left `origin`: anything but its http(s)/ws(s) URLs and blob: URLs it created. */
export function outsideRequests(requests: readonly string[], origin: string): string[] {
  const { host } = new URL(origin);
  return requests.filter((url) => {
    if (url.startsWith('data:')) return false;
    const parsed = new URL(url.startsWith('blob:') ? url.slice('blob:'.length) : url);
    return parsed.host !== host || !['http:', 'https:', 'ws:', 'wss:'].includes(parsed.protocol);
  });
}
