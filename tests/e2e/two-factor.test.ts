import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { demoOrganisations } from '../../infra/local/demo-data';
import { totpFor } from '../../infra/local/identity-provider/accounts';
import { acceptInvitation } from '../support/new-trainee';
import { useBrowserPerTest } from './browser';
import { startSignIn, submitCredentials } from './sign-in';

const stack = inject('stack');
const chromium = useBrowserPerTest();
let page: Page;
beforeEach(() => {
  page = chromium.page();
});

/** A supervisor of its own, invited by the platform admin, so enabling two-factor affects no other test. */
async function newSupervisor() {
  const email = `sup-${randomUUID().slice(0, 8)}@harbour.example`;
  const password = `Pw-${randomUUID()}`;
  const response = await fetch(`${stack.webUrl}/api/organisations/${demoOrganisations.harbour.orgId}/supervisors`, {
    method: 'POST',
    headers: { authorization: `Bearer ${stack.tokens.platformAdmin}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Dana Twofactor', email }),
  });
  expect(response.status).toBe(201);
  await acceptInvitation(stack, email, password);
  return { email, password };
}

async function signInWithPassword(email: string, password: string) {
  await startSignIn(page, stack.webUrl);
  await submitCredentials(page, email, password);
}

describe('two-factor sign-in for supervisors and admins', () => {
  it('asks a supervisor to set up an authenticator, turns it on, and then asks for a code at every sign-in', async () => {
    const { email, password } = await newSupervisor();
    await signInWithPassword(email, password);
    await page.getByTestId('signed-in-as').waitFor();

    const prompt = page.getByTestId('two-factor-prompt');
    await prompt.waitFor();
    await prompt.getByRole('link', { name: 'Set up an authenticator app' }).click();
    await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
    // On a computer, a phone scans the key rather than typing 32 characters.
    await page.getByRole('img', { name: 'QR code of the authenticator key' }).locator('svg').waitFor();

    await page.getByLabel('Code from the app').fill('000000');
    await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    expect(await page.getByRole('alert').innerText()).toContain('That code is not right');

    await page.getByLabel('Code from the app').fill(totpFor(secret).generate());
    await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    await page.getByTestId('two-factor-on').waitFor();
    await page.getByRole('link', { name: 'Courses' }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByTestId('two-factor-prompt').count()).toBe(0);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await signInWithPassword(email, password);
    await page.getByLabel('Code').fill(totpFor(secret).generate());
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByTestId('signed-in-as').waitFor();
    expect(await page.getByTestId('signed-in-as').innerText()).toContain('Dana Twofactor');
  });

  it('does not ask trainees', async () => {
    await signInWithPassword('alex.trainee@harbour.example', 'Demo-password-2026');
    await page.getByTestId('signed-in-as').waitFor();
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByTestId('two-factor-prompt').count()).toBe(0);
  });
});
