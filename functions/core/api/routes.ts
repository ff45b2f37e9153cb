import type * as z from 'zod/mini';
import type { Role } from '../auth/principal';
import {
  attemptIdParamsSchema,
  attemptListSchema,
  attemptResultSchema,
  createOrganisationSchema,
  invitationSchema,
  invitePersonSchema,
  meSchema,
  moduleIdParamsSchema,
  organisationSchema,
  organisationsSchema,
  orgIdParamsSchema,
  peopleSchema,
  problemSchema,
  issuedAttemptSchema,
  progressSchema,
  submitAnswersSchema,
  submissionResultSchema,
  traineeIdParamsSchema,
} from './schemas';

/**
 * The API contract in one place: every route, the Lambda that serves it, who may call it, and its
 * schemas. The OpenAPI document, the API Gateway routes and authorizers, the local origin and
 * the authorization-matrix test are all generated from this list.
 */
export type FunctionName = 'quiz' | 'accounts';
/** `site`: a static file in the site bucket, served by CloudFront (and the local origin) without a Lambda. */
export type Server = FunctionName | 'site';

/**
 * `public`: anyone. `signed-in`: any valid token. A list of roles: a valid token with one of them.
 * Object-level rules (whose trainee, which organisation) are checked again in the use case.
 */
export type Access = 'public' | 'signed-in' | readonly Role[];

export interface RouteSpec {
  operationId: string;
  method: 'get' | 'post';
  /** OpenAPI / API Gateway style: `/api/modules/{moduleId}/questions`. */
  path: string;
  function: Server;
  access: Access;
  summary: string;
  params?: z.ZodMiniType;
  body?: z.ZodMiniType;
  responses: Record<number, { description: string; schema?: z.ZodMiniType }>;
}

const problem = (description: string) => ({ description, schema: problemSchema });
const secured = {
  401: problem('Missing, expired or invalid token'),
  403: problem('The caller’s role may not do this'),
};
const invalid = { 400: problem('Malformed or invalid request'), 415: problem('Body is not application/json'), 413: problem('Body too large') };
const unavailable = { 503: problem('A dependency is unavailable; retry after the Retry-After header') };

