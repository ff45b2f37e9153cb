import type { QuizPolicy } from '../course/types';
import type { AttemptRecord } from './attempt-store';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Orders ISO-8601 UTC timestamps; plain comparison, as localeCompare would load collation data on a cold start. */
export const byTime = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export type PolicyDecision =
  | { allowed: true; attemptsLeftToday: number }
  | { allowed: false; reason: 'cooldown' | 'daily-limit'; nextAttemptAt: string; attemptsLeftToday: number };

/**
 * Whether a trainee may start another attempt at a module, given their attempts at it: at most
 * `maxAttemptsPer24Hours` issued in any 24 hours, and none within the cooldown after a failure.
 */
export function checkAttemptPolicy(policy: QuizPolicy, attempts: AttemptRecord[], now: Date): PolicyDecision {
  const windowStart = now.getTime() - DAY_MS;
  const recent = attempts.filter((attempt) => Date.parse(attempt.issuedAt) > windowStart).sort((a, b) => byTime(a.issuedAt, b.issuedAt));
  const attemptsLeftToday = Math.max(0, policy.maxAttemptsPer24Hours - recent.length);

  const lastFailure = attempts
    .filter((attempt) => attempt.submission && !attempt.submission.passed)
    .map((attempt) => Date.parse(attempt.submission!.submittedAt))
    .sort((a, b) => b - a)[0];
  const cooldownEnds = lastFailure === undefined ? 0 : lastFailure + policy.cooldownMinutesAfterFail * 60_000;
  if (cooldownEnds > now.getTime()) {
    return { allowed: false, reason: 'cooldown', nextAttemptAt: new Date(cooldownEnds).toISOString(), attemptsLeftToday };
  }
  if (attemptsLeftToday === 0) {
    const slotFrees = Date.parse(recent[recent.length - policy.maxAttemptsPer24Hours].issuedAt) + DAY_MS;
    return { allowed: false, reason: 'daily-limit', nextAttemptAt: new Date(slotFrees).toISOString(), attemptsLeftToday };
  }
  return { allowed: true, attemptsLeftToday };
}
