import type { HistoryEvent } from '../certification/history';

/** Why someone gets a reminder: they hold the certificate, supervise the holder, or run the holder's clinic. */
export type RecipientRole = 'holder' | 'supervisor' | 'clinic-admin';

export interface ReminderRecipient {
  sub: string;
  name: string;
  email: string;
  role: RecipientRole;
}

/**
 * Where one recipient's email stands. `pending` until SES (or the local outbox) accepts it, then
 * `sent` with its message id; `failed` once it cannot be sent (refused, or out of attempts);
 * `cancelled` when the certificate changed before it went (renewed, revoked).
 */
export type RecipientStatus = 'pending' | 'sent' | 'failed' | 'cancelled';

export interface RecipientDelivery extends ReminderRecipient {
  status: RecipientStatus;
  messageId?: string;
  sentAt?: string;
  /** The last failure: what the mail service said, and when. */
  lastError?: string;
  failedAt?: string;
}

/** `sending` while any recipient is pending; then how it ended. */
export type DeliveryStatus = 'sending' | 'sent' | 'partly-sent' | 'failed' | 'cancelled';

/**
 * One reminder tier of one certificate, as claimed (exactly once: its key is the certificate's code
 * and the tier) and then delivered: who it is for and where each email stands. Kept as the record
 * of what was sent.
 */
export interface ReminderDelivery {
  traineeSub: string;
  /** The certificate's canonical code. */
  code: string;
  /** Days before expiry (0: the day of expiry). */
  tier: number;
  holderName: string;
  /** The holder's supervisor when claimed, named in the message as the one who renews. */
  supervisorName?: string;
  expiresAt: string;
  dueAt: string;
  claimedAt: string;
  /** Tiers that were due too but passed over for this nearer one (the job had not run for a while). */
  passedOver: number[];
  recipients: RecipientDelivery[];
  /** Runs that have tried to deliver it, the first included; bounded by MAX_DELIVERY_ATTEMPTS. */
  attempts: number;
  status: DeliveryStatus;
  completedAt?: string;
}

/** What the reminders write to the trainee's history: a HistoryEvent with the reminders' own actions. */
export type ReminderHistoryEvent = Omit<HistoryEvent, 'action'> & { action: 'reminder-sent' | 'reminder-failed' };

/** What one run did, counted for its log line and its caller. */
export interface RunReport {
  at: string;
  /** Entries the index said were due (certificates and deliveries to retry). */
  due: number;
  /** Reminder tiers claimed by this run. */
  claimed: number;
  /** Emails accepted by the mail service. */
  sent: number;
  /** Emails that failed in this run, whether they will be retried or not. */
  failed: number;
  /** Due entries left alone: another run had them, they had changed, or the tier was sent already. */
  skipped: number;
  /** Certificates found not active and taken out of the index, sent nothing. */
  dropped: number;
  /** Deliveries stopped because their certificate changed (renewed, revoked) before every email went. */
  cancelled: number;
  /** Due entries not reached before the deadline or after the mail service kept failing: the next run takes them. */
  deferred: number;
  /** One line per reminder delivered or tried. */
  reminders: ReminderOutcome[];
  /** One entry per failed email, without addresses (the log line carries these). */
  failures: { traineeSub: string; code: string; tier: number; recipientSub: string; role: RecipientRole; reason: string; final: boolean }[];
  /** A storage failure that stopped the run. */
  error?: string;
}

export interface ReminderOutcome {
  traineeSub: string;
  code: string;
  tier: number;
  holderName: string;
  expiresAt: string;
  status: DeliveryStatus;
  /** Attempts so far, this run's included. */
  attempts: number;
  recipients: RecipientDelivery[];
}
