import { randomBytes, randomUUID } from 'node:crypto';
import { hasRole, type Principal, type Role } from '../auth/principal';
import { IdempotencyKeyReused, NotFound, StorageUnavailable } from '../errors';
import { idempotencyClaim } from '../idempotency';
import { EmailTaken } from './errors';
import { canSeeOrganisation } from './policy';
import type { IdentityDirectory, PeopleStore } from './ports';
import type { CreateOrganisation, Invitation, InvitePerson, Organisation, Person } from './types';

export interface AccountsDeps {
  people: PeopleStore;
  directory: IdentityDirectory;
  now: () => Date;
}

/** Who the caller is, from their verified token, with their organisation's record. */
export async function whoAmI(
  deps: Pick<AccountsDeps, 'people'>,
  principal: Principal,
): Promise<{ principal: Principal; organisation?: Organisation }> {
  const organisation = principal.orgId ? await deps.people.getOrganisation(principal.orgId) : undefined;
  return { principal, ...(organisation ? { organisation } : {}) };
}

/**
 * Creates the account in the identity provider without telling anyone, then the person record,
 * then sends the invitation. If the record cannot be stored the account is removed again, so an
 * invitation is either complete or absent and no link goes out for an account that is not there.
 * If sending fails, the caller's retry finds the account in its organisation and sends it again.
 */
async function invite(
  deps: AccountsDeps,
  inviter: Principal,
  details: InvitePerson,
  role: Role,
  orgId: string,
  supervisorSub?: string,
): Promise<Invitation> {
  const email = details.email.toLowerCase();
  const now = deps.now().toISOString();
  let sub: string;
  try {
    ({ sub } = await deps.directory.createAccount({ email, name: details.name, role, orgId }));
  } catch (error) {
    if (error instanceof EmailTaken) return inviteExisting(deps, inviter, { ...details, email }, role, orgId, now, error, supervisorSub);
    throw error;
  }
  const person: Person = { sub, email, name: details.name, role, orgId, ...(supervisorSub ? { supervisorSub } : {}), invitedAt: now };
  try {
    await deps.people.createPerson(person);
  } catch (error) {
    await deps.directory.deleteAccount(email).catch(() => undefined);
    throw error instanceof StorageUnavailable ? error : new StorageUnavailable({ cause: error });
  }
  await deps.directory.sendInvitation(email);
  return { person, delivery: deps.directory.delivery, resent: false };
}

/**
 * An invitation to an address that has an account already. Only a platform admin learns that
 * (409). Anyone else is told only about their own organisation: its member's invitation is sent
 * again while it has not been taken up (409 once it has). An account elsewhere gets exactly the
 * answers a new invitation would, then and later: a stand-in record in the inviter's organisation
 * is listed as invited and "sent again" on a second try, and nothing is sent or revealed.
 */
async function inviteExisting(
  deps: AccountsDeps,
  inviter: Principal,
  details: InvitePerson,
  role: Role,
  orgId: string,
  now: string,
  taken: EmailTaken,
  supervisorSub?: string,
): Promise<Invitation> {
  if (hasRole(inviter, 'platform-admin')) throw taken;
  const member = (await deps.people.listMembers(orgId)).find((person) => person.email === details.email);
  if (!member) {
    const standIn: Person = {
      sub: randomUUID(),
      email: details.email,
      name: details.name,
      role,
      orgId,
      ...(supervisorSub ? { supervisorSub } : {}),
      invitedAt: now,
      standIn: true,
    };
    await deps.people.createPerson(standIn);
    return { person: standIn, delivery: deps.directory.delivery, resent: false };
  }
  if (member.standIn) return { person: member, delivery: deps.directory.delivery, resent: true };
  if ((await deps.directory.sendInvitation(details.email)) === 'already-active') throw taken;
  return { person: member, delivery: deps.directory.delivery, resent: true };
}

/** A supervisor invites a trainee into their own organisation, assigned to themselves. */
export async function inviteTrainee(deps: AccountsDeps, supervisor: Principal, details: InvitePerson): Promise<Invitation> {
  if (!supervisor.orgId) throw new NotFound('Your organisation');
  return invite(deps, supervisor, details, 'trainee', supervisor.orgId, supervisor.sub);
}

export async function inviteSupervisor(deps: AccountsDeps, admin: Principal, orgId: string, details: InvitePerson): Promise<Invitation> {
  if (!(await deps.people.getOrganisation(orgId))) throw new NotFound(`Organisation ${orgId}`);
  return invite(deps, admin, details, 'supervisor', orgId);
}

const slugify = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40) || 'organisation';

/** A platform admin creates an organisation; a retry under the same idempotency key gets the first one back. */
export async function createOrganisation(
  deps: AccountsDeps,
  admin: Principal,
  details: CreateOrganisation,
  idempotencyKey?: string,
): Promise<{ replayed: boolean; organisation: Organisation }> {
  const now = deps.now();
  // A random suffix keeps ids unique without a read-before-write.
  const organisation: Organisation = {
    orgId: `${slugify(details.name)}-${randomBytes(3).toString('hex')}`,
    name: details.name,
    kind: details.kind,
    createdAt: now.toISOString(),
  };
  const stored = await deps.people.createOrganisation(organisation, idempotencyClaim(admin.sub, idempotencyKey, details, now));
  if (stored.outcome === 'key-reused') throw new IdempotencyKeyReused();
  return { replayed: stored.outcome === 'replayed', organisation: stored.value };
}

export async function listTrainees(deps: Pick<AccountsDeps, 'people'>, viewer: Principal): Promise<Person[]> {
  if (hasRole(viewer, 'platform-admin')) {
    const organisations = await deps.people.listOrganisations();
    const members = await Promise.all(organisations.map((organisation) => deps.people.listMembers(organisation.orgId)));
    return members.flat().filter((person) => person.role === 'trainee');
  }
  const own = hasRole(viewer, 'supervisor') ? await deps.people.listTraineesOf(viewer.sub) : [];
  const organisation =
    hasRole(viewer, 'clinic-admin') && viewer.orgId
      ? (await deps.people.listMembers(viewer.orgId)).filter((person) => person.role === 'trainee')
      : [];
  const bySub = new Map([...own, ...organisation].map((person) => [person.sub, person]));
  return [...bySub.values()];
}

/** Every organisation, for platform admins (the route allows no one else). */
export function listOrganisations(deps: Pick<AccountsDeps, 'people'>): Promise<Organisation[]> {
  return deps.people.listOrganisations();
}

export async function listMembers(deps: Pick<AccountsDeps, 'people'>, viewer: Principal, orgId: string): Promise<Person[]> {
  // Another organisation's people, or one that does not exist, look the same: not found.
  if (!canSeeOrganisation(viewer, orgId) || !(await deps.people.getOrganisation(orgId))) throw new NotFound(`Organisation ${orgId}`);
  return deps.people.listMembers(orgId);
}
