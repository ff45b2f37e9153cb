import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { formatCertificateCode } from '../../functions/core/certification/certificate-code';
import { daysToExpiry } from '../../functions/core/reminders/tiers';
import { demoPeople } from '../../infra/local/demo-data';
import { runLocalReminders } from '../../infra/local/reminders';
import { links } from '../../web/src/lib/links';
import { useBrowserPerTest } from './browser';
import { signInAs } from './sign-in';

const stack = inject('stack');
const chromium = useBrowserPerTest();
let page: Page;
beforeEach(() => {
  page = chromium.page();
});

describe('expiry reminders in the browser', () => {
  it(
    'after a run, the demo certificate’s reminder is in the local outbox for the holder, the supervisor and the clinic admin, ' +
      'with the right subject and a link the supervisor follows to the record, where the history shows it',
    async () => {
      // What `npm run reminders` runs, against this stack: the demo certificate expires in 90 days.
      const report = await runLocalReminders({ ...stack.functionEnv, SITE_URL: stack.webUrl });
      const jordan = demoPeople.certified;
      const reminder = report.reminders.find((outcome) => outcome.traineeSub === jordan.sub);
      expect(reminder).toMatchObject({ tier: 90, status: 'sent' });
      const days = daysToExpiry(reminder!.expiresAt, new Date(report.at));
      expect(days).toBeGreaterThanOrEqual(89);

      await page.goto(`${stack.issuer}/outbox`);
      const emailTo = (subject: string, person: { name: string; email: string }) =>
        page.getByRole('article', { name: subject }).filter({ hasText: `To: ${person.name} <${person.email}>` });
      const others = `${jordan.name}'s CIT Academy certificate expires in ${days} days`;
      const supervisorEmail = emailTo(others, demoPeople.supervisorA);
      const adminEmail = emailTo(others, demoPeople.clinicAdmin);
      const holderEmail = emailTo(`Your CIT Academy certificate expires in ${days} days`, jordan);
      for (const email of [supervisorEmail, adminEmail, holderEmail]) expect(await email.count()).toBe(1);

      const body = supervisorEmail.locator('iframe').contentFrame();
      await body.getByText(`certificate ${formatCertificateCode(reminder!.code)}`).waitFor();
      expect(await body.getByRole('listitem').allInnerTexts()).toEqual([
        expect.stringMatching(/^Renewal is open: it opened on/),
        expect.stringMatching(
          new RegExp(
            '^Recent practice: observe and record 1 satisfactory procedure for Jordan Ellis ' +
              '\\(0 of 1 needed since the certificate was issued on \\d{1,2} [A-Z][a-z]+ \\d{4}\\)\\.$',
          ),
        ),
        expect.stringMatching(/^Then renew it from Jordan Ellis's record in CIT Academy\./),
      ]);
      const recordLink = body.getByRole('link', { name: `Open ${jordan.name}'s record` });
      expect(await recordLink.getAttribute('href')).toBe(`${stack.webUrl}${links.record(jordan.sub)}`);
      expect(
        await adminEmail
          .locator('iframe')
          .contentFrame()
          .getByRole('link', { name: `Open ${jordan.name}'s record` })
          .getAttribute('href'),
      ).toBe(`${stack.webUrl}${links.record(jordan.sub)}`);
      expect(await holderEmail.locator('iframe').contentFrame().getByRole('link', { name: 'Open your record' }).getAttribute('href')).toBe(
        `${stack.webUrl}${links.myRecord()}`,
      );

      // The supervisor follows the link (signed in), to the record and its history.
      const href = (await recordLink.getAttribute('href'))!;
      await signInAs(page, stack.webUrl, demoPeople.supervisorA.email);
      await page.goto(href);
      await page.getByTestId('certificate').waitFor();
      expect(await page.getByTestId('certificate').getByTestId('certificate-holder').innerText()).toBe(jordan.name);
      await page
        .getByRole('list', { name: 'Certification history, newest first' })
        .getByText(
          `90-day expiry reminder for certificate ${formatCertificateCode(reminder!.code)} sent to ${jordan.name} (holder), ` +
            `${demoPeople.supervisorA.name} (supervisor) and ${demoPeople.clinicAdmin.name} (clinic admin).`,
        )
        .waitFor();

      // A second run sends nothing more.
      const rerun = await runLocalReminders({ ...stack.functionEnv, SITE_URL: stack.webUrl });
      expect(rerun.reminders.find((outcome) => outcome.traineeSub === jordan.sub)).toBeUndefined();
    },
  );
});
