import type { Person } from '../accounts/types';
import type { CertificationStore } from '../certification/ports';
import { checkRenewal } from '../certification/rules';
import type { CertificationSettings } from '../course/types';
import type { CertificateRecord, ObservedProcedureRecord } from '../certification/types';
import { reminderHistoryEvent } from './history';
import { composeReminder } from './message';
import type { DueEntry, Mailer, MailResult, OutgoingEmail, ReminderStore } from './ports';
import { recipientsFor, type RecipientDirectory } from './recipients';
import { nextReminder, REMINDER_TIERS, reminderDueAt, tierName, tiersPassedOver, tierToSend } from './tiers';
import type { DeliveryStatus, RecipientDelivery, ReminderDelivery, ReminderOutcome, RunReport } from './types';

export const REMINDER_POLICY = {
  /**
   * How long a run holds a delivery it is sending. Longer than a run can last (the function's
   * timeout is 5 minutes), so a second run never sends it meanwhile; short enough that a run that
   * died is taken over by the next one.
   */
  leaseMinutes: 15,
  /**
   * Runs that may try one delivery, the first included: with a daily run and Lambda's two retries
   * of a failed invocation, about two days, long enough to ride out a mail service outage.
   */
  maxDeliveryAttempts: 6,
  /** After this many retryable mail failures in a row the run stops sending: the service is failing, not one address. */
  maxConsecutiveFailures: 5,
} as const;

export interface RemindersDeps {
  reminders: ReminderStore;
  people: RecipientDirectory;
  procedures: Pick<CertificationStore, 'listObservedProcedures'>;
  mailer: Mailer;
  /** The web app's origin, for the links in the emails. */
  siteUrl: string;
  /** The course's certification rules: the reminder days (tiers), the renewal window and requirements. */
  settings: CertificationSettings;
}

export type ReminderProgress =
  | { kind: 'found'; due: number }
  | { kind: 'reminder'; outcome: ReminderOutcome }
  | { kind: 'dropped'; traineeSub: string; code: string; status: CertificateRecord['status'] }
  | { kind: 'skipped'; traineeSub: string; reason: string };

export interface RunOptions {
  /** Wall-clock time (epoch ms) after which the run takes no new work; what is left stays due for the next run. */
  deadline?: number;
  onProgress?: (event: ReminderProgress) => void;
}

const describe = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
};

/**
 * Finds every certificate due a reminder (a query on the reminder index: nothing is scanned) and
 * sends one reminder per tier per certificate, exactly once, to the holder, their supervisor and
 * their clinic's admins; retries deliveries that failed or whose run died. Safe to run at any
 * time, as often as wanted, concurrently: every step is conditional on the state it read.
 */
export async function sendDueReminders(deps: RemindersDeps, now: Date, options: RunOptions = {}): Promise<RunReport> {
  const report: RunReport = {
    at: now.toISOString(),
    due: 0,
    claimed: 0,
    sent: 0,
    failed: 0,
    skipped: 0,
    dropped: 0,
    cancelled: 0,
    deferred: 0,
    reminders: [],
    failures: [],
  };
  let due: DueEntry[];
  try {
    due = await deps.reminders.listDue(now);
  } catch (error) {
    report.error = describe(error);
    return report;
  }
  report.due = due.length;
  options.onProgress?.({ kind: 'found', due: due.length });
  const run = new ReminderRun(deps, now, options, report);
  for (const [index, entry] of due.entries()) {
    if (run.mustStop()) {
      report.deferred += due.length - index;
      break;
    }
    try {
      if (entry.kind === 'certificate') await run.certificate(entry.traineeSub);
      else await run.retry(entry.traineeSub, entry.code, entry.tier);
    } catch (error) {
      // Storage failing: stop rather than fail slowly on every entry; everything unfinished stays due.
      report.error = describe(error);
      report.deferred += due.length - index - 1;
      break;
    }
  }
  return report;
}

class ReminderRun {
  private consecutiveFailures = 0;
  /** Organisation members, read once per organisation per run. */
  private readonly members = new Map<string, Promise<Person[]>>();
  private readonly tiers: readonly number[];

  constructor(
    private readonly deps: RemindersDeps,
    private readonly now: Date,
    private readonly options: RunOptions,
    private readonly report: RunReport,
  ) {
    this.tiers = deps.settings.reminderDays.length ? deps.settings.reminderDays : REMINDER_TIERS;
  }

  mustStop(): boolean {
    const pastDeadline = this.options.deadline !== undefined && Date.now() >= this.options.deadline;
    return pastDeadline || this.consecutiveFailures >= REMINDER_POLICY.maxConsecutiveFailures;
  }

