import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { demoPeople } from '../../infra/local/demo-data';
import { wcagViolations } from './axe';
import { useBrowserPerTest } from './browser';
import { signInAs } from './sign-in';

const stack = inject('stack');
const chromium = useBrowserPerTest();
let page: Page;
beforeEach(() => {
  page = chromium.page();
});

const violations = () => wcagViolations(page);

describe('automated accessibility checks (axe-core, WCAG 2.2 A/AA rules)', () => {
  it('signed-out pages: course outline, a module with its figure, the provider sign-in page', async () => {
    for (const path of ['/', '/courses/technique', '/courses/contraindications']) {
      await page.goto(`${stack.webUrl}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await violations(), path).toEqual([]);
    }
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Email').waitFor();
    expect(await violations(), 'sign-in page').toEqual([]);
  });

  it('a trainee’s quiz with a case item, and their progress', async () => {
    await signInAs(page, stack.webUrl, demoPeople.traineeA.email);
    await page.goto(`${stack.webUrl}/courses/contraindications/quiz`);
    await page.locator('fieldset.question').first().waitFor();
    expect(await violations(), 'quiz').toEqual([]);
    await page.goto(`${stack.webUrl}/progress`);
    await page.getByRole('table').or(page.getByText('No attempts yet.')).first().waitFor();
    expect(await violations(), 'progress').toEqual([]);
  });

  it('a supervisor’s trainees page with the invitation form', async () => {
    await signInAs(page, stack.webUrl, demoPeople.supervisorA.email);
    await page.goto(`${stack.webUrl}/trainees`);
    await page.getByRole('table').waitFor();
    expect(await violations(), 'trainees').toEqual([]);
  });
});
