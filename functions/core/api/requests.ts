import * as z from 'zod/mini';
import { TYPED_CERTIFICATE_CODE } from '../certification/certificate-code';
import { CASE_COMPLEXITY_IDS, DOPS_DOMAIN_IDS, ENTRUSTMENT_IDS, type DopsDomainId } from '../certification/dops';
import { REVOCATION_REASON_IDS, SUSPENSION_REASON_IDS } from '../certification/reasons';
import { validationMessage } from './validation-messages';

/**
 * What the API accepts: path parameters and bodies. The functions validate requests with these,
 * so they are all a function bundle carries of zod; the response shapes live in ./responses.ts,
 * which functions import for types only. `zod/mini` keeps the Lambda bundles small.
 */

// zod/mini ships without messages: our own few (validation-messages.ts) so every 4xx says what is wrong.
z.config({ localeError: validationMessage });

const slug = z.string().check(z.minLength(1), z.maxLength(80), z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/));

/**
 * Characters no name or note may hold: C0 and C1 controls, and the bidirectional overrides and
 * isolates that make text display as something other than what it is (a name that reads
 * "Alex" but sorts and compares as something else). Single-line text also refuses line breaks,
 * including U+2028/U+2029; notes may hold line feeds (a textarea's line breaks) and nothing else.
 */
const CONTROLS = '\\u0000-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069';
/**
 * And characters that display as nothing or as a blank, so that a name made of them, or hiding
 * them ("Jor" + U+200D + "dan"), looks like another name or like none: Unicode's default-ignorable
 * code points (soft hyphen, zero-width space, direction marks, word joiners, fillers, variation
 * selectors, the byte-order mark), the Braille blank, private-use characters and noncharacters.
 * The joiners U+200C/U+200D are left to INVISIBLE_IN_CONTEXT: Persian and Indic names need them.
 */
const INVISIBLE =
  '\\u00AD\\u034F\\u061C\\u115F\\u1160\\u17B4\\u17B5\\u180B-\\u180F\\u200B\\u200E\\u200F\\u2060-\\u2065\\u206A-\\u206F' +
  '\\u2800\\u3164\\uE000-\\uF8FF\\uFDD0-\\uFDEF\\uFE00-\\uFE0F\\uFEFF\\uFFA0\\uFFF0-\\uFFFF';
const SINGLE_LINE_FORBIDDEN = `${CONTROLS}${INVISIBLE}\\u2028\\u2029`;
const MULTILINE_FORBIDDEN = `\\u0000-\\u0009\\u000B-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069${INVISIBLE}`;

/**
 * What a character class cannot say: a zero-width joiner or non-joiner anywhere but after a letter
 * of a script that uses them (from Hebrew, U+0590, on: not after Latin, Greek or Cyrillic), and
 * the invisible characters beyond the Basic Multilingual Plane (tags, variation selectors,
 * shorthand and musical format controls, supplementary private use, noncharacters).
 */
function hasInvisibleInContext(text: string): boolean {
  // More than four combining marks in a row stack over the line ("Zalgo" text): no script's names need them.
  if (/\p{M}{5,}/u.test(text)) return true;
  const chars = [...text];
  return chars.some((char, index) => {
    const code = char.codePointAt(0)!;
    // One joiner at a time, after a letter of a script that needs it, and before something.
    if (code === 0x200c || code === 0x200d) {
      const before = index > 0 ? chars[index - 1] : '';
      return !/[\p{L}\p{M}]/u.test(before) || before.codePointAt(0)! < 0x0590 || index === chars.length - 1;
    }
    if (code < 0x10000) return false;
    return (
      (code >= 0xe0000 && code <= 0xe0fff) ||
      code >= 0xf0000 ||
      (code >= 0x1bca0 && code <= 0x1bca3) ||
      (code >= 0x1d173 && code <= 0x1d17a) ||
      (code >= 0x13430 && code <= 0x1343f) ||
      (code & 0xfffe) === 0xfffe
    );
  });
}

/**
 * Text people type: refused with a clear message if it holds a forbidden character, normalised
 * to Unicode NFC (so "é" typed either way is the same name) and trimmed. The pattern says in the
 * OpenAPI document what the server checks: no forbidden character, and at least `min` characters
 * between the first and last that are not spaces, so "   " is invalid by the schema too.
 */
function typedText({
  min,
  max,
  multiline = false,
  letters = false,
  what,
}: {
  min: number;
  max: number;
  multiline?: boolean;
  /** A name: it must hold at least one letter (of any script), so "..." or "12345" is not one. */
  letters?: boolean;
  what: string;
}) {
  const forbidden = new RegExp(`^[^${multiline ? MULTILINE_FORBIDDEN : SINGLE_LINE_FORBIDDEN}]*$`);
  const content = min === 1 ? /\S/ : new RegExp(`\\S[\\s\\S]{${min - 2},}\\S`);
  const atLeast = `${what}: at least ${min} character${min === 1 ? '' : 's'} besides spaces.`;
  const refused = `${what}: no control characters${multiline ? '' : ', line breaks'}, bidirectional overrides or invisible characters.`;
  return z.string().check(
    z.maxLength(max, `${what}: at most ${max} characters.`),
    z.regex(forbidden, { message: refused, abort: true }),
    z.refine((value: string) => !hasInvisibleInContext(value), { message: refused, abort: true }),
    ...(min > 0 ? [z.regex(content, { message: atLeast, abort: true })] : []),
    ...(letters ? [z.refine((value) => /\p{L}/u.test(value as string), { message: `${what}: at least one letter.`, abort: true })] : []),
    z.refine((value) => (value as string & { isWellFormed(): boolean }).isWellFormed(), `${what}: not valid Unicode text.`),
    z.normalize('NFC'),
    // A name or title keeps one space between its words, whatever spaces were typed (U+3000, U+2003, …).
    ...(multiline ? [] : [z.overwrite((value: string) => value.replace(/\s+/g, ' '))]),
    z.trim(),
    // Normalising can shorten text ("e" + combining accent is one character): check again.
    z.minLength(min, atLeast),
  );
}

