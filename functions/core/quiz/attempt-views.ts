import type { AttemptResult, AttemptSummary, IssuedAttempt, PublicQuestion, QuestionFeedback } from '../api/schemas';
import type { BankQuestion, QuestionBank } from '../course/types';
import type { AttemptRecord, ServedQuestion } from './attempt-store';

const REMOVED = 'This question is no longer part of the course.';

/** A served question as the trainee sees it: options in this attempt's order, nothing secret. */
function publicQuestion(question: BankQuestion, { optionOrder }: ServedQuestion): PublicQuestion {
  const options = new Map(question.options.map((option) => [option.id, option]));
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
  const byId = new Map(bank.questions.map((question) => [question.id, question]));
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
  };
}

/** The result of a submitted attempt, with feedback rebuilt from the bank. */
export function resultView(record: AttemptRecord, bank: QuestionBank | undefined, nextAttemptAt?: string): AttemptResult {
  const submission = record.submission!;
  const byId = new Map(bank?.questions.map((question) => [question.id, question]));
  const servedById = new Map(record.served.map((served) => [served.questionId, served]));
  const feedback = submission.answers.map(({ questionId, selected, correct }): QuestionFeedback => {
    const question = byId.get(questionId);
    // A question removed from the course since the attempt keeps its verdict, without text.
    if (!question) {
      return { questionId, type: 'single', prompt: REMOVED, safetyCritical: false, options: [], selected, correctOptionIds: [], correct, explanation: '', section: '' };
    }
    const shown = publicQuestion(question, servedById.get(questionId) ?? { questionId, optionOrder: [] });
    return { ...shown, questionId, selected, correctOptionIds: question.correctOptionIds, correct, explanation: question.explanation, section: question.section };
  });
  const { attemptId, moduleId, contentVersion, issuedAt, passMark } = record;
  const { submittedAt, correctCount, questionCount, score, passed, failedRules } = submission;
  return {
    attemptId,
    moduleId,
    contentVersion,
    issuedAt,
    submittedAt,
    correctCount,
    questionCount,
    score,
    passMark,
    passed,
    failedRules,
    ...(nextAttemptAt && !passed ? { nextAttemptAt } : {}),
    feedback,
  };
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
