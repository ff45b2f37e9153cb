import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { routes } from '../../functions/core/api/routes';
import { demoOrganisations, demoPeople } from '../../infra/local/demo-data';
import { answers, MODULE_ID } from '../support/banks';
import { authorizationMatrix, CALLERS, type Caller } from './authorization-matrix';

const stack = inject('stack');

/** A valid request for each route: the matrix tests who may make it, not what is in it. */
const requests: Record<string, () => { path: string; body?: unknown }> = {
  getOpenApiDocument: () => ({ path: '/api/openapi.json' }),
  getQuiz: () => ({ path: `/api/modules/${MODULE_ID}/questions` }),
  submitAttempt: () => ({ path: '/api/attempts', body: { attemptId: randomUUID(), moduleId: MODULE_ID, answers: answers() } }),
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
    const { path, body } = requests[operationId]();
    const headers: Record<string, string> = caller === 'anonymous' ? {} : { authorization: `Bearer ${stack.tokens[caller]}` };
    if (body) headers['content-type'] = 'application/json';
    // Through the local origin: the same routing CloudFront and API Gateway do.
    const response = await fetch(`${stack.webUrl}${path}`, { method: route.method.toUpperCase(), headers, body: body ? JSON.stringify(body) : undefined });
    expect(response.status).toBe(expected);
    if (response.status >= 400) expect(response.headers.get('content-type')).toBe('application/problem+json');
  });
});
