import { randomUUID } from 'node:crypto';
import { canSeePerson } from '../accounts/policy';
import type { PeopleStore } from '../accounts/ports';
import type { Principal } from '../auth/principal';
import { questionsById } from '../course/question-index';
import type { QuestionBanks } from '../course/question-banks';
import type { QuestionBank } from '../course/types';
import { NotFound } from '../errors';
import { allowance, byTime, decideStart, historyFromAttempts, isOpen, ledgerAfter, passedBefore } from './attempt-policy';
import { drawQuestions, type RandomInt } from './draw';
import { AttemptClosed, AttemptConflict, AttemptContention, AttemptNotAllowed, InvalidAnswers, ModuleNotFound } from './errors';
import type { AttemptStore } from './ports';
import { scoreAttempt } from './score-attempt';
import { decodeServedToken } from './served-token';
import type { Answer, AttemptRecord, ModuleProgress, ReviewLevel, Scored, SubmitAnswers } from './types';

/** How long a trainee has to submit an issued attempt. */
export const ATTEMPT_TIME_LIMIT_MINUTES = 120;

/**
 * How many times a start request re-reads the ledger after another request changed it first.
 * The second read finds the attempt the winner started and hands it back, so one retry settles
 * any number of racing requests; the rest is margin.
 */
const START_ROUNDS = 3;

export interface AttemptsDeps {
  banks: QuestionBanks;
  attempts: AttemptStore;
  people: Pick<PeopleStore, 'getPerson'>;
  now: () => Date;
  random?: RandomInt;
}

/** An attempt as handed to the trainee: what was drawn, from which bank, and whether it was open already. */
export interface IssuedAttempt {
  record: AttemptRecord;
  bank: QuestionBank;
  resumed: boolean;
  repeatedFromLastAttempt: number;
}

/**
 * A scored attempt and what its result may show: the bank it was drawn from (archived if the
 * content changed since; none if not even that), the review level, when to try again.
 */
export interface AttemptOutcome {
  scored: Scored;
  drawnFrom: QuestionBank | undefined;
  level: ReviewLevel;
  nextAttemptAt?: string;
}

/**
 * Issues an attempt: the server draws the questions and shuffles their options, and records what
 * it served, when, and from which content version. An attempt still open for the module is
 * handed back instead, so a trainee cannot re-draw until the questions suit them. The policy is
 * decided on the trainee's ledger for the module (two reads however long their history), and the
 * attempt is written with the ledger, on condition that no other request changed it meanwhile.
 */
export async function issueAttempt(
  deps: Pick<AttemptsDeps, 'banks' | 'attempts' | 'now' | 'random'>,
  trainee: Principal,
  moduleId: string,
): Promise<IssuedAttempt> {
  const bank = deps.banks.get(moduleId);
  if (!bank) throw new ModuleNotFound(moduleId, '/path/moduleId');
  for (let round = 0; round < START_ROUNDS; round += 1) {
    const now = deps.now();
    const ledger = await deps.attempts.ledger(trainee.sub, moduleId);
    const last = ledger?.lastAttemptId ? await deps.attempts.getOwn(trainee.sub, ledger.lastAttemptId) : undefined;
    const decision = decideStart(bank.policy, bank.contentVersion, { issuedInWindow: ledger?.issuedInWindow ?? [], last }, now);
    if (decision.kind === 'resume') return { record: last!, bank, resumed: true, repeatedFromLastAttempt: 0 };
    if (decision.kind === 'refused') throw new AttemptNotAllowed(decision.reason, decision.nextAttemptAt, now);
    const { served, repeatedFromLastAttempt } = drawQuestions(bank, {
      avoid: new Set(last?.served.map((question) => question.questionId)),
      random: deps.random,
    });
    const record: AttemptRecord = {
      attemptId: randomUUID(),
      userSub: trainee.sub,
      moduleId,
      contentVersion: bank.contentVersion,
      passMark: bank.policy.passMark,
      issuedAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + ATTEMPT_TIME_LIMIT_MINUTES * 60_000).toISOString(),
      served,
      ...(passedBefore(ledger, last) ? { retakeAfterPass: true } : {}),
    };
    if (await deps.attempts.startAttempt(record, ledgerAfter(ledger, record, last, now), ledger?.revision ?? 0)) {
      return { record, bank, resumed: false, repeatedFromLastAttempt };
    }
  }
  throw new AttemptContention();
}

/** True when these answers select exactly what the stored submission selected, question by question. */
function sameAnswers(record: AttemptRecord, answers: Answer[]): boolean {
  const sent = new Map(answers.map((answer) => [answer.questionId, [...answer.selected].sort().join(',')]));
  const stored = record.submission!.answers;
  return (
    [...sent.keys()].every((questionId) => stored.some((answer) => answer.questionId === questionId)) &&
    stored.every((answer) => (sent.get(answer.questionId) ?? '') === answer.selected.join(','))
  );
}

