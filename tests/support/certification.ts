import type { Certificate, IssuedAttempt, RecordObservedProcedure } from '../../functions/core/api/schemas';
import { DOPS_DOMAIN_IDS, type DopsRatings } from '../../functions/core/certification/dops';
import { formatCertificateCode } from '../../functions/core/certification/certificate-code';
import { course } from '../../functions/core/course/generated/course';
import { createDocumentClient } from '../../functions/core/store/document-client';
import { historyEvents } from '../../functions/core/certification/history';
import { DynamoCertificationStore } from '../../functions/core/store/dynamo-certification-store';
import { submissionFor } from './banks';
import type { StackInfo } from './local-stack-setup';
import { newTrainee } from './new-trainee';
import { SAMPLE_SIGN_OFF, sampleCertificate } from './sample-certificate';

type Trainee = Awaited<ReturnType<typeof newTrainee>>;

export const allRatings = (rating: 'meets' | 'below'): DopsRatings =>
  Object.fromEntries(DOPS_DOMAIN_IDS.map((id) => [id, rating])) as DopsRatings;

const today = () => new Date().toISOString().slice(0, 10);

/**
 * An observed procedure with every domain at the expected standard, performed independently; by
 * default on acne scars at 1.5 mm (with the supervisor present), the deepest the sample scope signs off.
 */
export const satisfactoryProcedure = (
  procedure = 'Atrophic acne scars, both cheeks',
  where: Pick<RecordObservedProcedure, 'areaId' | 'depthMm'> = { areaId: 'scars', depthMm: 1.5 },
): RecordObservedProcedure => ({
  observedOn: today(),
  procedure,
  ...where,
  complexity: 'moderate',
  ratings: allRatings('meets'),
  entrustment: 'independent',
  minutesObserved: 45,
  minutesFeedback: 10,
  doneWell: 'Thorough screening and consent; even, light pressure.',
  learningAction: 'Photograph at the same distance and light each session.',
});

/** What a supervisor signs off when issuing in the tests. */
export const ISSUE_BODY = { scope: { areas: SAMPLE_SIGN_OFF } };

async function send(stack: StackInfo, authorization: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${stack.webUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Passes every module's quiz through the API, as the trainee would. */
export async function passEveryModule(stack: StackInfo, trainee: Trainee): Promise<void> {
  for (const { moduleId } of course.modules) {
    const attempt = (await (await send(stack, trainee.authorization, `/api/modules/${moduleId}/attempts`, {})).json()) as IssuedAttempt;
    const submitted = await send(stack, trainee.authorization, `/api/attempts/${attempt.attemptId}/submission`, submissionFor(attempt));
    if (submitted.status !== 201) throw new Error(`passing ${moduleId} failed: ${submitted.status}`);
  }
}

/** Where the procedures recordSatisfactory records were observed, in turn: the sample scope's areas at its depths. */
const SAMPLE_AREAS = SAMPLE_SIGN_OFF.map(({ areaId, maxDepthMm }) => ({ areaId, depthMm: maxDepthMm }));

/** supervisorA records this many satisfactory observed procedures for the trainee, in the sample scope's areas in turn. */
export async function recordSatisfactory(stack: StackInfo, traineeSub: string, count: number): Promise<void> {
  for (let index = 0; index < count; index += 1) {
    const response = await send(
      stack,
      `Bearer ${stack.tokens.supervisorA}`,
      `/api/trainees/${traineeSub}/observed-procedures`,
      satisfactoryProcedure(`Procedure ${index + 1}`, SAMPLE_AREAS[index % SAMPLE_AREAS.length]),
    );
    if (response.status !== 201) throw new Error(`recording an observed procedure failed: ${response.status}`);
  }
}

/** A new trainee of supervisorA who meets every requirement but holds no certificate yet. */
export async function eligibleTrainee(stack: StackInfo, name = 'Eligible Trainee'): Promise<Trainee> {
  const trainee = await newTrainee(stack, name);
  await passEveryModule(stack, trainee);
  await recordSatisfactory(stack, trainee.sub, 3);
  return trainee;
}

/** A new trainee of supervisorA with a certificate issued. */
export async function certifiedTrainee(stack: StackInfo, name = 'Certified Trainee'): Promise<Trainee & { certificate: Certificate }> {
  const trainee = await eligibleTrainee(stack, name);
  const response = await send(stack, `Bearer ${stack.tokens.supervisorA}`, `/api/trainees/${trainee.sub}/certificate`, ISSUE_BODY);
  if (response.status !== 201) throw new Error(`issuing failed: ${response.status}`);
  return { ...trainee, certificate: (await response.json()) as Certificate };
}

/**
 * A new trainee of supervisorA whose certificate was issued 23 months ago, inside its renewal
 * window: written through the store's exactly-once write, as issuing would have written it then.
 */
export async function traineeWithAgeingCertificate(stack: StackInfo, name: string): Promise<Trainee & { code: string; expiresAt: string }> {
  const trainee = await newTrainee(stack, name);
  const record = {
    ...sampleCertificate(new Date(Date.now() - 700 * 86_400_000)),
    traineeSub: trainee.sub,
    holderName: name,
    orgId: 'harbour-skin-clinic',
  };
  const store = new DynamoCertificationStore(
    createDocumentClient({ tableName: stack.tableName, endpoint: stack.dynamoEndpoint }),
    stack.tableName,
  );
  if (!(await store.issueOnce(record, historyEvents.certificateIssued(record)))) throw new Error(`${name} already holds a certificate`);
  return { ...trainee, code: formatCertificateCode(record.code), expiresAt: record.expiresAt };
}
