import type { Organisation } from '../../accounts/types';
import type { Principal } from '../../auth/principal';
import type { Me } from '../responses';

/** The accounts API's answers that are more than the records themselves. */
export function meView({ principal, organisation }: { principal: Principal; organisation?: Organisation }): Me {
  const { sub, email, name, roles } = principal;
  return {
    sub,
    email,
    name,
    roles,
    ...(organisation ? { organisation: { orgId: organisation.orgId, name: organisation.name, kind: organisation.kind } } : {}),
  };
}