/**
 * What the trainee's own review of an attempt shows: the course's level until they pass the
 * module, and after. A retake drawn after the pass stays at the level before it, pass or fail:
 * otherwise each retake would hand out the key to a fresh draw of the bank.
 */
const reviewLevelFor = (bank: QuestionBank | undefined, modulePassed: boolean, attempt: Pick<Scored, 'retakeAfterPass'>): ReviewLevel =>
  !bank ? 'full' : modulePassed && !attempt.retakeAfterPass ? bank.policy.review.oncePassed : bank.policy.review.untilPassed;

/**
 * The result of a submission the trainee has just made (or repeats). A pass needs no read; after
 * a failure the ledger says whether the module was passed before and when to try again. The
 * questions are described from the version they were drawn from; what is shown follows the
 * module's review policy now.
 */
async function resultOfSubmission(
  deps: Pick<AttemptsDeps, 'banks' | 'attempts' | 'now'>,
  scored: Scored,
  userSub: string,
): Promise<AttemptOutcome> {
  const current = deps.banks.get(scored.moduleId);
  const drawnFrom = deps.banks.version(scored.moduleId, scored.contentVersion);
  if (scored.submission.passed || !current) return { scored, drawnFrom, level: reviewLevelFor(current, true, scored) };
  const ledger = await deps.attempts.ledger(userSub, scored.moduleId);
  // The next attempt waits for this failure's cooldown, if it is still the newest attempt.
  const decision =
    ledger?.lastAttemptId === scored.attemptId
      ? allowance(current.policy, ledger.issuedInWindow, scored.submission, deps.now())
      : undefined;
  const next = decision?.kind === 'refused' ? decision.nextAttemptAt : undefined;
  return { scored, drawnFrom, level: reviewLevelFor(current, Boolean(ledger?.passedAt), scored), ...(next ? { nextAttemptAt: next } : {}) };
}

const tokenMismatch = (attemptId: string) =>
  new InvalidAnswers([
    { pointer: '/servedToken', message: `This is not the servedToken issued with attempt ${attemptId}; send back the one it came with.` },
  ]);

/**
 * Scores answers to what the attempt served and records them once, in a single conditional write:
 * the served token says what was served, and the write succeeds only if the stored attempt is the
 * trainee's, still open, and served exactly that. When it is refused, the stored attempt says why.
 * A retry with the same answers returns the stored result.
 */
export async function submitAnswers(
  deps: Pick<AttemptsDeps, 'banks' | 'attempts' | 'now'>,
  trainee: Principal,
  attemptId: string,
  body: SubmitAnswers,
): Promise<{ replayed: boolean; outcome: AttemptOutcome }> {
  const claim = decodeServedToken(body.servedToken);
  if (!claim) throw tokenMismatch(attemptId);
  const bank = deps.banks.get(claim.moduleId);
  const now = deps.now();
  let existing: AttemptRecord | undefined;
  if (bank && bank.contentVersion === claim.contentVersion) {
    // The token comes from the client: scoring may trust only questions this module has.
    const questions = questionsById(bank);
    if (!claim.served.every(({ questionId }) => questions.has(questionId))) throw tokenMismatch(attemptId);
    const submission = { submittedAt: now.toISOString(), ...scoreAttempt(bank, claim.served, bank.policy.passMark, body.answers) };
    const stored = await deps.attempts.recordSubmission(attemptId, { ...claim, userSub: trainee.sub, at: now.toISOString() }, submission);
    if (stored.recorded) {
      const scored = {
        attemptId,
        moduleId: bank.moduleId,
        contentVersion: bank.contentVersion,
        passMark: bank.policy.passMark,
        ...(claim.retakeAfterPass ? { retakeAfterPass: true } : {}),
        submission,
      };
      return { replayed: false, outcome: await resultOfSubmission(deps, scored, trainee.sub) };
    }
    existing = stored.existing;
  } else {
    // The claim names content this server no longer has (or never had): look at the attempt to say which.
    existing = await deps.attempts.get(attemptId);
  }
  // Someone else's attempt looks exactly like one that does not exist.
  if (!existing || existing.userSub !== trainee.sub) throw new NotFound('Attempt');
  if (existing.submission) {
    if (!sameAnswers(existing, body.answers)) throw new AttemptConflict(attemptId);
    return { replayed: true, outcome: await resultOfSubmission(deps, existing as Scored, trainee.sub) };
  }
  const current = deps.banks.get(existing.moduleId);
  if (!current || current.contentVersion !== existing.contentVersion) throw new AttemptClosed(attemptId, 'content-changed');
  if (Date.parse(existing.expiresAt) <= now.getTime()) throw new AttemptClosed(attemptId, 'expired');
  throw tokenMismatch(attemptId);
}

