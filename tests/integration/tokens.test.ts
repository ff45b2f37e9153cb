import { generateKeyPair, importJWK, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { describe, expect, inject, it } from 'vitest';
import { demoPeople } from '../../infra/local/demo-data';

const stack = inject('stack');
const me = (token?: string) => fetch(`${stack.webUrl}/api/me`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

async function mint(claims: JWTPayload, options: { key?: CryptoKey; kid?: string; expiresIn?: string | number } = {}) {
  const key = options.key ?? ((await importJWK(stack.signingKey, 'RS256')) as CryptoKey);
  const person = demoPeople.traineeA;
  return new SignJWT({ email: person.email, name: person.name, 'cognito:groups': ['trainee'], ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? stack.signingKey.kid })
    .setSubject(person.sub)
    .setIssuer(typeof claims.iss === 'string' ? claims.iss : stack.issuer)
    .setAudience(claims.aud ?? stack.clientId)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '5m')
    .sign(key);
}

async function expectUnauthenticated(response: Response) {
  expect(response.status).toBe(401);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  expect(response.headers.get('www-authenticate')).toBe('Bearer');
  return (await response.json()) as { detail: string };
}

describe('ID token verification (JWKS from the issuer)', () => {
  it('accepts a token the provider signed', async () => {
    expect((await me(await mint({}))).status).toBe(200);
  });

  it('rejects a missing token', async () => {
    await expectUnauthenticated(await me());
  });

  it('rejects a malformed Authorization header', async () => {
    await expectUnauthenticated(await fetch(`${stack.webUrl}/api/me`, { headers: { authorization: 'Basic dXNlcjpwYXNz' } }));
  });

  it('rejects an expired token and says so', async () => {
    const expired = await mint({ iat: Math.floor(Date.now() / 1000) - 7200 }, { expiresIn: Math.floor(Date.now() / 1000) - 3600 });
    expect((await expectUnauthenticated(await me(expired))).detail).toMatch(/expired/);
  });

  it('rejects a token signed with another key (forged)', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    await expectUnauthenticated(await me(await mint({}, { key: privateKey })));
  });

  it('rejects a token for another client (audience)', async () => {
    await expectUnauthenticated(await me(await mint({ aud: 'some-other-client' })));
  });

  it('rejects a token from another issuer', async () => {
    await expectUnauthenticated(await me(await mint({ iss: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_forged' })));
  });

  it('rejects a Cognito access token (token_use other than id)', async () => {
    await expectUnauthenticated(await me(await mint({ token_use: 'access' })));
  });

  it('takes roles from the token only: a body cannot make a trainee a platform admin', async () => {
    const response = await fetch(`${stack.webUrl}/api/organisations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${stack.tokens.traineeA}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Sneaky Clinic', kind: 'clinic', role: 'platform-admin' }),
    });
    expect(response.status).toBe(403);
  });
});
