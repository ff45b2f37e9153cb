import type * as z from 'zod/mini';
import type { OperationId } from '../../core/api/routes';
import {
  attemptListSchema,
  observedProcedureSchema,
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
} from '../../core/api/schemas';

interface ResponseDocs {
  description: string;
  schema?: z.ZodMiniType;
  headers?: Record<string, string>;
}

export interface RouteDocs {
  /** A few words, for lists of operations. */
  summary: string;
  /** What the operation does and the rules it applies, in full. */
  description: string;
  responses: { [status: number]: ResponseDocs; '4XX'?: ResponseDocs };
}

const problem = (description: string, headers?: Record<string, string>) => ({
  description,
  schema: problemSchema,
  ...(headers ? { headers } : {}),
});
const secured = {
  401: problem('Missing, expired or invalid token', { 'WWW-Authenticate': 'Bearer' }),
  403: problem('The caller’s role may not do this'),
};
const invalid = {
  400: problem('Malformed or invalid request, or a body that is not UTF-8'),
  415: problem('Body is not application/json'),
  413: problem('Body too large'),
};
const unavailable = {
  503: problem('A dependency is unavailable or did not answer in time; retry after the Retry-After header', {
    'Retry-After': 'Seconds to wait before retrying',
  }),
};
const tooSoon = (description: string) => problem(description, { 'Retry-After': 'Seconds until the next attempt may start' });
const replayed = {
  'Idempotent-Replayed': '`true` when this answers a retry under the same Idempotency-Key, with what the first request made',
};

/** What each path parameter is, for the OpenAPI document. */
export const parameterDocs: Record<string, string> = {
  moduleId: 'A course module id, e.g. `mechanism-of-action`.',
  attemptId: 'An attempt id (UUID), as returned when it was issued.',
  procedureId: 'An observed procedure id (UUID), as in the trainee’s certification record.',
  traineeId: "The trainee's user id (`sub`, a UUID).",
  orgId: 'An organisation id, e.g. `harbour-skin-clinic-3fa2c1`.',
  code:
    'A certificate code as printed, e.g. `CIT-7K3M-Q9XD-2PWA`: any case, with or without the `CIT` prefix, ' +
    'hyphens or spaces; O is read as 0 and I or L as 1.',
};

