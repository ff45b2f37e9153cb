import { z } from 'zod';

/**
 * Schemas for the files under `courses/`. Used at build time only (full zod gives the best
 * messages there); the Lambda bundles never import this file.
 */

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lower-case letters, digits and single hyphens');

/**
 * What a trainee's review of an attempt shows, from least to most: `outcome` (score and the rule
 * that failed), `missed` (also which questions were missed, with the objective and the lesson
 * section to revisit), `full` (also the right answers and explanations).
 */
export const REVIEW_LEVELS = ['outcome', 'missed', 'full'] as const;
const reviewLevel = z.enum(REVIEW_LEVELS);

export const reviewPolicySchema = z
  .strictObject({
    /** Until the trainee has passed the module: no answer key, so a failed attempt cannot collect one. */
    untilPassed: reviewLevel.default('missed'),
    /** Once they have passed it: every attempt of the module, in full. */
    oncePassed: reviewLevel.default('full'),
  })
  .refine((review) => REVIEW_LEVELS.indexOf(review.oncePassed) >= REVIEW_LEVELS.indexOf(review.untilPassed), {
    message: 'oncePassed must show at least as much as untilPassed',
    path: ['oncePassed'],
  });

export const quizPolicySchema = z.strictObject({
  /** Fraction of served questions to answer correctly; every safety-critical one must be right too. */
  passMark: z.number().gt(0).lte(1).default(0.8),
  /** How many questions each attempt draws from the bank. */
  drawSize: z.number().int().min(4),
  maxAttemptsPer24Hours: z.number().int().min(1).default(3),
  cooldownMinutesAfterFail: z.number().int().min(0).default(60),
  review: reviewPolicySchema.default({ untilPassed: 'missed', oncePassed: 'full' }),
});

export const moduleFrontmatterSchema = z.strictObject({
  id,
  title: z.string().min(3),
  order: z.number().int().positive(),
  summary: z.string().min(20),
  objectives: z.array(z.strictObject({ id, text: z.string().min(10) })).min(1),
  quiz: quizPolicySchema,
});

const optionSchema = z.strictObject({
  id: z.string().regex(/^[a-z]$/, 'option ids are single lower-case letters'),
  text: z.string().min(1),
  correct: z.boolean().default(false),
});

/** The four screening decisions a case item asks for, in the order the page shows them. */
export const DECISIONS = {
  proceed: 'Proceed',
  precautions: 'Proceed with precautions',
  defer: 'Defer treatment',
  'do-not-treat': 'Do not treat',
} as const;
export type Decision = keyof typeof DECISIONS;

/** A realistic case the item is set in: who the patient is, what they want, what you find. */
const vignette = z.string().min(40);

const itemBase = {
  id,
  /** The learning objective (frontmatter id) the item tests. */
  objective: id,
  /** Slug of the lesson heading that teaches it. */
  section: id,
  /** Items on contraindications and complications a practitioner must never get wrong. */
  safetyCritical: z.boolean().default(false),
  prompt: z.string().min(10),
  explanation: z.string().min(20),
};

export const questionSchema = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('single'), ...itemBase, vignette: vignette.optional(), options: z.array(optionSchema).min(2).max(8) }),
    z.strictObject({
      type: z.literal('multiple'),
      ...itemBase,
      vignette: vignette.optional(),
      options: z.array(optionSchema).min(2).max(8),
    }),
    z.strictObject({ type: z.literal('true-false'), ...itemBase, answer: z.boolean() }),
    z.strictObject({
      type: z.literal('case'),
      ...itemBase,
      vignette,
      decision: z.enum(Object.keys(DECISIONS) as [Decision, ...Decision[]]),
      /** Why: one correct reason among plausible ones. */
      reasons: z.array(optionSchema).min(3).max(5),
    }),
  ])
  .superRefine((question, ctx) => {
    const options = question.type === 'case' ? question.reasons : question.type === 'true-false' ? [] : question.options;
    if (question.type === 'true-false') return;
    const correct = options.filter((option) => option.correct).length;
    const where = question.type === 'case' ? 'reasons' : 'options';
    if (correct === 0) ctx.addIssue({ code: 'custom', message: 'has no correct option', path: [where] });
    if ((question.type === 'single' || question.type === 'case') && correct > 1) {
      ctx.addIssue({ code: 'custom', message: `takes one answer but marks ${correct} correct`, path: [where] });
    }
    const ids = options.map((option) => option.id);
    const duplicate = ids.find((optionId, index) => ids.indexOf(optionId) !== index);
    if (duplicate) ctx.addIssue({ code: 'custom', message: `repeats option id "${duplicate}"`, path: [where] });
  });

export const questionBankFileSchema = z.strictObject({
  questions: z.array(questionSchema).min(1),
});

/**
 * courses/archive/<module-id>/<content-version>.yaml: a bank as it was published, kept when the
 * content changes, so attempts drawn from it can still be reviewed question by question. Written
 * by `npm run courses:archive`, never edited.
 */
