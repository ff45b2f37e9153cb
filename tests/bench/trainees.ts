import { randomUUID } from 'node:crypto';
import { demoOrganisations } from '../../infra/local/demo-data';
import type { LocalStack } from '../../infra/local/stack';
import { signIn } from '../support/sign-in';

export interface BenchTrainee {
  sub: string;
  authorization: string;
}

/**
 * Trainees for the submission load, each signed in through the local provider's real sign-in.
 * Many of them, as in production: a trainee has a handful of attempts, and piling tens of
 * thousands into one trainee's partition slows DynamoDB Local's conditional updates (by about 10%
 * at 30,000 items, measured), which DynamoDB itself does not do.
 */
export async function signInBenchTrainees(stack: LocalStack, count: number): Promise<BenchTrainee[]> {
  const password = `Bench-${randomUUID()}`;
  const trainees = Array.from({ length: count }, (_, index) => ({
    sub: randomUUID(),
    email: `bench-trainee-${index + 1}@harbour.example`,
    name: `Bench Trainee ${index + 1}`,
  }));
  for (const trainee of trainees)
    stack.identityProvider.accounts.add({ ...trainee, role: 'trainee', orgId: demoOrganisations.harbour.orgId, password });
  const { issuer, clientId } = stack.identityProvider;
  const signedIn: BenchTrainee[] = [];
  for (let offset = 0; offset < count; offset += 10) {
    const batch = trainees.slice(offset, offset + 10);
    const tokens = await Promise.all(
      batch.map((trainee) => signIn(issuer, clientId, `${stack.webUrl}/auth/callback`, trainee.email, password)),
    );
    signedIn.push(...batch.map((trainee, index) => ({ sub: trainee.sub, authorization: `Bearer ${tokens[index]}` })));
  }
  return signedIn;
}