/** A submitted attempt with its feedback, for the trainee and those who may see their record. */
export async function reviewAttempt(
  deps: Pick<AttemptsDeps, 'banks' | 'attempts' | 'people' | 'now'>,
  viewer: Principal,
  attemptId: string,
): Promise<AttemptOutcome & { record: AttemptRecord }> {
  const record = await deps.attempts.get(attemptId);
  if (!record?.submission) throw new NotFound('Submitted attempt');
  const bank = deps.banks.get(record.moduleId);
  // The questions as they were shown: from the version the attempt was drawn from, archived if the content has changed since.
  const drawnFrom = deps.banks.version(record.moduleId, record.contentVersion);
  if (record.userSub !== viewer.sub) {
    const trainee = await deps.people.getPerson(record.userSub);
    if (!trainee || !canSeePerson(viewer, trainee)) throw new NotFound('Submitted attempt');
    // Supervisors and admins review in full at any time: they are not the ones being assessed.
    return { record, scored: record as Scored, drawnFrom, level: 'full' };
  }
  const attempts = await deps.attempts.listByUser(viewer.sub);
  const passed = attempts.some((attempt) => attempt.moduleId === record.moduleId && attempt.submission?.passed);
  const history = historyFromAttempts(attempts, record.moduleId);
  const decision =
    bank && history.last?.attemptId === record.attemptId ? decideStart(bank.policy, bank.contentVersion, history, deps.now()) : undefined;
  const next = decision?.kind === 'refused' ? decision.nextAttemptAt : undefined;
  return {
    record,
    scored: record as Scored,
    drawnFrom,
    level: reviewLevelFor(bank, passed, record),
    ...(next ? { nextAttemptAt: next } : {}),
  };
}

export async function listMyAttempts(deps: Pick<AttemptsDeps, 'attempts'>, trainee: Principal): Promise<AttemptRecord[]> {
  return deps.attempts.listByUser(trainee.sub);
}

/** A trainee's attempts for someone allowed to see that trainee; to anyone else the trainee does not exist. */
export async function listTraineeAttempts(
  deps: Pick<AttemptsDeps, 'attempts' | 'people'>,
  viewer: Principal,
  traineeSub: string,
): Promise<AttemptRecord[]> {
  const trainee = await deps.people.getPerson(traineeSub);
  if (!trainee || trainee.role !== 'trainee' || !canSeePerson(viewer, trainee)) throw new NotFound('Trainee');
  return deps.attempts.listByUser(traineeSub);
}

/** Where a trainee stands in each module: not started, in progress, passed, or failed (and when to retry). */
export async function myProgress(deps: Pick<AttemptsDeps, 'banks' | 'attempts' | 'now'>, trainee: Principal): Promise<ModuleProgress[]> {
  const now = deps.now();
  const attempts = await deps.attempts.listByUser(trainee.sub);
  return deps.banks.all().map((bank): ModuleProgress => {
    const mine = attempts.filter((attempt) => attempt.moduleId === bank.moduleId);
    const submitted = mine.filter((attempt) => attempt.submission);
    const passes = submitted
      .filter((attempt) => attempt.submission!.passed)
      .sort((a, b) => byTime(a.submission!.submittedAt, b.submission!.submittedAt));
    const decision = decideStart(bank.policy, bank.contentVersion, historyFromAttempts(mine, bank.moduleId), now);
    const status = passes.length
      ? 'passed'
      : mine.some((attempt) => isOpen(attempt, now))
        ? 'in-progress'
        : submitted.length
          ? 'failed'
          : 'not-started';
    const best = Math.max(...submitted.map((attempt) => attempt.submission!.score));
    return {
      moduleId: bank.moduleId,
      title: bank.title,
      order: bank.order,
      status,
      ...(submitted.length ? { bestScore: best } : {}),
      ...(passes.length ? { passedAt: passes[0].submission!.submittedAt, passedContentVersion: passes[0].contentVersion } : {}),
      ...(mine.length ? { lastAttemptId: mine[0].attemptId } : {}),
      // An open attempt is handed back, so starting uses none of the day's attempts.
      attemptsLeftToday:
        decision.kind === 'resume'
          ? allowance(
              bank.policy,
              mine.map((attempt) => attempt.issuedAt),
              undefined,
              now,
            ).attemptsLeftToday
          : decision.attemptsLeftToday,
      ...(decision.kind === 'refused' && status !== 'passed' ? { nextAttemptAt: decision.nextAttemptAt } : {}),
    };
  });
}