export const archivedBankFileSchema = z.strictObject({
  moduleId: id,
  title: z.string().min(3),
  contentVersion: z.string().regex(/^[0-9a-f]{16}$/, 'must be a content version (16 hex digits)'),
  archivedOn: z.iso.date(),
  objectives: z.array(z.strictObject({ id, text: z.string().min(10) })).min(1),
  questions: z.array(questionSchema).min(1),
});
export type ArchivedBankFile = z.infer<typeof archivedBankFileSchema>;

/** `module-id#section-id` */
const sectionRef = z.string().regex(/^[a-z0-9-]+#[a-z0-9-]+$/, 'must be module-id#section-id');

/**
 * courses/coverage.yaml: every clinical statement of the source text, and every clinical topic
 * the curriculum must teach, with where it is taught and the items that test it.
 */
export const coverageFileSchema = z.strictObject({
  source: z.string().min(1),
  statements: z
    .array(
      z.strictObject({
        statement: z.string().min(10),
        taughtIn: sectionRef,
        testedBy: z.array(id).min(1),
        /** Where the course corrects or qualifies the source. */
        note: z.string().optional(),
      }),
    )
    .min(1),
  topics: z
    .array(
      z.strictObject({
        id,
        topic: z.string().min(3),
        /** Where it is taught: one section, or several when modules share it. */
        taughtIn: z.array(sectionRef).min(1),
        testedBy: z.array(id).min(1),
      }),
    )
    .default([]),
});

export type ModuleFrontmatter = z.infer<typeof moduleFrontmatterSchema>;
export type AuthoredQuestion = z.infer<typeof questionSchema>;

const depthMm = z
  .number()
  .positive()
  .max(3)
  .refine((depth) => Math.abs(depth * 20 - Math.round(depth * 20)) < 1e-9, { message: 'must be a multiple of 0.05 mm' });

const count = (min: number) => z.number().int().min(min);

/**
 * courses/course.yaml: what a certificate may grant (the treatment areas and their depth limits)
 * and what it takes (the certification rules). Content, like the lessons: a clinical lead changes
 * these, and the build checks them.
 */
export const courseFileSchema = z
  .strictObject({
    treatmentAreas: z
      .array(
        z
          .strictObject({
            id,
            /** A few words for tables (the staff roster): "Neck", "Acne scars (cheeks)". */
            shortLabel: z.string().min(3).max(24),
            label: z.string().min(3).max(160),
            /** The most the certificate may allow for the area at all. */
            maxDepthMm: depthMm,
            /** The most without a supervisor present; omitted where it equals maxDepthMm. */
            maxDepthUnsupervisedMm: depthMm.optional(),
            section: sectionRef,
          })
          .refine((area) => area.maxDepthUnsupervisedMm === undefined || area.maxDepthUnsupervisedMm < area.maxDepthMm, {
            message: 'maxDepthUnsupervisedMm must be less than maxDepthMm (omit it where they are equal)',
            path: ['maxDepthUnsupervisedMm'],
          }),
      )
      .min(1),
    certification: z.strictObject({
      qualification: z.string().min(10).max(120),
      validityMonths: count(1).max(60),
      /** A first certificate: every module passed, and this many satisfactory observed procedures. */
      firstCertificate: z.strictObject({
        satisfactoryProcedures: count(1),
        /** From at least this many different assessors. */
        distinctAssessors: count(1),
        /** Of which at least this many rated independent on the entrustment scale. */
        independentProcedures: count(0),
      }),
      renewal: z.strictObject({
        /** Renewal opens this many days before expiry (and stays open after it). */
        windowDays: count(1).max(365),
        /** Recent practice: satisfactory observed procedures since the certificate was issued. */
        satisfactoryProcedures: count(0),
      }),
      /**
       * A new certificate after a revocation: every module passed again after the revocation, and
       * this many satisfactory observed procedures observed after it (the first-certificate rules
       * on assessors and independence apply to them too).
       */
      afterRevocation: z.strictObject({ satisfactoryProcedures: count(1) }),
      /** Days before expiry on which holder, supervisor and clinic admins are reminded (0: the day of expiry). */
      reminderDays: z.array(count(0).max(365)).min(1),
    }),
  })
  .superRefine((course, context) => {
    const ids = course.treatmentAreas.map((area) => area.id);
    ids.forEach((areaId, index) => {
      if (ids.indexOf(areaId) !== index)
        context.addIssue({ code: 'custom', message: `area id "${areaId}" is used twice`, path: ['treatmentAreas', index, 'id'] });
    });
    const { firstCertificate, reminderDays } = course.certification;
    for (const field of ['distinctAssessors', 'independentProcedures'] as const) {
      if (firstCertificate[field] > firstCertificate.satisfactoryProcedures)
        context.addIssue({
          code: 'custom',
          message: `cannot exceed satisfactoryProcedures (${firstCertificate.satisfactoryProcedures})`,
          path: ['certification', 'firstCertificate', field],
        });
    }
    if (reminderDays.some((day, index) => index > 0 && day >= reminderDays[index - 1]))
      context.addIssue({
        code: 'custom',
        message: 'must be distinct and in descending order (e.g. 90, 30, 7, 0)',
        path: ['certification', 'reminderDays'],
      });
  });

export type CourseFile = z.infer<typeof courseFileSchema>;
