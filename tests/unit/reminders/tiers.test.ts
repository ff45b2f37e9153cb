import { describe, expect, it } from 'vitest';
import {
  daysToExpiry,
  nextReminder,
  REMINDER_TIERS,
  reminderDueAt,
  tiersPassedOver,
  tierToSend,
} from '../../../functions/core/reminders/tiers';

const at = (iso: string) => new Date(iso);
const due = (expiresAt: string, tier: number) => reminderDueAt(expiresAt, tier).toISOString();

describe('reminder tiers', () => {
  it('are 90, 30 and 7 days before expiry and the day of expiry, most distant first', () => {
    expect(REMINDER_TIERS).toEqual([90, 30, 7, 0]);
  });

  it('fall due at the start of the UTC day, whatever time of day the certificate expires', () => {
    const expiresAt = '2027-03-01T14:30:00.000Z';
    expect(due(expiresAt, 90)).toBe('2026-12-01T00:00:00.000Z');
    expect(due(expiresAt, 30)).toBe('2027-01-30T00:00:00.000Z');
    expect(due(expiresAt, 7)).toBe('2027-02-22T00:00:00.000Z');
    expect(due(expiresAt, 0)).toBe('2027-03-01T00:00:00.000Z');
    expect(due('2027-03-01T00:00:00.000Z', 0)).toBe('2027-03-01T00:00:00.000Z');
    expect(due('2027-03-01T23:59:59.999Z', 0)).toBe('2027-03-01T00:00:00.000Z');
  });

  it('count calendar days across month ends, year ends and leap days', () => {
    expect(due('2027-03-31T09:00:00.000Z', 30)).toBe('2027-03-01T00:00:00.000Z');
    expect(due('2027-03-01T09:00:00.000Z', 30)).toBe('2027-01-30T00:00:00.000Z');
    // 2028 is a leap year: 29 February lies in between.
    expect(due('2028-03-01T09:00:00.000Z', 30)).toBe('2028-01-31T00:00:00.000Z');
    expect(due('2028-03-01T09:00:00.000Z', 90)).toBe('2027-12-02T00:00:00.000Z');
    expect(due('2027-01-03T09:00:00.000Z', 7)).toBe('2026-12-27T00:00:00.000Z');
    expect(due('2028-02-29T09:00:00.000Z', 0)).toBe('2028-02-29T00:00:00.000Z');
  });

  it('send nothing until a tier is due, then that tier, from its first millisecond', () => {
    const expiresAt = '2027-03-01T14:30:00.000Z';
    expect(tierToSend(expiresAt, 90, at('2026-11-30T23:59:59.999Z'))).toBeUndefined();
    expect(tierToSend(expiresAt, 90, at('2026-12-01T00:00:00.000Z'))).toBe(90);
    expect(tierToSend(expiresAt, 30, at('2026-12-01T00:00:00.000Z'))).toBeUndefined();
    expect(tierToSend(expiresAt, 0, at('2027-03-01T07:00:00.000Z'))).toBe(0);
  });

  it('after missed runs, send only the most urgent tier due, and say which were passed over', () => {
    const expiresAt = '2027-03-01T14:30:00.000Z';
    // The job did not run from December to mid-February: 90 and 30 are both due.
    expect(tierToSend(expiresAt, 90, at('2027-02-15T07:00:00.000Z'))).toBe(30);
    expect(tiersPassedOver(90, 30)).toEqual([90]);
    // Everything missed, past expiry: the expiry-day reminder, late, and nothing after it.
    expect(tierToSend(expiresAt, 90, at('2027-03-10T07:00:00.000Z'))).toBe(0);
    expect(tiersPassedOver(90, 0)).toEqual([90, 30, 7]);
    expect(tiersPassedOver(30, 30)).toEqual([]);
  });

  it('schedule the next tier after each one, and nothing after the day of expiry', () => {
    const expiresAt = '2027-03-01T14:30:00.000Z';
    expect(nextReminder(expiresAt, 90)).toEqual({ tier: 30, dueAt: '2027-01-30T00:00:00.000Z' });
    expect(nextReminder(expiresAt, 30)).toEqual({ tier: 7, dueAt: '2027-02-22T00:00:00.000Z' });
    expect(nextReminder(expiresAt, 7)).toEqual({ tier: 0, dueAt: '2027-03-01T00:00:00.000Z' });
    expect(nextReminder(expiresAt, 0)).toBeUndefined();
  });

  it('take other tiers when a course sets them', () => {
    const tiers = [60, 14, 1];
    expect(tierToSend('2027-03-01T14:30:00.000Z', 60, at('2027-02-20T07:00:00.000Z'), tiers)).toBe(14);
    expect(nextReminder('2027-03-01T14:30:00.000Z', 14, tiers)).toEqual({ tier: 1, dueAt: '2027-02-28T00:00:00.000Z' });
  });

  it('count the days to expiry by the calendar: 0 on the day, negative after it', () => {
    const expiresAt = '2027-03-01T14:30:00.000Z';
    expect(daysToExpiry(expiresAt, at('2026-12-01T06:00:00.000Z'))).toBe(90);
    expect(daysToExpiry(expiresAt, at('2027-02-28T23:59:59.999Z'))).toBe(1);
    expect(daysToExpiry(expiresAt, at('2027-03-01T00:00:00.000Z'))).toBe(0);
    expect(daysToExpiry(expiresAt, at('2027-03-01T20:00:00.000Z'))).toBe(0);
    expect(daysToExpiry(expiresAt, at('2027-03-04T07:00:00.000Z'))).toBe(-3);
  });
});
