import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { createAccountsApp } from '../../functions/accounts/app';
import { accountsDepsFromEnv } from '../../functions/accounts/deps-from-env';
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

describe('inviting a trainee', () => {
  it('creates the account in the supervisor’s organisation; the invitee sets a password and signs in as a trainee', async () => {
    const email = newEmail();
    const response = await call(stack.tokens.supervisorA, '/api/invitations', { name: 'Jo Invited', email });
    expect(response.status).toBe(201);
    const invitation = (await response.json()) as Invitation;
    expect(invitation).toMatchObject({
      delivery: 'local-outbox',
      person: { email, name: 'Jo Invited', role: 'trainee', orgId: demoOrganisations.harbour.orgId, supervisorSub: demoPeople.supervisorA.sub },
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

  it('answers 409 for an email that already has an account, and changes nothing', async () => {
    const response = await call(stack.tokens.supervisorA, '/api/invitations', { name: 'Again', email: demoPeople.traineeB.email });
    expect(response.status).toBe(409);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const trainees = (await (await call(stack.tokens.supervisorA, '/api/trainees')).json()) as { people: Person[] };
    expect(trainees.people.map((person) => person.email)).not.toContain(demoPeople.traineeB.email);
  });

  it.each([
    ['a missing name', { email: 'x@example.test' }],
    ['an invalid email', { name: 'X', email: 'not-an-email' }],
    ['an extra field', { name: 'X', email: 'x@example.test', role: 'platform-admin' }],
  ])('rejects %s with 400', async (_case, body) => {
    const response = await call(stack.tokens.supervisorA, '/api/invitations', body);
    expect(response.status).toBe(400);
  });

  it('removes the new account again when the person record cannot be stored (nothing half-written)', async () => {
    const deps = accountsDepsFromEnv(stack.functionEnv);
    const failingStore = {
      ...deps.people,
      getOrganisation: deps.people.getOrganisation.bind(deps.people),
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
    // The same email can be invited afterwards: the account was removed from the provider.
    expect((await call(stack.tokens.supervisorA, '/api/invitations', { name: 'Rolled Back', email })).status).toBe(201);
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
    const response = await call(stack.tokens.platformAdmin, '/api/organisations/no-such-org/supervisors', { name: 'Nobody', email: newEmail() });
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
