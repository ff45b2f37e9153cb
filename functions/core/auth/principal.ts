/** The roles of the platform, as Cognito groups (the `cognito:groups` claim). */
export const ROLES = ['trainee', 'supervisor', 'clinic-admin', 'platform-admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, taken only from a verified token: never from a body, path or query. */
export interface Principal {
  sub: string;
  email: string;
  name: string;
  roles: Role[];
  /** The organisation the user belongs to (`custom:org`); platform admins have none. */
  orgId?: string;
}

export const hasRole = (principal: Principal, ...roles: Role[]) => principal.roles.some((role) => roles.includes(role));

/** The token claims Cognito puts in an ID token; the local OpenID provider issues the same. */
export const CLAIMS = { groups: 'cognito:groups', org: 'custom:org' } as const;

export function principalFromClaims(claims: Record<string, unknown>): Principal {
  const groups = Array.isArray(claims[CLAIMS.groups]) ? (claims[CLAIMS.groups] as unknown[]) : [];
  const roles = ROLES.filter((role) => groups.includes(role));
  const org = claims[CLAIMS.org];
  return {
    sub: String(claims.sub),
    email: typeof claims.email === 'string' ? claims.email : '',
    name: typeof claims.name === 'string' ? claims.name : typeof claims.email === 'string' ? claims.email : 'Unnamed user',
    roles,
    ...(typeof org === 'string' && org ? { orgId: org } : {}),
  };
}
