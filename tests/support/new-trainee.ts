import { randomUUID } from 'node:crypto';
import type { Invitation } from '../../functions/core/api/schemas';
import type { StackInfo } from './local-stack-setup';
import { signIn } from './sign-in';

/** Accepts an invitation on the provider's page, as the invitee would from the outbox link. */
export async function acceptInvitation(stack: StackInfo, email: string, password: string): Promise<Response> {
  const outbox = await (await fetch(`${stack.issuer}/outbox`)).text();
  // The invitations table only: the emails listed after it may name the same person.
  const row = outbox
    .split('</table>')[0]
    .split('<tr>')
    .find((line) => line.includes(email));
  const link = /href="([^"]+\/invite\/[^"]+)"/.exec(row ?? '')?.[1];
  if (!link) throw new Error(`no invitation for ${email} in the outbox`);
  const form = new URLSearchParams({ password, confirm: password });
  return fetch(link, { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' }, redirect: 'manual' });
}

/**
 * A trainee of supervisorA made the way real ones are: invited, invitation accepted, signed in.
 * Tests that record attempts use their own trainee, so attempt limits never leak between files.
 */
export async function newTrainee(stack: StackInfo, name = 'Test Trainee') {
  const email = `trainee-${randomUUID().slice(0, 8)}@harbour.example`;
  const response = await fetch(`${stack.webUrl}/api/invitations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${stack.tokens.supervisorA}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name, email }),
  });
  if (response.status !== 201) throw new Error(`invitation failed: ${response.status}`);
  const { person } = (await response.json()) as Invitation;
  const password = `Pw-${randomUUID()}`;
  await acceptInvitation(stack, email, password);
  const token = await signIn(stack.issuer, stack.clientId, `${stack.webUrl}/auth/callback`, email, password);
  return { sub: person.sub, email, password, token, authorization: `Bearer ${token}` };
}
