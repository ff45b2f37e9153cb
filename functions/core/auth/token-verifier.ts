import { JwtVerifier } from 'aws-jwt-verify';
import { FetchError, JwtBaseError, JwtExpiredError } from 'aws-jwt-verify/error';
import type { Fetcher } from 'aws-jwt-verify/https';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { Jwks } from 'aws-jwt-verify/jwk';
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
  jwks?: Jwks;
  /** The time to judge a remembered token's expiry by; the system clock unless a test sets it. */
  now?: () => Date;
}

export type VerifyToken = (token: string) => Promise<Principal>;

/** Allowed clock difference between the issuer and this function. */
const CLOCK_TOLERANCE_SECONDS = 5;
/** Verified tokens remembered per function instance; enough for the users one instance serves in an hour. */
const VERIFIED_TOKENS_KEPT = 1000;
const EXPIRED = 'The token has expired; sign in again.';

export function tokenVerifierConfigFromEnv(env: NodeJS.ProcessEnv = process.env): TokenVerifierConfig {
  const issuer = env.AUTH_ISSUER;
  const audience = env.AUTH_AUDIENCE;
  if (!issuer || !audience) throw new Error('AUTH_ISSUER and AUTH_AUDIENCE must be set');
  return { issuer, audience, ...(env.AUTH_JWKS ? { jwks: parseJwks(env.AUTH_JWKS) } : {}) };
}

function parseJwks(text: string): Jwks {
  const parsed = JSON.parse(text) as Jwks;
  if (!Array.isArray(parsed?.keys)) throw new Error('AUTH_JWKS must be a JSON Web Key Set ({"keys": [...]})');
  return parsed;
}

/**
 * Fetches the issuer's key set with the platform's fetch, over HTTPS from Cognito or HTTP from the
 * local provider (the library's own fetcher speaks HTTPS only).
 */
const fetcher: Fetcher = {
  async fetch(uri) {
    const response = await fetch(uri, { signal: AbortSignal.timeout(5_000) }).catch((error: unknown) => {
      throw new FetchError(uri, String(error));
    });
    if (!response.ok) throw new FetchError(uri, `status ${response.status}`);
    return response.arrayBuffer();
  },
};

/**
 * Verifies ID tokens against the issuer's keys, the same way for Cognito and the local provider,
 * with AWS's `aws-jwt-verify` (signatures through node:crypto: its first check on a cold start
 * takes about a third of WebCrypto's). A token that verified is remembered until it expires: the
 * same bytes with the same keys give the same verdict. Any other string, even one byte different,
 * is verified in full.
 */
export function createTokenVerifier(config: TokenVerifierConfig): VerifyToken {
  const { issuer, audience, now = () => new Date() } = config;
  const verifier = JwtVerifier.create(
    { issuer, audience, jwksUri: `${issuer.replace(/\/$/, '')}/.well-known/jwks.json`, graceSeconds: CLOCK_TOLERANCE_SECONDS },
    { jwksCache: new SimpleJwksCache({ fetcher }) },
  );
  if (config.jwks) verifier.cacheJwks(config.jwks);
  const verified = new Map<string, { principal: Principal; expiresAtMs: number }>();
  return async (token) => {
    const known = verified.get(token);
    if (known) {
      if (now().getTime() < known.expiresAtMs) return known.principal;
      verified.delete(token);
      throw new Unauthenticated(EXPIRED);
    }
    try {
      const payload = await verifier.verify(token);
      // Cognito access tokens carry no `aud`; ID tokens do, and say so in token_use.
      if (payload.token_use !== undefined && payload.token_use !== 'id') throw new Unauthenticated('Send an ID token.');
      const principal = principalFromClaims(payload);
      if (typeof payload.exp === 'number') {
        if (verified.size >= VERIFIED_TOKENS_KEPT) verified.delete(verified.keys().next().value!);
        verified.set(token, { principal, expiresAtMs: (payload.exp + CLOCK_TOLERANCE_SECONDS) * 1000 });
      }
      return principal;
    } catch (error) {
      if (error instanceof Unauthenticated) throw error;
      if (error instanceof JwtExpiredError) throw new Unauthenticated(EXPIRED);
      // The issuer's keys could not be fetched (network, DNS, its outage): not the caller's fault.
      if (error instanceof FetchError) throw new AuthUnavailable({ cause: error });
      if (error instanceof JwtBaseError) throw new Unauthenticated('The token could not be verified.');
      throw new AuthUnavailable({ cause: error });
    }
  };
}
