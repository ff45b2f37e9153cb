import type { QuizPolicy } from '../course/types';
import type { AttemptLedger, AttemptRecord, Submission } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Orders ISO-8601 UTC timestamps; plain comparison, as localeCompare would load collation data on a cold start. */
export const byTime = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * What the policy needs to know of a trainee's attempts at a module: when the attempts of the
 * last 24 hours were issued, and the newest attempt. Bounded by the window, whatever the history.
 */
export interface AttemptHistory {
  issuedInWindow: readonly string[];
  last?: AttemptRecord;
}

export type StartDecision =
  | { kind: 'resume' }
  | { kind: 'start'; attemptsLeftToday: number }
  | { kind: 'refused'; reason: 'cooldown' | 'daily-limit'; nextAttemptAt: string; attemptsLeftToday: number };

/** An attempt still open: not submitted, not expired, and drawn from the content now served. */
export const isOpen = (attempt: AttemptRecord, now: Date, contentVersion = attempt.contentVersion) =>
  !attempt.submission && Date.parse(attempt.expiresAt) > now.getTime() && attempt.contentVersion === contentVersion;

const inWindow = (issuedInWindow: readonly string[], now: Date) =>
  issuedInWindow.filter((issuedAt) => Date.parse(issuedAt) > now.getTime() - DAY_MS).sort(byTime);

export type StartAllowance = Exclude<StartDecision, { kind: 'resume' }>;

/**
 * Whether a new attempt may start, given when the attempts of the last 24 hours were issued and
 * the newest attempt's submission: at most `maxAttemptsPer24Hours` in any 24 hours, and none
 * within the cooldown after a failure. Only the newest attempt can be the failure that matters:
 * a new attempt can only start once the one before it is closed.
 */
export function allowance(
  policy: QuizPolicy,
  issuedInWindow: readonly string[],
  lastSubmission: Submission | undefined,
  now: Date,
): StartAllowance {
  const recent = inWindow(issuedInWindow, now);
  const attemptsLeftToday = Math.max(0, policy.maxAttemptsPer24Hours - recent.length);
  const failedAt = lastSubmission && !lastSubmission.passed ? Date.parse(lastSubmission.submittedAt) : undefined;
  const cooldownEnds = failedAt === undefined ? 0 : failedAt + policy.cooldownMinutesAfterFail * 60_000;
  if (cooldownEnds > now.getTime()) {
    return { kind: 'refused', reason: 'cooldown', nextAttemptAt: new Date(cooldownEnds).toISOString(), attemptsLeftToday };
  }
  if (attemptsLeftToday === 0) {
    const slotFrees = Date.parse(recent[recent.length - policy.maxAttemptsPer24Hours]) + DAY_MS;
    return { kind: 'refused', reason: 'daily-limit', nextAttemptAt: new Date(slotFrees).toISOString(), attemptsLeftToday };
  }
  return { kind: 'start', attemptsLeftToday };
}

/** What a start request gets: the open attempt back (one open attempt at a time), or the allowance. */
export function decideStart(policy: QuizPolicy, contentVersion: string, history: AttemptHistory, now: Date): StartDecision {
  const { last } = history;
  if (last && isOpen(last, now, contentVersion)) return { kind: 'resume' };
  return allowance(policy, history.issuedInWindow, last?.submission, now);
}

/** The history of one module read off a full list of a trainee's attempts (progress and reviews list them anyway). */
export function historyFromAttempts(attempts: readonly AttemptRecord[], moduleId: string): AttemptHistory {
  const mine = attempts.filter((attempt) => attempt.moduleId === moduleId).sort((a, b) => byTime(b.issuedAt, a.issuedAt));
  return { issuedInWindow: mine.map((attempt) => attempt.issuedAt), last: mine[0] };
}

/** When the module was first passed, as far as the ledger and the newest attempt (not yet in it) know. */
export const passedBefore = (ledger: AttemptLedger | undefined, last: AttemptRecord | undefined) =>
  ledger?.passedAt ?? (last?.submission?.passed ? last.submission.submittedAt : undefined);

/**
 * The ledger after `started` is issued: it becomes the newest attempt, its issue time joins the
 * window (older entries drop out, so the item never grows), and a pass seen in the attempt it
 * follows is remembered, so a later failure's review knows the module was passed.
 */
export function ledgerAfter(
  previous: AttemptLedger | undefined,
  started: AttemptRecord,
  last: AttemptRecord | undefined,
  now: Date,
): AttemptLedger {
  const passedAt = passedBefore(previous, last);
  return {
    userSub: started.userSub,
    moduleId: started.moduleId,
    lastAttemptId: started.attemptId,
    issuedInWindow: [...inWindow(previous?.issuedInWindow ?? [], now), started.issuedAt],
    ...(passedAt ? { passedAt } : {}),
    revision: (previous?.revision ?? 0) + 1,
  };
}
