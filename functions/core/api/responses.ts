import * as z from 'zod/mini';
import { HISTORY_ACTIONS } from '../certification/history';
import { organisationKindSchema, recordObservedProcedureSchema, revokeCertificateSchema, suspendCertificateSchema } from './requests';

/**
 * What the API answers. The OpenAPI document is generated from these and the web client and the
 * functions import their types; no function validates its own responses, so none bundles them.
 */

export const questionTypeSchema = z.enum(['single', 'multiple', 'true-false', 'case']);

export const publicOptionSchema = z.object({ id: z.string(), text: z.string(), group: z.optional(z.enum(['decision', 'reason'])) });

/** A served question: no answer key, no explanation. Safety-critical items are flagged so trainees know. */
export const publicQuestionSchema = z.object({
  id: z.string(),
  type: questionTypeSchema,
  prompt: z.string(),
  vignette: z.optional(z.string()),
  safetyCritical: z.boolean(),
  options: z.array(publicOptionSchema),
});

/** An attempt as issued: the questions the server drew for it, options in the order it chose. */
export const issuedAttemptSchema = z.object({
  attemptId: z.string(),
  moduleId: z.string(),
  title: z.string(),
  contentVersion: z.string(),
  issuedAt: z.string(),
  expiresAt: z.string(),
  passMark: z.number(),
  /** True when an attempt already open for this module is handed back instead of a new draw. */
  resumed: z.boolean(),
  questions: z.array(publicQuestionSchema),
  /** How many of these questions the previous attempt also showed: none while the bank allows it. */
  repeatedFromLastAttempt: z.number(),
  /** Send this back unchanged with the answers: it names what was served, so scoring needs no lookup. */
  servedToken: z.string(),
});

export const failedRuleSchema = z.enum(['pass-mark', 'safety-critical']);

/**
 * How much a result shows, as the module's review policy sets it: `outcome` (score and the rule
 * that failed), `missed` (which questions were missed, with the objective and lesson section to
 * revisit; no right answers), `full` (right answers and explanations too). Trainees get `missed`
 * until they pass the module and `full` after; supervisors and admins always get `full`.
 */
export const reviewLevelSchema = z.enum(['outcome', 'missed', 'full']);

/**
 * The verdict on one answer: what the trainee needs beyond the question they already have. Only
 * missed questions carry the rest (for the others, what was selected is the right answer), and
 * the right answer and explanation only at the `full` review level.
 */
export const answerVerdictSchema = z.object({
  questionId: z.string(),
  correct: z.boolean(),
  /** The learning objective the question tests. */
  objective: z.optional(z.string()),
  /** The lesson section to revisit (a heading id of the module page). */
  section: z.optional(z.string()),
  correctOptionIds: z.optional(z.array(z.string())),
  /** Why the right answer is right. */
  explanation: z.optional(z.string()),
});

/**
 * A verdict with the question as it was shown, for a later review. At the `full` level it has
 * the options, what was selected and why; at `missed` the question's text and verdict only.
 */
export const questionFeedbackSchema = z.extend(answerVerdictSchema, {
  type: questionTypeSchema,
  prompt: z.string(),
  vignette: z.optional(z.string()),
  safetyCritical: z.boolean(),
  options: z.optional(z.array(publicOptionSchema)),
  selected: z.optional(z.array(z.string())),
});

const attemptOutcomeShape = {
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
  /** Which rule(s) a failed attempt broke: below the pass mark, and/or a safety-critical item wrong. */
  failedRules: z.array(failedRuleSchema),
  /** After a failed attempt: the earliest time the next one may start. */
  nextAttemptAt: z.optional(z.string()),
  /** What the feedback below includes. */
  review: reviewLevelSchema,
  /** Drawn after the module was passed: a retake's review never includes the answer key, pass or fail. */
  retakeAfterPass: z.optional(z.boolean()),
};

/**
 * The answer to a submission: the outcome and a verdict per served question, without repeating
 * the questions the client was just shown, and with the right answer, explanation and lesson
 * section for missed questions only; the review (GET /api/attempts/{attemptId}) has them all.
 * Every byte here is paid per submission.
 */
