import type { Person } from './types';
import { hasRole, type Principal } from '../auth/principal';

/** Who may see a person and their training record. */
export function canSeePerson(viewer: Principal, person: Person): boolean {
  if (viewer.sub === person.sub) return true;
  if (hasRole(viewer, 'platform-admin')) return true;
  if (hasRole(viewer, 'supervisor') && person.supervisorSub === viewer.sub) return true;
  return hasRole(viewer, 'clinic-admin') && viewer.orgId !== undefined && person.orgId === viewer.orgId;
}

/** Who may see an organisation's people: its own supervisors and clinic admins, and platform admins. */
export function canSeeOrganisation(viewer: Principal, orgId: string): boolean {
  if (hasRole(viewer, 'platform-admin')) return true;
  return viewer.orgId === orgId && hasRole(viewer, 'supervisor', 'clinic-admin');
}

/** The supervisor a trainee was assigned to: the one person who assesses them and issues their certificate. */
export const isSupervisorOf = (viewer: Principal, person: Person) => hasRole(viewer, 'supervisor') && person.supervisorSub === viewer.sub;
