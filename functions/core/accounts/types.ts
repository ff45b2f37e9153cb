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
  /**
   * An invitation to an address that has an account in another organisation: kept so that it
   * answers as any invitation not yet taken up does (listed as invited, "sent again" on a second
   * try), without revealing the other account. No account or email exists for it, and it never
   * leaves the API (personView).
   */
  standIn?: true;
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
