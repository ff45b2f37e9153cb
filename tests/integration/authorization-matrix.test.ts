import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { IssuedAttempt, ObservedProcedure } from '../../functions/core/api/schemas';
import { routes } from '../../functions/core/api/routes';
import { demoOrganisations, demoPeople } from '../../infra/local/demo-data';
import { submissionFor } from '../support/banks';
import { certifiedTrainee, ISSUE_BODY, satisfactoryProcedure } from '../support/certification';
import { authorizationMatrix, CALLERS, type Caller } from './authorization-matrix';

const stack = inject('stack');

const as = (caller: Caller): Record<string, string> => (caller === 'anonymous' ? {} : { authorization: `Bearer ${stack.tokens[caller]}` });
async function post<T>(caller: Caller, path: string, body: unknown = {}): Promise<T> {
  const response = await fetch(`${stack.webUrl}${path}`, {
    method: 'POST',
    headers: { ...as(caller), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as T;
}

// Each demo trainee gets an open attempt to submit to, and traineeA a submitted one to review.
// The matrix issues attempts at "indications"; these use other modules so nothing collides.
const open: Partial<Record<Caller, IssuedAttempt>> = {};
let reviewed: IssuedAttempt;
// Certificates of supervisorA's trainees: one for supervisorA to suspend, reinstate and revoke, one for the platform admin.
const certified: { sub: string; code: string }[] = [];
// A procedure of traineeA's, for them to acknowledge.
let procedure: ObservedProcedure;
beforeAll(async () => {
  for (const name of ['Matrix Certified One', 'Matrix Certified Two']) {
    const trainee = await certifiedTrainee(stack, name);
    certified.push({ sub: trainee.sub, code: trainee.certificate.code });
  }
  for (const trainee of ['traineeA', 'traineeB'] as const)
    open[trainee] = await post<IssuedAttempt>(trainee, '/api/modules/technique/attempts');
  reviewed = await post<IssuedAttempt>('traineeA', '/api/modules/complications/attempts');
  procedure = await post<ObservedProcedure>(
    'supervisorA',
    `/api/trainees/${demoPeople.traineeA.sub}/observed-procedures`,
    satisfactoryProcedure(),
  );
  await post('traineeA', `/api/attempts/${reviewed.attemptId}/submission`, submissionFor(reviewed));
});

/** A valid request for each route: the matrix tests who may make it, not what is in it. */
const requests: Record<string, (caller: Caller) => { path: string; body?: unknown }> = {
  getOpenApiDocument: () => ({ path: '/api/openapi.json' }),
  issueAttempt: () => ({ path: '/api/modules/indications/attempts', body: {} }),
  submitAnswers: (caller) => {
    const attempt = open[caller] ?? open.traineeA!;
    return { path: `/api/attempts/${attempt.attemptId}/submission`, body: submissionFor(attempt) };
  },
  getAttempt: () => ({ path: `/api/attempts/${reviewed.attemptId}` }),
  getMyProgress: () => ({ path: '/api/me/progress' }),
  listMyAttempts: () => ({ path: '/api/me/attempts' }),
  listTraineeAttempts: () => ({ path: `/api/trainees/${demoPeople.traineeA.sub}/attempts` }),
  getMe: () => ({ path: '/api/me' }),
  listTrainees: () => ({ path: '/api/trainees' }),
  inviteTrainee: () => ({ path: '/api/invitations', body: { name: 'Matrix Invitee', email: `matrix-${randomUUID()}@example.test` } }),
  listOrganisations: () => ({ path: '/api/organisations' }),
  createOrganisation: () => ({ path: '/api/organisations', body: { name: `Matrix Clinic ${randomUUID().slice(0, 8)}`, kind: 'clinic' } }),
  inviteSupervisor: () => ({
    path: `/api/organisations/${demoOrganisations.harbour.orgId}/supervisors`,
    body: { name: 'Matrix Supervisor', email: `matrix-${randomUUID()}@example.test` },
  }),
  listMembers: () => ({ path: `/api/organisations/${demoOrganisations.harbour.orgId}/members` }),
  getCertification: () => ({ path: `/api/trainees/${demoPeople.traineeA.sub}/certification` }),
  recordObservedProcedure: () => ({
    path: `/api/trainees/${demoPeople.traineeA.sub}/observed-procedures`,
    body: satisfactoryProcedure(),
  }),
  acknowledgeFeedback: () => ({ path: `/api/me/observed-procedures/${procedure.procedureId}/acknowledgement`, body: {} }),
  issueCertificate: () => ({ path: `/api/trainees/${demoPeople.traineeA.sub}/certificate`, body: ISSUE_BODY }),
  renewCertificate: () => ({ path: `/api/trainees/${certified[0].sub}/certificate/renewal`, body: {} }),
  suspendCertificate: (caller) => ({
    path: `/api/trainees/${certified[caller === 'platformAdmin' ? 1 : 0].sub}/certificate/suspension`,
    body: { category: 'practice-concern', note: 'Authorization matrix suspension.' },
  }),
  reinstateCertificate: (caller) => ({
    path: `/api/trainees/${certified[caller === 'platformAdmin' ? 1 : 0].sub}/certificate/reinstatement`,
    body: { note: 'Authorization matrix reinstatement.' },
  }),
  revokeCertificate: (caller) => ({
    path: `/api/trainees/${certified[caller === 'platformAdmin' ? 1 : 0].sub}/certificate/revocation`,
    body: { category: 'issued-in-error', note: 'Authorization matrix revocation.' },
  }),
  getRoster: () => ({ path: `/api/organisations/${demoOrganisations.harbour.orgId}/roster` }),
  verifyCertificate: () => ({ path: `/api/certificates/${certified[0].code}` }),
};

describe('authorization matrix', () => {
  it('covers every route of the contract, and only those', () => {
    const operations = routes.map((route) => route.operationId).sort();
    expect(Object.keys(authorizationMatrix).sort()).toEqual(operations);
    expect(Object.keys(requests).sort()).toEqual(operations);
  });

  const cases = routes.flatMap((route) =>
    CALLERS.map((caller) => [route.operationId, caller, authorizationMatrix[route.operationId]?.[caller]] as const),
  );

  it.each(cases)('%s as %s → %s', async (operationId, caller: Caller, expected) => {
    const route = routes.find((spec) => spec.operationId === operationId)!;
    const { path, body } = requests[operationId](caller);
    const headers: Record<string, string> = { ...as(caller) };
    if (body) headers['content-type'] = 'application/json';
    // Through the local origin: the same routing CloudFront and API Gateway do.
    const response = await fetch(`${stack.webUrl}${path}`, {
      method: route.method.toUpperCase(),
      headers,
      body: body ? JSON.stringify(body) : undefined,
    });
    expect(response.status).toBe(expected);
    if (response.status >= 400) expect(response.headers.get('content-type')).toBe('application/problem+json');
  });
});
