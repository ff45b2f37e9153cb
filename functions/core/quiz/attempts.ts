import { randomUUID } from 'node:crypto';
import { canSeePerson } from '../accounts/policy';
import type { PeopleStore } from '../accounts/ports';
import type { Answer, AttemptResult, AttemptSummary, IssuedAttempt, Progress, SubmissionResult, SubmitAnswers } from '../api/schemas';
import { NotFound } from '../auth/errors';
import type { Principal } from '../auth/principal';
import { questionsById } from '../course/question-index';
import type { QuestionBanks } from '../course/types';
import { AttemptClosed, AttemptConflict, AttemptNotAllowed, InvalidAnswers, ModuleNotFound } from '../errors';
import { byTime, checkAttemptPolicy } from './attempt-policy';
import type { AttemptRecord, AttemptStore } from './attempt-store';
import { issuedView, resultView, submissionView, summaryView, type Scored } from './attempt-views';
import { drawQuestions, type RandomInt } from './draw';
import { scoreAttempt } from './score-attempt';
import { decodeServedToken } from './served-token';

/** How long a trainee has to submit an issued attempt. */
export const ATTEMPT_TIME_LIMIT_MINUTES = 120;

export interface AttemptsDeps {
  banks: QuestionBanks;
  attempts: AttemptStore;
  people: Pick<PeopleStore, 'getPerson'>;
  now: () => Date;
  random?: RandomInt;
}

const isOpen = (attempt: AttemptRecord, now: Date) => !attempt.submission && Date.parse(attempt.expiresAt) > now.getTime();

/**
 * Issues an attempt: the server draws the questions and shuffles their options, and records what
 * it served, when, and from which content version. An attempt still open for the module is
 * handed back instead, so a trainee cannot re-draw until the questions suit them.
 */
export async function issueAttempt(deps: AttemptsDeps, trainee: Principal, moduleId: string): Promise<IssuedAttempt> {
  const bank = deps.banks[moduleId];
  if (!bank) throw new ModuleNotFound(moduleId, '/path/moduleId');
  const now = deps.now();
  const mine = (await deps.attempts.listByUser(trainee.sub)).filter((attempt) => attempt.moduleId === moduleId);
  const open = mine.find((attempt) => isOpen(attempt, now) && attempt.contentVersion === bank.contentVersion);
  if (open) return issuedView(open, bank, true);

  const decision = checkAttemptPolicy(bank.policy, mine, now);
  if (!decision.allowed) throw new AttemptNotAllowed(decision.reason, decision.nextAttemptAt);
  const record: AttemptRecord = {
    attemptId: randomUUID(),
    userSub: trainee.sub,
    moduleId,
    contentVersion: bank.contentVersion,
    passMark: bank.policy.passMark,
    issuedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + ATTEMPT_TIME_LIMIT_MINUTES * 60_000).toISOString(),
    served: drawQuestions(bank, deps.random),
  };
  await deps.attempts.create(record);
  return issuedView(record, bank, false);
}

/** True when these answers select exactly what the stored submission selected, question by question. */
function sameAnswers(record: AttemptRecord, answers: Answer[]): boolean {
  const sent = new Map(answers.map((answer) => [answer.questionId, [...answer.selected].sort().join(',')]));
  const stored = record.submission!.answers;
  return [...sent.keys()].every((questionId) => stored.some((answer) => answer.questionId === questionId)) &&
    stored.every((answer) => (sent.get(answer.questionId) ?? '') === answer.selected.join(','));
}

/**
 * When the trainee may try again after this (failed) attempt, by the module's policy. The store
 * port does not promise that a listing shows a write just made, so the attempt just scored is
 * merged in as it now stands.
 */
async function nextAttemptAfter(deps: AttemptsDeps, record: Pick<AttemptRecord, 'attemptId' | 'moduleId' | 'userSub' | 'submission'>): Promise<string | undefined> {
  const bank = deps.banks[record.moduleId];
  if (!bank || record.submission?.passed) return undefined;
  const listed = (await deps.attempts.listByUser(record.userSub)).filter((attempt) => attempt.moduleId === record.moduleId);
  const mine = listed.map((attempt) => (attempt.attemptId === record.attemptId ? { ...attempt, submission: record.submission } : attempt));
  const decision = checkAttemptPolicy(bank.policy, mine, deps.now());
  return decision.allowed ? undefined : decision.nextAttemptAt;
}

const tokenMismatch = (attemptId: string) =>
  new InvalidAnswers([{ pointer: '/servedToken', message: `This is not the servedToken issued with attempt ${attemptId}; send back the one it came with.` }]);

/**
 * Scores answers to what the attempt served and records them once, in a single conditional write:
 * the served token says what was served, and the write succeeds only if the stored attempt is the
 * trainee's, still open, and served exactly that. When it is refused, the stored attempt says why.
 * A retry with the same answers returns the stored result.
 */
