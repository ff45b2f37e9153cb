import { readFile } from 'node:fs/promises';
import { links } from '../../web/src/lib/links';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { demoPeople } from '../../infra/local/demo-data';
import { passEveryModule, recordSatisfactory, traineeWithAgeingCertificate } from '../support/certification';
import { newTrainee } from '../support/new-trainee';
import { wcagViolations } from './axe';
import { useBrowserPerTest } from './browser';
import { signInAs } from './sign-in';

const stack = inject('stack');
const chromium = useBrowserPerTest();
let page: Page;
beforeEach(() => {
  page = chromium.page();
});

/** The public verification page, in a browser context of its own (no one signed in), as a clinic would open it. */
async function openAsVisitor(path: string) {
  const context = await chromium.browser().newContext();
  const visitor = await context.newPage();
  await visitor.goto(`${stack.webUrl}${path}`);
  return { visitor, close: () => context.close() };
}

describe('certification in the browser', () => {
  it(
    'the supervisor records the last observed procedure and issues the certificate; the ' +
      'trainee sees it; a clinic verifies it by its link; a revocation shows at once',
    async () => {
      const trainee = await newTrainee(stack, 'Robin Browser');
      await passEveryModule(stack, trainee);
      await recordSatisfactory(stack, trainee.sub, 2);

      await signInAs(page, stack.webUrl, demoPeople.supervisorA.email);
      await page.goto(`${stack.webUrl}${links.record(trainee.sub)}`);
      await page.getByText('Observed procedures rated satisfactory: 2 of 3').waitFor();
      expect(await page.getByRole('button', { name: 'Issue certificate' }).count()).toBe(0);

      const form = page.getByRole('form', { name: 'Record an observed procedure' });
      await form.getByLabel('Procedure and area treated').fill('Surgical scar, forearm');
      for (const radio of await form.getByRole('radio', { name: 'Meets the expected standard' }).all()) await radio.check();
      await form.getByLabel('Feedback for the trainee').fill('Confident, safe technique.');
      const sent = page.waitForRequest((request) => request.url().endsWith('/observed-procedures') && request.method() === 'POST');
      await form.getByRole('button', { name: 'Record procedure' }).click();
      // Sent with an Idempotency-Key, so a retry after a timeout records it once.
      expect((await sent).headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
      await form.getByRole('status').filter({ hasText: 'Recorded: Surgical scar, forearm, satisfactory.' }).waitFor();
      await page.getByText('Observed procedures rated satisfactory: 3 of 3').waitFor();
      expect(await wcagViolations(page), 'trainee record with the observed procedure form').toEqual([]);

      await page.getByRole('button', { name: 'Issue certificate' }).click();
      const certificate = page.getByTestId('certificate');
      await certificate.waitFor();
      expect(await certificate.getByTestId('certificate-status').innerText()).toMatch(/^Valid until/);
      await certificate
        .getByRole('img', { name: /QR code/ })
        .locator('svg')
        .waitFor();
      const verifyHref = (await certificate.getByTestId('verify-link').getAttribute('href'))!;
      expect(verifyHref).toMatch(/^\/verify\?code=CIT-/);
      expect(await wcagViolations(page), 'trainee record with the certificate').toEqual([]);

      // The trainee sees the certificate on their progress page.
      const traineeContext = await chromium.browser().newContext();
      const traineePage = await traineeContext.newPage();
      await signInAs(traineePage, stack.webUrl, trainee.email, trainee.password);
      await traineePage.goto(`${stack.webUrl}/progress`);
      expect(await traineePage.getByTestId('certificate').getByTestId('certificate-holder').innerText()).toBe('Robin Browser');
      await traineeContext.close();

      const { visitor, close } = await openAsVisitor(verifyHref);
      const result = visitor.getByTestId('verification-result');
      await result.waitFor();
      expect(await result.getByTestId('certificate-status').innerText()).toMatch(/^Valid until/);
      expect(await result.getByTestId('certificate-holder').innerText()).toBe('Robin Browser');
      expect(await wcagViolations(visitor), 'verification result').toEqual([]);

      await certificate.getByText('Revoke this certificate').click();
      await certificate.getByLabel(/Reason/).fill('Practised outside the scope of the certificate.');
      await certificate.getByRole('button', { name: 'Revoke certificate' }).click();
      await certificate.getByText('Reason for revocation: Practised outside the scope of the certificate.').waitFor();
      expect(await certificate.getByTestId('certificate-status').innerText()).toMatch(/^Revoked on/);
      await page
        .getByRole('list', { name: 'Certification history, newest first' })
        .getByText(/revoked: Practised outside the scope/)
        .waitFor();

      await visitor.reload();
      await result.waitFor();
      expect(await result.getByTestId('certificate-status').innerText()).toMatch(/^Revoked on/);
      expect(await result.innerText()).not.toContain('outside the scope');
      await close();
    },
  );

  it('the supervisor renews a certificate near its expiry; its old code verifies as superseded and leads to the new one', async () => {
    const trainee = await traineeWithAgeingCertificate(stack, 'Renée Renewal');
    await recordSatisfactory(stack, trainee.sub, 1);

    await signInAs(page, stack.webUrl, demoPeople.supervisorA.email);
    await page.goto(`${stack.webUrl}${links.record(trainee.sub)}`);
    await page.getByRole('button', { name: 'Renew certificate' }).click();
    const certificate = page.getByTestId('certificate');
    await certificate.getByText(`renewing ${trainee.code}`).waitFor();
    const newCode = (await certificate.getByTestId('verify-link').getAttribute('href'))!.split('code=')[1];

    const { visitor, close } = await openAsVisitor(`/verify?code=${trainee.code}`);
    const result = visitor.getByTestId('verification-result');
    expect(await result.getByTestId('certificate-status').innerText()).toMatch(/^Superseded by its renewal/);
    await result.getByRole('link', { name: newCode }).click();
    await visitor.getByTestId('verification-result').getByText(`Certificate ${newCode}`).waitFor();
    expect(await visitor.getByTestId('certificate-status').innerText()).toMatch(/^Valid until/);
    await close();
  });

  it('a clinic admin watches the staff roster and follows a certificate to its public verification', async () => {
    await signInAs(page, stack.webUrl, demoPeople.clinicAdmin.email);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Staff roster' }).click();
    await page.getByRole('heading', { name: 'Staff roster: Harbour Skin Clinic' }).waitFor();
    const row = page.getByTestId('roster-row').filter({ hasText: demoPeople.certified.name });
    expect(await row.getByRole('cell').nth(1).innerText()).toBe('Valid');
    expect(await page.getByTestId('roster-row').filter({ hasText: demoPeople.traineeB.name }).count()).toBe(0);
    expect(await wcagViolations(page), 'staff roster').toEqual([]);

    await row.getByRole('link', { name: /^CIT-/ }).click();
    const result = page.getByTestId('verification-result');
    await result.waitFor();
    expect(await result.getByTestId('certificate-holder').innerText()).toBe(demoPeople.certified.name);

    // A printable copy for the clinic's records.
    const [download] = await Promise.all([page.waitForEvent('download'), result.getByRole('button', { name: 'Download PDF' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^CIT-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\.pdf$/);
    const file = await readFile((await download.path())!);
    expect(file.subarray(0, 5).toString()).toBe('%PDF-');
    expect(file.length).toBeGreaterThan(2_000);
  });

  it('a visitor types a code: an unknown one and one that cannot be a code each get a clear message', async () => {
    await page.goto(`${stack.webUrl}/verify`);
    const code = page.getByLabel('Certificate code');
    await code.fill('cit-0000-0000-0000');
    await page.getByRole('button', { name: 'Check certificate' }).click();
    expect(await page.getByRole('alert').innerText()).toContain('No certificate has the code cit-0000-0000-0000');
    await code.fill('hello');
    await page.getByRole('button', { name: 'Check certificate' }).click();
    await page.getByRole('alert').filter({ hasText: 'hello is not a certificate code' }).waitFor();
    expect(await wcagViolations(page), 'verify page with an error').toEqual([]);
  });
});
