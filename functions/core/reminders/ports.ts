import type { CertificateRecord } from '../certification/types';
import type { RecipientDelivery, ReminderDelivery, ReminderHistoryEvent } from './types';

/**
 * Something the reminder index says is due: a certificate whose next tier has come, or a delivery
 * to retry (or whose run died: its lease has run out).
 */
export type DueEntry = { kind: 'certificate'; traineeSub: string } | { kind: 'delivery'; traineeSub: string; code: string; tier: number };

/**
 * A certificate's place in the reminder index: its next tier and when that is due. `token` is the
 * index value as read; every change to it is conditional on it, so two runs never both act.
 */
export interface ReminderSchedule {
  tier: number;
  dueAt: string;
  token: string;
}

/** A delivery as stored, with its index value (the lease) while it is unfinished. */
export interface StoredDelivery {
  delivery: ReminderDelivery;
  /** When it may next be taken: the end of a run's lease, or the retry time. Absent once finished. */
  dueAt?: string;
  token?: string;
}

export type ClaimOutcome =
  | { outcome: 'claimed'; lease: string }
  /** The schedule is no longer what was read (another run claimed it, or the certificate changed). */
  | { outcome: 'schedule-changed' }
  /** This tier of this certificate was claimed before (by a run before a suspension, say). */
  | { outcome: 'already-claimed' };

/** What the reminders need from storage; `store/dynamo-reminder-store.ts` implements it with a query on a sparse index. */
export interface ReminderStore {
  /** Everything due at `now`, soonest first: one query, reading nothing that is not due. */
  listDue(now: Date): Promise<DueEntry[]>;
  /** The trainee's certificate and its place in the index (absent once out of it), read strongly consistent. */
  scheduledCertificate(traineeSub: string): Promise<{ certificate: CertificateRecord; schedule?: ReminderSchedule } | undefined>;
  /** Moves the certificate on to its next tier, or out of the index; only if the schedule is still `token`. */
  advance(traineeSub: string, token: string, next?: { tier: number; dueAt: string }): Promise<boolean>;
  /**
   * Claims a tier: in one transaction, advances the certificate's schedule (if still `token`, and the
   * certificate still active with that code) and creates the delivery, which must not exist yet,
   * leased to this run until `leaseUntil`.
   */
  claim(input: {
    certificate: CertificateRecord;
    token: string;
    next?: { tier: number; dueAt: string };
    delivery: ReminderDelivery;
    leaseUntil: string;
  }): Promise<ClaimOutcome>;
  delivery(traineeSub: string, code: string, tier: number): Promise<StoredDelivery | undefined>;
  /** Takes a due delivery for this run until `until`, counting an attempt; the new lease, or undefined if another run took it. */
  lease(delivery: ReminderDelivery, token: string, until: string): Promise<string | undefined>;
  /** Records where one recipient stands; false if the lease is no longer this run's. */
  recordRecipient(delivery: ReminderDelivery, lease: string, index: number, recipient: RecipientDelivery): Promise<boolean>;
  /** Puts an unfinished delivery back in the index, due again at `retryAt`; false if the lease was lost. */
  release(delivery: ReminderDelivery, lease: string, retryAt: string): Promise<boolean>;
  /** Finishes a delivery (takes it out of the index) and appends its history event, together; false if the lease was lost. */
  finish(delivery: ReminderDelivery, lease: string, event?: ReminderHistoryEvent): Promise<boolean>;
  /** Every reminder claimed for the trainee, all certificates and tiers: the record of what was sent. */
  listDeliveries(traineeSub: string): Promise<ReminderDelivery[]>;
}

export interface OutgoingEmail {
  to: { name: string; email: string };
  subject: string;
  text: string;
  html: string;
}

/** What the mail service said: accepted (with its message id), or refused and whether trying again could help. */
export type MailResult = { outcome: 'sent'; messageId: string } | { outcome: 'failed'; retryable: boolean; reason: string };

/** Sends one email: Amazon SES in AWS, the local provider's outbox on a developer's machine. */
export interface Mailer {
  readonly kind: 'ses' | 'local-outbox';
  send(email: OutgoingEmail): Promise<MailResult>;
}
