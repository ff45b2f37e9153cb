import { z } from 'zod';

/**
 * Schemas for the files under `courses/`. Used at build time only (full zod gives the best
 * messages there); the Lambda bundles never import this file.
 */

const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lower-case letters, digits and single hyphens');

export const moduleFrontmatterSchema = z.strictObject({
  id,
  title: z.string().min(3),
  order: z.number().int().positive(),
  summary: z.string().min(20),
  passMark: z.number().gt(0).lte(1).default(0.8),
  objectives: z.array(z.string().min(10)).min(1),
});

const optionSchema = z.strictObject({
  id: z.string().regex(/^[a-z]$/, 'option ids are single lower-case letters'),
  text: z.string().min(1),
  correct: z.boolean().default(false),
});

const questionBase = {
  id,
  section: id.describe('slug of the lesson heading that teaches this item'),
  prompt: z.string().min(10),
  options: z.array(optionSchema).min(2).max(8),
  explanation: z.string().min(20),
};

export const questionSchema = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('single'), ...questionBase }),
    z.strictObject({ type: z.literal('multiple'), ...questionBase }),
  ])
  .superRefine((question, ctx) => {
    const correct = question.options.filter((option) => option.correct).length;
    if (correct === 0) ctx.addIssue({ code: 'custom', message: 'has no correct option', path: ['options'] });
    if (question.type === 'single' && correct > 1) {
      ctx.addIssue({ code: 'custom', message: `is single-answer but marks ${correct} options correct`, path: ['options'] });
    }
    const ids = question.options.map((option) => option.id);
    const duplicate = ids.find((optionId, index) => ids.indexOf(optionId) !== index);
    if (duplicate) ctx.addIssue({ code: 'custom', message: `repeats option id "${duplicate}"`, path: ['options'] });
  });

export const questionBankFileSchema = z.strictObject({
  questions: z.array(questionSchema).min(1),
});

export type ModuleFrontmatter = z.infer<typeof moduleFrontmatterSchema>;
export type AuthoredQuestion = z.infer<typeof questionSchema>;
