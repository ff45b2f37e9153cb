import type * as z from 'zod/mini';
import type { Role } from '../auth/principal';
import {
  acknowledgeFeedbackSchema,
  attemptIdParamsSchema,
  certificateCodeParamsSchema,
  createOrganisationSchema,
  invitePersonSchema,
  issueCertificateSchema,
  moduleIdParamsSchema,
  orgIdParamsSchema,
  procedureIdParamsSchema,
  recordObservedProcedureSchema,
  reinstateCertificateSchema,
  renewCertificateSchema,
  revokeCertificateSchema,
  suspendCertificateSchema,
  submitAnswersSchema,
  traineeIdParamsSchema,
} from './requests';

/**
 * The API contract in one place: every route, the Lambda that serves it, who may call it, and the
 * schemas of what it accepts. The OpenAPI document, the API Gateway routes and authorizers, the
 * local origin and the authorization-matrix test are all generated from this list. What each
 * operation answers is documented in ./route-docs.ts, which only the OpenAPI build reads, so the
 * functions do not carry those texts in their bundles.
 */
export type FunctionName = 'quiz' | 'accounts' | 'certification' | 'verification';
/** `site`: a static file in the site bucket, served by CloudFront (and the local origin) without a Lambda. */
export type Server = FunctionName | 'site';

/**
 * `public`: anyone. `signed-in`: any valid token. A list of roles: a valid token with one of them.
 * Object-level rules (whose trainee, which organisation) are checked again in the use case.
 */
export type Access = 'public' | 'signed-in' | readonly Role[];

export interface RouteSpec<Id extends string = string> {
  operationId: Id;
  method: 'get' | 'post';
  /** OpenAPI / API Gateway style: `/api/modules/{moduleId}/questions`. */
  path: string;
  function: Server;
  access: Access;
  params?: z.ZodMiniType;
  body?: z.ZodMiniType;
  /** The largest body it takes, in bytes (the default is 4 KB). */
  maxBodyBytes?: number;
  /** It takes an Idempotency-Key header: a retry under the same key makes nothing twice. */
  idempotent?: true;
}

