import en from 'zod/v4/locales/en.js';
import * as z from 'zod/mini';
import { canonicalCertificateCode } from '../certification/certificate-code';
import { DOPS_DOMAIN_IDS, type DopsDomainId } from '../certification/dops';

/**
 * What the API accepts: path parameters and bodies. The functions validate requests with these,
 * so they are all a function bundle carries of zod; the response shapes live in ./responses.ts,
 * which functions import for types only. `zod/mini` keeps the Lambda bundles small.
 */

// zod/mini ships without messages; load English ones so every 4xx says what is wrong. Import the
// one locale: `z.locales.en()` would pull every language into the Lambda bundle.
z.config(en());

const slug = z.string().check(z.minLength(1), z.maxLength(80), z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/));
const personName = z.string().check(z.trim(), z.minLength(1), z.maxLength(120));
const email = z.email().check(z.maxLength(254));
/** Cognito and the local provider both use UUIDs for `sub`. */
const userId = z.uuid();

export const organisationKindSchema = z.enum(['clinic', 'training']);

export const moduleIdParamsSchema = z.object({ moduleId: slug });
export const attemptIdParamsSchema = z.object({ attemptId: z.uuid() });
export const traineeIdParamsSchema = z.object({ traineeId: userId });
export const orgIdParamsSchema = z.object({ orgId: slug });

export const answerSchema = z.strictObject({
  questionId: z.string().check(z.minLength(1), z.maxLength(80)),
  selected: z.array(z.string().check(z.minLength(1), z.maxLength(16))).check(z.maxLength(10)),
});

export const submitAnswersSchema = z.strictObject({
  /** The servedToken of the issued attempt, unchanged. */
  servedToken: z.string().check(z.minLength(1), z.maxLength(4000)),
  answers: z.array(answerSchema).check(z.maxLength(100)),
});

export const invitePersonSchema = z.strictObject({ name: personName, email });
export const createOrganisationSchema = z.strictObject({ name: z.string().check(z.trim(), z.minLength(2), z.maxLength(120)), kind: organisationKindSchema });

export const certificateCodeParamsSchema = z.object({
  code: z.string().check(
    z.maxLength(40),
    z.refine((value) => canonicalCertificateCode(value) !== undefined, 'Expected a certificate code like CIT-7K3M-Q9XD-2PWA'),
  ),
});

const dopsRating = z.enum(['meets', 'below']);

/** One observed procedure: every DOPS domain rated (see certification/dops.ts). */
export const recordAssessmentSchema = z.strictObject({
  observedOn: z.iso.date(),
  procedure: z.string().check(z.trim(), z.minLength(3), z.maxLength(200)),
  ratings: z.strictObject(Object.fromEntries(DOPS_DOMAIN_IDS.map((id) => [id, dopsRating])) as Record<DopsDomainId, typeof dopsRating>),
  feedback: z.string().check(z.trim(), z.maxLength(2000)),
});

export const revokeCertificateSchema = z.strictObject({ reason: z.string().check(z.trim(), z.minLength(10), z.maxLength(500)) });

export type Answer = z.infer<typeof answerSchema>;
export type RecordAssessment = z.infer<typeof recordAssessmentSchema>;
export type RevokeCertificate = z.infer<typeof revokeCertificateSchema>;
export type SubmitAnswers = z.infer<typeof submitAnswersSchema>;
export type InvitePerson = z.infer<typeof invitePersonSchema>;
export type CreateOrganisation = z.infer<typeof createOrganisationSchema>;