/** What each operation of ./routes.ts does and answers, for the OpenAPI document. Every operation must have an entry. */
export const routeDocs: Record<OperationId, RouteDocs> = {
  getOpenApiDocument: {
    summary: 'This OpenAPI document',
    description:
      'The OpenAPI 3.1 description of this API, generated from the same route contract and ' +
      'schemas the functions validate with. A static file served by CloudFront from the site ' +
      'bucket.',
    responses: { 200: { description: 'The document' }, '4XX': { description: 'A method other than GET or HEAD (405)' } },
  },
  issueAttempt: {
    summary: 'Start an attempt at a module quiz',
    description:
      "The server draws the questions (no answers, no explanations), avoiding the trainee's " +
      "previous attempt's questions while the bank allows, and returns them with a servedToken " +
      'to send back with the answers. An attempt still open is handed back instead (200). The ' +
      "module's policy applies atomically however many requests race: one open attempt, at most " +
      'maxAttemptsPer24Hours in 24 hours, a cooldown after a failure.',
    responses: {
      200: { description: 'The attempt already open for this module', schema: issuedAttemptSchema },
      201: { description: 'A new attempt', schema: issuedAttemptSchema },
      400: invalid[400],
      ...secured,
      404: problem('No such module'),
      429: tooSoon(
        'Not yet: cooldown after a failed attempt, or the daily limit (see nextAttemptAt), or another start request at the same moment',
      ),
      ...unavailable,
    },
  },
  submitAnswers: {
    summary: 'Submit answers to an attempt',
    description:
      "Send the answers with the attempt's servedToken. Returns the score, pass or fail (and " +
      'which rule failed: the pass mark, a safety-critical item) and a verdict per question, as ' +
      "the module's review policy allows: until the module is passed, which questions were " +
      'missed with their objective and lesson section, and no right answers; once passed, the ' +
      'right answers and explanations too. Idempotent: the same answers again return the stored ' +
      'result.',
    responses: {
      200: { description: 'Already submitted with the same answers: the stored result', schema: submissionResultSchema },
      201: { description: 'Scored and stored', schema: submissionResultSchema },
      ...invalid,
      ...secured,
      404: problem('No such attempt of yours'),
      409: problem('Already submitted with different answers, expired, or the module changed since it was issued'),
      422: problem(
        'Answers to questions this attempt did not serve or to options they do not have, or a servedToken not issued with this attempt',
      ),
      ...unavailable,
    },
  },
  getAttempt: {
    summary: 'Review a submitted attempt',
    description:
      "A submitted attempt with its feedback. The trainee sees it as the module's review policy " +
      'allows (see submitAnswers); their supervisor, clinic admin and platform admins see it in ' +
      'full at any time.',
    responses: {
      200: { description: 'The result', schema: attemptResultSchema },
      400: invalid[400],
      ...secured,
      404: problem('No such submitted attempt that the caller may see'),
      ...unavailable,
    },
  },
  getMyProgress: {
    summary: "The signed-in trainee's progress",
    description:
      'Status in every module: not started, in progress, passed (with the content version), or failed with the time the next attempt may start.',
    responses: { 200: { description: 'Progress', schema: progressSchema }, ...secured, ...unavailable },
  },
  listMyAttempts: {
    summary: "The signed-in trainee's attempts",
    description: 'Every attempt of the signed-in trainee, newest first, with its outcome.',
    responses: { 200: { description: 'Attempts', schema: attemptListSchema }, ...secured, ...unavailable },
  },
  listTraineeAttempts: {
    summary: "A trainee's attempts",
    description:
      "A trainee's attempts, newest first: for the trainee, their supervisor, their clinic's " +
      'admins and platform admins. Anyone else gets 404, as if the trainee did not exist.',
    responses: {
      200: { description: 'Attempts', schema: attemptListSchema },
      400: invalid[400],
      ...secured,
      404: problem('No such trainee, or not one the caller may see'),
      ...unavailable,
    },
  },
  getMe: {
    summary: 'Who the caller is',
    description: 'Name, email, roles and organisation of the signed-in caller, from their verified token and the organisation record.',
    responses: { 200: { description: 'The caller', schema: meSchema }, ...secured, ...unavailable },
  },
  listTrainees: {
    summary: 'Trainees the caller oversees',
    description: "A supervisor's own trainees, a clinic admin's organisation's trainees, or, for a platform admin, every trainee.",
    responses: { 200: { description: 'Trainees', schema: peopleSchema }, ...secured, ...unavailable },
  },
  inviteTrainee: {
    summary: 'Invite a trainee',
    description:
      "Invites a trainee by name and email into the supervisor's organisation, assigned to the " +
      'supervisor. The account is created first, the record stored, then the invitation sent; if ' +
      'any step fails nothing is left half-done. An address with an account in another ' +
      'organisation gets the same answer as a new one (nothing is created or sent); someone of ' +
      "the caller's organisation who has not taken up an earlier invitation gets it again (200).",
    responses: {
      200: {
        description: 'Invited before and not taken up: the invitation was sent again; earlier links no longer work',
        schema: invitationSchema,
      },
      201: { description: 'Invited', schema: invitationSchema },
      ...invalid,
      ...secured,
      409: problem("Someone of the caller's organisation already uses an account with this email"),
      ...unavailable,
    },
  },
  listOrganisations: {
    summary: 'All organisations',
    description: 'Every clinic and training organisation, for platform admins.',
    responses: { 200: { description: 'Organisations', schema: organisationsSchema }, ...secured, ...unavailable },
  },
  createOrganisation: {
    summary: 'Create an organisation',
    description: 'Creates a clinic or training organisation. Send an Idempotency-Key so that a retry after a timeout creates it once.',
    responses: {
      201: {
        description: 'Created (or, for a retry under the same key, the one created first)',
        schema: organisationSchema,
        headers: replayed,
      },
      ...invalid,
      ...secured,
      422: problem('The Idempotency-Key was used before for a different request'),
      ...unavailable,
    },
  },
  inviteSupervisor: {
    summary: 'Invite a supervisor',
    description:
      'Invites a supervisor into an organisation, as inviteTrainee does; a platform admin is told when the address already has an account anywhere (409).',
    responses: {
      200: { description: 'Invited before and not taken up: the invitation was sent again', schema: invitationSchema },
      201: { description: 'Invited', schema: invitationSchema },
      ...invalid,
      ...secured,
      404: problem('No such organisation'),
      409: problem('Someone with this email already has an account'),
      ...unavailable,
    },
  },
  listMembers: {
    summary: "An organisation's people",
    description:
      "Everyone in an organisation: for its own supervisors and clinic admins, and platform admins. Another organisation's looks as if it did not exist (404).",
    responses: {
      200: { description: 'Members', schema: peopleSchema },
      400: invalid[400],
      ...secured,
      404: problem('No such organisation, or not the caller’s'),
      ...unavailable,
    },
  },
  getCertification: {
    summary: "A trainee's certification record",
    description:
      'Where a trainee stands towards a certificate: each module passed or not, the observed ' +
      'procedures, what is still unmet, the certificate once issued, whether it can be renewed, ' +
      'and the history of every change.',
    responses: {
      200: { description: 'Certification record', schema: certificationSchema },
      400: invalid[400],
      ...secured,
      404: problem('No such trainee, or not one the caller may see'),
      ...unavailable,
    },
  },
  recordObservedProcedure: {
    summary: 'Record an observed procedure',
    description:
      "The trainee's supervisor records an observed procedure as on a DOPS form: every domain " +
      'rated, the level of supervision the trainee needed (entrustment), case complexity, minutes ' +
      'observed and of feedback, what was done well and the agreed learning action. Satisfactory ' +
      'only if every domain meets the standard and the trainee performed it (not observed only). ' +
      'Append-only. Send an Idempotency-Key so that a retry after a timeout records it once.',
    responses: {
      201: {
        description: 'Recorded (or, for a retry under the same key, the record made first)',
        schema: observedProcedureSchema,
        headers: replayed,
      },
      ...invalid,
      ...secured,
      404: problem('No such trainee supervised by the caller'),
      422: problem(
        'A date in the future or over a year ago, more feedback minutes than twice those observed, or an ' +
          'Idempotency-Key used before for a different request',
      ),
      ...unavailable,
    },
  },
  acknowledgeFeedback: {
    summary: 'Acknowledge feedback on an observed procedure',
    description:
      'The trainee confirms they received the feedback on one of their observed procedures, with a ' +
      'reflection if they like. The record itself is never changed; the acknowledgement is kept beside ' +
      'it, once: acknowledging again answers with the first acknowledgement.',
    responses: {
      200: { description: 'The procedure with its acknowledgement', schema: observedProcedureSchema },
      ...invalid,
      ...secured,
      404: problem('No such observed procedure of the caller'),
      ...unavailable,
    },
  },
  issueCertificate: {
    summary: 'Issue the certificate',
    description:
      "The trainee's supervisor issues the certificate, signing off its scope of practice (treatment " +
      "areas, the maximum depth for each within the course's limits, and whether the holder may treat " +
      'it unsupervised), once every module is passed and enough satisfactory observed procedures are ' +
      'recorded, from enough assessors, with enough performed independently. Exactly once per trainee, ' +
      'however many requests race. After a revocation, a new certificate on evidence since the ' +
      'revocation (every module passed again and new procedures), linked to the revoked one; after a ' +
      "revocation by a platform admin or for false evidence, a platform admin issues it (the record's " +
      '`nextCertificateBy` says who), and the supervisor cannot.',
    responses: {
      201: { description: 'Issued', schema: certificateSchema },
      ...invalid,
      ...secured,
      403: problem('Not the one who issues this certificate (see nextCertificateBy), or not a supervisor or platform admin'),
      404: problem('No such trainee supervised by the caller'),
      409: problem('The trainee already holds a certificate that is not revoked; names it and its status'),
      422: problem("Requirements not met yet (see unmet), or a scope beyond the course's limits (see errors)"),
      ...unavailable,
    },
  },
  renewCertificate: {
    summary: 'Renew the certificate',
    description:
      "The trainee's supervisor renews the certificate from 90 days before expiry, on a " +
      'satisfactory observed procedure since it was issued: a new code and expiry (running on ' +
      'from the old one), the scope kept or changed; the old certificate verifies as superseded ' +
      'and names the new one. Once per certificate.',
    responses: {
      201: { description: 'The renewed certificate', schema: certificateSchema },
      ...invalid,
      ...secured,
      404: problem('No such trainee supervised by the caller, or no certificate'),
      409: problem('The certificate is suspended, revoked, or was renewed a moment ago; names its state'),
      422: problem("Not renewable yet (see unmet), or a scope beyond the course's limits (see errors)"),
      ...unavailable,
    },
  },
  suspendCertificate: {
    summary: 'Suspend the certificate',
    description:
      "The trainee's supervisor or a platform admin suspends a valid certificate for a while, with " +
      'a reason category, a note and, if set, the date it is to be reviewed; kept on the holder’s ' +
      'record, not public. Verification shows it as suspended at once. Of racing requests, one ' +
      'suspends it; the rest get a 409 naming its state.',
    responses: {
      200: { description: 'Suspended', schema: certificateSchema },
      ...invalid,
      ...secured,
      404: problem('No such trainee, or no certificate'),
      409: problem('Not valid (expired, already suspended, revoked); names its state'),
      422: problem('A review date in the past or more than a year ahead'),
      ...unavailable,
    },
  },
  reinstateCertificate: {
    summary: 'Reinstate a suspended certificate',
    description:
      "The trainee's supervisor or a platform admin reinstates a suspended certificate, with a note " +
      'for the record: it is valid again (or expired, if its date passed meanwhile). A suspension a ' +
      'platform admin made is lifted only by a platform admin.',
    responses: {
      200: { description: 'Reinstated', schema: certificateSchema },
      ...invalid,
      ...secured,
      403: problem('Suspended by a platform admin, and the caller is not one; or not a supervisor or platform admin'),
      404: problem('No such trainee, or no certificate'),
      409: problem('Not suspended; names its state'),
      ...unavailable,
    },
  },
  revokeCertificate: {
    summary: 'Revoke the certificate',
    description:
      "The trainee's supervisor or a platform admin revokes the certificate for good (valid, " +
      'suspended or expired), with a reason category and a note kept on the holder’s record (not ' +
      'public); verification shows it as revoked at once. The way back is a new certificate on new ' +
      'evidence.',
    responses: {
      200: { description: 'Revoked', schema: certificateSchema },
      ...invalid,
      ...secured,
      404: problem('No such trainee, or no certificate'),
      409: problem('Already revoked or renewed; names its state'),
      ...unavailable,
    },
  },
  getRoster: {
    summary: "An organisation's staff roster",
    description:
      "Each trainee and practitioner of an organisation with their certificate's status, scope, expiry " +
      '(flagged in the renewal window, 90 days before expiry) and code, and a summary: for its supervisors and clinic admins, ' +
      'and platform admins.',
    responses: {
      200: { description: 'Roster', schema: rosterSchema },
      400: invalid[400],
      ...secured,
      404: problem('No such organisation, or not the caller’s'),
      ...unavailable,
    },
  },
  verifyCertificate: {
    summary: 'Verify a certificate (public)',
    description:
      'Anyone checks a certificate by its code, as printed or in its QR code: holder, ' +
      'organisation, qualification, scope of practice (areas, depth limits, supervision), status ' +
      '(valid, expired, suspended, revoked, superseded with its successor), dates and what it was ' +
      'issued on; never why it was suspended or revoked. A superseded certificate also gives its ' +
      "successor's current status (supersededByStatus), read in the same request: the renewal may since " +
      'have been suspended, revoked or renewed again. No account needed; never cached, so a ' +
      'suspension or revocation shows at once.',
    responses: {
      200: { description: 'The certificate as anyone may see it', schema: verificationSchema },
      400: problem('Not a certificate code'),
      404: problem('No certificate with this code'),
      ...unavailable,
    },
  },
};
