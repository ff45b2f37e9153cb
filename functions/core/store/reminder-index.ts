import type { CertificateRecord } from '../certification/types';
import { REMINDER_TIERS, reminderDueAt } from '../reminders/tiers';

const REMINDER_PREFIX = 'REMINDER#';
const DUE_REMINDERS = 'REMINDERS';

/** The reminder keys (keys.ts's header has the access pattern). */
export const reminderKeys = {
  /** One reminder tier of one certificate, in its holder's partition: its existence makes the tier's claim exactly-once. */
  delivery: (traineeSub: string, code: string, tier: number) => ({
    pk: `USER#${traineeSub}`,
    sk: `${REMINDER_PREFIX}${code}#${String(tier).padStart(3, '0')}`,
  }),
  deliveriesOf: (traineeSub: string) => ({ pk: `USER#${traineeSub}`, skPrefix: REMINDER_PREFIX }),
  /** The reminder index's one partition (gsi4). */
  due: DUE_REMINDERS,
  /** An entry in it: when it is due, then whose. */
  entry: (dueAt: string, traineeSub: string) => ({ gsi4pk: DUE_REMINDERS, gsi4sk: `${dueAt}#${traineeSub}` }),
};

/**
 * What puts a certificate's trainee copy in the reminder index (gsi4), to be spread into the item
 * whenever it is written whole: its first tier, due 90 days before expiry (the entry's sort key
 * says when; the tier is the days from then to the expiry date). Nothing for a certificate that is
 * not active, so only certificates with a reminder to come are in the index. Issuing and renewing
 * write it through traineeCopyKey(); reinstating a suspended certificate should write it again:
 * the job then sends the most urgent tier that is due and was not sent before (a tier is claimed
 * once per certificate, whatever the schedule says).
 */
export function reminderIndexAttributes(record: CertificateRecord): { gsi4pk?: string; gsi4sk?: string } {
  if (record.status !== 'active') return {};
  return reminderKeys.entry(reminderDueAt(record.expiresAt, REMINDER_TIERS[0]).toISOString(), record.traineeSub);
}
