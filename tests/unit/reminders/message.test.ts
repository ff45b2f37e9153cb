import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkRenewal, expiryAfter } from '../../../functions/core/certification/rules';
import type { CertificateRecord, ObservedProcedureRecord } from '../../../functions/core/certification/types';
import { DOPS_DOMAIN_IDS, type DopsRatings } from '../../../functions/core/certification/dops';
import { composeReminder, type ReminderMessageInput } from '../../../functions/core/reminders/message';
import { reminderDueAt } from '../../../functions/core/reminders/tiers';
import type { RecipientRole, ReminderRecipient } from '../../../functions/core/reminders/types';
import { links } from '../../../web/src/lib/links';
import { sampleCertificate } from '../../support/sample-certificate';
import { course } from '../../../functions/core/course/generated/course';

const settings = course.certification;

const SITE = 'https://academy.example';
const issuedAt = new Date('2025-03-01T14:30:00.000Z');
const certificate: CertificateRecord = {
  ...sampleCertificate(issuedAt),
  code: '7K3MQ9XD2PWA',
  traineeSub: 'holder-sub',
  holderName: 'Alex Morgan',
  orgId: 'harbour-skin-clinic',
  organisationName: 'Harbour Skin Clinic',
};
// Issued 1 March 2025, valid 24 months.
const expiresAt = expiryAfter(issuedAt, settings.validityMonths).toISOString();

const people: Record<RecipientRole, ReminderRecipient> = {
  holder: { sub: 'holder-sub', name: 'Alex Morgan', email: 'alex@harbour.example', role: 'holder' },
  supervisor: { sub: 'sam-sub', name: 'Sam Okafor', email: 'sam@harbour.example', role: 'supervisor' },
  'clinic-admin': { sub: 'casey-sub', name: 'Casey Lindqvist', email: 'casey@harbour.example', role: 'clinic-admin' },
};

const satisfactory = (recordedAt: string): ObservedProcedureRecord => ({
  procedureId: randomUUID(),
  traineeSub: 'holder-sub',
  assessorSub: 'sam-sub',
  assessorName: 'Sam Okafor',
  observedOn: recordedAt.slice(0, 10),
  procedure: 'Fine lines, forehead',
  areaId: 'upper-face',
  depthMm: 0.5,
  complexity: 'straightforward',
  ratings: Object.fromEntries(DOPS_DOMAIN_IDS.map((id) => [id, 'meets'])) as DopsRatings,
  entrustment: 'independent',
  satisfactory: true,
  minutesObserved: 30,
  minutesFeedback: 10,
  doneWell: 'Light, even pressure.',
  learningAction: 'Photograph in the same light.',
  recordedAt,
});

/** The message a run sends at 07:00 UTC on the day a tier falls due. */
function message(role: RecipientRole, tier: number, procedures: ObservedProcedureRecord[] = [], extra: Partial<ReminderMessageInput> = {}) {
  const now = new Date(reminderDueAt(expiresAt, tier).getTime() + 7 * 3_600_000);
  return composeReminder({
    certificate,
    recipient: people[role],
    supervisorName: 'Sam Okafor',
    renewal: checkRenewal(settings, certificate, procedures, now),
    settings,
    siteUrl: SITE,
    now,
    ...extra,
  });
}

