import en from 'zod/v4/locales/en.js';
import * as z from 'zod/mini';

/**
 * Request and response schemas of the public API. The functions validate with them, the OpenAPI
 * document is generated from them, and the web client imports their types (types only, so no
 * validation code reaches the browser). `zod/mini` keeps the Lambda bundles small.
 */

// zod/mini ships without messages; load English ones so every 4xx says what is wrong. Import the
// one locale: `z.locales.en()` would pull every language into the Lambda bundle.
z.config(en());

const slug = z.string().check(z.minLength(1), z.maxLength(80), z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/));

export const moduleIdParamsSchema = z.object({ moduleId: slug });

export const questionTypeSchema = z.enum(['single', 'multiple']);

export const publicOptionSchema = z.object({ id: z.string(), text: z.string() });

export const publicQuestionSchema = z.object({
  id: z.string(),
  type: questionTypeSchema,
  prompt: z.string(),
  options: z.array(publicOptionSchema),
});

export const quizSchema = z.object({
  moduleId: z.string(),
  title: z.string(),
  passMark: z.number(),
  contentVersion: z.string(),
  questions: z.array(publicQuestionSchema),
});

export const answerSchema = z.strictObject({
  questionId: z.string().check(z.minLength(1), z.maxLength(80)),
  selected: z.array(z.string().check(z.minLength(1), z.maxLength(8))).check(z.maxLength(8)),
});

export const submitAttemptSchema = z.strictObject({
  /** Chosen by the client when the quiz starts; submitting it again returns the stored result. */
  attemptId: z.uuid(),
  moduleId: slug,
  answers: z.array(answerSchema).check(z.maxLength(100)),
});

export const questionFeedbackSchema = z.object({
  questionId: z.string(),
  prompt: z.string(),
  selected: z.array(z.string()),
  correctOptionIds: z.array(z.string()),
  correct: z.boolean(),
  explanation: z.string(),
  section: z.string(),
});

export const attemptResultSchema = z.object({
  attemptId: z.string(),
  moduleId: z.string(),
  contentVersion: z.string(),
  submittedAt: z.string(),
  correctCount: z.number(),
  questionCount: z.number(),
  /** Fraction correct, 0 to 1. */
  score: z.number(),
  passMark: z.number(),
  passed: z.boolean(),
  feedback: z.array(questionFeedbackSchema),
});

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string(),
  errors: z.optional(z.array(z.object({ pointer: z.string(), message: z.string() }))),
});

export type PublicQuestion = z.infer<typeof publicQuestionSchema>;
export type Quiz = z.infer<typeof quizSchema>;
export type Answer = z.infer<typeof answerSchema>;
export type SubmitAttempt = z.infer<typeof submitAttemptSchema>;
export type QuestionFeedback = z.infer<typeof questionFeedbackSchema>;
export type AttemptResult = z.infer<typeof attemptResultSchema>;
export type Problem = z.infer<typeof problemSchema>;
