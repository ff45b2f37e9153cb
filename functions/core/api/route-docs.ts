import type * as z from 'zod/mini';
import type { OperationId } from './routes';
import {
  attemptListSchema,
  assessmentSchema,
  attemptResultSchema,
  certificateSchema,
  certificationSchema,
  rosterSchema,
  invitationSchema,
  issuedAttemptSchema,
  meSchema,
  organisationSchema,
  organisationsSchema,
  peopleSchema,
  problemSchema,
  progressSchema,
  submissionResultSchema,
  verificationSchema,
} from './schemas';

export interface RouteDocs {
  summary: string;
  responses: Record<number, { description: string; schema?: z.ZodMiniType }>;
}

const problem = (description: string) => ({ description, schema: problemSchema });
const secured = {
  401: problem('Missing, expired or invalid token'),
  403: problem('The caller’s role may not do this'),
};
const invalid = { 400: problem('Malformed or invalid request'), 415: problem('Body is not application/json'), 413: problem('Body too large') };
const unavailable = { 503: problem('A dependency is unavailable; retry after the Retry-After header') };

/** What each operation of ./routes.ts does and answers, for the OpenAPI document. Every operation must have an entry. */
export const routeDocs: Record<OperationId, RouteDocs> = {
  getOpenApiDocument: {
    summary: 'This OpenAPI 3.1 document',
    responses: { 200: { description: 'The document' } },
  },
  issueAttempt: {
    summary: 'Start an attempt: the server draws the questions (no answers, no explanations) and returns them with a servedToken to send back with the answers. An attempt still open is returned instead.',
    responses: {
        200: { description: 'The attempt already open for this module', schema: issuedAttemptSchema },
        201: { description: 'A new attempt', schema: issuedAttemptSchema },
        400: invalid[400],
        ...secured,
        404: problem('No such module'),
        429: problem('Not yet: cooldown after a failed attempt, or the daily limit; see nextAttemptAt and Retry-After'),
        ...unavailable,
      },
  },
  submitAnswers: {
    summary: "Submit answers with the attempt's servedToken; returns score, pass/fail (and which rule failed) and a verdict per question (for missed ones: the right answer, why, and the lesson section). Idempotent.",
    responses: {
        200: { description: 'Already submitted with the same answers: the stored result', schema: submissionResultSchema },
        201: { description: 'Scored and stored', schema: submissionResultSchema },
        ...invalid,
        ...secured,
        404: problem('No such attempt of yours'),
        409: problem('Already submitted with different answers, expired, or the module changed since it was issued'),
        422: problem('Answers to questions this attempt did not serve or to options they do not have, or a servedToken not issued with this attempt'),
        ...unavailable,
      },
  },
  getAttempt: {
    summary: 'Review a submitted attempt with its feedback: the trainee, and those who may see their record',
    responses: { 200: { description: 'The result', schema: attemptResultSchema }, 400: invalid[400], ...secured, 404: problem('No such submitted attempt that the caller may see'), ...unavailable },
  },
  getMyProgress: {
    summary: "The signed-in trainee's status in every module: not started, in progress, passed, or failed with the next attempt time",
    responses: { 200: { description: 'Progress', schema: progressSchema }, ...secured, ...unavailable },
  },
  listMyAttempts: {
    summary: "The signed-in trainee's attempts, newest first",
    responses: { 200: { description: 'Attempts', schema: attemptListSchema }, ...secured, ...unavailable },
  },
  listTraineeAttempts: {
    summary: "A trainee's attempts: the trainee, their supervisor, their clinic's admin or a platform admin",
    responses: {
        200: { description: 'Attempts', schema: attemptListSchema },
        400: invalid[400],
        ...secured,
        404: problem('No such trainee, or not one the caller may see'),
        ...unavailable,
      },
  },
  getMe: {
    summary: 'Who the caller is: name, roles and organisation',
    responses: { 200: { description: 'The caller', schema: meSchema }, ...secured, ...unavailable },
  },
  listTrainees: {
    summary: "Trainees the caller oversees: a supervisor's own, a clinic admin's organisation's, or all",
    responses: { 200: { description: 'Trainees', schema: peopleSchema }, ...secured, ...unavailable },
  },
  inviteTrainee: {
    summary: "Invite a trainee by name and email into the supervisor's organisation, assigned to the supervisor",
    responses: {
        201: { description: 'Invited', schema: invitationSchema },
        ...invalid,
        ...secured,
        409: problem('Someone with this email already has an account'),
        ...unavailable,
      },
  },
  listOrganisations: {
    summary: 'All organisations',
    responses: { 200: { description: 'Organisations', schema: organisationsSchema }, ...secured, ...unavailable },
  },
  createOrganisation: {
    summary: 'Create a clinic or training organisation',
    responses: { 201: { description: 'Created', schema: organisationSchema }, ...invalid, ...secured, ...unavailable },
  },
  inviteSupervisor: {
    summary: 'Invite a supervisor into an organisation',
    responses: {
        201: { description: 'Invited', schema: invitationSchema },
        ...invalid,
        ...secured,
        404: problem('No such organisation'),
        409: problem('Someone with this email already has an account'),
        ...unavailable,
      },
  },
  listMembers: {
    summary: "An organisation's people: for its own supervisors and clinic admins, and platform admins",
    responses: {
        200: { description: 'Members', schema: peopleSchema },
        400: invalid[400],
        ...secured,
        404: problem('No such organisation, or not the caller’s'),
        ...unavailable,
      },
  },
  getCertification: {
    summary: "Where a trainee stands towards a certificate: each module passed or not, observed procedures, what is still unmet, and the certificate once issued",
    responses: {
        200: { description: 'Certification record', schema: certificationSchema },
        400: invalid[400],
        ...secured,
        404: problem('No such trainee, or not one the caller may see'),
        ...unavailable,
      },
  },
  recordAssessment: {
    summary: "The trainee's supervisor records an observed procedure (DOPS-style): every domain rated; satisfactory only if every domain meets the standard. Append-only.",
    responses: {
        201: { description: 'Recorded', schema: assessmentSchema },
        ...invalid,
        ...secured,
        404: problem('No such trainee supervised by the caller'),
        422: problem('A date in the future or over a year ago, or a domain below standard without feedback'),
        ...unavailable,
      },
  },
  issueCertificate: {
    summary: "The trainee's supervisor issues the certificate: every module passed and enough satisfactory observed procedures. Exactly once per trainee.",
    responses: {
        201: { description: 'Issued', schema: certificateSchema },
        400: invalid[400],
        ...secured,
        404: problem('No such trainee supervised by the caller'),
        409: problem('The trainee already holds a certificate'),
        422: problem('Requirements not met yet; see unmet'),
        ...unavailable,
      },
  },
  renewCertificate: {
    summary: "The trainee's supervisor renews the certificate: from 90 days before expiry, on a satisfactory observed procedure since it was issued. A new code and expiry (running on from the old one); the old certificate verifies as superseded and names the new one. Once per certificate.",
    responses: {
        201: { description: 'The renewed certificate', schema: certificateSchema },
        400: invalid[400],
        ...secured,
        404: problem('No such trainee supervised by the caller, or no certificate'),
        409: problem('The certificate was renewed or revoked a moment ago'),
        422: problem('Not renewable yet, or revoked; see unmet'),
        ...unavailable,
      },
  },
  revokeCertificate: {
    summary: "The trainee's supervisor or a platform admin revokes the certificate, with a reason kept on record; verification shows it as revoked at once",
    responses: {
        200: { description: 'Revoked', schema: certificateSchema },
        ...invalid,
        ...secured,
        404: problem('No such trainee, or no certificate'),
        409: problem('Already revoked'),
        ...unavailable,
      },
  },
  getRoster: {
    summary: "An organisation's staff roster: each trainee and practitioner with their certificate's status, expiry (flagged within 60 days) and code, and a summary",
    responses: {
        200: { description: 'Roster', schema: rosterSchema },
        400: invalid[400],
        ...secured,
        404: problem('No such organisation, or not the caller’s'),
        ...unavailable,
      },
  },
  verifyCertificate: {
    summary: 'Public: check a certificate by its code (as printed or in its QR code): holder, status (valid, expired, revoked), dates and what it was issued on',
    responses: {
        200: { description: 'The certificate as anyone may see it', schema: verificationSchema },
        400: problem('Not a certificate code'),
        404: problem('No certificate with this code'),
        ...unavailable,
      },
  },
};
