import type { Role } from '../auth/principal';
import type { Organisation, Person } from './types';
import type { Claimed, IdempotencyClaim } from '../idempotency';

/** People and organisations as the platform keeps them. `store/dynamo-people-store.ts` implements it. */
export interface PeopleStore {
  getPerson(sub: string): Promise<Person | undefined>;
  /** Writes a new person; a second write for the same sub fails rather than overwrites. */
  createPerson(person: Person): Promise<void>;
  listMembers(orgId: string): Promise<Person[]>;
  listTraineesOf(supervisorSub: string): Promise<Person[]>;
  getOrganisation(orgId: string): Promise<Organisation | undefined>;
  /** Writes a new organisation; under an idempotency claim, a retry gets the one the first request made. */
  createOrganisation(organisation: Organisation, claim?: IdempotencyClaim): Promise<Claimed<Organisation>>;
  listOrganisations(): Promise<Organisation[]>;
}

export interface NewAccount {
  email: string;
  name: string;
  role: Role;
  orgId: string;
}

/**
 * The identity provider: Cognito in AWS (AdminCreateUser, which emails the invitation), the local
 * OpenID provider on a developer's machine (which shows it in its outbox).
 */
export interface IdentityDirectory {
  readonly delivery: 'email' | 'local-outbox';
  /**
   * Creates the account with its group and organisation, without telling anyone yet (Cognito:
   * MessageAction SUPPRESS), so no invitation goes out for an account the platform then fails to
   * record. Throws EmailTaken if it exists.
   */
  createAccount(account: NewAccount): Promise<{ sub: string }>;
  /**
   * Sends (or sends again) the invitation of an account that has not been taken up yet; an account
   * already in use gets nothing and is reported as such.
   */
  sendInvitation(email: string): Promise<'sent' | 'already-active'>;
  /** Removes an account created moments ago, when the rest of an invitation could not be stored. */
  deleteAccount(email: string): Promise<void>;
}
