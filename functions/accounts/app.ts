import { Hono } from 'hono/tiny';
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
import { sendJson } from '../core/http/compress';
import { noStore } from '../core/http/no-store';
import { notFound, onError } from '../core/http/problem-details';
import { idempotencyKeyOf } from '../core/http/idempotency-key';
import { jsonBody, pathParams } from '../core/http/validate';

const MAX_BODY_BYTES = 4 * 1024;

export type AccountsAppDeps = AccountsDeps & { verifyToken: VerifyToken };

/** Accounts, organisations and invitations. */
export function createAccountsApp(deps: AccountsAppDeps) {
  const guard = (operationId: OperationId) => requireAccess(route(operationId), deps.verifyToken);
  const path = (operationId: OperationId) => honoPath(route(operationId).path);
  const body = maxBodySize(MAX_BODY_BYTES);

  return new Hono<AuthEnv>()
    .use(noStore)
    .get(path('getMe'), guard('getMe'), async (c) => sendJson(c, await getMe(deps, c.get('principal'))))
    .get(path('listTrainees'), guard('listTrainees'), async (c) => sendJson(c, { people: await listTrainees(deps, c.get('principal')) }))
    .post(path('inviteTrainee'), guard('inviteTrainee'), body, ...jsonBody(invitePersonSchema), async (c) => {
      const invitation = await inviteTrainee(deps, c.get('principal'), c.req.valid('json'));
      return sendJson(c, invitation, invitation.resent ? 200 : 201);
    })
    .get(path('listOrganisations'), guard('listOrganisations'), async (c) => sendJson(c, { organisations: await deps.people.listOrganisations() }))
    .post(path('createOrganisation'), guard('createOrganisation'), body, ...jsonBody(createOrganisationSchema), async (c) => {
      const { replayed, organisation } = await createOrganisation(deps, c.get('principal'), c.req.valid('json'), idempotencyKeyOf(c));
      if (replayed) c.header('idempotent-replayed', 'true');
      return sendJson(c, organisation, 201);
    })
    .post(path('inviteSupervisor'), guard('inviteSupervisor'), pathParams(orgIdParamsSchema), body, ...jsonBody(invitePersonSchema), async (c) => {
      const invitation = await inviteSupervisor(deps, c.get('principal'), c.req.valid('param').orgId, c.req.valid('json'));
      return sendJson(c, invitation, invitation.resent ? 200 : 201);
    })
    .get(path('listMembers'), guard('listMembers'), pathParams(orgIdParamsSchema), async (c) =>
      sendJson(c, { people: await listMembers(deps, c.get('principal'), c.req.valid('param').orgId) }),
    )
    .onError(onError)
    .notFound(notFound);
}
