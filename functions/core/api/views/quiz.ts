import { optionsById, questionsById } from '../../course/question-index';
import type { BankQuestion, QuestionBank } from '../../course/types';
import { encodeServedToken } from '../../quiz/served-token';
import type { AttemptRecord, ModuleProgress, ReviewLevel, Scored, ServedQuestion } from '../../quiz/types';
import type { AttemptOutcome, IssuedAttempt as Issued } from '../../quiz/use-cases';
import type {
  AnswerVerdict,
  AttemptResult,
  AttemptSummary,
  IssuedAttempt,
  Progress,
  PublicQuestion,
  QuestionFeedback,
  SubmissionResult,
} from '../responses';

/**
 * The quiz API's answers, built from what the quiz use cases decided: what a trainee may see of a
 * question (never its key before submission), and of a result (as the review level allows).
 */

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

export function issuedView({ record, bank, resumed, repeatedFromLastAttempt }: Issued): IssuedAttempt {
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
    repeatedFromLastAttempt,
    servedToken: encodeServedToken(record),
  };
}

function outcome(record: Scored, review: ReviewLevel, nextAttemptAt?: string) {
  const { attemptId, moduleId, contentVersion, passMark, retakeAfterPass } = record;
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
    review,
    ...(retakeAfterPass ? { retakeAfterPass } : {}),
  };
}

/**
 * What a verdict says beyond right or wrong, by review level: nothing for a question answered
 * right; for a missed one the objective and lesson section to revisit, and only at `full` the
 * right answer and its explanation.
 */
function verdictDetails(question: BankQuestion | undefined, bank: QuestionBank | undefined, correct: boolean, level: ReviewLevel) {
  if (correct || !question) return {};
  const objective = bank?.objectives.find((candidate) => candidate.id === question.objective)?.text;
  return {
    ...(objective ? { objective } : {}),
    section: question.section,
    ...(level === 'full' ? { correctOptionIds: question.correctOptionIds, explanation: question.explanation } : {}),
  };
}

/**
 * The answer to a submission: the outcome and, unless the level is `outcome`, a verdict per served
 * question in served order, with details where it was missed.
 */
export function submissionView({ scored: record, drawnFrom: bank, level, nextAttemptAt }: AttemptOutcome): SubmissionResult {
  const byId: ReadonlyMap<string, BankQuestion> = bank ? questionsById(bank) : new Map();
  const feedback =
    level === 'outcome'
      ? []
      : record.submission.answers.map(({ questionId, correct }): AnswerVerdict => ({
          questionId,
          correct,
          ...verdictDetails(byId.get(questionId), bank, correct, level),
        }));
  return { ...outcome(record, level, nextAttemptAt), feedback };
}

/**
 * A submitted attempt for review, with the questions rebuilt from the bank as they were shown.
 * At `full` every question has its options, what was selected, the right answer and why; at
 * `missed` only its text and verdict, with the objective and section of a missed one.
 */
export function resultView({ record, drawnFrom: bank, level, nextAttemptAt }: AttemptOutcome & { record: AttemptRecord }): AttemptResult {
  const byId: ReadonlyMap<string, BankQuestion> = bank ? questionsById(bank) : new Map();
  const servedById = new Map(record.served.map((served) => [served.questionId, served]));
  const feedback =
    level === 'outcome'
      ? []
      : record.submission!.answers.map(({ questionId, selected, correct }): QuestionFeedback => {
          const question = byId.get(questionId);
          // A question removed from the course since the attempt keeps its verdict, without text.
          if (!question) return { questionId, correct, type: 'single', prompt: REMOVED, safetyCritical: false };
          const { id: _id, options, ...shown } = publicQuestion(question, servedById.get(questionId) ?? { questionId, optionOrder: [] });
          if (level !== 'full') return { questionId, correct, ...shown, ...verdictDetails(question, bank, correct, level) };
          // In full, every question, right or wrong, says what it tests, where, and why.
          return { questionId, correct, ...shown, options, selected, ...verdictDetails(question, bank, false, level) };
        });
  return { ...outcome(record as Scored, level, nextAttemptAt), issuedAt: record.issuedAt, feedback };
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

/** Every module's standing for the trainee, in course order. */
export const progressView = (modules: ModuleProgress[]): Progress => ({ modules });
