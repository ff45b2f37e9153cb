import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { randomBytes, randomUUID } from 'node:crypto';
import { course } from '../../functions/core/course/generated/course';
import { afterEach, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import type { Person } from '../../functions/core/accounts/types';
import { CERTIFICATE_CODE_RANDOM_BYTES, certificateCodeFrom } from '../../functions/core/certification/certificate-code';
import { historyEvents } from '../../functions/core/certification/history';
import { expiryAfter, renewedExpiry } from '../../functions/core/certification/rules';
import type { CertificateRecord } from '../../functions/core/certification/types';
import { LocalOutboxMailer } from '../../functions/core/mail/local-outbox-mailer';
import type { Mailer, MailResult, OutgoingEmail } from '../../functions/core/reminders/ports';
import { reminderDueAt } from '../../functions/core/reminders/tiers';
import { REMINDER_POLICY, sendDueReminders, type RemindersDeps } from '../../functions/core/reminders/use-cases';
import { createDocumentClient } from '../../functions/core/store/document-client';
import { DynamoCertificationStore } from '../../functions/core/store/dynamo-certification-store';
import { DynamoPeopleStore } from '../../functions/core/store/dynamo-people-store';
import { DynamoReminderStore } from '../../functions/core/store/dynamo-reminder-store';
import { keys } from '../../functions/core/store/keys';
import { reminderIndexAttributes } from '../../functions/core/store/reminder-index';
import { createTableInput } from '../../functions/core/store/table-schema';
import { ReminderRunFailed, scheduledRun } from '../../functions/reminders/run';
import { meteredClient } from '../support/metered-client';
import { sampleCertificate } from '../support/sample-certificate';

const stack = inject('stack');
const SITE = 'https://academy.example';
const HOUR = 3_600_000;

/**
 * The mail service as the reminders see it, recording what it accepted. It refuses an address when
 * told to: `times` more times (retryable, as throttling or an outage would), or for good (as SES
 * refuses an unverified address in its sandbox).
 */
class RecordingMailer implements Mailer {
  readonly kind = 'local-outbox' as const;
  readonly sent: OutgoingEmail[] = [];
  private readonly refusals = new Map<string, { times: number; retryable: boolean }>();

  refuse(address: string, times: number, retryable = true) {
    this.refusals.set(address, { times, retryable });
  }

  async send(email: OutgoingEmail): Promise<MailResult> {
    const refusal = this.refusals.get(email.to.email);
    if (refusal && refusal.times > 0) {
      refusal.times -= 1;
      return {
        outcome: 'failed',
        retryable: refusal.retryable,
        reason: refusal.retryable ? 'Throttled (simulated)' : 'Address refused (simulated)',
      };
    }
    this.sent.push(email);
    return { outcome: 'sent', messageId: `message-${this.sent.length}` };
  }

  /** Who got what, as `address: subject`. */
  take(): string[] {
    return this.sent.splice(0).map((email) => `${email.to.email}: ${email.subject}`);
  }
}

let tableName: string;
let client: DynamoDBDocumentClient;
let people: DynamoPeopleStore;
let certificates: DynamoCertificationStore;
let reminders: DynamoReminderStore;
let mailer: RecordingMailer;

/** Each test gets a table of its own in the suite's DynamoDB Local, so no run sees another test's certificates. */
beforeEach(async () => {
  tableName = `reminders-${randomUUID().slice(0, 8)}`;
  const raw = new DynamoDBClient({
    endpoint: stack.dynamoEndpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await raw.send(new CreateTableCommand(createTableInput(tableName)));
  raw.destroy();
  client = createDocumentClient({ tableName, endpoint: stack.dynamoEndpoint });
  people = new DynamoPeopleStore(client, tableName);
  certificates = new DynamoCertificationStore(client, tableName);
  reminders = new DynamoReminderStore(client, tableName);
  mailer = new RecordingMailer();
});

afterEach(() => {
  vi.restoreAllMocks();
});

const deps = (overrides: Partial<RemindersDeps> = {}): RemindersDeps => ({
  reminders,
  people,
  procedures: certificates,
  mailer,
  siteUrl: SITE,
  settings: course.certification,
  ...overrides,
});

const person = (name: string, role: Person['role'], orgId: string, extra: Partial<Person> = {}): Person => ({
  sub: randomUUID(),
  name,
  email: `${name.toLowerCase().replace(/\W+/g, '.')}.${randomUUID().slice(0, 6)}@clinic.example`,
  role,
  orgId,
  invitedAt: '2025-01-01T00:00:00.000Z',
  ...extra,
});

/** A clinic with a supervisor and an admin, and a certified holder whose certificate expires at `expiresAt`. */
async function certifiedHolder(expiresAt = '2031-03-01T14:30:00.000Z', name = 'Alex Morgan') {
  const orgId = `clinic-${randomUUID().slice(0, 8)}`;
  const supervisor = person('Sam Okafor', 'supervisor', orgId);
  const admin = person('Casey Lindqvist', 'clinic-admin', orgId);
  const holder = person(name, 'trainee', orgId, { supervisorSub: supervisor.sub });
  for (const each of [supervisor, admin, holder]) await people.createPerson(each);
  const issuedAt = expiryAfter(new Date(expiresAt), -24);
  const certificate: CertificateRecord = {
    ...sampleCertificate(issuedAt),
    traineeSub: holder.sub,
    holderName: holder.name,
    orgId,
    organisationName: 'Harbour Skin Clinic',
    expiresAt,
    issuedBy: { sub: supervisor.sub, name: supervisor.name },
  };
  expect(await certificates.issueOnce(certificate, historyEvents.certificateIssued(certificate))).toBe(true);
  return { holder, supervisor, admin, certificate };
}

/** 07:00 UTC on the day `tier`'s reminder of `certificate` falls due, as the daily schedule runs. */
const onTheDay = (certificate: CertificateRecord, tier: number, plusMs = 0) =>
  new Date(reminderDueAt(certificate.expiresAt, tier).getTime() + 7 * HOUR + plusMs);

const certificateItem = async (traineeSub: string) =>
  (await client.send(new GetCommand({ TableName: tableName, Key: keys.traineeCertificate(traineeSub), ConsistentRead: true }))).Item!;

describe('expiry reminders (DynamoDB Local)', () => {
  it('send each tier once to the holder, their supervisor and clinic admins; a rerun sends nothing; all of it recorded', async () => {
    const { holder, supervisor, admin, certificate } = await certifiedHolder();
    const other = person('Other Clinic Admin', 'clinic-admin', 'another-clinic');
    await people.createPerson(other);

    expect((await sendDueReminders(deps(), onTheDay(certificate, 90, -7 * HOUR - 1))).due).toBe(0);
    const first = await sendDueReminders(deps(), onTheDay(certificate, 90));
    expect(first).toMatchObject({ due: 1, claimed: 1, sent: 3, failed: 0, skipped: 0 });
    expect(mailer.take().sort()).toEqual(
      [
        `${holder.email}: Your CIT Academy certificate expires in 90 days`,
        `${supervisor.email}: Alex Morgan's CIT Academy certificate expires in 90 days`,
        `${admin.email}: Alex Morgan's CIT Academy certificate expires in 90 days`,
      ].sort(),
    );
    const rerun = await sendDueReminders(deps(), onTheDay(certificate, 90, HOUR));
    expect(rerun).toMatchObject({ due: 0, claimed: 0, sent: 0 });
    expect(mailer.take()).toEqual([]);

    for (const [tier, when] of [
      [30, 'expires in 30 days'],
      [7, 'expires in 7 days'],
      [0, 'expires today'],
    ] as const) {
      expect(await sendDueReminders(deps(), onTheDay(certificate, tier))).toMatchObject({ due: 1, claimed: 1, sent: 3 });
      expect(mailer.take()).toContain(`${holder.email}: Your CIT Academy certificate ${when}`);
      expect(await sendDueReminders(deps(), onTheDay(certificate, tier, 10 * 60_000))).toMatchObject({ due: 0, sent: 0 });
    }
    // After the day of expiry there is nothing left to send: the certificate has left the index.
    expect(await sendDueReminders(deps(), new Date('2031-06-01T07:00:00.000Z'))).toMatchObject({ due: 0 });
    const item = await certificateItem(holder.sub);
    expect(item.gsi4pk).toBeUndefined();
    expect(item.gsi4sk).toBeUndefined();

    const deliveries = await reminders.listDeliveries(holder.sub);
    expect(deliveries.map((delivery) => [delivery.tier, delivery.status, delivery.attempts])).toEqual([
      [0, 'sent', 1],
      [7, 'sent', 1],
      [30, 'sent', 1],
      [90, 'sent', 1],
    ]);
    for (const delivery of deliveries) {
      expect(delivery.recipients.map(({ sub, role, status }) => [sub, role, status])).toEqual([
        [holder.sub, 'holder', 'sent'],
        [supervisor.sub, 'supervisor', 'sent'],
        [admin.sub, 'clinic-admin', 'sent'],
      ]);
      expect(delivery.recipients.every((recipient) => recipient.messageId?.startsWith('message-') && recipient.sentAt)).toBe(true);
    }
    const history = await certificates.listHistory(holder.sub);
    expect(history.filter((event) => (event.action as string) === 'reminder-sent').map((event) => event.summary)).toEqual(
      ['Expiry-day reminder', '7-day expiry reminder', '30-day expiry reminder', '90-day expiry reminder'].map(
        (what) =>
          `${what} for certificate CIT-${certificate.code.slice(0, 4)}-${certificate.code.slice(4, 8)}-${certificate.code.slice(8)} ` +
          `sent to Alex Morgan (holder), Sam Okafor (supervisor) and Casey Lindqvist (clinic admin).`,
      ),
    );
  });

  it('after missed runs sends only the most urgent tier due, and records the tiers passed over', async () => {
    const { holder, certificate } = await certifiedHolder();
    const report = await sendDueReminders(deps(), onTheDay(certificate, 7, 2 * 86_400_000));
    expect(report).toMatchObject({ due: 1, claimed: 1, sent: 3 });
    expect(mailer.take()).toContain(`${holder.email}: Your CIT Academy certificate expires in 5 days`);
    const [delivery] = await reminders.listDeliveries(holder.sub);
    expect(delivery).toMatchObject({ tier: 7, passedOver: [90, 30] });
    // Next is the day of expiry, not the tiers passed over.
    expect((await sendDueReminders(deps(), onTheDay(certificate, 7, 3 * 86_400_000))).due).toBe(0);
    expect(await sendDueReminders(deps(), onTheDay(certificate, 0))).toMatchObject({ claimed: 1, sent: 3 });
  });

  it('sends once however many runs race', async () => {
    const holders = await Promise.all(
      Array.from({ length: 6 }, (_, index) => certifiedHolder('2031-03-01T14:30:00.000Z', `Racer ${index}`)),
    );
    const now = onTheDay(holders[0].certificate, 90);
    const runs = await Promise.all(Array.from({ length: 4 }, () => sendDueReminders(deps(), now)));
    const sent = mailer.take();
    expect(sent).toHaveLength(holders.length * 3);
    expect(new Set(sent).size).toBe(sent.length);
    expect(runs.reduce((total, run) => total + run.claimed, 0)).toBe(holders.length);
    expect(runs.reduce((total, run) => total + run.sent, 0)).toBe(holders.length * 3);
    expect(runs.every((run) => run.error === undefined)).toBe(true);
  });

  it('retries a failed email on the next run, without sending again to anyone it reached', async () => {
    const { holder, supervisor, admin, certificate } = await certifiedHolder();
    mailer.refuse(supervisor.email, 1);
    const first = await sendDueReminders(deps(), onTheDay(certificate, 30));
    expect(first).toMatchObject({ claimed: 1, sent: 2, failed: 1 });
    expect(first.failures).toEqual([expect.objectContaining({ recipientSub: supervisor.sub, role: 'supervisor', final: false })]);
    expect(mailer.take().sort()).toEqual(
      [
        `${holder.email}: Your CIT Academy certificate expires in 30 days`,
        `${admin.email}: Alex Morgan's CIT Academy certificate expires in 30 days`,
      ].sort(),
    );
    expect((await reminders.listDeliveries(holder.sub))[0]).toMatchObject({ status: 'sending', attempts: 1 });

    const retry = await sendDueReminders(deps(), onTheDay(certificate, 30, 60_000));
    expect(retry).toMatchObject({ due: 1, claimed: 0, sent: 1, failed: 0 });
    expect(mailer.take()).toEqual([`${supervisor.email}: Alex Morgan's CIT Academy certificate expires in 30 days`]);
    const [delivery] = await reminders.listDeliveries(holder.sub);
    expect(delivery).toMatchObject({ status: 'sent', attempts: 2 });
    expect(delivery.recipients[1]).toMatchObject({ status: 'sent', lastError: 'Throttled (simulated)' });
    expect((await sendDueReminders(deps(), onTheDay(certificate, 30, 120_000))).due).toBe(0);
    const events = (await certificates.listHistory(holder.sub)).filter((event) => (event.action as string).startsWith('reminder'));
    expect(events).toHaveLength(1);
  });

  it('gives up on a refused address at once, and on one that keeps failing after a bounded number of runs, visibly', async () => {
    const { holder, supervisor, admin, certificate } = await certifiedHolder();
    mailer.refuse(admin.email, Infinity, false);
    mailer.refuse(supervisor.email, Infinity, true);
    const runs = [];
    for (let attempt = 0; attempt < REMINDER_POLICY.maxDeliveryAttempts + 2; attempt += 1)
      runs.push(await sendDueReminders(deps(), onTheDay(certificate, 30, attempt * 60_000)));
    expect(runs[0]).toMatchObject({ sent: 1, failed: 2 });
    expect(runs[0].failures.map(({ role, final }) => [role, final])).toEqual([
      ['supervisor', false],
      ['clinic-admin', true],
    ]);
    // The supervisor is tried once per run until the last attempt, then given up on; then nothing is due.
    expect(runs.map((run) => run.failed)).toEqual([2, 1, 1, 1, 1, 1, 0, 0]);
    expect(runs[REMINDER_POLICY.maxDeliveryAttempts - 1].failures).toEqual([expect.objectContaining({ role: 'supervisor', final: true })]);
    expect(runs.at(-1)!.due).toBe(0);
    expect(mailer.take()).toEqual([`${holder.email}: Your CIT Academy certificate expires in 30 days`]);
    const [delivery] = await reminders.listDeliveries(holder.sub);
    expect(delivery).toMatchObject({ status: 'partly-sent', attempts: REMINDER_POLICY.maxDeliveryAttempts });
    expect(delivery.recipients.map(({ status, lastError }) => [status, lastError])).toEqual([
      ['sent', undefined],
      ['failed', 'Throttled (simulated)'],
      ['failed', 'Address refused (simulated)'],
    ]);
    const [event] = (await certificates.listHistory(holder.sub)).filter((each) => (each.action as string) === 'reminder-sent');
    expect(event.summary).toMatch(
      /sent to Alex Morgan \(holder\)\. Not delivered to Sam Okafor \(supervisor\) and Casey Lindqvist \(clinic admin\)\.$/,
    );
  });

  it('loses nothing and sends nothing twice when a run dies after claiming: the next run after its lease takes over', async () => {
    const { holder, supervisor, admin, certificate } = await certifiedHolder();
    const now = onTheDay(certificate, 90);
    // A run that claimed the tier and sent to the holder, then died.
    const scheduled = (await reminders.scheduledCertificate(holder.sub))!;
    const delivery = {
      traineeSub: holder.sub,
      code: certificate.code,
      tier: 90,
      holderName: holder.name,
      supervisorName: supervisor.name,
      expiresAt: certificate.expiresAt,
      dueAt: reminderDueAt(certificate.expiresAt, 90).toISOString(),
      claimedAt: now.toISOString(),
      passedOver: [],
      recipients: [holder, supervisor, admin].map((each, index) => ({
        sub: each.sub,
        name: each.name,
        email: each.email,
        role: (['holder', 'supervisor', 'clinic-admin'] as const)[index],
        status: 'pending' as const,
      })),
      attempts: 1,
      status: 'sending' as const,
    };
    const leaseUntil = new Date(now.getTime() + REMINDER_POLICY.leaseMinutes * 60_000).toISOString();
    const claim = await reminders.claim({ certificate, token: scheduled.schedule!.token, next: undefined, delivery, leaseUntil });
    expect(claim.outcome).toBe('claimed');
    const lease = (claim as { lease: string }).lease;
    expect(
      await reminders.recordRecipient(delivery, lease, 0, {
        ...delivery.recipients[0],
        status: 'sent',
        messageId: 'earlier',
        sentAt: now.toISOString(),
      }),
    ).toBe(true);

    // While its lease lasts, nobody else sends it.
    expect(await sendDueReminders(deps(), new Date(now.getTime() + 5 * 60_000))).toMatchObject({ due: 0, sent: 0 });
    const takeover = await sendDueReminders(deps(), new Date(now.getTime() + 16 * 60_000));
    expect(takeover).toMatchObject({ due: 1, claimed: 0, sent: 2 });
    expect(mailer.take().sort()).toEqual(
      [supervisor.email, admin.email].map((address) => `${address}: Alex Morgan's CIT Academy certificate expires in 90 days`).sort(),
    );
    expect((await reminders.listDeliveries(holder.sub))[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('takes a suspended or revoked certificate out of the index as it changes, and a reinstated one back in', async () => {
    const { holder, supervisor, certificate } = await certifiedHolder();
    const by = { sub: supervisor.sub, name: supervisor.name };
    const suspension = { at: '2030-01-01T00:00:00.000Z', by, category: 'complaint' as const, note: 'Test suspension.' };
    const suspended: CertificateRecord = { ...certificate, status: 'suspended', suspension };
    expect(await certificates.changeState(certificate, suspended, historyEvents.certificateSuspended(certificate, suspension))).toBe(true);
    expect((await certificateItem(holder.sub)).gsi4sk).toBeUndefined();
    expect(await sendDueReminders(deps(), onTheDay(certificate, 90))).toMatchObject({ due: 0, sent: 0 });

    const reinstated: CertificateRecord = { ...certificate, status: 'active' };
    const event = historyEvents.certificateReinstated(suspended, by, '2030-01-02T00:00:00.000Z', 'Test reinstatement.');
    expect(await certificates.changeState(suspended, reinstated, event)).toBe(true);
    expect((await certificateItem(holder.sub)).gsi4sk).toBe(reminderIndexAttributes(reinstated).gsi4sk);
    expect(await sendDueReminders(deps(), onTheDay(certificate, 90))).toMatchObject({ due: 1, claimed: 1, sent: 3 });
    mailer.take();

    const revocation = { at: '2030-01-03T00:00:00.000Z', by, category: 'other' as const, note: 'Test revocation.' };
    const revoked: CertificateRecord = { ...certificate, status: 'revoked', revocation };
    expect(await certificates.changeState(reinstated, revoked, historyEvents.certificateRevoked(certificate, revocation))).toBe(true);
    expect((await certificateItem(holder.sub)).gsi4sk).toBeUndefined();
    expect(await sendDueReminders(deps(), onTheDay(certificate, 0))).toMatchObject({ due: 0, sent: 0 });
    expect(mailer.take()).toEqual([]);
  });

  it('drops a certificate still in the index that is no longer active, and sends it nothing', async () => {
    const { holder, certificate } = await certifiedHolder();
    // Written some other way than the store's state changes (by hand, or before they removed the entry).
    await client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.traineeCertificate(holder.sub),
        UpdateExpression: 'SET #status = :revoked',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':revoked': 'revoked' },
      }),
    );
    const report = await sendDueReminders(deps(), onTheDay(certificate, 90));
    expect(report).toMatchObject({ due: 1, dropped: 1, claimed: 0, sent: 0 });
    expect(mailer.take()).toEqual([]);
    expect((await certificateItem(holder.sub)).gsi4sk).toBeUndefined();
    expect((await sendDueReminders(deps(), onTheDay(certificate, 0))).due).toBe(0);
    expect(await reminders.listDeliveries(holder.sub)).toEqual([]);
  });

  it('reschedules on renewal, and cancels a retry of the old certificate’s reminder', async () => {
    const { holder, supervisor, certificate } = await certifiedHolder();
    mailer.refuse(supervisor.email, 1);
    await sendDueReminders(deps(), onTheDay(certificate, 90));
    mailer.take();
    const renewedAt = new Date(onTheDay(certificate, 90).getTime() + 86_400_000);
    const renewal: CertificateRecord = {
      ...certificate,
      code: certificateCodeFrom(randomBytes(CERTIFICATE_CODE_RANDOM_BYTES)),
      issuedAt: renewedAt.toISOString(),
      expiresAt: renewedExpiry(course.certification, certificate, renewedAt).toISOString(),
      renews: certificate.code,
    };
    expect(
      await certificates.renewOnce(certificate, renewal, renewedAt.toISOString(), historyEvents.certificateRenewed(certificate, renewal)),
    ).toBe(true);

    const afterRenewal = await sendDueReminders(deps(), new Date(renewedAt.getTime() + HOUR));
    expect(afterRenewal).toMatchObject({ due: 1, cancelled: 1, sent: 0 });
    expect(mailer.take()).toEqual([]);
    const old = (await reminders.listDeliveries(holder.sub)).find((delivery) => delivery.code === certificate.code)!;
    expect(old.status).toBe('cancelled');
    expect(old.recipients.map((recipient) => recipient.status)).toEqual(['sent', 'cancelled', 'sent']);
    // The old 30-day reminder is never sent; the renewal's own reminders come 90 days before its expiry.
    expect((await sendDueReminders(deps(), onTheDay(certificate, 30))).due).toBe(0);
    expect(renewal.expiresAt).toBe('2033-03-01T14:30:00.000Z');
    expect(await sendDueReminders(deps(), onTheDay(renewal, 90))).toMatchObject({ claimed: 1, sent: 3 });
    expect(mailer.take()).toContain(`${holder.email}: Your CIT Academy certificate expires in 90 days`);
  });

  it('sends a certificate whose schedule was set back (a reinstatement) only the tiers it has not had', async () => {
    const { holder, certificate } = await certifiedHolder();
    await sendDueReminders(deps(), onTheDay(certificate, 90));
    await sendDueReminders(deps(), onTheDay(certificate, 30));
    expect(mailer.take()).toHaveLength(6);
    // What reinstating writes: the index attributes of an active certificate, from the first tier.
    const { gsi4pk, gsi4sk } = reminderIndexAttributes(certificate);
    await client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.traineeCertificate(holder.sub),
        UpdateExpression: 'SET gsi4pk = :pk, gsi4sk = :sk',
        ExpressionAttributeValues: { ':pk': gsi4pk, ':sk': gsi4sk },
      }),
    );
    // The 30-day tier is the most urgent due, and was sent: skipped, and the schedule moves on to 7 days.
    expect(await sendDueReminders(deps(), onTheDay(certificate, 30, 2 * 86_400_000))).toMatchObject({ due: 1, skipped: 1, sent: 0 });
    expect(mailer.take()).toEqual([]);
    expect(await sendDueReminders(deps(), onTheDay(certificate, 7))).toMatchObject({ claimed: 1, sent: 3 });
  });

  it('reads only what is due, with queries, gets and conditional writes: never a Scan', async () => {
    const due = await Promise.all([
      certifiedHolder('2031-03-01T14:30:00.000Z', 'Due One'),
      certifiedHolder('2031-03-02T09:00:00.000Z', 'Due Two'),
    ]);
    for (let index = 0; index < 20; index += 1) await certifiedHolder(`2032-0${1 + (index % 9)}-15T10:00:00.000Z`, `Not Due ${index}`);
    const metered = meteredClient(stack.dynamoEndpoint, tableName);
    const queries: { input: Record<string, unknown>; count?: number; scanned?: number }[] = [];
    metered.client.middlewareStack.add(
      (next, context) => async (args) => {
        const result = await next(args);
        if (context.commandName === 'QueryCommand') {
          const output = result.output as { Count?: number; ScannedCount?: number };
          queries.push({ input: args.input as Record<string, unknown>, count: output.Count, scanned: output.ScannedCount });
        }
        return result;
      },
      { step: 'initialize', name: 'recordQueries' },
    );
    metered.take();
    const store = (client: DynamoDBDocumentClient) => ({
      reminders: new DynamoReminderStore(client, tableName),
      people: new DynamoPeopleStore(client, tableName),
      procedures: new DynamoCertificationStore(client, tableName),
    });
    const report = await sendDueReminders(deps(store(metered.client)), onTheDay(due[1].certificate, 90));
    expect(report).toMatchObject({ due: 2, claimed: 2, sent: 6 });
    const { calls } = metered.take();
    // The DynamoDB operations sent: the due query, strongly consistent reads, the claim and finish
    // transactions, and conditional updates (a recipient's status). No Scan, no BatchGet.
    expect(new Set(calls)).toEqual(new Set(['Query', 'GetItem', 'TransactWriteItems', 'UpdateItem']));
    expect(calls).not.toContain('Scan');
    const [dueQuery] = queries;
    expect(dueQuery.input).toMatchObject({ IndexName: 'gsi4', KeyConditionExpression: 'gsi4pk = :reminders AND gsi4sk < :after' });
    // Twenty-two certificates in the table; the index read touched the two that are due.
    expect([dueQuery.count, dueQuery.scanned]).toEqual([2, 2]);
  });

  it('as a scheduled Lambda run, logs one JSON line and fails the invocation when anything failed', async () => {
    const { supervisor, certificate } = await certifiedHolder();
    mailer.refuse(supervisor.email, 1);
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await expect(scheduledRun(deps(), onTheDay(certificate, 90), 300_000)).rejects.toThrow(ReminderRunFailed);
    expect(log).toHaveBeenCalledTimes(1);
    const line = JSON.parse(String(log.mock.calls[0][0]));
    expect(line).toMatchObject({ level: 'ERROR', message: 'expiry reminder run', due: 1, claimed: 1, sent: 2, failed: 1, skipped: 0 });
    expect(line.failures).toEqual([expect.objectContaining({ recipientSub: supervisor.sub, role: 'supervisor', final: false })]);
    expect(JSON.stringify(line)).not.toContain(supervisor.email);

    log.mockClear();
    expect(await scheduledRun(deps(), onTheDay(certificate, 90, 60_000), 300_000)).toMatchObject({ due: 1, sent: 1, failed: 0 });
    expect(JSON.parse(String(log.mock.calls[0][0]))).toMatchObject({ level: 'INFO', sent: 1 });
  });

  it('stops taking new work at its deadline and leaves it due for the next run', async () => {
    const { certificate } = await certifiedHolder();
    const report = await sendDueReminders(deps(), onTheDay(certificate, 90), { deadline: Date.now() - 1 });
    expect(report).toMatchObject({ due: 1, deferred: 1, claimed: 0, sent: 0 });
    expect(await sendDueReminders(deps(), onTheDay(certificate, 90))).toMatchObject({ claimed: 1, sent: 3 });
  });
});

describe('the local outbox mailer', () => {
  it("puts the email in the local provider's outbox page, and is refused without the provider's secret", async () => {
    const { LOCAL_IDP_ADMIN_URL: adminUrl, LOCAL_IDP_ADMIN_SECRET: secret } = stack.functionEnv;
    const subject = `Outbox test ${randomUUID()}`;
    const email = {
      to: { name: 'Casey Lindqvist', email: 'casey.admin@harbour.example' },
      subject,
      text: 'Plain text body.',
      html: '<p>HTML body.</p>',
    };
    const result = await new LocalOutboxMailer(adminUrl, secret).send(email);
    expect(result).toMatchObject({ outcome: 'sent', messageId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    const outbox = await (await fetch(`${stack.issuer}/outbox`)).text();
    expect(outbox).toContain(`<h3 id="email-0">${subject}</h3>`);
    expect(outbox).toContain('To: Casey Lindqvist &lt;casey.admin@harbour.example&gt;');
    expect(outbox).toContain('Plain text body.');
    expect(await new LocalOutboxMailer(adminUrl, 'wrong').send(email)).toMatchObject({ outcome: 'failed', retryable: true });
  });
});
