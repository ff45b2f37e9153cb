import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { LOCAL_ADMIN_HEADER } from '../../../functions/core/identity/local-directory';
import { LOCAL_OUTBOX_EMAILS_PATH } from '../../../functions/core/mail/local-outbox-mailer';
import { ROLES, type Role } from '../../../functions/core/auth/principal';
import { LocalAccounts, MIN_PASSWORD_LENGTH } from './accounts';
import { acceptInvitationPage, outboxPage, signInPage, totpPage, type OutboxEmail } from './pages';
import { COGNITO_USER_SCOPE, createProvider, WEB_CLIENT_ID } from './provider';

export interface LocalIdentityProvider {
  issuer: string;
  clientId: string;
  accounts: LocalAccounts;
  /** The private signing key, so tests can mint tokens the provider would (expired ones, say). */
  signingKey: JWK;
  /** The public key set it publishes, as a deploy captures Cognito's for the functions (AUTH_JWKS). */
  publicJwks: { keys: JWK[] };
  adminSecret: string;
  /** Emails the platform sent (expiry reminders), newest first, as the outbox page lists them. */
  emails: OutboxEmail[];
  /** Called once if its server stops listening (an error on its socket) before stop() is called. */
  onUnexpectedExit: (listener: (description: string) => void) => void;
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

/** The longest email the outbox takes: far above a reminder's few kilobytes. */
const MAX_EMAIL_BYTES = 256 * 1024;

/**
 * The local stand-in for Cognito: an OpenID provider on its own origin, with a sign-in page,
 * invitation acceptance, an outbox of invitations and of the emails SES would send, and a small
 * admin API for the accounts function's LocalDirectory and the reminders' LocalOutboxMailer
 * (guarded by a per-run secret).
 */
export async function startIdentityProvider(options: {
  port: number;
  webOrigin: string;
  onInvitation?: (message: string) => void;
}): Promise<LocalIdentityProvider> {
  const issuer = `http://127.0.0.1:${options.port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: 'RS256', use: 'sig' };
  const { kty, n, e, kid, alg, use } = signingKey;
  const publicJwks = { keys: [{ kty, n, e, kid, alg, use }] };
  const accounts = new LocalAccounts();
  const adminSecret = randomUUID();
  const emails: OutboxEmail[] = [];
  const provider = createProvider({ issuer, webOrigin: options.webOrigin, accounts, signingKey });
  const oidc = provider.callback();
  /** Sign-ins whose password was right and that now need the authenticator code, by interaction. */
  const passwordChecked = new Map<string, string>();

  /**
   * The part of Cognito's user API the web app uses for two-factor set-up (GetUser,
   * AssociateSoftwareToken, VerifySoftwareToken, SetUserMFAPreference), with Cognito's JSON
   * protocol and error types, authorised by the access token, so the web app has one code path.
   */
  async function cognitoUserApi(req: IncomingMessage, res: ServerResponse) {
    const cors = {
      'access-control-allow-origin': options.webOrigin,
      'access-control-allow-headers': 'content-type, x-amz-target',
      'access-control-allow-methods': 'POST',
    };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors);
      return res.end();
    }
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { ...cors, 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify(body));
    };
    const fail = (type: string, message: string) => reply(400, { __type: type, message });
    const operation = String(req.headers['x-amz-target'] ?? '').replace('AWSCognitoIdentityProviderService.', '');
    const body: Record<string, unknown> = await readJson(req).catch(() => ({}));
    const token = typeof body.AccessToken === 'string' ? await provider.AccessToken.find(body.AccessToken) : undefined;
    if (!token || !token.scopes.has(COGNITO_USER_SCOPE)) return fail('NotAuthorizedException', 'Invalid access token');
    const account = accounts.bySub(token.accountId);
    if (!account) return fail('UserNotFoundException', 'User does not exist.');
    switch (operation) {
      case 'GetUser':
        return reply(200, {
          Username: account.email,
          UserAttributes: [
            { Name: 'sub', Value: account.sub },
            { Name: 'email', Value: account.email },
            { Name: 'name', Value: account.name },
          ],
          ...(account.totp?.enabled ? { PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA', UserMFASettingList: ['SOFTWARE_TOKEN_MFA'] } : {}),
        });
      case 'AssociateSoftwareToken':
        return reply(200, { SecretCode: accounts.startTotp(account.sub) });
      case 'VerifySoftwareToken':
        if (!accounts.checkTotp(account.sub, String(body.UserCode ?? '')))
          return fail('CodeMismatchException', 'Invalid code received for user');
        account.totp!.verified = true;
        return reply(200, { Status: 'SUCCESS' });
      case 'SetUserMFAPreference': {
        const settings = body.SoftwareTokenMfaSettings as { Enabled?: boolean } | undefined;
        if (settings?.Enabled && !account.totp?.verified)
          return fail('InvalidParameterException', 'User has not verified software token mfa');
        if (settings) account.totp = settings.Enabled ? { ...account.totp!, enabled: true } : undefined;
        return reply(200, {});
      }
      default:
        return fail('InvalidAction', `${operation} is not served by the local provider`);
    }
  }

  async function route(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', issuer);
    const [, first, second, third] = url.pathname.split('/');

    if (first === 'interaction' && second) {
      const details = await provider.interactionDetails(req, res);
      const action = `/interaction/${details.uid}/login`;
      const totpAction = `/interaction/${details.uid}/totp`;
      if (req.method === 'POST' && third === 'login') {
        const form = await readForm(req);
        const account = accounts.authenticate(form.get('email') ?? '', form.get('password') ?? '');
        if (!account)
          return html(res, 401, signInPage(action, 'That email and password do not match an account.', form.get('email') ?? ''));
        // Accounts with an authenticator need its code too, as Cognito's managed login asks.
        if (account.totp?.enabled) {
          passwordChecked.set(details.uid, account.sub);
          return html(res, 200, totpPage(totpAction));
        }
        return provider.interactionFinished(req, res, { login: { accountId: account.sub } }, { mergeWithLastSubmission: false });
      }
      if (req.method === 'POST' && third === 'totp') {
        const sub = passwordChecked.get(details.uid);
        if (!sub) return html(res, 400, signInPage(action, 'Start again with your email and password.'));
        const form = await readForm(req);
        if (!accounts.checkTotp(sub, form.get('code') ?? ''))
          return html(res, 401, totpPage(totpAction, 'That code is not right. Check the time on your device and try the current code.'));
        passwordChecked.delete(details.uid);
        return provider.interactionFinished(req, res, { login: { accountId: sub } }, { mergeWithLastSubmission: false });
      }
      return html(res, 200, signInPage(action));
    }

    if (url.pathname === '/' && (req.method === 'POST' || req.method === 'OPTIONS')) {
      return cognitoUserApi(req, res);
    }

    if (first === 'invite' && second) {
      const invitation = accounts.pendingInvitation(second);
      if (!invitation) return html(res, 404, signInPage('#', 'This invitation link has been used or does not exist.'));
      if (req.method === 'POST') {
        const form = await readForm(req);
        const password = form.get('password') ?? '';
        const problem =
          password.length < MIN_PASSWORD_LENGTH
            ? `Use at least ${MIN_PASSWORD_LENGTH} characters.`
            : password !== form.get('confirm')
              ? 'The two passwords differ.'
              : undefined;
        if (problem) return html(res, 400, acceptInvitationPage(url.pathname, invitation.name, MIN_PASSWORD_LENGTH, problem));
        accounts.acceptInvitation(second, password);
        res.writeHead(303, { location: `${options.webOrigin}/auth/sign-in` });
        return res.end();
      }
      return html(res, 200, acceptInvitationPage(url.pathname, invitation.name, MIN_PASSWORD_LENGTH));
    }

    if (first === 'outbox') {
      return html(
        res,
        200,
        outboxPage(
          accounts.invitations.map((invitation) => ({ to: invitation.email, ...invitation })),
          emails,
        ),
      );
    }

    // Where SES would send an email (LocalOutboxMailer): into the outbox page.
    if (url.pathname === LOCAL_OUTBOX_EMAILS_PATH && req.method === 'POST') {
      if (req.headers[LOCAL_ADMIN_HEADER] !== adminSecret) return json(res, 403, { error: 'forbidden' });
      if (Number(req.headers['content-length'] ?? 0) > MAX_EMAIL_BYTES) return json(res, 413, { error: 'too large' });
      const body = await readJson(req).catch(() => ({}));
      const { to, subject, text, html: htmlBody } = body as Partial<Omit<OutboxEmail, 'messageId' | 'sentAt'>>;
      if (
        typeof to?.email !== 'string' ||
        typeof to.name !== 'string' ||
        typeof subject !== 'string' ||
        typeof text !== 'string' ||
        typeof htmlBody !== 'string'
      )
        return json(res, 400, { error: 'to (name, email), subject, text and html are required' });
      const email: OutboxEmail = {
        messageId: randomUUID(),
        to: { name: to.name, email: to.email },
        subject,
        text,
        html: htmlBody,
        sentAt: new Date().toISOString(),
      };
      emails.unshift(email);
      return json(res, 201, { messageId: email.messageId });
    }

    if (first === 'admin' && second === 'users') {
      if (req.headers[LOCAL_ADMIN_HEADER] !== adminSecret) return json(res, 403, { error: 'forbidden' });
      if (req.method === 'POST' && !third) {
        const body = await readJson(req);
        const { email, name, role, orgId } = body as { email: string; name: string; role: Role; orgId: string };
        if (!email || !name || !ROLES.includes(role) || !orgId)
          return json(res, 400, { error: 'email, name, role and orgId are required' });
        if (accounts.has(email)) return json(res, 409, { error: 'exists' });
        return json(res, 201, { sub: accounts.create({ email, name, role, orgId }).sub });
      }
      if (req.method === 'POST' && third && url.pathname.endsWith('/invitation')) {
        const email = decodeURIComponent(third);
        if (!accounts.has(email)) return json(res, 404, { error: 'no such account' });
        const invitation = accounts.sendInvitation(email, issuer);
        if (!invitation) return json(res, 409, { error: 'active' });
        options.onInvitation?.(`✉ Invitation for ${invitation.name} <${invitation.email}> (${invitation.role}): ${invitation.url}`);
        return json(res, 201, { sent: true });
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

  let stopping = false;
  const exitListeners: ((description: string) => void)[] = [];
  const failed = (description: string) => {
    if (stopping) return;
    stopping = true;
    for (const listener of exitListeners) listener(description);
  };
  server.on('error', (error) => failed(`the local OpenID provider on port ${options.port} failed: ${error.message}`));
  server.on('close', () => failed(`the local OpenID provider on port ${options.port} stopped listening`));
  return {
    issuer,
    clientId: WEB_CLIENT_ID,
    accounts,
    signingKey,
    publicJwks,
    adminSecret,
    emails,
    onUnexpectedExit: (listener) => exitListeners.push(listener),
    stop: () => {
      stopping = true;
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
