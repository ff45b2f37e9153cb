import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { LOCAL_ADMIN_HEADER } from '../../../functions/core/identity/local-directory';
import { ROLES, type Role } from '../../../functions/core/auth/principal';
import { LocalAccounts, MIN_PASSWORD_LENGTH } from './accounts';
import { acceptInvitationPage, outboxPage, signInPage } from './pages';
import { createProvider, WEB_CLIENT_ID } from './provider';

export interface LocalIdentityProvider {
  issuer: string;
  clientId: string;
  accounts: LocalAccounts;
  /** The private signing key, so tests can mint tokens the provider would (expired ones, say). */
  signingKey: JWK;
  adminSecret: string;
  stop: () => Promise<void>;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 16_384) break;
  }
  return new URLSearchParams(body);
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  let body = '';
  for await (const chunk of req) body += chunk;
  return JSON.parse(body || '{}');
}

const html = (res: ServerResponse, status: number, body: string) => {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'x-frame-options': 'DENY' });
  res.end(body);
};
const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

/**
 * The local stand-in for Cognito: an OpenID provider on its own origin, with a sign-in page,
 * invitation acceptance, an outbox of invitations, and a small admin API for the accounts
 * function's LocalDirectory (guarded by a per-run secret).
 */
export async function startIdentityProvider(options: {
  port: number;
  webOrigin: string;
  onInvitation?: (message: string) => void;
}): Promise<LocalIdentityProvider> {
  const issuer = `http://127.0.0.1:${options.port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: 'RS256', use: 'sig' };
  const accounts = new LocalAccounts();
  const adminSecret = randomUUID();
  const provider = createProvider({ issuer, webOrigin: options.webOrigin, accounts, signingKey });
  const oidc = provider.callback();

  async function route(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', issuer);
    const [, first, second, third] = url.pathname.split('/');

    if (first === 'interaction' && second) {
      const details = await provider.interactionDetails(req, res);
      const action = `/interaction/${details.uid}/login`;
      if (req.method === 'POST' && third === 'login') {
        const form = await readForm(req);
        const account = accounts.authenticate(form.get('email') ?? '', form.get('password') ?? '');
        if (!account) return html(res, 401, signInPage(action, 'That email and password do not match an account.', form.get('email') ?? ''));
        return provider.interactionFinished(req, res, { login: { accountId: account.sub } }, { mergeWithLastSubmission: false });
      }
      return html(res, 200, signInPage(action));
    }

    if (first === 'invite' && second) {
      const invitation = accounts.pendingInvitation(second);
      if (!invitation) return html(res, 404, signInPage('#', 'This invitation link has been used or does not exist.'));
      if (req.method === 'POST') {
        const form = await readForm(req);
        const password = form.get('password') ?? '';
        const problem =
          password.length < MIN_PASSWORD_LENGTH ? `Use at least ${MIN_PASSWORD_LENGTH} characters.` : password !== form.get('confirm') ? 'The two passwords differ.' : undefined;
        if (problem) return html(res, 400, acceptInvitationPage(url.pathname, invitation.name, MIN_PASSWORD_LENGTH, problem));
        accounts.acceptInvitation(second, password);
        res.writeHead(303, { location: `${options.webOrigin}/auth/sign-in` });
        return res.end();
      }
      return html(res, 200, acceptInvitationPage(url.pathname, invitation.name, MIN_PASSWORD_LENGTH));
    }

    if (first === 'outbox') {
      return html(res, 200, outboxPage(accounts.invitations.map((invitation) => ({ to: invitation.email, ...invitation }))));
    }

    if (first === 'admin' && second === 'users') {
      if (req.headers[LOCAL_ADMIN_HEADER] !== adminSecret) return json(res, 403, { error: 'forbidden' });
      if (req.method === 'POST') {
        const body = await readJson(req);
        const { email, name, role, orgId } = body as { email: string; name: string; role: Role; orgId: string };
        if (!email || !name || !ROLES.includes(role) || !orgId) return json(res, 400, { error: 'email, name, role and orgId are required' });
        if (accounts.has(email)) return json(res, 409, { error: 'exists' });
        const { account, invitation } = accounts.invite({ email, name, role, orgId }, issuer);
        options.onInvitation?.(`✉ Invitation for ${account.name} <${account.email}> (${role}): ${invitation.url}`);
        return json(res, 201, { sub: account.sub });
      }
      if (req.method === 'DELETE' && third) {
        accounts.remove(decodeURIComponent(third));
        res.writeHead(204);
        return res.end();
      }
    }
    return oidc(req, res);
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: Error) => {
      if (!res.headersSent) html(res, 400, signInPage('#', `Sign-in could not continue: ${error.message}`));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', resolve);
  });

  return {
    issuer,
    clientId: WEB_CLIENT_ID,
    accounts,
    signingKey,
    adminSecret,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