const routeTable = [
  {
    operationId: 'getOpenApiDocument',
    method: 'get',
    path: '/api/openapi.json',
    function: 'site',
    access: 'public',
  },
  {
    operationId: 'issueAttempt',
    method: 'post',
    path: '/api/modules/{moduleId}/attempts',
    function: 'quiz',
    access: ['trainee'],
    params: moduleIdParamsSchema,
  },
  {
    operationId: 'submitAnswers',
    method: 'post',
    path: '/api/attempts/{attemptId}/submission',
    function: 'quiz',
    access: ['trainee'],
    params: attemptIdParamsSchema,
    body: submitAnswersSchema,
    // A full 100-answer submission is about 6 KB; anything far beyond that is not a quiz.
    maxBodyBytes: 32 * 1024,
  },
  {
    operationId: 'getAttempt',
    method: 'get',
    path: '/api/attempts/{attemptId}',
    function: 'quiz',
    access: ['trainee', 'supervisor', 'clinic-admin', 'platform-admin'],
    params: attemptIdParamsSchema,
  },
  {
    operationId: 'getMyProgress',
    method: 'get',
    path: '/api/me/progress',
    function: 'quiz',
    access: ['trainee'],
  },
  {
    operationId: 'listMyAttempts',
    method: 'get',
    path: '/api/me/attempts',
    function: 'quiz',
    access: ['trainee'],
  },
  {
    operationId: 'listTraineeAttempts',
    method: 'get',
    path: '/api/trainees/{traineeId}/attempts',
    function: 'quiz',
    access: ['trainee', 'supervisor', 'clinic-admin', 'platform-admin'],
    params: traineeIdParamsSchema,
  },
  {
    operationId: 'getMe',
    method: 'get',
    path: '/api/me',
    function: 'accounts',
    access: 'signed-in',
  },
  {
    operationId: 'listTrainees',
    method: 'get',
    path: '/api/trainees',
    function: 'accounts',
    access: ['supervisor', 'clinic-admin', 'platform-admin'],
  },
  {
    operationId: 'inviteTrainee',
    method: 'post',
    path: '/api/invitations',
    function: 'accounts',
    access: ['supervisor'],
    body: invitePersonSchema,
  },
  {
    operationId: 'listOrganisations',
    method: 'get',
    path: '/api/organisations',
    function: 'accounts',
    access: ['platform-admin'],
  },
  {
    operationId: 'createOrganisation',
    method: 'post',
    path: '/api/organisations',
    function: 'accounts',
    access: ['platform-admin'],
    body: createOrganisationSchema,
    idempotent: true,
  },
  {
    operationId: 'inviteSupervisor',
    method: 'post',
    path: '/api/organisations/{orgId}/supervisors',
    function: 'accounts',
    access: ['platform-admin'],
    params: orgIdParamsSchema,
    body: invitePersonSchema,
  },
  {
    operationId: 'listMembers',
    method: 'get',
    path: '/api/organisations/{orgId}/members',
    function: 'accounts',
    access: ['supervisor', 'clinic-admin', 'platform-admin'],
    params: orgIdParamsSchema,
  },
  {
    operationId: 'getCertification',
    method: 'get',
    path: '/api/trainees/{traineeId}/certification',
    function: 'certification',
    access: ['trainee', 'supervisor', 'clinic-admin', 'platform-admin'],
    params: traineeIdParamsSchema,
  },
  {
    operationId: 'recordObservedProcedure',
    method: 'post',
    path: '/api/trainees/{traineeId}/observed-procedures',
    function: 'certification',
    access: ['supervisor'],
    params: traineeIdParamsSchema,
    body: recordObservedProcedureSchema,
    // An observed procedure with the longest texts allowed, each character 3 bytes in UTF-8, is about 7 KB.
    maxBodyBytes: 12 * 1024,
    idempotent: true,
  },
  {
    operationId: 'acknowledgeFeedback',
    method: 'post',
    path: '/api/me/observed-procedures/{procedureId}/acknowledgement',
    function: 'certification',
    access: ['trainee'],
    params: procedureIdParamsSchema,
    body: acknowledgeFeedbackSchema,
  },
  {
    operationId: 'issueCertificate',
    method: 'post',
    path: '/api/trainees/{traineeId}/certificate',
    function: 'certification',
    // A platform admin only after a revocation by one, or for false evidence (issuerOfNext).
    access: ['supervisor', 'platform-admin'],
    params: traineeIdParamsSchema,
    body: issueCertificateSchema,
  },
  {
    operationId: 'renewCertificate',
    method: 'post',
    path: '/api/trainees/{traineeId}/certificate/renewal',
    function: 'certification',
    access: ['supervisor'],
    params: traineeIdParamsSchema,
    body: renewCertificateSchema,
  },
  {
    operationId: 'suspendCertificate',
    method: 'post',
    path: '/api/trainees/{traineeId}/certificate/suspension',
    function: 'certification',
    access: ['supervisor', 'platform-admin'],
    params: traineeIdParamsSchema,
    body: suspendCertificateSchema,
  },
  {
    operationId: 'reinstateCertificate',
    method: 'post',
    path: '/api/trainees/{traineeId}/certificate/reinstatement',
    function: 'certification',
    access: ['supervisor', 'platform-admin'],
    params: traineeIdParamsSchema,
    body: reinstateCertificateSchema,
  },
  {
    operationId: 'revokeCertificate',
    method: 'post',
    path: '/api/trainees/{traineeId}/certificate/revocation',
    function: 'certification',
    access: ['supervisor', 'platform-admin'],
    params: traineeIdParamsSchema,
    body: revokeCertificateSchema,
  },
  {
    operationId: 'getRoster',
    method: 'get',
    path: '/api/organisations/{orgId}/roster',
    function: 'certification',
    access: ['supervisor', 'clinic-admin', 'platform-admin'],
    params: orgIdParamsSchema,
  },
  {
    operationId: 'verifyCertificate',
    method: 'get',
    path: '/api/certificates/{code}',
    function: 'verification',
    access: 'public',
    params: certificateCodeParamsSchema,
  },
] as const satisfies readonly RouteSpec[];

export type RouteTable = typeof routeTable;
export type OperationId = RouteTable[number]['operationId'];
export type Route = RouteSpec<OperationId>;
export const routes: readonly Route[] = routeTable;

/** Routes a Lambda function serves (everything but static files). */
export const functionRoutes = (): (Route & { function: FunctionName })[] =>
  routes.filter((spec): spec is Route & { function: FunctionName } => spec.function !== 'site');

/** `/api/modules/{moduleId}` → `/api/modules/:moduleId` for Hono. */
export const honoPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

export function route(operationId: OperationId): Route {
  const found = routes.find((spec) => spec.operationId === operationId);
  if (!found) throw new Error(`No route ${operationId} in the contract`);
  return found;
}
