import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import { AuthUnavailable, Unauthenticated } from './errors';
import { principalFromClaims, type Principal } from './principal';

export interface TokenVerifierConfig {
  /** The OpenID issuer: Cognito's `https://cognito-idp.{region}.amazonaws.com/{poolId}` or the local provider. */
  issuer: string;
  /** The web app client id; an ID token's `aud`. */
  audience: string;
  /**
   * The issuer's public keys as captured at deploy time (AUTH_JWKS), so a cold start verifies
   * without fetching them. Keys it does not hold are still fetched from the issuer.
   */
  jwks?: JSONWebKeySet;
  /** The time to judge expiry by; the system clock unless a test sets it. */
  now?: () => Date;
}

/** Allowed clock difference between the issuer and this function. */
const CLOCK_TOLERANCE_SECONDS = 5;
/** Verified tokens remembered per function instance; enough for the users one instance serves in an hour. */
const VERIFIED_TOKENS_KEPT = 1000;

export type VerifyToken = (token: string) => Promise<Principal>;

export function tokenVerifierConfigFromEnv(env: NodeJS.ProcessEnv = process.env): TokenVerifierConfig {
  const issuer = env.AUTH_ISSUER;
  const audience = env.AUTH_AUDIENCE;
  if (!issuer || !audience) throw new Error('AUTH_ISSUER and AUTH_AUDIENCE must be set');
  return { issuer, audience, ...(env.AUTH_JWKS ? { jwks: parseJwks(env.AUTH_JWKS) } : {}) };
}

function parseJwks(text: string): JSONWebKeySet {
  const parsed = JSON.parse(text) as JSONWebKeySet;
  if (!Array.isArray(parsed?.keys)) throw new Error('AUTH_JWKS must be a JSON Web Key Set ({"keys": [...]})');
  return parsed;
}

/**
 * The issuer's keys: the pinned set first; a key id it lacks (the issuer rotated) is looked up in
 * the issuer's published set at /.well-known/jwks.json, fetched on first need and cached.
 */
function issuerKeys({ issuer, jwks }: TokenVerifierConfig): JWTVerifyGetKey {
  let remote: JWTVerifyGetKey | undefined;
  const fetched: JWTVerifyGetKey = (header, token) => {
    remote ??= createRemoteJWKSet(new URL(`${issuer.replace(/\/$/, '')}/.well-known/jwks.json`), { cooldownDuration: 30_000 });
    return remote(header, token);
  };
  if (!jwks) return fetched;
  const pinned = createLocalJWKSet(jwks);
  return async (header, token) => {
    try {
      return await pinned(header, token);
    } catch (error) {
      if (error instanceof errors.JWKSNoMatchingKey) return fetched(header, token);
      throw error;
    }
  };
}

/**
 * Verifies ID tokens against the issuer's keys, the same way for Cognito and the local provider.
 * A token that verified is remembered until it expires: the same bytes with the same key give the
 * same verdict, and the signature check (about 0.2 ms through WebCrypto) is most of a warm
 * request's CPU. Any other string, even one byte different, is verified in full.
 */
export function createTokenVerifier(config: TokenVerifierConfig): VerifyToken {
  const keys = issuerKeys(config);
  const { issuer, audience, now = () => new Date() } = config;
  const verified = new Map<string, { principal: Principal; expiresAtMs: number }>();
  return async (token) => {
    const known = verified.get(token);
    if (known && now().getTime() < known.expiresAtMs) return known.principal;
    verified.delete(token);
    try {
      const { payload } = await jwtVerify(token, keys, { issuer, audience, algorithms: ['RS256'], clockTolerance: CLOCK_TOLERANCE_SECONDS, currentDate: now() });
      // Cognito access tokens carry no `aud`; ID tokens do, and say so in token_use.
      if (payload.token_use !== undefined && payload.token_use !== 'id') throw new Unauthenticated('Send an ID token.');
      const principal = principalFromClaims(payload);
      if (payload.exp !== undefined) {
        if (verified.size >= VERIFIED_TOKENS_KEPT) verified.delete(verified.keys().next().value!);
        verified.set(token, { principal, expiresAtMs: (payload.exp + CLOCK_TOLERANCE_SECONDS) * 1000 });
      }
      return principal;
    } catch (error) {
      if (error instanceof Unauthenticated) throw error;
      if (error instanceof errors.JWTExpired) throw new Unauthenticated('The token has expired; sign in again.');
      if (error instanceof errors.JWKSTimeout) throw new AuthUnavailable({ cause: error });
      if (error instanceof errors.JOSEError) throw new Unauthenticated('The token could not be verified.');
      // Anything else is the key fetch failing (network, DNS): not the caller's fault.
      throw new AuthUnavailable({ cause: error });
    }
  };
}
