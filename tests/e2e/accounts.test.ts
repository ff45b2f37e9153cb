import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD, demoPeople, type DemoPerson } from '../../infra/local/demo-data';
import { useBrowserPerTest } from './browser';
import { signInAs, startSignIn, submitCredentials } from './sign-in';

const stack = inject('stack');
const chromium = useBrowserPerTest();
let page: Page;
beforeEach(() => {
  page = chromium.page();
});

const navLinks = async () =>
  (await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allInnerTexts()).map((text) => text.trim());

describe('signing in as each role through the real sign-in page', () => {
  const expectations: [DemoPerson, string, string[]][] = [
    ['traineeA', 'Trainee', ['Courses', 'My progress', 'Verify a certificate']],
    ['supervisorA', 'Supervisor', ['Courses', 'Trainees', 'Staff roster', 'Security', 'Verify a certificate']],
    ['clinicAdmin', 'Clinic admin', ['Courses', 'Trainees', 'Staff roster', 'Security', 'Verify a certificate']],
    ['platformAdmin', 'Platform admin', ['Courses', 'Trainees', 'Organisations', 'Security', 'Verify a certificate']],
  ];

  it.each(expectations)('%s sees their name, role and only their navigation', async (who, roleLabel, links) => {
    await signInAs(page, stack.webUrl, demoPeople[who].email);
    const signedInAs = await page.getByTestId('signed-in-as').innerText();
    expect(signedInAs).toContain(demoPeople[who].name);
    expect(signedInAs).toContain(roleLabel);
    expect(await navLinks()).toEqual(links);
  });

  it('a wrong password keeps you on the sign-in page with a message', async () => {
    await startSignIn(page, stack.webUrl);
    await submitCredentials(page, demoPeople.traineeA.email, 'not-the-password');
    expect(await page.getByRole('alert').innerText()).toContain('do not match');
  });

  it('signing out ends the session', async () => {
    await signInAs(page, stack.webUrl, demoPeople.traineeA.email);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await page.getByTestId('signed-in-as').count()).toBe(0);
  });
});

describe('deep links to pages you may not see', () => {
  it('ask a signed-out visitor to sign in, then return to the page', async () => {
    await page.goto(`${stack.webUrl}/trainees`);
    await page.getByRole('heading', { name: 'Sign in to continue' }).waitFor();
    await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
    await submitCredentials(page, demoPeople.supervisorA.email, DEMO_PASSWORD);
    await page.getByRole('table').waitFor();
    expect(new URL(page.url()).pathname).toBe('/trainees');
  });

  it('tell a trainee that the organisations page is not for them', async () => {
    await signInAs(page, stack.webUrl, demoPeople.traineeA.email);
    await page.goto(`${stack.webUrl}/organisations`);
    const notice = page.getByRole('region', { name: 'Not available for your role' });
    await notice.waitFor();
    expect(await notice.innerText()).toContain('This page is for platform admin accounts');
  });
});

describe('a supervisor invites a trainee', () => {
  it('the trainee accepts from the outbox, sets a password, signs in and lands on the course', async () => {
    await signInAs(page, stack.webUrl, demoPeople.supervisorA.email, undefined, '/trainees');
    await page.goto(`${stack.webUrl}/trainees`);
    const email = `robin.${Date.now()}@harbour.example`;
    await page.getByLabel('Full name').fill('Robin Newcomer');
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Send invitation' }).click();
    expect(await page.getByRole('status').filter({ hasText: 'has been invited' }).innerText()).toContain('local outbox');
    await page.getByRole('rowheader', { name: 'Robin Newcomer' }).waitFor();

    const invitee = await chromium.browser().newContext();
    const inviteePage = await invitee.newPage();
    await inviteePage.goto(`${stack.issuer}/outbox`);
    await inviteePage
      .getByRole('row', { name: new RegExp(email) })
      .getByRole('link', { name: 'Accept invitation' })
      .click();
    await inviteePage.getByLabel(/New password/).fill('Robin-password-2026');
    await inviteePage.getByLabel('Repeat the password').fill('Robin-password-2026');
    await inviteePage.getByRole('button', { name: 'Set password and continue' }).click();
    await submitCredentials(inviteePage, email, 'Robin-password-2026');
    await inviteePage.getByRole('heading', { level: 1, name: /practitioner course/ }).waitFor();
    expect(await inviteePage.getByTestId('signed-in-as').innerText()).toContain('Robin Newcomer');
    expect(new URL(inviteePage.url()).pathname).toBe('/');
    await invitee.close();
  });
});

describe('a trainee record', () => {
  it('shows the name the API gives, not one written into the link', async () => {
    await signInAs(page, stack.webUrl, demoPeople.supervisorA.email);
    await page.goto(`${stack.webUrl}/trainees/record?${new URLSearchParams({ id: demoPeople.traineeA.sub, name: 'Mallory Impostor' })}`);
    await expect.poll(() => page.getByTestId('trainee-name').innerText()).toBe(demoPeople.traineeA.name);
    expect(await page.locator('main').innerText()).not.toContain('Mallory');
    expect(await page.title()).toContain(demoPeople.traineeA.name);
  });
});
