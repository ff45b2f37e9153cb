import { exportJWK, generateKeyPair, importJWK, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { describe, expect, inject, it } from 'vitest';
import { AuthUnavailable, Unauthenticated } from '../../functions/core/auth/errors';
import { createTokenVerifier, tokenVerifierConfigFromEnv } from '../../functions/core/auth/token-verifier';
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

describe('issuer keys pinned at deploy time (AUTH_JWKS)', () => {
  const { kty, n, e, kid, alg } = stack.signingKey;
  const publicKey = { kty: kty!, n: n!, e: e!, kid: kid!, alg: alg! };
  const unreachableIssuer = 'http://127.0.0.1:9';

  it('verifies with the pinned keys alone, without reaching the issuer', async () => {
    const verify = createTokenVerifier({ issuer: unreachableIssuer, audience: stack.clientId, jwks: { keys: [publicKey] } });
    const principal = await verify(await mint({ iss: unreachableIssuer }));
    expect(principal.sub).toBe(demoPeople.traineeA.sub);
  });

  it('fetches a key it does not hold from the issuer, as after a key rotation', async () => {
    const { publicKey: other } = await generateKeyPair('RS256', { extractable: true });
    const { n: staleN, e: staleE } = await exportJWK(other);
    const stale = { kty: 'RSA', n: staleN!, e: staleE!, kid: 'retired-key', alg: 'RS256' };
    const verify = createTokenVerifier({ issuer: stack.issuer, audience: stack.clientId, jwks: { keys: [stale] } });
    expect((await verify(await mint({}))).sub).toBe(demoPeople.traineeA.sub);
  });

  it("reports the issuer's keys as unavailable (not the caller's fault) when they must be fetched and cannot be", async () => {
    const verify = createTokenVerifier({ issuer: unreachableIssuer, audience: stack.clientId });
    await expect(verify(await mint({ iss: unreachableIssuer }))).rejects.toBeInstanceOf(AuthUnavailable);
  });

  it('still rejects a forged token that names a pinned key id', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const verify = createTokenVerifier({ issuer: unreachableIssuer, audience: stack.clientId, jwks: { keys: [publicKey] } });
    await expect(verify(await mint({ iss: unreachableIssuer }, { key: privateKey }))).rejects.toBeInstanceOf(Unauthenticated);
  });

  it('reads the pinned set from the environment and refuses one that is not a key set', () => {
    const env = { AUTH_ISSUER: stack.issuer, AUTH_AUDIENCE: stack.clientId };
    expect(tokenVerifierConfigFromEnv({ ...env, AUTH_JWKS: JSON.stringify({ keys: [publicKey] }) }).jwks?.keys).toHaveLength(1);
    expect(tokenVerifierConfigFromEnv(env).jwks).toBeUndefined();
    expect(() => tokenVerifierConfigFromEnv({ ...env, AUTH_JWKS: '{"key": []}' })).toThrow(/AUTH_JWKS/);
  });
});

describe('verified tokens remembered until they expire', () => {
  const { kty, n, e, kid, alg } = stack.signingKey;
  const jwks = { keys: [{ kty: kty!, n: n!, e: e!, kid: kid!, alg: alg! }] };

  it('accepts a remembered token until its expiry (plus the clock tolerance), then refuses it as expired', async () => {
    let clock = new Date();
    const verify = createTokenVerifier({ issuer: stack.issuer, audience: stack.clientId, jwks, now: () => clock });
    const token = await mint({}, { expiresIn: '60s' });
    expect((await verify(token)).sub).toBe(demoPeople.traineeA.sub);
    clock = new Date(clock.getTime() + 60_000);
    expect((await verify(token)).sub).toBe(demoPeople.traineeA.sub);
    clock = new Date(clock.getTime() + 6_000);
    await expect(verify(token)).rejects.toThrow(/expired/);
  });

  it('verifies any other string in full, even one a byte away from a remembered token', async () => {
    const verify = createTokenVerifier({ issuer: stack.issuer, audience: stack.clientId, jwks });
    const token = await mint({});
    await verify(token);
    const [header, payload, signature] = token.split('.');
    const flipped = `${header}.${payload}.${signature.slice(0, -2)}${signature.at(-2) === 'A' ? 'B' : 'A'}${signature.at(-1)}`;
    await expect(verify(flipped)).rejects.toBeInstanceOf(Unauthenticated);
    const escalated = { ...JSON.parse(Buffer.from(payload, 'base64url').toString()), 'cognito:groups': ['platform-admin'] };
    const otherClaims = `${header}.${Buffer.from(JSON.stringify(escalated)).toString('base64url')}.${signature}`;
    await expect(verify(otherClaims)).rejects.toBeInstanceOf(Unauthenticated);
  });
});
