import { Hono } from 'hono/tiny';
import {
  createOrganisation,
  inviteSupervisor,
  inviteTrainee,
  listMembers,
  listOrganisations,
  listTrainees,
  whoAmI,
  type AccountsDeps,
} from '../core/accounts/use-cases';
import { invitationView, meView, peopleView } from '../core/api/views/accounts';
import type { VerifyToken } from '../core/auth/token-verifier';
import type { AuthEnv } from '../core/http/access';
import { sendJson } from '../core/http/compress';
import { mount } from '../core/http/mount';
import { noStore } from '../core/http/no-store';
import { notFound, onError } from '../core/http/problem-details';

export type AccountsAppDeps = AccountsDeps & { verifyToken: VerifyToken };

/** Accounts, organisations and invitations. */
export function createAccountsApp(deps: AccountsAppDeps) {
  const app = new Hono<AuthEnv>().use(noStore);
  mount(app, 'getMe', deps.verifyToken, async ({ principal, c }) => sendJson(c, meView(await whoAmI(deps, principal))));
  mount(app, 'listTrainees', deps.verifyToken, async ({ principal, c }) => sendJson(c, peopleView(await listTrainees(deps, principal))));
  mount(app, 'inviteTrainee', deps.verifyToken, async ({ principal, body, c }) => {
    const invitation = await inviteTrainee(deps, principal, body);
    return sendJson(c, invitationView(invitation), invitation.resent ? 200 : 201);
  });
  mount(app, 'listOrganisations', deps.verifyToken, async ({ c }) => sendJson(c, { organisations: await listOrganisations(deps) }));
  mount(app, 'createOrganisation', deps.verifyToken, async ({ principal, body, idempotencyKey, c }) => {
    const { replayed, organisation } = await createOrganisation(deps, principal, body, idempotencyKey);
    // A retry under the same key is answered as the first request was (IETF idempotency draft).
    if (replayed) c.header('idempotent-replayed', 'true');
    return sendJson(c, organisation, 201);
  });
  mount(app, 'inviteSupervisor', deps.verifyToken, async ({ principal, params, body, c }) => {
    const invitation = await inviteSupervisor(deps, principal, params.orgId, body);
    return sendJson(c, invitationView(invitation), invitation.resent ? 200 : 201);
  });
  mount(app, 'listMembers', deps.verifyToken, async ({ principal, params, c }) =>
    sendJson(c, peopleView(await listMembers(deps, principal, params.orgId))),
  );
  return app.onError(onError).notFound(notFound);
}
