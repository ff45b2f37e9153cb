import * as oauth from 'oauth4webapi';

/** Minimal cookie jar for following the provider's redirects. */
class Cookies {
  private readonly jar = new Map<string, string>();
  store(response: Response) {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...value] = pair.split('=');
      this.jar.set(name.trim(), value.join('='));
    }
  }
  header() {
    return [...this.jar].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/**
 * Signs in through the local OpenID provider's real login page with the authorization code flow
 * and PKCE, exactly as the browser does, and returns the ID token the web app would send.
 */
export async function signIn(issuer: string, clientId: string, redirectUri: string, email: string, password: string): Promise<string> {
  const insecure = { [oauth.allowInsecureRequests]: true };
  const server = await oauth.processDiscoveryResponse(new URL(issuer), await oauth.discoveryRequest(new URL(issuer), insecure));
  const client: oauth.Client = { client_id: clientId };
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const nonce = oauth.generateRandomNonce();
  const authorize = new URL(server.authorization_endpoint!);
  authorize.search = new URLSearchParams({
    client_id: clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'openid email profile',
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  }).toString();

  const cookies = new Cookies();
  const go = async (url: string, init: RequestInit = {}) => {
    const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...init.headers, cookie: cookies.header() } });
    cookies.store(response);
    return response;
  };

  let response = await go(authorize.href);
  const loginPage = new URL(response.headers.get('location')!, issuer);
  response = await go(`${loginPage.href}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password }).toString(),
  });
  if (response.status !== 303) throw new Error(`sign-in as ${email} failed: ${response.status}`);
  let location = new URL(response.headers.get('location')!, issuer);
  while (!location.href.startsWith(redirectUri)) {
    response = await go(location.href);
    location = new URL(response.headers.get('location')!, issuer);
  }

  const params = oauth.validateAuthResponse(server, client, location, state);
  const tokenResponse = await oauth.authorizationCodeGrantRequest(server, client, oauth.None(), params, redirectUri, verifier, insecure);
  const result = await oauth.processAuthorizationCodeResponse(server, client, tokenResponse, {
    expectedNonce: nonce,
    requireIdToken: true,
  });
  return result.id_token!;
}
