import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { demoPeople } from '../../infra/local/demo-data';
import { useBrowserPerTest } from './browser';
import { signInAs } from './sign-in';

// On a phone the header is one row: the brand and a Menu button that opens and closes as a menu does.

const stack = inject('stack');
const chromium = useBrowserPerTest();
let page: Page;
beforeEach(() => {
  page = chromium.page();
});

type ActiveDocument = { document: { activeElement: { textContent: string | null } | null } };
const focused = () => page.evaluate(() => (globalThis as unknown as ActiveDocument).document.activeElement?.textContent?.trim());

describe('the header on a 390 px phone', () => {
  it('folds the navigation and the account behind Menu, marks the current page, and closes on Escape or a tap outside', async () => {
    await signInAs(page, stack.webUrl, demoPeople.supervisorA.email);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${stack.webUrl}/trainees`);
    const menu = page.getByRole('button', { name: 'Menu' });
    const navigation = page.getByRole('navigation', { name: 'Main' });
    await menu.waitFor();
    expect(await navigation.isVisible()).toBe(false);
    const header = await page.locator('header').boundingBox();
    expect(header!.height).toBeLessThan(80);

    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    expect(await navigation.getByRole('link', { name: 'Trainees' }).getAttribute('aria-current')).toBe('page');
    expect(await page.getByTestId('signed-in-as').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await navigation.isVisible()).toBe(false);
    expect(await focused()).toBe('Menu');

    await menu.click();
    await page.mouse.click(200, 600);
    expect(await navigation.isVisible()).toBe(false);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');

    await menu.click();
    await navigation.getByRole('link', { name: 'Staff roster' }).click();
    await page.getByRole('heading', { name: /^Staff roster/ }).waitFor();
    expect(await navigation.isVisible()).toBe(false);
  });
});