  private leaseUntil() {
    return new Date(this.now.getTime() + REMINDER_POLICY.leaseMinutes * 60_000).toISOString();
  }

  private skip(traineeSub: string, reason: string) {
    this.report.skipped += 1;
    this.options.onProgress?.({ kind: 'skipped', traineeSub, reason });
  }

  /** A certificate whose next tier is due: drop it if no longer active, else claim the most urgent tier and send it. */
  async certificate(traineeSub: string): Promise<void> {
    const { reminders } = this.deps;
    const found = await reminders.scheduledCertificate(traineeSub);
    const schedule = found?.schedule;
    // The index is eventually consistent: what it listed may have moved on since.
    if (!found || !schedule) return this.skip(traineeSub, 'no longer in the reminder index');
    if (Date.parse(schedule.dueAt) > this.now.getTime()) return this.skip(traineeSub, 'not due yet');
    const { certificate } = found;
    if (certificate.status !== 'active') {
      // Revoked, superseded or suspended: nothing to remind anyone of. Out of the index, unless it changed meanwhile.
      if (!(await reminders.advance(traineeSub, schedule.token))) return this.skip(traineeSub, 'changed while being read');
      this.report.dropped += 1;
      this.options.onProgress?.({ kind: 'dropped', traineeSub, code: certificate.code, status: certificate.status });
      return;
    }
    const tier = tierToSend(certificate.expiresAt, schedule.tier, this.now, this.tiers);
    if (tier === undefined) {
      // Scheduled under other tiers than these: put it where these say.
      const first = this.tiers.filter((candidate) => candidate <= schedule.tier);
      const next = first.length ? { tier: first[0], dueAt: reminderDueAt(certificate.expiresAt, first[0]).toISOString() } : undefined;
      await reminders.advance(traineeSub, schedule.token, next);
      return this.skip(traineeSub, 'rescheduled to the current tiers');
    }
    const next = nextReminder(certificate.expiresAt, tier, this.tiers);
    const [{ recipients, supervisorName }, procedures] = await Promise.all([
      recipientsFor(this.deps.people, certificate, this.members),
      this.deps.procedures.listObservedProcedures(traineeSub),
    ]);
    const delivery: ReminderDelivery = {
      traineeSub,
      code: certificate.code,
      tier,
      holderName: certificate.holderName,
      ...(supervisorName ? { supervisorName } : {}),
      expiresAt: certificate.expiresAt,
      dueAt: reminderDueAt(certificate.expiresAt, tier).toISOString(),
      claimedAt: this.now.toISOString(),
      passedOver: tiersPassedOver(schedule.tier, tier, this.tiers),
      recipients: recipients.map((recipient) => ({ ...recipient, status: 'pending' })),
      attempts: 1,
      status: 'sending',
    };
    const claim = await reminders.claim({ certificate, token: schedule.token, next, delivery, leaseUntil: this.leaseUntil() });
    if (claim.outcome === 'schedule-changed') return this.skip(traineeSub, 'claimed by another run, or changed while being read');
    if (claim.outcome === 'already-claimed') {
      // Sent before (the schedule was set back, by a reinstatement say): move on without sending it twice.
      await reminders.advance(traineeSub, schedule.token, next);
      return this.skip(traineeSub, `the ${tierName(tier)} reminder for this certificate was claimed before`);
    }
    this.report.claimed += 1;
    await this.deliver(delivery, claim.lease, certificate, procedures);
  }

  /** A delivery due again: a failed email to retry, or a run that died holding it. */
  async retry(traineeSub: string, code: string, tier: number): Promise<void> {
    const { reminders } = this.deps;
    const stored = await reminders.delivery(traineeSub, code, tier);
    if (!stored?.token || !stored.dueAt) return this.skip(traineeSub, 'delivery finished');
    if (Date.parse(stored.dueAt) > this.now.getTime()) return this.skip(traineeSub, 'delivery held by another run');
    const lease = await reminders.lease(stored.delivery, stored.token, this.leaseUntil());
    if (!lease) return this.skip(traineeSub, 'delivery taken by another run');
    const delivery: ReminderDelivery = { ...stored.delivery, attempts: stored.delivery.attempts + 1 };
    const certificate = (await reminders.scheduledCertificate(traineeSub))?.certificate;
    if (!certificate || certificate.code !== code || certificate.status !== 'active') {
      // Renewed, revoked or suspended since the claim: a reminder about it now would mislead.
      delivery.recipients = delivery.recipients.map((recipient) =>
        recipient.status === 'pending' ? { ...recipient, status: 'cancelled' } : recipient,
      );
      this.report.cancelled += 1;
      return this.finish(delivery, lease, 'cancelled');
    }
    await this.deliver(delivery, lease, certificate, await this.deps.procedures.listObservedProcedures(traineeSub));
  }

