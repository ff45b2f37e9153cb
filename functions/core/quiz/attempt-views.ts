import type { AnswerVerdict, AttemptResult, AttemptSummary, IssuedAttempt, PublicQuestion, QuestionFeedback, SubmissionResult } from '../api/schemas';
import { optionsById, questionsById } from '../course/question-index';
import type { BankQuestion, QuestionBank } from '../course/types';
import type { AttemptRecord, ServedQuestion, Submission } from './attempt-store';
import { encodeServedToken } from './served-token';

const REMOVED = 'This question is no longer part of the course.';

/** A served question as the trainee sees it: options in this attempt's order, nothing secret. */
function publicQuestion(question: BankQuestion, { optionOrder }: ServedQuestion): PublicQuestion {
  const options = optionsById(question);
  const fixed = question.options.filter((option) => !optionOrder.includes(option.id)).map((option) => option.id);
  return {
    id: question.id,
    type: question.type,
    prompt: question.prompt,
    ...(question.vignette ? { vignette: question.vignette } : {}),
    safetyCritical: question.safetyCritical,
    options: [...fixed, ...optionOrder].flatMap((optionId) => {
      const option = options.get(optionId);
      return option ? [{ id: option.id, text: option.text, ...(option.group ? { group: option.group } : {}) }] : [];
    }),
  };
}

export function issuedView(record: AttemptRecord, bank: QuestionBank, resumed: boolean): IssuedAttempt {
  const byId = questionsById(bank);
  return {
    attemptId: record.attemptId,
    moduleId: record.moduleId,
    title: bank.title,
    contentVersion: record.contentVersion,
    issuedAt: record.issuedAt,
    expiresAt: record.expiresAt,
    passMark: record.passMark,
    resumed,
    questions: record.served.map((served) => publicQuestion(byId.get(served.questionId)!, served)),
    servedToken: encodeServedToken(record),
  };
}

/** What a submission decided about an attempt. */
export type Scored = Pick<AttemptRecord, 'attemptId' | 'moduleId' | 'contentVersion' | 'passMark'> & { submission: Submission };

function outcome(record: Scored, nextAttemptAt?: string) {
  const { attemptId, moduleId, contentVersion, passMark } = record;
  const { submittedAt, correctCount, questionCount, score, passed, failedRules } = record.submission;
  return {
    attemptId,
    moduleId,
    contentVersion,
    submittedAt,
    correctCount,
    questionCount,
    score,
    passMark,
    passed,
    failedRules,
    ...(nextAttemptAt && !passed ? { nextAttemptAt } : {}),
  };
}

const verdict = (questionId: string, correct: boolean, question: BankQuestion | undefined) => ({
  questionId,
  correct,
  correctOptionIds: question?.correctOptionIds ?? [],
  explanation: question?.explanation ?? '',
  section: question?.section ?? '',
});

/** The answer to a submission: the outcome and a verdict per served question, in served order; the details where it was missed. */
export function submissionView(record: Scored, bank: QuestionBank | undefined, nextAttemptAt?: string): SubmissionResult {
  const byId: ReadonlyMap<string, BankQuestion> = bank ? questionsById(bank) : new Map();
  const feedback = record.submission.answers.map(({ questionId, correct }): AnswerVerdict =>
    correct ? { questionId, correct } : verdict(questionId, correct, byId.get(questionId)),
  );
  return { ...outcome(record, nextAttemptAt), feedback };
}

/** A submitted attempt in full, with the questions rebuilt from the bank as they were shown. */
export function resultView(record: AttemptRecord, bank: QuestionBank | undefined, nextAttemptAt?: string): AttemptResult {
  const byId: ReadonlyMap<string, BankQuestion> = bank ? questionsById(bank) : new Map();
  const servedById = new Map(record.served.map((served) => [served.questionId, served]));
  const feedback = record.submission!.answers.map(({ questionId, selected, correct }): QuestionFeedback => {
    const question = byId.get(questionId);
    // A question removed from the course since the attempt keeps its verdict, without text.
    if (!question) return { ...verdict(questionId, correct, undefined), type: 'single', prompt: REMOVED, safetyCritical: false, options: [], selected };
    const { id: _id, ...shown } = publicQuestion(question, servedById.get(questionId) ?? { questionId, optionOrder: [] });
    return { ...shown, ...verdict(questionId, correct, question), selected };
  });
  return { ...outcome(record as Scored, nextAttemptAt), issuedAt: record.issuedAt, feedback };
}

export function summaryView(record: AttemptRecord, now: Date): AttemptSummary {
  const { attemptId, moduleId, contentVersion, issuedAt, passMark, submission } = record;
  const status = submission ? 'submitted' : Date.parse(record.expiresAt) <= now.getTime() ? 'expired' : 'open';
  return {
    attemptId,
    moduleId,
    contentVersion,
    issuedAt,
    status,
    questionCount: record.served.length,
    passMark,
    ...(submission
      ? {
          submittedAt: submission.submittedAt,
          correctCount: submission.correctCount,
          score: submission.score,
          passed: submission.passed,
          failedRules: submission.failedRules,
        }
      : {}),
  };
}