const personName = typedText({ min: 1, max: 120, letters: true, what: 'Name' });
const email = z
  .email({ error: (issue) => (issue.code === 'invalid_format' ? 'Email: a full address, like name@clinic.co.uk.' : undefined) })
  .check(z.maxLength(254, 'Email: at most 254 characters.'));
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
export const createOrganisationSchema = z.strictObject({
  name: typedText({ min: 2, max: 120, letters: true, what: 'Organisation name' }),
  kind: organisationKindSchema,
});

export const certificateCodeParamsSchema = z.object({
  code: z.string().check(z.maxLength(40), z.regex(TYPED_CERTIFICATE_CODE, 'Expected a certificate code like CIT-7K3M-Q9XD-2PWA')),
});

export const procedureIdParamsSchema = z.object({ procedureId: z.uuid() });

const dopsRating = z.enum(['meets', 'below']);
const minutes = (what: string, min: number, max: number) =>
  z.int().check(z.minimum(min, `${what}: at least ${min}.`), z.maximum(max, `${what}: at most ${max}.`));

/** One observed procedure, as on a DOPS form (see certification/dops.ts): every domain rated. */
export const recordObservedProcedureSchema = z.strictObject({
  observedOn: z.iso.date(),
  procedure: typedText({ min: 3, max: 200, what: 'Procedure' }),
  /** The course's treatment area (courses/course.yaml), and the deepest setting used, in mm. */
  areaId: slug,
  depthMm: z.number().check(z.gt(0, 'Depth: more than 0 mm.'), z.lte(3, 'Depth: at most 3 mm.')),
  complexity: z.enum(CASE_COMPLEXITY_IDS),
  ratings: z.strictObject(Object.fromEntries(DOPS_DOMAIN_IDS.map((id) => [id, dopsRating])) as Record<DopsDomainId, typeof dopsRating>),
  entrustment: z.enum(ENTRUSTMENT_IDS),
  minutesObserved: minutes('Minutes observed', 1, 480),
  minutesFeedback: minutes('Minutes of feedback', 0, 240),
  doneWell: typedText({ min: 3, max: 1000, multiline: true, what: 'What was done well' }),
  learningAction: typedText({ min: 3, max: 1000, multiline: true, what: 'Agreed learning action' }),
});

export const acknowledgeFeedbackSchema = z.strictObject({
  comment: z.optional(typedText({ min: 0, max: 1000, multiline: true, what: 'Comment' })),
});

/** One treatment area as the supervisor signs it off; the course's limits are checked by the use case (422). */
export const areaSignOffSchema = z.strictObject({
  areaId: slug,
  maxDepthMm: z.number().check(z.gt(0, 'Depth: more than 0 mm.'), z.lte(3, 'Depth: at most 3 mm.')),
  supervision: z.enum(['unsupervised', 'supervised-only']),
});
const scopeSchema = z.strictObject({ areas: z.array(areaSignOffSchema).check(z.minLength(1), z.maxLength(20)) });

export const issueCertificateSchema = z.strictObject({ scope: scopeSchema });
/** Without a scope, the renewal keeps the current one. */
export const renewCertificateSchema = z.strictObject({ scope: z.optional(scopeSchema) });

const note = (what: string) => typedText({ min: 10, max: 1000, multiline: true, what });

export const suspendCertificateSchema = z.strictObject({
  category: z.enum(SUSPENSION_REASON_IDS),
  note: note('Note'),
  reviewOn: z.optional(z.iso.date()),
});
export const reinstateCertificateSchema = z.strictObject({ note: note('Note') });
export const revokeCertificateSchema = z.strictObject({ category: z.enum(REVOCATION_REASON_IDS), note: note('Note') });

export type Answer = z.infer<typeof answerSchema>;
export type RecordObservedProcedure = z.infer<typeof recordObservedProcedureSchema>;
export type RevokeCertificate = z.infer<typeof revokeCertificateSchema>;
export type SuspendCertificate = z.infer<typeof suspendCertificateSchema>;
export type ReinstateCertificate = z.infer<typeof reinstateCertificateSchema>;
export type IssueCertificate = z.infer<typeof issueCertificateSchema>;
export type RenewCertificate = z.infer<typeof renewCertificateSchema>;
export type AcknowledgeFeedback = z.infer<typeof acknowledgeFeedbackSchema>;
export type SubmitAnswers = z.infer<typeof submitAnswersSchema>;
export type InvitePerson = z.infer<typeof invitePersonSchema>;
export type CreateOrganisation = z.infer<typeof createOrganisationSchema>;
