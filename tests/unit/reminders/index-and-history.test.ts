import { MessageRejected, TooManyRequestsException } from '@aws-sdk/client-sesv2';
import { describe, expect, it } from 'vitest';
import type { Person } from '../../../functions/core/accounts/types';
import { sendEmailInput, sesFailure, sesRegionOf } from '../../../functions/core/mail/ses-mailer';
import { reminderHistoryEvent } from '../../../functions/core/reminders/history';
import { recipientsFor } from '../../../functions/core/reminders/recipients';
import type { RecipientDelivery, ReminderDelivery } from '../../../functions/core/reminders/types';
import { reminderIndexAttributes } from '../../../functions/core/store/reminder-index';
import { sampleCertificate } from '../../support/sample-certificate';

describe('the reminder index attributes of a certificate', () => {
  const certificate = { ...sampleCertificate(new Date('2025-03-01T14:30:00.000Z')), traineeSub: 'holder-sub' };

  it('file an active certificate under its first tier, due 90 days before expiry, then whose it is', () => {
    expect(reminderIndexAttributes(certificate)).toEqual({ gsi4pk: 'REMINDERS', gsi4sk: '2026-12-01T00:00:00.000Z#holder-sub' });
  });

  it('leave a certificate that is not active out of the index', () => {
    expect(reminderIndexAttributes({ ...certificate, status: 'revoked' })).toEqual({});
    expect(reminderIndexAttributes({ ...certificate, status: 'superseded' })).toEqual({});
  });
});

const recipient = (name: string, role: RecipientDelivery['role'], status: RecipientDelivery['status']): RecipientDelivery => ({
  sub: `${name}-sub`,
  name,
  email: `${name.toLowerCase()}@harbour.example`,
  role,
  status,
});

const delivery = (recipients: RecipientDelivery[], status: ReminderDelivery['status'] = 'sent'): ReminderDelivery => ({
  traineeSub: 'holder-sub',
  code: '7K3MQ9XD2PWA',
  tier: 30,
  holderName: 'Alex',
  expiresAt: '2027-03-01T14:30:00.000Z',
  dueAt: '2027-01-30T00:00:00.000Z',
  claimedAt: '2027-01-30T07:00:00.000Z',
  passedOver: [],
  recipients,
  attempts: 1,
  status,
});

describe('the history event of a reminder', () => {
  const at = '2027-01-30T07:00:05.000Z';

  it('names everyone it reached, by role', () => {
    const event = reminderHistoryEvent(
      delivery([recipient('Alex', 'holder', 'sent'), recipient('Sam', 'supervisor', 'sent'), recipient('Casey', 'clinic-admin', 'sent')]),
      at,
    );
    expect(event).toEqual({
      traineeSub: 'holder-sub',
      at,
      action: 'reminder-sent',
      actor: { sub: 'cit-academy:reminders', name: 'CIT Academy reminders' },
      code: '7K3MQ9XD2PWA',
      summary:
        '30-day expiry reminder for certificate CIT-7K3M-Q9XD-2PWA sent to Alex (holder), Sam (supervisor) and Casey (clinic admin).',
    });
  });

  it('says whom it did not reach, and records a reminder that reached no one as failed', () => {
    expect(
      reminderHistoryEvent(delivery([recipient('Alex', 'holder', 'sent'), recipient('Casey', 'clinic-admin', 'failed')]), at)?.summary,
    ).toBe('30-day expiry reminder for certificate CIT-7K3M-Q9XD-2PWA sent to Alex (holder). Not delivered to Casey (clinic admin).');
    const failed = reminderHistoryEvent(delivery([recipient('Alex', 'holder', 'failed')], 'failed'), at);
    expect(failed?.action).toBe('reminder-failed');
    expect(failed?.summary).toBe('30-day expiry reminder for certificate CIT-7K3M-Q9XD-2PWA could not be delivered to Alex (holder).');
    expect(reminderHistoryEvent({ ...delivery([recipient('Alex', 'holder', 'sent')]), tier: 0 }, at)?.summary).toMatch(
      /^Expiry-day reminder for/,
    );
  });

  it('writes nothing for a reminder cancelled before anything went', () => {
    expect(reminderHistoryEvent(delivery([recipient('Alex', 'holder', 'cancelled')], 'cancelled'), at)).toBeUndefined();
  });
});

