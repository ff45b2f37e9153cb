import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { createAccountsApp } from '../../functions/accounts/app';
import { accountsDepsFromEnv } from '../../functions/accounts/deps-from-env';
import { DirectoryUnavailable } from '../../functions/core/accounts/errors';
import type { Invitation, IssuedAttempt, Me, Person } from '../../functions/core/api/schemas';
import { submissionFor } from '../support/banks';
import { demoOrganisations, demoPeople } from '../../infra/local/demo-data';
import { acceptInvitation as accept, newTrainee } from '../support/new-trainee';
import { signIn } from '../support/sign-in';

const stack = inject('stack');
const call = (token: string, path: string, body?: unknown) =>
  fetch(`${stack.webUrl}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
const newEmail = () => `trainee-${randomUUID().slice(0, 8)}@harbour.example`;

const acceptInvitation = (email: string, password: string) => accept(stack, email, password);

/** How many invitations the local outbox holds for an address (what Cognito would have emailed). */
const outboxRows = async (email: string) =>
  (await (await fetch(`${stack.issuer}/outbox`)).text()).split('<tr>').filter((row) => row.includes(email)).length;
/** The newest invitation link for an address. */
const invitationLink = async (email: string) =>
  /href="([^"]+\/invite\/[^"]+)"/.exec(
    (await (await fetch(`${stack.issuer}/outbox`)).text()).split('<tr>').find((row) => row.includes(email)) ?? '',
  )![1];
/** A JSON value's shape: its keys and the types of its values, not the values. */
const shape = (value: unknown): unknown =>
  value && typeof value === 'object'
    ? Object.fromEntries(
        Object.entries(value)
          .map(([key, child]) => [key, shape(child)])
          .sort(),
      )
    : typeof value;

describe('inviting a trainee', () => {
  it('creates the account in the supervisor’s organisation; the invitee sets a password and signs in as a trainee', async () => {
    const email = newEmail();
    const response = await call(stack.tokens.supervisorA, '/api/invitations', { name: 'Jo Invited', email });
    expect(response.status).toBe(201);
    const invitation = (await response.json()) as Invitation;
    expect(invitation).toMatchObject({
      delivery: 'local-outbox',
      person: {
        email,
        name: 'Jo Invited',
        role: 'trainee',
        orgId: demoOrganisations.harbour.orgId,
        supervisorSub: demoPeople.supervisorA.sub,
      },
    });

    const trainees = (await (await call(stack.tokens.supervisorA, '/api/trainees')).json()) as { people: Person[] };
    expect(trainees.people.map((person) => person.email)).toContain(email);

    const accepted = await acceptInvitation(email, 'A-new-password-2026');
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get('location')).toBe(`${stack.webUrl}/auth/sign-in`);

    const token = await signIn(stack.issuer, stack.clientId, `${stack.webUrl}/auth/callback`, email, 'A-new-password-2026');
    const me = (await (await call(token, '/api/me')).json()) as Me;
    expect(me).toMatchObject({ email, roles: ['trainee'], organisation: { orgId: demoOrganisations.harbour.orgId } });
  });

  it('refuses a password that is too short when accepting', async () => {
    const email = newEmail();
    await call(stack.tokens.supervisorA, '/api/invitations', { name: 'Short Password', email });
    expect((await acceptInvitation(email, 'short')).status).toBe(400);
  });

  it('answers an invitation to an address with an account in another organisation exactly as a new one, then and later, revealing nothing', async () => {
    const outboxBefore = await outboxRows(demoPeople.traineeB.email);
    const fresh = await call(stack.tokens.supervisorA, '/api/invitations', { name: 'Someone New', email: newEmail() });
    const taken = await call(stack.tokens.supervisorA, '/api/invitations', { name: 'Someone New', email: demoPeople.traineeB.email });
    expect(taken.status).toBe(fresh.status);
    expect([...taken.headers.keys()].sort()).toEqual([...fresh.headers.keys()].sort());
    const [freshBody, takenBody] = [(await fresh.json()) as Invitation, (await taken.json()) as Invitation];
    expect(shape(takenBody)).toEqual(shape(freshBody));
    expect(takenBody).toMatchObject({
      resent: false,
      delivery: 'local-outbox',
      person: { email: demoPeople.traineeB.email, name: 'Someone New', orgId: demoOrganisations.harbour.orgId },
    });
    expect(takenBody.person.sub).not.toBe(demoPeople.traineeB.sub);

    // Afterwards too it behaves as a pending invitation would: listed as invited, and a second invitation is "sent again".
    const listed = async () =>
      ((await (await call(stack.tokens.supervisorA, '/api/trainees')).json()) as { people: Person[] }).people.map((person) => ({
        shape: shape(person),
        sub: person.sub,
        email: person.email,
      }));
    const trainees = await listed();
    expect(trainees).toContainEqual({ shape: shape(freshBody.person), sub: freshBody.person.sub, email: freshBody.person.email });
    expect(trainees).toContainEqual({ shape: shape(freshBody.person), sub: takenBody.person.sub, email: demoPeople.traineeB.email });
    const [freshAgain, takenAgain] = await Promise.all(
      [freshBody.person.email, demoPeople.traineeB.email].map((email) =>
        call(stack.tokens.supervisorA, '/api/invitations', { name: 'Someone New', email }),
      ),
    );
    expect([freshAgain.status, takenAgain.status]).toEqual([200, 200]);
    const [freshAgainBody, takenAgainBody] = [(await freshAgain.json()) as Invitation, (await takenAgain.json()) as Invitation];
    expect(shape(takenAgainBody)).toEqual(shape(freshAgainBody));
    expect(takenAgainBody).toMatchObject({ resent: true, person: { sub: takenBody.person.sub } });

    expect(await outboxRows(demoPeople.traineeB.email)).toBe(outboxBefore);
    const me = (await (await call(stack.tokens.traineeB, '/api/me')).json()) as Me;
    expect(me).toMatchObject({ sub: demoPeople.traineeB.sub, organisation: { orgId: demoOrganisations.northside.orgId } });
  });

  it('tells a supervisor the truth about their own organisation: an account already in use there is a 409', async () => {
    const response = await call(stack.tokens.supervisorA, '/api/invitations', { name: 'Again', email: demoPeople.traineeA.email });
    expect(response.status).toBe(409);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(((await response.json()) as { type: string }).type).toBe('/problems/email-taken');
  });

  it('tells a platform admin the truth about any address', async () => {
    const response = await call(stack.tokens.platformAdmin, `/api/organisations/${demoOrganisations.harbour.orgId}/supervisors`, {
      name: 'Taken',
      email: demoPeople.traineeB.email,
    });
    expect(response.status).toBe(409);
  });

  it('sends the invitation again (200) to someone of the organisation who has not taken it up; only the newest link works', async () => {
    const email = newEmail();
    const first = (await (await call(stack.tokens.supervisorA, '/api/invitations', { name: 'Slow Reader', email })).json()) as Invitation;
    const oldLink = await invitationLink(email);
    const again = await call(stack.tokens.supervisorA, '/api/invitations', { name: 'Slow Reader', email });
    expect(again.status).toBe(200);
    expect((await again.json()) as Invitation).toMatchObject({ resent: true, person: { sub: first.person.sub } });
    expect(await outboxRows(email)).toBe(2);
    expect((await fetch(oldLink)).status).toBe(404);
    expect((await acceptInvitation(email, 'A-new-password-2026')).status).toBe(303);
    // Taken up now: a third invitation is the truth within the organisation, a 409.
    expect((await call(stack.tokens.supervisorA, '/api/invitations', { name: 'Slow Reader', email })).status).toBe(409);
  });

  it.each([
    ['a missing name', { email: 'x@example.test' }],
    ['an invalid email', { name: 'X', email: 'not-an-email' }],
    ['an extra field', { name: 'X', email: 'x@example.test', role: 'platform-admin' }],
  ])('rejects %s with 400', async (_case, body) => {
    const response = await call(stack.tokens.supervisorA, '/api/invitations', body);
    expect(response.status).toBe(400);
  });

  it('removes the new account again when the person record cannot be stored, and sends no invitation (nothing half-written)', async () => {
    const deps = accountsDepsFromEnv(stack.functionEnv);
    const failingStore = {
      ...deps.people,
      getOrganisation: deps.people.getOrganisation.bind(deps.people),
      listMembers: deps.people.listMembers.bind(deps.people),
      createPerson: async () => {
        throw new Error('DynamoDB is down');
      },
    };
    const app = createAccountsApp({ ...deps, people: failingStore });
    const email = newEmail();
    const response = await app.request('/api/invitations', {
      method: 'POST',
      headers: { authorization: `Bearer ${stack.tokens.supervisorA}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Rolled Back', email }),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBeTruthy();
    expect(await outboxRows(email)).toBe(0);
    // The same email can be invited afterwards: the account was removed from the provider.
    expect((await call(stack.tokens.supervisorA, '/api/invitations', { name: 'Rolled Back', email })).status).toBe(201);
    expect(await outboxRows(email)).toBe(1);
  });

  it('when the invitation cannot be sent, a retry sends it: one person, one live link', async () => {
    const deps = accountsDepsFromEnv(stack.functionEnv);
    const mute = {
      delivery: deps.directory.delivery,
      createAccount: deps.directory.createAccount.bind(deps.directory),
      deleteAccount: deps.directory.deleteAccount.bind(deps.directory),
      sendInvitation: async (): Promise<'sent'> => {
        throw new DirectoryUnavailable();
      },
    };
    const email = newEmail();
    const response = await createAccountsApp({ ...deps, directory: mute }).request('/api/invitations', {
      method: 'POST',
      headers: { authorization: `Bearer ${stack.tokens.supervisorA}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Unlucky Mail', email }),
    });
    expect(response.status).toBe(503);
    expect(await outboxRows(email)).toBe(0);
    const retried = await call(stack.tokens.supervisorA, '/api/invitations', { name: 'Unlucky Mail', email });
    expect(retried.status).toBe(200);
    expect(await outboxRows(email)).toBe(1);
    const trainees = (await (await call(stack.tokens.supervisorA, '/api/trainees')).json()) as { people: Person[] };
    expect(trainees.people.filter((person) => person.email === email)).toHaveLength(1);
  });
});

describe('organisations', () => {
  it('a platform admin creates one, invites its supervisor, and sees its members', async () => {
    const created = await call(stack.tokens.platformAdmin, '/api/organisations', { name: 'Lakeside Dermatology', kind: 'clinic' });
    expect(created.status).toBe(201);
    const { orgId } = (await created.json()) as { orgId: string };
    expect(orgId).toMatch(/^lakeside-dermatology-[0-9a-f]{6}$/);

    const email = `sup-${randomUUID().slice(0, 8)}@lakeside.example`;
    const invited = await call(stack.tokens.platformAdmin, `/api/organisations/${orgId}/supervisors`, { name: 'Lee Lakeside', email });
    expect(invited.status).toBe(201);

    const members = (await (await call(stack.tokens.platformAdmin, `/api/organisations/${orgId}/members`)).json()) as { people: Person[] };
    expect(members.people).toEqual([expect.objectContaining({ email, role: 'supervisor', orgId })]);
    const listed = (await (await call(stack.tokens.platformAdmin, '/api/organisations')).json()) as { organisations: { orgId: string }[] };
    expect(listed.organisations.map((organisation) => organisation.orgId)).toContain(orgId);
  });

  it('inviting a supervisor into an organisation that does not exist is 404', async () => {
    const response = await call(stack.tokens.platformAdmin, '/api/organisations/no-such-org/supervisors', {
      name: 'Nobody',
      email: newEmail(),
    });
    expect(response.status).toBe(404);
  });
});

describe('who sees a trainee’s attempts', () => {
  it('the trainee, their supervisor and their clinic admin do; another organisation’s supervisor does not', async () => {
    const trainee = await newTrainee(stack);
    const issued = (await (await call(trainee.token, '/api/modules/indications/attempts', {})).json()) as IssuedAttempt;
    const submitted = await call(trainee.token, `/api/attempts/${issued.attemptId}/submission`, submissionFor(issued));
    expect(submitted.status).toBe(201);
    const path = `/api/trainees/${trainee.sub}/attempts`;
    for (const token of [trainee.token, stack.tokens.supervisorA, stack.tokens.clinicAdmin, stack.tokens.platformAdmin]) {
      const list = (await (await call(token, path)).json()) as { attempts: { attemptId: string }[] };
      expect(list.attempts.map((attempt) => attempt.attemptId)).toContain(issued.attemptId);
      expect((await call(token, `/api/attempts/${issued.attemptId}`)).status).toBe(200);
    }
    expect((await call(stack.tokens.supervisorB, path)).status).toBe(404);
    expect((await call(stack.tokens.supervisorB, `/api/attempts/${issued.attemptId}`)).status).toBe(404);
    expect((await call(stack.tokens.traineeB, `/api/attempts/${issued.attemptId}`)).status).toBe(404);
  });

  it('another trainee cannot submit to someone else’s attempt', async () => {
    const trainee = await newTrainee(stack);
    const issued = (await (await call(trainee.token, '/api/modules/technique/attempts', {})).json()) as IssuedAttempt;
    const response = await call(stack.tokens.traineeB, `/api/attempts/${issued.attemptId}/submission`, submissionFor(issued));
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('correctCount');
  });
});