export const routes: RouteSpec[] = [
  {
    operationId: 'getOpenApiDocument',
    method: 'get',
    path: '/api/openapi.json',
    function: 'site',
    access: 'public',
    summary: 'This OpenAPI 3.1 document',
    responses: { 200: { description: 'The document' } },
  },
  {
    operationId: 'issueAttempt',
    method: 'post',
    path: '/api/modules/{moduleId}/attempts',
    function: 'quiz',
    access: ['trainee'],
    summary: 'Start an attempt: the server draws the questions (no answers, no explanations). An attempt still open is returned instead.',
    params: moduleIdParamsSchema,
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
  {
    operationId: 'submitAnswers',
    method: 'post',
    path: '/api/attempts/{attemptId}/submission',
    function: 'quiz',
    access: ['trainee'],
    summary: 'Submit answers to the questions the attempt served; returns score, pass/fail (and which rule failed) and feedback. Idempotent.',
    params: attemptIdParamsSchema,
    body: submitAnswersSchema,
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
  {
    operationId: 'getAttempt',
    method: 'get',
    path: '/api/attempts/{attemptId}',
    function: 'quiz',
    access: ['trainee', 'supervisor', 'clinic-admin', 'platform-admin'],
    summary: 'Review a submitted attempt with its feedback: the trainee, and those who may see their record',
    params: attemptIdParamsSchema,
    responses: { 200: { description: 'The result', schema: attemptResultSchema }, 400: invalid[400], ...secured, 404: problem('No such submitted attempt that the caller may see'), ...unavailable },
  },
  {
    operationId: 'getMyProgress',
    method: 'get',
    path: '/api/me/progress',
    function: 'quiz',
    access: ['trainee'],
    summary: "The signed-in trainee's status in every module: not started, in progress, passed, or failed with the next attempt time",
    responses: { 200: { description: 'Progress', schema: progressSchema }, ...secured, ...unavailable },
  },
  {
    operationId: 'listMyAttempts',
    method: 'get',
    path: '/api/me/attempts',
    function: 'quiz',
    access: ['trainee'],
    summary: "The signed-in trainee's attempts, newest first",
    responses: { 200: { description: 'Attempts', schema: attemptListSchema }, ...secured, ...unavailable },
  },
  {
    operationId: 'listTraineeAttempts',
    method: 'get',
    path: '/api/trainees/{traineeId}/attempts',
    function: 'quiz',
    access: ['trainee', 'supervisor', 'clinic-admin', 'platform-admin'],
    summary: "A trainee's attempts: the trainee, their supervisor, their clinic's admin or a platform admin",
    params: traineeIdParamsSchema,
    responses: {
      200: { description: 'Attempts', schema: attemptListSchema },
      400: invalid[400],
      ...secured,
      404: problem('No such trainee, or not one the caller may see'),
      ...unavailable,
    },
  },
  {
    operationId: 'getMe',
    method: 'get',
    path: '/api/me',
    function: 'accounts',
    access: 'signed-in',
    summary: 'Who the caller is: name, roles and organisation',
    responses: { 200: { description: 'The caller', schema: meSchema }, ...secured, ...unavailable },
  },
  {
    operationId: 'listTrainees',
    method: 'get',
    path: '/api/trainees',
    function: 'accounts',
    access: ['supervisor', 'clinic-admin', 'platform-admin'],
    summary: "Trainees the caller oversees: a supervisor's own, a clinic admin's organisation's, or all",
    responses: { 200: { description: 'Trainees', schema: peopleSchema }, ...secured, ...unavailable },
  },
  {
    operationId: 'inviteTrainee',
    method: 'post',
    path: '/api/invitations',
    function: 'accounts',
    access: ['supervisor'],
    summary: "Invite a trainee by name and email into the supervisor's organisation, assigned to the supervisor",
    body: invitePersonSchema,
    responses: {
      201: { description: 'Invited', schema: invitationSchema },
      ...invalid,
      ...secured,
      409: problem('Someone with this email already has an account'),
      ...unavailable,
    },
  },
  {
    operationId: 'listOrganisations',
    method: 'get',
    path: '/api/organisations',
    function: 'accounts',
    access: ['platform-admin'],
    summary: 'All organisations',
    responses: { 200: { description: 'Organisations', schema: organisationsSchema }, ...secured, ...unavailable },
  },
  {
    operationId: 'createOrganisation',
    method: 'post',
    path: '/api/organisations',
    function: 'accounts',
    access: ['platform-admin'],
    summary: 'Create a clinic or training organisation',
    body: createOrganisationSchema,
    responses: { 201: { description: 'Created', schema: organisationSchema }, ...invalid, ...secured, ...unavailable },
  },
  {
    operationId: 'inviteSupervisor',
    method: 'post',
    path: '/api/organisations/{orgId}/supervisors',
    function: 'accounts',
    access: ['platform-admin'],
    summary: 'Invite a supervisor into an organisation',
    params: orgIdParamsSchema,
    body: invitePersonSchema,
    responses: {
      201: { description: 'Invited', schema: invitationSchema },
      ...invalid,
      ...secured,
      404: problem('No such organisation'),
      409: problem('Someone with this email already has an account'),
      ...unavailable,
    },
  },
  {
    operationId: 'listMembers',
    method: 'get',
    path: '/api/organisations/{orgId}/members',
    function: 'accounts',
    access: ['supervisor', 'clinic-admin', 'platform-admin'],
    summary: "An organisation's people: for its own supervisors and clinic admins, and platform admins",
    params: orgIdParamsSchema,
    responses: {
      200: { description: 'Members', schema: peopleSchema },
      400: invalid[400],
      ...secured,
      404: problem('No such organisation, or not the caller’s'),
      ...unavailable,
    },
  },
];

/** Routes a Lambda function serves (everything but static files). */
export const functionRoutes = (): (RouteSpec & { function: FunctionName })[] =>
  routes.filter((spec): spec is RouteSpec & { function: FunctionName } => spec.function !== 'site');

/** `/api/modules/{moduleId}` → `/api/modules/:moduleId` for Hono. */
export const honoPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

export function route(operationId: string): RouteSpec {
  const found = routes.find((spec) => spec.operationId === operationId);
  if (!found) throw new Error(`No route ${operationId} in the contract`);
  return found;
}