export async function submitAnswers(deps: AttemptsDeps, trainee: Principal, attemptId: string, body: SubmitAnswers): Promise<{ replayed: boolean; result: SubmissionResult }> {
  const claim = decodeServedToken(body.servedToken);
  if (!claim) throw tokenMismatch(attemptId);
  const bank = deps.banks[claim.moduleId];
  const now = deps.now();
  let existing: AttemptRecord | undefined;
  if (bank && bank.contentVersion === claim.contentVersion) {
    // The token comes from the client: scoring may trust only questions this module has.
    const questions = questionsById(bank);
    if (!claim.served.every(({ questionId }) => questions.has(questionId))) throw tokenMismatch(attemptId);
    const submission = { submittedAt: now.toISOString(), ...scoreAttempt(bank, claim.served, bank.policy.passMark, body.answers) };
    const outcome = await deps.attempts.recordSubmission(attemptId, { ...claim, userSub: trainee.sub, at: now.toISOString() }, submission);
    if (outcome.recorded) {
      const scored = { attemptId, moduleId: bank.moduleId, contentVersion: bank.contentVersion, passMark: bank.policy.passMark, submission };
      const next = submission.passed ? undefined : await nextAttemptAfter(deps, { ...scored, userSub: trainee.sub });
      return { replayed: false, result: submissionView(scored, bank, next) };
    }
    existing = outcome.existing;
  } else {
    // The claim names content this server no longer has (or never had): look at the attempt to say which.
    existing = await deps.attempts.get(attemptId);
  }
  // Someone else's attempt looks exactly like one that does not exist.
  if (!existing || existing.userSub !== trainee.sub) throw new NotFound('Attempt');
  if (existing.submission) {
    if (!sameAnswers(existing, body.answers)) throw new AttemptConflict(attemptId);
    return { replayed: true, result: submissionView(existing as Scored, deps.banks[existing.moduleId], await nextAttemptAfter(deps, existing)) };
  }
  const current = deps.banks[existing.moduleId];
  if (!current || current.contentVersion !== existing.contentVersion) throw new AttemptClosed(attemptId, 'content-changed');
  if (Date.parse(existing.expiresAt) <= now.getTime()) throw new AttemptClosed(attemptId, 'expired');
  throw tokenMismatch(attemptId);
}

/** A submitted attempt with its feedback, for the trainee and those who may see their record. */
export async function reviewAttempt(deps: AttemptsDeps, viewer: Principal, attemptId: string): Promise<AttemptResult> {
  const record = await deps.attempts.get(attemptId);
  if (!record?.submission) throw new NotFound('Submitted attempt');
  if (record.userSub !== viewer.sub) {
    const trainee = await deps.people.getPerson(record.userSub);
    if (!trainee || !canSeePerson(viewer, trainee)) throw new NotFound('Submitted attempt');
  }
  return resultView(record, deps.banks[record.moduleId], await nextAttemptAfter(deps, record));
}

export async function listMyAttempts(deps: AttemptsDeps, trainee: Principal): Promise<AttemptSummary[]> {
  const now = deps.now();
  return (await deps.attempts.listByUser(trainee.sub)).map((record) => summaryView(record, now));
}

/** A trainee's attempts for someone allowed to see that trainee; to anyone else the trainee does not exist. */
export async function listTraineeAttempts(deps: AttemptsDeps, viewer: Principal, traineeSub: string): Promise<AttemptSummary[]> {
  const trainee = await deps.people.getPerson(traineeSub);
  if (!trainee || trainee.role !== 'trainee' || !canSeePerson(viewer, trainee)) throw new NotFound('Trainee');
  const now = deps.now();
  return (await deps.attempts.listByUser(traineeSub)).map((record) => summaryView(record, now));
}

/** Where a trainee stands in each module: not started, in progress, passed, or failed (and when to retry). */
export async function myProgress(deps: AttemptsDeps, trainee: Principal): Promise<Progress> {
  const now = deps.now();
  const attempts = await deps.attempts.listByUser(trainee.sub);
  const modules = Object.values(deps.banks)
    .sort((a, b) => a.order - b.order)
    .map((bank) => {
      const mine = attempts.filter((attempt) => attempt.moduleId === bank.moduleId);
      const submitted = mine.filter((attempt) => attempt.submission);
      const passes = submitted.filter((attempt) => attempt.submission!.passed).sort((a, b) => byTime(a.submission!.submittedAt, b.submission!.submittedAt));
      const decision = checkAttemptPolicy(bank.policy, mine, now);
      const status = passes.length ? 'passed' : mine.some((attempt) => isOpen(attempt, now)) ? 'in-progress' : submitted.length ? 'failed' : 'not-started';
      const best = Math.max(...submitted.map((attempt) => attempt.submission!.score));
      return {
        moduleId: bank.moduleId,
        title: bank.title,
        order: bank.order,
        status,
        ...(submitted.length ? { bestScore: best } : {}),
        ...(passes.length ? { passedAt: passes[0].submission!.submittedAt, passedContentVersion: passes[0].contentVersion } : {}),
        ...(mine.length ? { lastAttemptId: mine[0].attemptId } : {}),
        attemptsLeftToday: decision.attemptsLeftToday,
        ...(!decision.allowed && status !== 'passed' ? { nextAttemptAt: decision.nextAttemptAt } : {}),
      } as const;
    });
  return { modules };
}
