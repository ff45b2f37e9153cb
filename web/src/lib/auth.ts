import * as oauth from 'oauth4webapi';
import { principalFromClaims } from '$core/auth/principal';
import type { WebConfig } from '../../../infra/site/web-config';
import { session } from './session.svelte';

const PENDING = 'cit.auth.pending';

let config: Promise<WebConfig> | undefined;
let server: Promise<oauth.AuthorizationServer> | undefined;

/** /config.json: Cognito's issuer and client in AWS, the local provider's locally. */
export function webConfig(): Promise<WebConfig> {
  config ??= fetch('/config.json').then((response) => {
    if (!response.ok) throw new Error('Sign-in is not configured for this site.');
    return response.json();
  });
  return config;
}

// Plain http is allowed only for the local provider on this machine.
const transport = (issuer: string) =>
  /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(new URL(issuer).origin) ? { [oauth.allowInsecureRequests]: true } : {};

/** OpenID discovery, the same code path for Cognito and the local provider. */
async function authorizationServer(): Promise<{ as: oauth.AuthorizationServer; client: oauth.Client; config: WebConfig }> {
  const settings = await webConfig();
  const issuer = new URL(settings.issuer);
  server ??= oauth
    .discoveryRequest(issuer, transport(settings.issuer))
    .then((response) => oauth.processDiscoveryResponse(issuer, response));
  return { as: await server, client: { client_id: settings.clientId }, config: settings };
}

const redirectUri = () => `${location.origin}/auth/callback`;

/** Authorization code flow with PKCE: off to the provider's sign-in page. */
export async function signIn(returnTo = `${location.pathname}${location.search}`) {
  const { as, client } = await authorizationServer();
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const nonce = oauth.generateRandomNonce();
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, nonce, returnTo }));
  const url = new URL(as.authorization_endpoint!);
  url.search = new URLSearchParams({
    client_id: client.client_id,
    redirect_uri: redirectUri(),
    response_type: 'code',
    scope: 'openid email profile aws.cognito.signin.user.admin',
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  }).toString();
  location.assign(url.href);
}

/** Back from the provider: exchange the code for tokens, start the session, say where to go. */
export async function completeSignIn(callbackUrl: URL): Promise<string> {
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null') as {
    verifier: string;
    state: string;
    nonce: string;
    returnTo: string;
  } | null;
  if (!pending) throw new Error('This sign-in link has expired. Please sign in again.');
  sessionStorage.removeItem(PENDING);
  const { as, client, config: settings } = await authorizationServer();
  const params = oauth.validateAuthResponse(as, client, callbackUrl, pending.state);
  const response = await oauth.authorizationCodeGrantRequest(
    as,
    client,
    oauth.None(),
    params,
    redirectUri(),
    pending.verifier,
    transport(settings.issuer),
  );
  const result = await oauth.processAuthorizationCodeResponse(as, client, response, { expectedNonce: pending.nonce, requireIdToken: true });
  const claims = oauth.getValidatedIdTokenClaims(result)!;
  // The same mapping from claims to a principal as the API's (functions/core/auth/principal.ts).
  session.start(result.id_token!, result.access_token, claims.exp * 1000, principalFromClaims(claims));
  // Only same-site paths: a crafted returnTo must not send the user elsewhere.
  return pending.returnTo.startsWith('/') && !pending.returnTo.startsWith('//') ? pending.returnTo : '/';
}

/** Ends the session here and at the provider (OpenID end-session, or Cognito's /logout). */
export async function signOut() {
  const idToken = session.token;
  session.clear();
  const { as, client, config: settings } = await authorizationServer();
  const home = `${location.origin}/`;
  if (as.end_session_endpoint) {
    const url = new URL(as.end_session_endpoint);
    url.search = new URLSearchParams({
      client_id: client.client_id,
      post_logout_redirect_uri: home,
      ...(idToken ? { id_token_hint: idToken } : {}),
    }).toString();
    location.assign(url.href);
  } else if (settings.logoutUrl) {
    location.assign(`${settings.logoutUrl}?${new URLSearchParams({ client_id: client.client_id, logout_uri: home })}`);
  } else {
    location.assign(home);
  }
}
