import { formatCertificateCode } from '../certification/certificate-code';
import type { RecipientDelivery, RecipientRole, ReminderDelivery, ReminderHistoryEvent } from './types';

/** Who writes the reminders' history events: the platform itself, not a person. */
export const REMINDERS_ACTOR = { sub: 'cit-academy:reminders', name: 'CIT Academy reminders' } as const;

const ROLE_LABELS: Record<RecipientRole, string> = { holder: 'holder', supervisor: 'supervisor', 'clinic-admin': 'clinic admin' };

const names = (recipients: RecipientDelivery[]) => {
  const each = recipients.map((recipient) => `${recipient.name} (${ROLE_LABELS[recipient.role]})`);
  return each.length > 1 ? `${each.slice(0, -1).join(', ')} and ${each.at(-1)}` : (each[0] ?? '');
};

const label = (tier: number) => (tier === 0 ? 'Expiry-day reminder' : `${tier}-day expiry reminder`);

/**
 * The trainee's history event for a finished delivery: who it reached and who it did not. None for
 * a delivery cancelled before anything went (the certificate was renewed or revoked first): there
 * is nothing to tell.
 */
export function reminderHistoryEvent(delivery: ReminderDelivery, at: string): ReminderHistoryEvent | undefined {
  const sent = delivery.recipients.filter((recipient) => recipient.status === 'sent');
  const failed = delivery.recipients.filter((recipient) => recipient.status === 'failed');
  const cancelled = delivery.recipients.filter((recipient) => recipient.status === 'cancelled');
  const what = `${label(delivery.tier)} for certificate ${formatCertificateCode(delivery.code)}`;
  const base = { traineeSub: delivery.traineeSub, at, actor: { ...REMINDERS_ACTOR }, code: delivery.code };
  if (sent.length) {
    return {
      ...base,
      action: 'reminder-sent',
      summary:
        `${what} sent to ${names(sent)}.` +
        (failed.length ? ` Not delivered to ${names(failed)}.` : '') +
        (cancelled.length ? ` Not sent to ${names(cancelled)}: the certificate changed first.` : ''),
    };
  }
  if (delivery.status === 'cancelled') return undefined;
  return {
    ...base,
    action: 'reminder-failed',
    summary: failed.length ? `${what} could not be delivered to ${names(failed)}.` : `${what} not sent: nobody has an email address.`,
  };
}