  private async send(email: OutgoingEmail): Promise<MailResult> {
    try {
      return await this.deps.mailer.send(email);
    } catch (error) {
      return { outcome: 'failed', retryable: true, reason: describe(error) };
    }
  }

  /** Sends to every recipient still pending, recording each result as it comes, then finishes or releases the delivery. */
  private async deliver(
    delivery: ReminderDelivery,
    lease: string,
    certificate: CertificateRecord,
    procedures: ObservedProcedureRecord[],
  ): Promise<void> {
    const renewal = checkRenewal(this.deps.settings, certificate, procedures, this.now);
    const lastAttempt = delivery.attempts >= REMINDER_POLICY.maxDeliveryAttempts;
    for (const [index, recipient] of delivery.recipients.entries()) {
      if (recipient.status !== 'pending') continue;
      if (this.mustStop()) break;
      const message = composeReminder({
        certificate,
        recipient,
        supervisorName: delivery.supervisorName,
        renewal,
        settings: this.deps.settings,
        siteUrl: this.deps.siteUrl,
        now: this.now,
      });
      const result = await this.send({
        to: { name: recipient.name, email: recipient.email },
        subject: message.subject,
        text: message.text,
        html: message.html,
      });
      let updated: RecipientDelivery;
      if (result.outcome === 'sent') {
        this.report.sent += 1;
        this.consecutiveFailures = 0;
        updated = { ...recipient, status: 'sent', messageId: result.messageId, sentAt: this.now.toISOString() };
      } else {
        const final = !result.retryable || lastAttempt;
        this.report.failed += 1;
        // A refused address says nothing about the service; a run of retryable failures does.
        if (result.retryable) this.consecutiveFailures += 1;
        updated = { ...recipient, status: final ? 'failed' : 'pending', lastError: result.reason, failedAt: this.now.toISOString() };
        this.report.failures.push({
          traineeSub: delivery.traineeSub,
          code: delivery.code,
          tier: delivery.tier,
          recipientSub: recipient.sub,
          role: recipient.role,
          reason: result.reason,
          final,
        });
      }
      delivery.recipients[index] = updated;
      // Recorded before the next send, so a run that dies now resends to nobody it reached.
      if (!(await this.deps.reminders.recordRecipient(delivery, lease, index, updated)))
        return this.skip(delivery.traineeSub, 'delivery lease lost to another run');
    }
    if (delivery.recipients.some((recipient) => recipient.status === 'pending')) {
      if (!lastAttempt) {
        // Due again at once: Lambda's retry of this failed invocation, or the next run, tries the rest.
        if (!(await this.deps.reminders.release(delivery, lease, this.now.toISOString())))
          return this.skip(delivery.traineeSub, 'delivery lease lost to another run');
        return this.outcome(delivery);
      }
      delivery.recipients = delivery.recipients.map((recipient) =>
        recipient.status === 'pending'
          ? { ...recipient, status: 'failed', lastError: recipient.lastError ?? `Not sent in ${delivery.attempts} attempts.` }
          : recipient,
      );
    }
    return this.finish(delivery, lease);
  }

  private async finish(delivery: ReminderDelivery, lease: string, cancelled?: 'cancelled'): Promise<void> {
    const sent = delivery.recipients.filter((recipient) => recipient.status === 'sent').length;
    const status: DeliveryStatus = cancelled ?? (sent && sent === delivery.recipients.length ? 'sent' : sent ? 'partly-sent' : 'failed');
    const finished: ReminderDelivery = { ...delivery, status, completedAt: this.now.toISOString() };
    if (!(await this.deps.reminders.finish(finished, lease, reminderHistoryEvent(finished, this.now.toISOString()))))
      return this.skip(delivery.traineeSub, 'delivery lease lost to another run');
    this.outcome(finished);
  }

  private outcome(delivery: ReminderDelivery) {
    const outcome: ReminderOutcome = {
      traineeSub: delivery.traineeSub,
      code: delivery.code,
      tier: delivery.tier,
      holderName: delivery.holderName,
      expiresAt: delivery.expiresAt,
      status: delivery.status,
      attempts: delivery.attempts,
      recipients: delivery.recipients,
    };
    this.report.reminders.push(outcome);
    this.options.onProgress?.({ kind: 'reminder', outcome });
  }
}
