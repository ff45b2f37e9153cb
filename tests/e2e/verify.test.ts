import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import type { Certificate } from '../../functions/core/api/schemas';
import { links } from '../../web/src/lib/links';
import { certifiedTrainee, recordSatisfactory, traineeWithAgeingCertificate } from '../support/certification';
import { apiCaller } from '../support/api-call';
import { wcagViolations } from './axe';
import { useBrowserPerTest } from './browser';

// What a clinic sees on the public verification page of a certificate that is not valid, and of a renewal.

const stack = inject('stack');
const chromium = useBrowserPerTest();
let page: Page;
beforeEach(() => {
  page = chromium.page();
});

const call = apiCaller(stack);
const supervisorA = `Bearer ${stack.tokens.supervisorA}`;
const action = (sub: string, step: 'suspension' | 'revocation' | 'renewal', body: unknown) =>
  call(supervisorA, `/api/trainees/${sub}/certificate/${step}`, body);

async function verified(code: string) {
  await page.goto(`${stack.webUrl}${links.verify(code)}`);
  const result = page.getByTestId('verification-result');
  await result.getByText(`Certificate ${code}`).waitFor();
  return result;
}

describe('the verify page', () => {
  it('a renewal says it was renewed on recent evidence; once it is revoked, the old code names it as revoked and both scopes read as history', async () => {
    const trainee = await traineeWithAgeingCertificate(stack, 'Rowan Renewed');
    await recordSatisfactory(stack, trainee.sub, 1);
    const renewal = (await (await action(trainee.sub, 'renewal', {})).json()) as Certificate;

    let result = await verified(renewal.code);
    expect(await result.getByTestId('certificate-evidence').innerText()).toMatch(
      new RegExp(
        '^Every course module passed on a server-scored quiz; renewed on 1 recent observed procedure rated satisfactory ' +
          'in every domain since the previous certificate was issued\\.',
      ),
    );
    expect(await result.getByTestId('certificate-scope-heading').innerText()).toBe('Scope of practice');
    expect(await result.getByTestId('certificate-scope').locator('s').count()).toBe(0);

    result = await verified(trainee.code);
    expect(await result.getByTestId('certificate-status').innerText()).toMatch(
      new RegExp(`^Superseded by its renewal on .+: check ${renewal.code}, which is valid$`),
    );

    expect((await action(trainee.sub, 'revocation', { category: 'competence', note: 'Revoked after the renewal.' })).status).toBe(200);
    result = await verified(trainee.code);
    expect(await result.getByTestId('certificate-status').innerText()).toMatch(
      new RegExp(`^Superseded by its renewal on .+: ${renewal.code}, which is now revoked; do not rely on either$`),
    );
    // The scope of the old certificate is history, with its status beside the heading, its limits struck through.
    expect(await result.getByTestId('certificate-scope-heading').innerText()).toMatch(/^Scope when it was valid\s*Not valid: superseded$/);
    const scope = result.getByTestId('certificate-scope');
    expect(await scope.locator('s').count()).toBe(await scope.getByRole('listitem').count());
    expect(await scope.getByRole('listitem').count()).toBeGreaterThan(0);
    expect(await scope.locator('strong').count()).toBe(0);
    expect(await wcagViolations(page), 'superseded certificate whose renewal is revoked').toEqual([]);

    result = await verified(renewal.code);
    expect(await result.getByTestId('certificate-status').innerText()).toMatch(/^Revoked on .+: do not rely on it$/);
    expect(await result.getByTestId('certificate-scope-heading').innerText()).toMatch(/^Scope when it was valid\s*Not valid: revoked$/);
  });

  it('a suspended certificate’s scope is not in force; a first certificate’s evidence counts its observed procedures', async () => {
    const trainee = await certifiedTrainee(stack, 'Sunny Suspended');
    let result = await verified(trainee.certificate.code);
    expect(await result.getByTestId('certificate-evidence').innerText()).toMatch(
      /^Every course module passed on a server-scored quiz, and 3 observed procedures rated satisfactory in every domain\./,
    );
    const suspended = await action(trainee.sub, 'suspension', {
      category: 'complaint',
      note: 'A complaint is being looked into.',
      reviewOn: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10),
    });
    expect(suspended.status).toBe(200);
    result = await verified(trainee.certificate.code);
    expect(await result.getByTestId('certificate-scope-heading').innerText()).toMatch(
      /^Scope, not in force while suspended\s*Not valid: suspended$/,
    );
    expect(await result.getByTestId('certificate-scope').locator('s').count()).toBeGreaterThan(0);
  });

  it('the address always holds the code shown: after a valid code, a bad one replaces it, so a reload shows the error', async () => {
    const trainee = await certifiedTrainee(stack, 'Addie Address');
    await verified(trainee.certificate.code);
    expect(new URL(page.url()).searchParams.get('code')).toBe(trainee.certificate.code);

    const code = page.getByLabel('Certificate code');
    for (const typed of ['CIT-0000-0000-0000', 'hello']) {
      await code.fill(typed);
      await page.getByRole('button', { name: 'Check certificate' }).click();
      await page.getByRole('alert').filter({ hasText: typed }).waitFor();
      expect(new URL(page.url()).searchParams.get('code')).toBe(typed);
      await page.reload();
      await page.getByRole('alert').filter({ hasText: typed }).waitFor();
      expect(await page.getByTestId('verification-result').count()).toBe(0);
    }

    // And back to a valid code: the address follows again.
    await code.fill(trainee.certificate.code.toLowerCase());
    await page.getByRole('button', { name: 'Check certificate' }).click();
    await page.getByTestId('verification-result').getByText(`Certificate ${trainee.certificate.code}`).waitFor();
    expect(new URL(page.url()).searchParams.get('code')).toBe(trainee.certificate.code);
  });
});