export const submissionResultSchema = z.object({ ...attemptOutcomeShape, feedback: z.array(answerVerdictSchema) });

/** A submitted attempt in full, questions included, for review later or by a supervisor. */
export const attemptResultSchema = z.object({ ...attemptOutcomeShape, issuedAt: z.string(), feedback: z.array(questionFeedbackSchema) });

export const moduleProgressSchema = z.object({
  moduleId: z.string(),
  title: z.string(),
  order: z.number(),
  status: z.enum(['not-started', 'in-progress', 'passed', 'failed']),
  bestScore: z.optional(z.number()),
  passedAt: z.optional(z.string()),
  passedContentVersion: z.optional(z.string()),
  lastAttemptId: z.optional(z.string()),
  attemptsLeftToday: z.number(),
  /** When a new attempt may start, if not now (cooldown or daily limit). */
  nextAttemptAt: z.optional(z.string()),
});

export const progressSchema = z.object({ modules: z.array(moduleProgressSchema) });

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string(),
  errors: z.optional(z.array(z.object({ pointer: z.string(), message: z.string() }))),
  /** On 429: when the next attempt may start. */
  nextAttemptAt: z.optional(z.string()),
  /** On 422 not-eligible: each requirement still unmet. */
  unmet: z.optional(z.array(z.string())),
});

export type PublicQuestion = z.infer<typeof publicQuestionSchema>;
export type IssuedAttempt = z.infer<typeof issuedAttemptSchema>;
export type FailedRule = z.infer<typeof failedRuleSchema>;
export type ModuleProgress = z.infer<typeof moduleProgressSchema>;
export type Progress = z.infer<typeof progressSchema>;
export type QuestionFeedback = z.infer<typeof questionFeedbackSchema>;
export type AttemptResult = z.infer<typeof attemptResultSchema>;
export type AnswerVerdict = z.infer<typeof answerVerdictSchema>;
export type ReviewLevel = z.infer<typeof reviewLevelSchema>;
export type SubmissionResult = z.infer<typeof submissionResultSchema>;
export type Problem = z.infer<typeof problemSchema>;

// ── Accounts, organisations and people ────────────────────────────────────────────────

export const roleSchema = z.enum(['trainee', 'supervisor', 'clinic-admin', 'platform-admin']);

export const personSchema = z.object({
  sub: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  orgId: z.optional(z.string()),
  supervisorSub: z.optional(z.string()),
  invitedAt: z.string(),
});

export const meSchema = z.object({
  sub: z.string(),
  email: z.string(),
  name: z.string(),
  roles: z.array(roleSchema),
  organisation: z.optional(z.object({ orgId: z.string(), name: z.string(), kind: organisationKindSchema })),
});

export const attemptSummarySchema = z.object({
  attemptId: z.string(),
  moduleId: z.string(),
  contentVersion: z.string(),
  issuedAt: z.string(),
  status: z.enum(['open', 'submitted', 'expired']),
  submittedAt: z.optional(z.string()),
  correctCount: z.optional(z.number()),
  questionCount: z.number(),
  score: z.optional(z.number()),
  passMark: z.number(),
  passed: z.optional(z.boolean()),
  failedRules: z.optional(z.array(failedRuleSchema)),
});

export const attemptListSchema = z.object({ attempts: z.array(attemptSummarySchema) });
export const peopleSchema = z.object({ people: z.array(personSchema) });

export const invitationSchema = z.object({
  person: personSchema,
  /** How the invitee hears about it: Cognito's invitation email, or the local outbox. */
  delivery: z.enum(['email', 'local-outbox']),
  /** True when the person was invited before and had not taken it up: the invitation was sent again (200). */
  resent: z.boolean(),
});

export const organisationSchema = z.object({ orgId: z.string(), name: z.string(), kind: organisationKindSchema, createdAt: z.string() });
export const organisationsSchema = z.object({ organisations: z.array(organisationSchema) });