describe('the recipients of a reminder', () => {
  const person = (sub: string, role: Person['role'], email: string, extra: Partial<Person> = {}): Person => ({
    sub,
    name: sub,
    email,
    role,
    orgId: 'clinic',
    invitedAt: '2025-01-01T00:00:00.000Z',
    ...extra,
  });
  const directory = (people: Person[]) => {
    const calls = { listMembers: 0 };
    return {
      calls,
      getPerson: async (sub: string) => people.find((candidate) => candidate.sub === sub),
      listMembers: async (orgId: string) => {
        calls.listMembers += 1;
        return people.filter((candidate) => candidate.orgId === orgId);
      },
    };
  };
  const certificate = { ...sampleCertificate(), traineeSub: 'holder', orgId: 'clinic' };

  it('are the holder, their supervisor and the clinic admins of the organisation, once each, skipping anyone without an address', async () => {
    const people = directory([
      person('holder', 'trainee', 'holder@clinic.example', { supervisorSub: 'sam' }),
      person('sam', 'supervisor', 'sam@clinic.example'),
      person('casey', 'clinic-admin', 'casey@clinic.example'),
      // Also the supervisor's address (one person, two roles): one email.
      person('sam-admin', 'clinic-admin', 'SAM@clinic.example'),
      person('no-address', 'clinic-admin', ' '),
      person('other-trainee', 'trainee', 'other@clinic.example'),
      person('elsewhere', 'clinic-admin', 'elsewhere@other.example', { orgId: 'other' }),
    ]);
    const members = new Map();
    const { recipients, supervisorName } = await recipientsFor(people, certificate, members);
    expect(recipients.map(({ sub, role }) => [sub, role])).toEqual([
      ['holder', 'holder'],
      ['sam', 'supervisor'],
      ['casey', 'clinic-admin'],
    ]);
    expect(supervisorName).toBe('sam');
    // The organisation's members are read once per run.
    await recipientsFor(people, { ...certificate, traineeSub: 'other-trainee' }, members);
    expect(people.calls.listMembers).toBe(1);
  });
});

describe('the SES mailer', () => {
  it('sends one message per recipient, plain text and HTML in UTF-8, to the bare address', () => {
    expect(
      sendEmailInput(
        { to: { name: 'Łukasz Żółć', email: 'lukasz@clinic.example' }, subject: 'Subject', text: 'Text', html: '<p>Html</p>' },
        { fromAddress: 'reminders@academy.example', fromName: 'CIT Academy' },
      ),
    ).toEqual({
      FromEmailAddress: 'CIT Academy <reminders@academy.example>',
      Destination: { ToAddresses: ['lukasz@clinic.example'] },
      Content: {
        Simple: {
          Subject: { Data: 'Subject', Charset: 'UTF-8' },
          Body: { Text: { Data: 'Text', Charset: 'UTF-8' }, Html: { Data: '<p>Html</p>', Charset: 'UTF-8' } },
        },
      },
      EmailTags: [{ Name: 'purpose', Value: 'expiry-reminder' }],
    });
  });

  it('retries what may pass later (throttling, outages) but not a refused address', () => {
    expect(sesFailure(new MessageRejected({ message: 'Email address is not verified.', $metadata: {} }))).toEqual({
      outcome: 'failed',
      retryable: false,
      reason: 'MessageRejected: Email address is not verified.',
    });
    expect(sesFailure(new TooManyRequestsException({ message: 'Maximum sending rate exceeded.', $metadata: {} }))).toMatchObject({
      retryable: true,
    });
    expect(sesFailure(new Error('socket hang up'))).toMatchObject({ retryable: true });
  });

  it('sends in the region of the verified identity', () => {
    expect(sesRegionOf('arn:aws:ses:eu-west-2:123456789012:identity/academy.example')).toBe('eu-west-2');
    expect(() => sesRegionOf('arn:aws:s3:::bucket')).toThrow(/Not an SES identity ARN/);
  });
});
