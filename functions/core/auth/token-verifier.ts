import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import { AuthUnavailable, Unauthenticated } from './errors';
import { principalFromClaims, type Principal } from './principal';

export interface TokenVerifierConfig {
  /** The OpenID issuer: Cognito's `https://cognito-idp.{region}.amazonaws.com/{poolId}` or the local provider. */
  issuer: string;
  /** The web app client id; an ID token's `aud`. */
  audience: string;
}

export type VerifyToken = (token: string) => Promise<Principal>;

export function tokenVerifierConfigFromEnv(env: NodeJS.ProcessEnv = process.env): TokenVerifierConfig {
  const issuer = env.AUTH_ISSUER;
  const audience = env.AUTH_AUDIENCE;
  if (!issuer || !audience) throw new Error('AUTH_ISSUER and AUTH_AUDIENCE must be set');
  return { issuer, audience };
}

/**
 * Verifies ID tokens against the issuer's published keys, the same way for Cognito and the local
 * provider (both serve them at /.well-known/jwks.json). Keys are cached across invocations.
 */
export function createTokenVerifier({ issuer, audience }: TokenVerifierConfig): VerifyToken {
  const keys = createRemoteJWKSet(new URL(`${issuer.replace(/\/$/, '')}/.well-known/jwks.json`), { cooldownDuration: 30_000 });
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, keys, { issuer, audience, algorithms: ['RS256'], clockTolerance: 5 });
      // Cognito access tokens carry no `aud`; ID tokens do, and say so in token_use.
      if (payload.token_use !== undefined && payload.token_use !== 'id') throw new Unauthenticated('Send an ID token.');
      return principalFromClaims(payload);
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
