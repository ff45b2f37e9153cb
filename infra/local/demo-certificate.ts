import type { Principal } from '../../functions/core/auth/principal';
import { formatCertificateCode } from '../../functions/core/certification/certificate-code';
import { DOPS_DOMAIN_IDS, type DopsRatings } from '../../functions/core/certification/dops';
import { DAY_MS, expiryAfter } from '../../functions/core/certification/rules';
import type { AreaSignOff } from '../../functions/core/certification/scope';
import type { RecordObservedProcedure } from '../../functions/core/certification/types';
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
type Observed = Pick<
  RecordObservedProcedure,
  'procedure' | 'areaId' | 'depthMm' | 'complexity' | 'entrustment' | 'doneWell' | 'learningAction'
>;
/**
 * One satisfactory procedure in each area the supervisor signs off, at the depth signed off, and
 * acne scars also at 1.0 mm performed independently: the evidence for the scope, unsupervised
 * practice included.
 */
const PROCEDURES: Observed[] = [
  {
    procedure: 'Atrophic acne scars, both cheeks',
    areaId: 'scars',
    depthMm: 1.5,
    complexity: 'moderate',
    entrustment: 'minimal-help',
    doneWell: 'Careful screening; checked for active acne and isotretinoin before consent.',
    learningAction: 'Keep passes to the endpoint: stop at pinpoint bleeding rather than adding a pass.',
  },
  {
    procedure: 'Rolling acne scars, left cheek',
    areaId: 'scars',
    depthMm: 1.0,
    complexity: 'straightforward',
    entrustment: 'independent',
    doneWell: 'Stretched the skin to flatten the scars and kept the passes even.',
    learningAction: 'Reassess at the next session before going deeper on the same scars.',
  },
  {
    procedure: 'Fine lines, forehead',
    areaId: 'upper-face',
    depthMm: 0.5,
    complexity: 'straightforward',
    entrustment: 'independent',
    doneWell: 'Set 0.5 mm for the forehead without prompting; light, even pressure.',
    learningAction: 'Photograph at the same distance and light as last time.',
  },
  {
    procedure: 'Skin texture, both cheeks and chin',
    areaId: 'face',
    depthMm: 1.0,
    complexity: 'moderate',
    entrustment: 'independent',
    doneWell: 'Clear aftercare advice, including when to call the clinic.',
    learningAction: 'Record the cartridge lot and expiry in the notes, not only the device.',
  },
  {
    procedure: 'Crepey skin, front of the neck',
    areaId: 'neck',
    depthMm: 0.5,
    complexity: 'straightforward',
    entrustment: 'independent',
    doneWell: 'Reduced the setting for thin neck skin and kept passes light.',
    learningAction: 'Explain to the patient why the neck needs a longer course.',
  },
];
/** What the demo practitioner's supervisor signed off. */
const SCOPE: AreaSignOff[] = [
  { areaId: 'face', maxDepthMm: 1.0, supervision: 'unsupervised' },
  { areaId: 'upper-face', maxDepthMm: 0.5, supervision: 'unsupervised' },
  { areaId: 'neck', maxDepthMm: 0.5, supervision: 'unsupervised' },
  { areaId: 'scars', maxDepthMm: 1.5, supervision: 'unsupervised' },
];

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
 * passed, five satisfactory observed procedures (at least one in each area signed off), a certificate from their supervisor, all dated
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
      ratings: MET,
      minutesObserved: 40,
      minutesFeedback: 10,
      ...procedure,
    });
  }
  // As printed on the certificate: CIT-XXXX-XXXX-XXXX.
  return formatCertificateCode((await issueCertificate(certification, supervisor, practitioner.sub, { scope: { areas: SCOPE } })).code);
}