describe('the reminder email', () => {
  it('is addressed to the holder as theirs, and to the supervisor and clinic admins by the holder’s name', () => {
    expect(expiresAt).toBe('2027-03-01T14:30:00.000Z');
    expect(message('holder', 30).subject).toBe('Your CIT Academy certificate expires in 30 days');
    expect(message('supervisor', 30).subject).toBe("Alex Morgan's CIT Academy certificate expires in 30 days");
    expect(message('clinic-admin', 30).subject).toBe("Alex Morgan's CIT Academy certificate expires in 30 days");
  });

  it('says when, for each tier, by the calendar day', () => {
    expect(message('holder', 90).subject).toBe('Your CIT Academy certificate expires in 90 days');
    expect(message('holder', 7).subject).toBe('Your CIT Academy certificate expires in 7 days');
    expect(message('holder', 0).subject).toBe('Your CIT Academy certificate expires today');
    expect(message('supervisor', 0).subject).toBe("Alex Morgan's CIT Academy certificate expires today");
    expect(message('holder', 7).text).toContain(
      'CIT-7K3M-Q9XD-2PWA, Collagen induction therapy (microneedling) practitioner, expires in 7 days, on 1 March 2027.',
    );
    expect(message('holder', 0).text).toContain('expires today, 1 March 2027.');
    // A run late enough to find it expired says so rather than "today" or "in N days".
    expect(message('holder', -2).subject).toBe('Your CIT Academy certificate expired on 1 March 2027');
    const afterTheHour = new Date('2027-03-01T15:00:00.000Z');
    expect(message('holder', 0, [], { now: afterTheHour, renewal: checkRenewal(settings, certificate, [], afterTheHour) }).subject).toBe(
      'Your CIT Academy certificate expired today',
    );
  });

  it('links the holder to their own record and everyone else to the holder’s, as the web app builds those links', () => {
    expect(message('holder', 30).link).toBe(`${SITE}${links.myRecord()}`);
    expect(message('supervisor', 30).link).toBe(`${SITE}${links.record('holder-sub')}`);
    expect(message('clinic-admin', 30).link).toBe(`${SITE}${links.record('holder-sub')}`);
    expect(message('holder', 30).text).toContain(`Open your record: ${SITE}/progress`);
    expect(message('supervisor', 30).text).toContain(`Open Alex Morgan's record: ${SITE}/trainees/record?id=holder-sub`);
    expect(message('supervisor', 30).html).toContain(`<a href="${SITE}/trainees/record?id=holder-sub"`);
  });

  it('says what renewal still needs: the window, recent practice since issue, then the supervisor renews', () => {
    const holder = message('holder', 30).text;
    expect(holder).toContain('1. Renewal is open: it opened on 1 December 2026, 90 days before expiry, and stays open after it.');
    expect(holder).toContain(
      '2. Recent practice: at least 1 satisfactory observed procedure since the certificate was issued on 1 March 2025; none is recorded yet. ' +
        'Ask your supervisor, Sam Okafor, to observe and record one.',
    );
    expect(holder).toContain('3. Then your supervisor, Sam Okafor, renews it in CIT Academy.');
    expect(holder).toContain('the new certificate runs 24 months from 1 March 2027, so renewing early loses nothing.');

    expect(message('supervisor', 30).text).toContain(
      'Recent practice: observe and record 1 satisfactory procedure for Alex Morgan (0 of 1 needed since the certificate was issued on 1 March 2025).',
    );
    expect(message('supervisor', 30).text).toContain("3. Then renew it from Alex Morgan's record in CIT Academy.");
    expect(message('clinic-admin', 30).text).toContain(
      'Recent practice: their supervisor, Sam Okafor, needs to record 1 satisfactory observed procedure',
    );
    expect(message('clinic-admin', 30).text).toContain('You receive this because you are a clinic admin of Harbour Skin Clinic.');
  });

  it('counts only satisfactory procedures recorded since the certificate was issued', () => {
    const before = satisfactory('2025-02-20T10:00:00.000Z');
    expect(message('holder', 30, [before]).text).toContain('none is recorded yet');
    const since = satisfactory('2026-06-10T10:00:00.000Z');
    expect(message('holder', 30, [before, since]).text).toContain(
      '2. Recent practice: done (1 satisfactory observed procedure since the certificate was issued on 1 March 2025).',
    );
    expect(message('supervisor', 30, [since]).text).not.toContain('observe and record');
  });

  it('says when renewal opens if it is not open yet, and how a late renewal runs', () => {
    const early = new Date('2026-11-20T07:00:00.000Z');
    expect(message('holder', 90, [], { now: early, renewal: checkRenewal(settings, certificate, [], early) }).text).toContain(
      '1. Renewal opens on 1 December 2026, 90 days before expiry.',
    );
    expect(message('holder', -5).text).toContain('The new certificate runs 24 months from the day it is renewed.');
    expect(message('holder', -5).text).toContain('It no longer shows as valid when a clinic checks it.');
  });

  it('names no one it does not know: a holder without a supervisor is told to ask their supervisor', () => {
    const text = message('holder', 30, [], { supervisorName: undefined }).text;
    expect(text).toContain('Ask your supervisor to observe and record one.');
    expect(text).toContain('3. Then your supervisor renews it in CIT Academy.');
    expect(message('clinic-admin', 30, [], { supervisorName: undefined }).text).toContain(
      'Recent practice: their supervisor needs to record',
    );
  });

  it('escapes names in the HTML version', () => {
    const html = composeReminder({
      certificate: { ...certificate, holderName: 'Alex <img src=x onerror=alert(1)> Morgan' },
      recipient: { ...people.supervisor, name: 'Sam "O" & Co' },
      renewal: checkRenewal(settings, certificate, [], new Date('2027-01-30T07:00:00.000Z')),
      settings,
      siteUrl: SITE,
      now: new Date('2027-01-30T07:00:00.000Z'),
    }).html;
    expect(html).not.toContain('<img');
    expect(html).toContain('Alex &lt;img src=x onerror=alert(1)&gt; Morgan');
    expect(html).toContain('Dear Sam &quot;O&quot; &amp; Co,');
    expect(html).toMatch(/^<!doctype html><html lang="en-GB">/);
  });
});