export type Person = z.infer<typeof personSchema>;
export type Me = z.infer<typeof meSchema>;
export type AttemptSummary = z.infer<typeof attemptSummarySchema>;
export type Invitation = z.infer<typeof invitationSchema>;
export type Organisation = z.infer<typeof organisationSchema>;

// Certification

const actorSchema = z.object({ sub: z.string(), name: z.string() });

/** An observed procedure as recorded (DOPS-style), with the trainee's acknowledgement once given. */
export const observedProcedureSchema = z.object({
  procedureId: z.string(),
  observedOn: z.string(),
  procedure: z.string(),
  areaId: z.string(),
  depthMm: z.number(),
  complexity: recordObservedProcedureSchema.shape.complexity,
  ratings: recordObservedProcedureSchema.shape.ratings,
  entrustment: recordObservedProcedureSchema.shape.entrustment,
  satisfactory: z.boolean(),
  minutesObserved: z.number(),
  minutesFeedback: z.number(),
  doneWell: z.string(),
  learningAction: z.string(),
  assessorName: z.string(),
  recordedAt: z.string(),
  acknowledgement: z.optional(z.object({ at: z.string(), comment: z.optional(z.string()) })),
});

/** `valid` until it expires, or is suspended (for a while), revoked (for good) or superseded by its renewal. */
export const certificateStatusSchema = z.enum(['valid', 'expired', 'suspended', 'revoked', 'superseded']);

/** One treatment area the holder may treat, with the depth limits the supervisor signed off. */
export const certifiedAreaSchema = z.object({
  areaId: z.string(),
  label: z.string(),
  maxDepthMm: z.number(),
  /** The most without a supervisor present; 0 when the area is supervised only. */
  maxDepthUnsupervisedMm: z.number(),
  /** The limits in words, as printed: "up to 1.0 mm unsupervised; up to 1.5 mm with a supervisor present". */
  limits: z.string(),
});

/**
 * What anyone may see of a certificate, by its code: enough for a clinic to trust it, including
 * what the holder may do, and nothing private (no reasons for a suspension or revocation). Dates
 * are calendar dates (YYYY-MM-DD, UTC); the status is decided on the exact time.
 */
export const verificationSchema = z.object({
  code: z.string(),
  status: certificateStatusSchema,
  holderName: z.string(),
  organisationName: z.optional(z.string()),
  qualification: z.string(),
  scope: z.object({ areas: z.array(certifiedAreaSchema) }),
  issuedAt: z.iso.date(),
  expiresAt: z.iso.date(),
  issuedBy: z.string(),
  suspendedAt: z.optional(z.iso.date()),
  revokedAt: z.optional(z.iso.date()),
  /** When renewed: the certificate that replaced this one, and when. */
  supersededBy: z.optional(z.string()),
  supersededAt: z.optional(z.iso.date()),
  /** When renewed, the status of that renewal now (it may since have been suspended, revoked or renewed again). */
  supersededByStatus: z.optional(certificateStatusSchema),
  /** The certificate this one renewed. */
  renews: z.optional(z.string()),
  /** The revoked certificate this one was issued after, on new evidence. */
  replaces: z.optional(z.string()),
  modules: z.array(z.object({ title: z.string(), passedAt: z.iso.date() })),
  satisfactoryProcedures: z.number(),
});

const suspensionSchema = z.object({
  at: z.iso.datetime(),
  by: actorSchema,
  category: suspendCertificateSchema.shape.category,
  /** The category in words. */
  reason: z.string(),
  note: z.string(),
  reviewOn: z.optional(z.iso.date()),
  /** Suspended by a platform admin: only a platform admin can reinstate it. */
  byPlatformAdmin: z.optional(z.boolean()),
});

const revocationSchema = z.object({
  at: z.iso.datetime(),
  by: actorSchema,
  category: revokeCertificateSchema.shape.category,
  reason: z.string(),
  note: z.string(),
  /** Revoked by a platform admin: the new certificate is a platform admin's to issue. */
  byPlatformAdmin: z.optional(z.boolean()),
});

/**
 * The certificate as its holder and those who follow them see it: the public view with exact
 * times (ISO 8601), plus the evidence and why it was suspended or revoked.
 */
