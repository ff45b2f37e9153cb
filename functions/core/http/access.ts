import type { MiddlewareHandler } from 'hono';
import type { RouteSpec } from '../api/routes';
import { Forbidden, Unauthenticated } from '../auth/errors';
import { hasRole, type Principal } from '../auth/principal';
import type { VerifyToken } from '../auth/token-verifier';

export interface AuthEnv {
  Variables: { principal: Principal };
}

const BEARER = /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;

/**
 * Enforces a route's declared access before anything else runs, so an anonymous caller gets 401
 * rather than a validation error. The principal comes from the verified token only.
 */
export function requireAccess(spec: RouteSpec, verifyToken: VerifyToken): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    if (spec.access === 'public') return next();
    const match = BEARER.exec(c.req.header('authorization') ?? '');
    if (!match) throw new Unauthenticated('Sign in: send an Authorization: Bearer <ID token> header.');
    const principal = await verifyToken(match[1]);
    if (spec.access !== 'signed-in' && !hasRole(principal, ...spec.access)) {
      throw new Forbidden(`This is for ${spec.access.join(' or ')} accounts.`);
    }
    c.set('principal', principal);
    await next();
  };
}
