import { DAY_MS } from '../certification/rules';

/**
 * When reminders go out: this many days before a certificate's expiry date, most distant first; 0
 * is the day of expiry. The first matches the renewal window (90 days, certification/rules.ts), so
 * the first reminder arrives as renewal opens. A course may later set its own.
 */
export const REMINDER_TIERS: readonly number[] = [90, 30, 7, 0];

/** 00:00 UTC of the day `time` falls on. */
const startOfUtcDay = (time: number) => {
  const day = new Date(time);
  return Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
};

/**
 * When a tier's reminder is due: the start (00:00 UTC) of the day `tier` days before the expiry
 * date. Calendar days, so month ends and leap years need no care: Date.UTC rolls the day over.
 */
export function reminderDueAt(expiresAt: string, tier: number): Date {
  const expiry = new Date(expiresAt);
  return new Date(Date.UTC(expiry.getUTCFullYear(), expiry.getUTCMonth(), expiry.getUTCDate() - tier));
}

/** Whole calendar days (UTC) from `now` to the expiry date: 0 on the day itself, negative after it. */
export const daysToExpiry = (expiresAt: string, now: Date) =>
  Math.round((startOfUtcDay(Date.parse(expiresAt)) - startOfUtcDay(now.getTime())) / DAY_MS);

/**
 * The tier to send now, of those not sent yet (`from` and nearer to expiry): the most urgent one
 * already due. After a run was missed several tiers can be due at once; only the nearest is worth
 * sending (a "90 days" reminder a month late would be wrong). Undefined when none is due yet.
 */
export function tierToSend(expiresAt: string, from: number, now: Date, tiers: readonly number[] = REMINDER_TIERS): number | undefined {
  const due = tiers.filter((tier) => tier <= from && reminderDueAt(expiresAt, tier).getTime() <= now.getTime());
  return due.length ? Math.min(...due) : undefined;
}

/** The tiers passed over when `sent` was chosen: due, not sent, and further from expiry. */
export const tiersPassedOver = (from: number, sent: number, tiers: readonly number[] = REMINDER_TIERS) =>
  tiers.filter((tier) => tier <= from && tier > sent);

/** The next tier after `tier` (nearer to expiry), when it is due; none after the day of expiry. */
export function nextReminder(
  expiresAt: string,
  tier: number,
  tiers: readonly number[] = REMINDER_TIERS,
): { tier: number; dueAt: string } | undefined {
  const nearer = tiers.filter((candidate) => candidate < tier);
  if (!nearer.length) return undefined;
  const next = Math.max(...nearer);
  return { tier: next, dueAt: reminderDueAt(expiresAt, next).toISOString() };
}

/** How a tier reads: "90-day" or, for 0, "expiry-day". */
export const tierName = (tier: number) => (tier === 0 ? 'expiry-day' : `${tier}-day`);
