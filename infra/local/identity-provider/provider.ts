import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { randomBytes } from 'node:crypto';
import type { JWK } from 'jose';
import { CLAIMS } from '../../../functions/core/auth/principal';
import { escapeHtml, page } from './pages';
import type { LocalAccounts } from './accounts';

export const WEB_CLIENT_ID = 'cit-web';
export const COGNITO_USER_SCOPE = 'aws.cognito.signin.user.admin';

export interface ProviderOptions {
  issuer: string;
  /** The web app's origin: its /auth/callback is the only redirect URI. */
  webOrigin: string;
  accounts: LocalAccounts;
  signingKey: JWK;
}

/**
 * A standards-compliant OpenID provider (panva/oidc-provider) configured like the Cognito pool:
 * one public web client using the authorization code flow with PKCE, ID tokens carrying `sub`,
 * `email`, `name`, `cognito:groups` and `custom:org`, and keys at /.well-known/jwks.json.
 */
export function createProvider({ issuer, webOrigin, accounts, signingKey }: ProviderOptions): Provider {
  const configuration: Configuration = {
    clients: [
      {
        client_id: WEB_CLIENT_ID,
        token_endpoint_auth_method: 'none',
        application_type: 'web',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: [`${webOrigin}/auth/callback`],
        post_logout_redirect_uris: [`${webOrigin}/`],
      },
    ],
    pkce: { required: () => true },
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    routes: { jwks: '/.well-known/jwks.json' },
    claims: {
      openid: ['sub', CLAIMS.groups, CLAIMS.org],
      email: ['email', 'email_verified'],
      profile: ['name'],
    },
    // Cognito puts profile claims in the ID token itself; so must we.
    conformIdTokenClaims: false,
    // aws.cognito.signin.user.admin: as in Cognito, the access token may call the user API (two-factor set-up).
    scopes: ['openid', 'email', 'profile', COGNITO_USER_SCOPE],
    ttl: { IdToken: 3600, AccessToken: 3600, Interaction: 600, Session: 8 * 3600, Grant: 8 * 3600 },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx: KoaContextWithOIDC, form: string) {
          ctx.body = page(
            'Sign out',
            `<h1>Signing you out…</h1>${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">Sign out</button>
<script>
  const logoutForm = document.getElementById('op.logoutForm');
  logoutForm.insertAdjacentHTML('beforeend', '<input type="hidden" name="logout" value="yes">');
  logoutForm.submit();
</script>`,
          );
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    clientBasedCORS: (_ctx, origin) => origin === webOrigin,
    async findAccount(_ctx, sub) {
      const account = accounts.bySub(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        async claims() {
          return {
            sub,
            email: account.email,
            email_verified: true,
            name: account.name,
            [CLAIMS.groups]: [account.role],
            ...(account.orgId ? { [CLAIMS.org]: account.orgId } : {}),
          };
        },
      };
    },
    // First-party app: sign-in implies consent, as with Cognito's managed login.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope(`openid email profile ${COGNITO_USER_SCOPE}`);
      await grant.save();
      return grant;
    },
    async renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = page(
        'Sign-in error',
        `<h1>Sign-in could not continue</h1><p class="error">${escapeHtml(String(out.error_description ?? out.error))}</p>` +
          `<p><a href="${escapeHtml(webOrigin)}/">Back to CIT Academy</a></p>`,
      );
    },
  };
  const provider = new Provider(issuer, configuration);
  // Served over http on 127.0.0.1 only; oidc-provider would otherwise insist on https cookies.
  provider.proxy = true;
  return provider;
}
