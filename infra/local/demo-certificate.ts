import type { Principal } from '../../functions/core/auth/principal';
import { DOPS_DOMAIN_IDS, type DopsRatings } from '../../functions/core/certification/dops';
import { DAY_MS, expiryAfter } from '../../functions/core/certification/rules';
import { issueCertificate, recordObservedProcedure, type CertificationDeps } from '../../functions/core/certification/use-cases';
import { encodeServedToken } from '../../functions/core/quiz/served-token';
import { issueAttempt, submitAnswers, type AttemptsDeps } from '../../functions/core/quiz/use-cases';
import { demoPeople } from './demo-data';

const asPrincipal = (person: (typeof demoPeople)[keyof typeof demoPeople]): Principal => ({
  sub: person.sub,
  email: person.email,
  name: person.name,
  roles: [person.role],
  ...(person.orgId ? { orgId: person.orgId } : {}),
});

const MET: DopsRatings = Object.fromEntries(DOPS_DOMAIN_IDS.map((id) => [id, 'meets'])) as DopsRatings;
const PROCEDURES = ['Atrophic acne scars, both cheeks', 'Fine lines, forehead', 'Stretch marks, abdomen'];

/** The demo certificate expires this many days after start-up, so its first expiry reminder (90 days before) is due at once. */
export const DEMO_DAYS_TO_EXPIRY = 90;

/**
 * A clock that starts where the demo record begins (a little over 21 months ago: its certificate,
 * valid 24 months, then expires DEMO_DAYS_TO_EXPIRY days from now) and moves on a second per
 * reading, so every record and history event has its own time, in order.
 */
function demoClock(now: Date): () => Date {
  let time = expiryAfter(new Date(now.getTime() + DEMO_DAYS_TO_EXPIRY * DAY_MS - 3_600_000), -24).getTime();
  return () => new Date((time += 1_000));
}

/**
 * Gives the demo practitioner a real record through the same use cases the API runs: every module
 * passed, three satisfactory observed procedures, a certificate from their supervisor, all dated
 * as if done 21 months ago, so the certificate is in its renewal window and due its first expiry
 * reminder (`npm start` sends it). Returns the certificate's code, so a clinic can try
 * verification straight away.
 */
export async function seedCertifiedPractitioner(quizDeps: AttemptsDeps, certificationDeps: CertificationDeps): Promise<string> {
  const clock = demoClock(certificationDeps.now());
  const quiz = { ...quizDeps, now: clock };
  const certification = { ...certificationDeps, now: clock };
  const practitioner = asPrincipal(demoPeople.certified);
  const supervisor = asPrincipal(demoPeople.supervisorA);
  for (const bank of quiz.banks.all()) {
    const { record } = await issueAttempt(quiz, practitioner, bank.moduleId);
    const answers = record.served.map(({ questionId }) => ({
      questionId,
      selected: bank.questions.find((candidate) => candidate.id === questionId)!.correctOptionIds,
    }));
    await submitAnswers(quiz, practitioner, record.attemptId, { servedToken: encodeServedToken(record), answers });
  }
  const today = certification.now().toISOString().slice(0, 10);
  for (const procedure of PROCEDURES) {
    await recordObservedProcedure(certification, supervisor, practitioner.sub, {
      observedOn: today,
      procedure,
      ratings: MET,
      feedback: 'Safe, well-prepared treatment.',
    });
  }
  return (await issueCertificate(certification, supervisor, practitioner.sub)).code;
}
