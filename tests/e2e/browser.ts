import { chromiumPath } from '../../infra/local/system-needs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';

/** Debian's (or Ubuntu's) Chromium, with the flags this sandboxed, offline machine needs. */
export function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium not found: `npm test` installs it (as root on Debian/Ubuntu), or set CHROMIUM_PATH.');
  return chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/**
 * One Chromium for a test file and a fresh browser context (no cookies, no storage) per test.
 * Returns a getter for the current test's page.
 */
export function useBrowserPerTest(setUp?: (page: Page) => Promise<void> | void): { page: () => Page; browser: () => Browser } {
  let browser: Browser | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    const context = await browser!.newContext();
    page = await context.newPage();
    await setUp?.(page);
    return () => context.close();
  });
  return { page: () => page!, browser: () => browser! };
}
