import type { Role } from '../auth/principal';

export type OrganisationKind = 'clinic' | 'training';

/** A person as the platform keeps them: one role, one organisation (platform admins have none). */
export interface Person {
  sub: string;
  email: string;
  name: string;
  role: Role;
  orgId?: string;
  /** A trainee's supervisor: the one person who assesses them and issues their certificate. */
  supervisorSub?: string;
  invitedAt: string;
}

export interface Organisation {
  orgId: string;
  name: string;
  kind: OrganisationKind;
  createdAt: string;
}

/** Whom to invite, as the inviter gives them. */
export interface InvitePerson {
  name: string;
  email: string;
}

export interface CreateOrganisation {
  name: string;
  kind: OrganisationKind;
}

/** What an invitation did: to whom, how they hear of it, and whether it was sent again. */
export interface Invitation {
  person: Person;
  delivery: 'email' | 'local-outbox';
  /** True when the person was invited before and had not taken it up: the invitation was sent again. */
  resent: boolean;
}
