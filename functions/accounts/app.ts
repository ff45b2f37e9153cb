import { Hono } from 'hono/quick';
import { honoPath, route, type OperationId } from '../core/api/routes';
import { createOrganisationSchema, invitePersonSchema, orgIdParamsSchema } from '../core/api/requests';
import {
  createOrganisation,
  getMe,
  inviteSupervisor,
  inviteTrainee,
  listMembers,
  listTrainees,
  type AccountsDeps,
} from '../core/accounts/use-cases';
import type { VerifyToken } from '../core/auth/token-verifier';
import { requireAccess, type AuthEnv } from '../core/http/access';
import { maxBodySize } from '../core/http/body-size';
import { compressJson } from '../core/http/compress';
import { notFound, onError } from '../core/http/problem-details';
import { jsonBody, pathParams } from '../core/http/validate';

const MAX_BODY_BYTES = 4 * 1024;

export type AccountsAppDeps = AccountsDeps & { verifyToken: VerifyToken };

/** Accounts, organisations and invitations. */
export function createAccountsApp(deps: AccountsAppDeps) {
  const guard = (operationId: OperationId) => requireAccess(route(operationId), deps.verifyToken);
  const path = (operationId: OperationId) => honoPath(route(operationId).path);
  const body = maxBodySize(MAX_BODY_BYTES);

  return new Hono<AuthEnv>()
    .use(async (c, next) => {
      await next();
      c.header('cache-control', 'no-store');
    })
    .use(compressJson())
    .get(path('getMe'), guard('getMe'), async (c) => c.json(await getMe(deps, c.get('principal'))))
    .get(path('listTrainees'), guard('listTrainees'), async (c) => c.json({ people: await listTrainees(deps, c.get('principal')) }))
    .post(path('inviteTrainee'), guard('inviteTrainee'), body, ...jsonBody(invitePersonSchema), async (c) =>
      c.json(await inviteTrainee(deps, c.get('principal'), c.req.valid('json')), 201),
    )
    .get(path('listOrganisations'), guard('listOrganisations'), async (c) => c.json({ organisations: await deps.people.listOrganisations() }))
    .post(path('createOrganisation'), guard('createOrganisation'), body, ...jsonBody(createOrganisationSchema), async (c) =>
      c.json(await createOrganisation(deps, c.req.valid('json')), 201),
    )
    .post(path('inviteSupervisor'), guard('inviteSupervisor'), pathParams(orgIdParamsSchema), body, ...jsonBody(invitePersonSchema), async (c) =>
      c.json(await inviteSupervisor(deps, c.req.valid('param').orgId, c.req.valid('json')), 201),
    )
    .get(path('listMembers'), guard('listMembers'), pathParams(orgIdParamsSchema), async (c) =>
      c.json({ people: await listMembers(deps, c.get('principal'), c.req.valid('param').orgId) }),
    )
    .onError(onError)
    .notFound(notFound);
}
