import type { Invitation as InvitationRecord, Organisation, Person as PersonRecord } from '../../accounts/types';
import type { Principal } from '../../auth/principal';
import type { Invitation, Me, Person } from '../responses';

/** A person as the API shows them: a stand-in for an account elsewhere looks like any invitation not yet taken up. */
export function personView({ standIn: _internal, ...person }: PersonRecord): Person {
  return person;
}

export const peopleView = (people: PersonRecord[]) => ({ people: people.map(personView) });

export const invitationView = (invitation: InvitationRecord): Invitation => ({ ...invitation, person: personView(invitation.person) });

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
