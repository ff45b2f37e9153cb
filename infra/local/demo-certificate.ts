import type { Principal } from '../../functions/core/auth/principal';
import { DOPS_DOMAIN_IDS, type DopsRatings } from '../../functions/core/certification/dops';
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

/**
 * Gives the demo practitioner a real record through the same use cases the API runs: every module
 * passed, three satisfactory observed procedures, a certificate from their supervisor. Returns the
 * certificate's code, so a clinic can try verification straight away.
 */
export async function seedCertifiedPractitioner(quiz: AttemptsDeps, certification: CertificationDeps): Promise<string> {
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