export const certificateSchema = z.extend(verificationSchema, {
  issuedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  /** Issued after a revocation: only evidence observed since this time counts for it and its renewals. */
  evidenceFrom: z.optional(z.iso.datetime()),
  suspendedAt: z.optional(z.iso.datetime()),
  revokedAt: z.optional(z.iso.datetime()),
  supersededAt: z.optional(z.iso.datetime()),
  modules: z.array(z.object({ moduleId: z.string(), title: z.string(), passedAt: z.iso.datetime(), attemptId: z.string() })),
  suspension: z.optional(suspensionSchema),
  revocation: z.optional(revocationSchema),
});

export const moduleRequirementSchema = z.object({
  moduleId: z.string(),
  title: z.string(),
  passed: z.boolean(),
  passedAt: z.optional(z.string()),
  attemptId: z.optional(z.string()),
});

/** Where a trainee stands towards a certificate: requirements, observed procedures, and the certificate once issued. */
export const certificationSchema = z.object({
  traineeSub: z.string(),
  traineeName: z.string(),
  /** Whether a (new) certificate can be issued now; after a revocation, on evidence since it. */
  eligible: z.boolean(),
  unmet: z.array(z.string()),
  modules: z.array(moduleRequirementSchema),
  satisfactoryProcedures: z.number(),
  requiredSatisfactoryProcedures: z.number(),
  distinctAssessors: z.number(),
  requiredDistinctAssessors: z.number(),
  independentProcedures: z.number(),
  requiredIndependentProcedures: z.number(),
  /** After a revocation: only passes and procedures after this time count towards a new certificate. */
  countsFrom: z.optional(z.iso.datetime()),
  /**
   * Who issues the (next) certificate: the trainee's supervisor; after a revocation by a platform
   * admin or for false evidence, a platform admin, on the new evidence the supervisor records.
   */
  nextCertificateBy: z.enum(['supervisor', 'platform-admin']),
  observedProcedures: z.array(observedProcedureSchema),
  certificate: z.optional(certificateSchema),
  /** Every change to the record, newest first: what, when, by whom. Append-only. */
  history: z.array(
    z.object({
      at: z.string(),
      action: z.enum(HISTORY_ACTIONS),
      actorName: z.string(),
      /** The certificate concerned, and the one it follows (renewed, or revoked before it), as printed. */
      code: z.optional(z.string()),
      previousCode: z.optional(z.string()),
      summary: z.string(),
    }),
  ),
  /** With a certificate that is not revoked: whether it can be renewed now, from when, and what is missing. */
  renewal: z.optional(
    z.object({
      eligible: z.boolean(),
      opensAt: z.string(),
      satisfactorySinceIssue: z.number(),
      requiredSatisfactorySinceIssue: z.number(),
      unmet: z.array(z.string()),
    }),
  ),
});

/** An organisation's people with their certificate's status and scope: what a clinic watches. */
export const rosterSchema = z.object({
  orgId: z.string(),
  organisationName: z.string(),
  people: z.array(
    z.object({
      sub: z.string(),
      name: z.string(),
      email: z.string(),
      certificate: z.optional(
        z.object({
          code: z.string(),
          status: certificateStatusSchema,
          issuedAt: z.string(),
          expiresAt: z.string(),
          expiringSoon: z.boolean(),
          scope: z.object({ areas: z.array(certifiedAreaSchema) }),
        }),
      ),
    }),
  ),
  summary: z.object({
    valid: z.number(),
    expiringSoon: z.number(),
    expired: z.number(),
    suspended: z.number(),
    revoked: z.number(),
    notCertified: z.number(),
  }),
});

export type Roster = z.infer<typeof rosterSchema>;
export type ObservedProcedure = z.infer<typeof observedProcedureSchema>;
export type CertificateStatus = z.infer<typeof certificateStatusSchema>;
export type Verification = z.infer<typeof verificationSchema>;
export type Certificate = z.infer<typeof certificateSchema>;
export type Certification = z.infer<typeof certificationSchema>;
