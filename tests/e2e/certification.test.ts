import { readFile } from 'node:fs/promises';
import { links } from '../../web/src/lib/links';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { demoPeople } from '../../infra/local/demo-data';
import { certifiedTrainee, passEveryModule, recordSatisfactory, traineeWithAgeingCertificate } from '../support/certification';
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

/** Fills the DOPS form as a supervisor would: every domain at standard, the trainee independent. */
async function recordProcedure(form: ReturnType<Page['getByRole']>, procedure: string, area: string, depth: string) {
  await form.getByLabel('Procedure and area treated').fill(procedure);
  await form.getByLabel('Treatment area').selectOption({ label: area });
  await form.getByLabel('Deepest setting used').selectOption({ label: depth });
  await form.getByRole('radio', { name: 'Moderate' }).check();
  for (const radio of await form.getByRole('radio', { name: 'Meets the expected standard' }).all()) await radio.check();
  await form.getByRole('radio', { name: 'Independent: needed no help' }).check();
  await form.getByLabel('Minutes observed').fill('40');
  await form.getByLabel('Minutes of feedback').fill('10');
  await form.getByLabel('What was done well').fill('Confident, safe technique.');
  await form.getByLabel('Agreed learning action').fill('Record the cartridge lot in the notes.');
}

/** The page's document as these tests need it (they are typed without the DOM library). */
type FocusedDocument = { document: { activeElement: { textContent: string | null; closest(selector: string): unknown } | null } };
/** The text of what has the keyboard focus. */
const focused = async () =>
  (await page.evaluate(() => (globalThis as unknown as FocusedDocument).document.activeElement?.textContent ?? '')).trim();

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
      await recordProcedure(form, 'Crepey skin, front of the neck', 'Neck', '0.5 mm');
      // A record is never edited: it is reviewed in a dialog before it is kept, and nothing is sent before that.
      let sentEarly = false;
      page.on('request', (request) => (sentEarly ||= request.url().endsWith('/observed-procedures') && request.method() === 'POST'));
      await form.getByRole('button', { name: 'Review and record…' }).click();
      const recording = page.getByRole('dialog', { name: 'Record this observed procedure?' });
      await recording.getByText('Yes: satisfactory').waitFor();
      expect(await recording.innerText()).toMatch(/Area and depth\s+Neck.*, 0\.5 mm/);
      expect(sentEarly).toBe(false);
      expect(await wcagViolations(page), 'reviewing an observed procedure').toEqual([]);
      const sent = page.waitForRequest((request) => request.url().endsWith('/observed-procedures') && request.method() === 'POST');
      await recording.getByRole('button', { name: 'Record procedure' }).click();
      // Sent with an Idempotency-Key, so a retry after a timeout records it once.
      expect((await sent).headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
      // Said where focus lands, as the form it was typed in is reset.
      const notice = page.getByTestId('record-notice');
      await notice.filter({ hasText: 'Recorded: Crepey skin, front of the neck, satisfactory.' }).waitFor();
      await page.waitForFunction(() =>
        (globalThis as unknown as FocusedDocument).document.activeElement?.textContent?.startsWith('Recorded:'),
      );
      await page.getByText('Observed procedures rated satisfactory: 3 of 3').waitFor();
      expect(await wcagViolations(page), 'trainee record with the observed procedure form').toEqual([]);

      // The supervisor signs off the scope of practice: the face on their own, acne scars deeper only with a supervisor present.
      const issuing = page.getByRole('form', { name: 'Issue the certificate' });
      // Only areas observed can be signed off: the hands were never observed.
      const hands = issuing.getByRole('checkbox', { name: /^Backs of the hands/ });
      expect(await hands.isDisabled()).toBe(true);
      expect(await hands.getAttribute('aria-describedby').then((ids) => issuing.locator(`[id="${ids}"]`).innerText())).toBe(
        'No satisfactory procedure observed here yet',
      );
      await issuing.getByRole('checkbox', { name: /^Face \(cheeks/ }).check();
      await issuing.getByRole('checkbox', { name: /^Atrophic acne scars on the cheeks/ }).check();
      await issuing.getByLabel('Deepest setting').nth(1).selectOption('1.5');
      await issuing.getByText("Above 1.0 mm only with a supervisor present (the course's limit).").waitFor();
      expect(await wcagViolations(page), 'issuing with the scope of practice').toEqual([]);
      // Issuing asks first, naming the holder, the expiry and the scope anyone who verifies will see.
      await issuing.getByRole('button', { name: 'Issue certificate…' }).click();
      const confirmIssue = page.getByRole('dialog', { name: 'Issue this certificate?' });
      await confirmIssue.getByText(/^Robin Browser will hold a certificate valid until/).waitFor();
      expect(await confirmIssue.getByRole('list', { name: 'Scope of practice' }).innerText()).toContain(
        'up to 1.0 mm unsupervised; up to 1.5 mm with a supervisor present',
      );
      expect(await wcagViolations(page), 'confirming the certificate').toEqual([]);
      await confirmIssue.getByRole('button', { name: 'Issue certificate' }).click();
      const certificate = page.getByTestId('certificate');
      await certificate.waitFor();
      await notice.filter({ hasText: /^Certificate CIT-.+ issued, valid until/ }).waitFor();
      expect(await certificate.getByTestId('certificate-status').innerText()).toMatch(/^Valid until/);
      expect(await certificate.getByTestId('certificate-scope').innerText()).toContain(
        'up to 1.0 mm unsupervised; up to 1.5 mm with a supervisor present',
      );
      // Adding it to LinkedIn is the holder's own act: not offered to the supervisor.
      expect(await certificate.getByRole('link', { name: /Add to LinkedIn/ }).count()).toBe(0);
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
      const ownCertificate = traineePage.getByTestId('certificate');
      expect(await ownCertificate.getByTestId('certificate-holder').innerText()).toBe('Robin Browser');
      const linkedIn = new URL((await ownCertificate.getByRole('link', { name: /Add to LinkedIn/ }).getAttribute('href'))!);
      expect(linkedIn.origin + linkedIn.pathname).toBe('https://www.linkedin.com/profile/add');
      expect(Object.fromEntries(linkedIn.searchParams)).toMatchObject({
        startTask: 'CERTIFICATION_NAME',
        name: 'Collagen induction therapy (microneedling) practitioner',
        organizationName: 'CIT Academy',
        issueYear: String(new Date().getUTCFullYear()),
        certId: expect.stringMatching(/^CIT-/),
      });
      // They confirm they received the feedback on the procedure just observed.
      const observed = traineePage.getByRole('listitem').filter({ hasText: 'Crepey skin, front of the neck' });
      await observed.getByRole('button', { name: 'Acknowledge feedback…' }).click();
      await observed.getByLabel('Your reflection (optional)').fill('I will note the lot number every time.');
      await observed.getByRole('button', { name: 'Confirm I received this feedback' }).click();
      await observed.getByText('by the trainee: “I will note the lot number every time.”').waitFor();
      await traineeContext.close();

      const { visitor, close } = await openAsVisitor(verifyHref);
      const result = visitor.getByTestId('verification-result');
      await result.waitFor();
      expect(await result.getByTestId('certificate-status').innerText()).toMatch(/^Valid until/);
      expect(await result.getByTestId('certificate-holder').innerText()).toBe('Robin Browser');
      expect(await wcagViolations(visitor), 'verification result').toEqual([]);

      // Revoking asks first, naming the holder, the certificate and that it is permanent.
      await certificate.getByRole('button', { name: 'Revoke…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Revoke this certificate for good?' });
      expect(await dialog.getByText(/Revoking is permanent: Robin Browser's certificate CIT-/).count()).toBe(1);
      await dialog.getByLabel('Reason').selectOption({ label: 'Professional conduct' });
      await dialog.getByLabel('Note for the record').fill('Practised outside the scope of the certificate.');
      await dialog.getByRole('checkbox', { name: 'I understand this cannot be undone.' }).check();
      expect(await wcagViolations(page), 'revocation dialog').toEqual([]);
      await dialog.getByRole('button', { name: 'Revoke certificate' }).click();
      await certificate.getByTestId('revocation').getByText('Practised outside the scope of the certificate.').waitFor();
      expect(await certificate.getByTestId('certificate-status').innerText()).toMatch(/^Revoked on/);
      await page
        .getByRole('list', { name: 'Certification history, newest first' })
        .getByText(/revoked \(Professional conduct\): Practised outside the scope/)
        .waitFor();
      // The way back is said, not left blank.
      expect(await page.getByTestId('way-back').innerText()).toContain('The way back is a new certificate');

      await visitor.reload();
      await result.waitFor();
      expect(await result.getByTestId('certificate-status').innerText()).toMatch(/^Revoked on/);
      expect(await result.innerText()).not.toContain('outside the scope');
      await close();
    },
  );

  it('the supervisor suspends a certificate from a dialog with the keyboard; verification shows suspended at once; reinstating makes it valid', async () => {
    const trainee = await certifiedTrainee(stack, 'Sasha Suspended');
    await signInAs(page, stack.webUrl, demoPeople.supervisorA.email);
    await page.goto(`${stack.webUrl}${links.record(trainee.sub)}`);
    const certificate = page.getByTestId('certificate');
    await certificate.waitFor();

    // Escape cancels and nothing changes; focus goes back to the button.
    const suspend = certificate.getByRole('button', { name: 'Suspend…' });
    await suspend.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Suspend this certificate?' });
    await dialog.waitFor();
    expect(await dialog.getByText(`Sasha Suspended's certificate ${trainee.certificate.code} will show as suspended`).count()).toBe(1);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await focused()).toBe('Suspend…');

    // Then with the keyboard alone: choose the reason, type the note, confirm.
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    expect(await page.evaluate(() => Boolean((globalThis as unknown as FocusedDocument).document.activeElement?.closest('dialog')))).toBe(
      true,
    );
    await dialog.getByLabel('Reason').selectOption({ label: 'A complaint is being investigated' });
    await dialog.getByLabel('Note for the record').fill('A patient reported a burn; we are reviewing the session.');
    expect(await wcagViolations(page), 'suspension dialog').toEqual([]);
    // Tab on through the review date's fields and Cancel to the confirm button, then Enter.
    await dialog.getByLabel('Note for the record').focus();
    for (let presses = 0; presses < 10 && (await focused()) !== 'Suspend certificate'; presses++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('Suspend certificate');
    await page.keyboard.press('Enter');
    await certificate.getByTestId('suspension').getByText('A patient reported a burn').waitFor();
    expect(await certificate.getByTestId('certificate-status').innerText()).toMatch(/^Suspended since/);

    const { visitor, close } = await openAsVisitor(`/verify?code=${trainee.certificate.code}`);
    const result = visitor.getByTestId('verification-result');
    await result.waitFor();
    expect(await result.getByTestId('certificate-status').innerText()).toMatch(/^Suspended since .*not valid while suspended/);
    expect(await result.innerText()).not.toContain('burn');

    await certificate.getByRole('button', { name: 'Reinstate…' }).click();
    const reinstate = page.getByRole('dialog', { name: 'Reinstate this certificate?' });
    await reinstate.getByLabel(/Note for the record/).fill('Reviewed: the burn was not from the session.');
    await reinstate.getByRole('button', { name: 'Reinstate certificate' }).click();
    await certificate
      .getByTestId('certificate-status')
      .getByText(/^Valid/)
      .waitFor();
    await visitor.reload();
    await result.waitFor();
    expect(await result.getByTestId('certificate-status').innerText()).toMatch(/^Valid until/);
    await close();
  });

  it('the supervisor renews a certificate near its expiry; its old code verifies as superseded and leads to the new one', async () => {
    const trainee = await traineeWithAgeingCertificate(stack, 'Renée Renewal');
    await recordSatisfactory(stack, trainee.sub, 1);

    await signInAs(page, stack.webUrl, demoPeople.supervisorA.email);
    await page.goto(`${stack.webUrl}${links.record(trainee.sub)}`);
    // The scope is carried over, ticked as it was signed off.
    expect(await page.getByRole('checkbox', { name: /^Face \(cheeks/ }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Renew certificate…' }).click();
    // Renewing asks first: a new code, and every printed copy of the old one shows as superseded.
    const confirmRenewal = page.getByRole('dialog', { name: 'Renew this certificate?' });
    await confirmRenewal.getByText(`${trainee.code} and every printed copy of it will show as superseded`, { exact: false }).waitFor();
    await confirmRenewal.getByRole('button', { name: 'Renew certificate' }).click();
    await page.getByTestId('record-notice').filter({ hasText: 'issued as the renewal' }).waitFor();
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
    // The name is the row's header; the cells follow it.
    // In its renewal window, as the 90-day reminder the clinic was just sent says.
    expect(await row.getByRole('cell').nth(0).innerText()).toBe('Valid Renew soon');
    expect(await row.getByRole('cell').nth(1).innerText()).toBe(
      'Face 1.0 mm · Upper face 0.5 mm · Neck 0.5 mm · Acne scars (cheeks) 1.0 mm alone, 1.5 mm with a supervisor',
    );
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
