import { importJWK, SignJWT, type CryptoKey } from 'jose';
import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { historyEvents } from '../../functions/core/certification/history';
import { createDocumentClient } from '../../functions/core/store/document-client';
import { DynamoCertificationStore } from '../../functions/core/store/dynamo-certification-store';
import { sampleCertificate } from '../support/sample-certificate';
import type { Certificate, Certification, ObservedProcedure, Problem, Roster, Verification } from '../../functions/core/api/schemas';
import { demoPeople } from '../../infra/local/demo-data';
import {
  certifiedTrainee,
  eligibleTrainee,
  ISSUE_BODY,
  passEveryModule,
  recordSatisfactory,
  satisfactoryProcedure,
  traineeWithAgeingCertificate,
} from '../support/certification';
import { apiCaller } from '../support/api-call';
import { newTrainee } from '../support/new-trainee';

/**
 * The certificate's lifecycle through the API: suspend and reinstate, revoke, a new certificate
 * after a revocation, the scope of practice, acknowledging feedback; every change exactly once
 * however many requests race, every refusal a 4xx that names the state.
 */
const stack = inject('stack');
const bearer = (token: string) => `Bearer ${token}`;
const supervisorA = bearer(stack.tokens.supervisorA);
const platformAdmin = bearer(stack.tokens.platformAdmin);

const call = apiCaller(stack);
const json = async <T>(response: Response | Promise<Response>) => (await (await response).json()) as T;
const record = (sub: string, authorization = supervisorA) => json<Certification>(call(authorization, `/api/trainees/${sub}/certification`));
const verify = (code: string) => json<Verification>(call(undefined, `/api/certificates/${code}`));
const action = (sub: string, step: 'suspension' | 'reinstatement' | 'revocation' | 'renewal', body: unknown, as = supervisorA) =>
  call(as, `/api/trainees/${sub}/certificate/${step}`, body);
const issue = (sub: string, body: unknown = ISSUE_BODY) => call(supervisorA, `/api/trainees/${sub}/certificate`, body);

const SUSPENSION = { category: 'complaint', note: 'A patient complaint about a burn is being investigated.', reviewOn: '' };
const suspension = (reviewInDays = 14) => ({
  ...SUSPENSION,
  reviewOn: new Date(Date.now() + reviewInDays * 86_400_000).toISOString().slice(0, 10),
});
const REINSTATEMENT = { note: 'Investigation closed: no fault found; supervised session reviewed.' };
const REVOCATION = {
  category: 'false-evidence',
  note: 'Two observed procedures were found to have been recorded for another practitioner.',
};

describe('suspending and reinstating', () => {
  it('shows suspended at once in verification (no reason), on the record with its reason, and on the roster; reinstating makes it valid', async () => {
    const trainee = await certifiedTrainee(stack, 'Suspended Practitioner');
    const code = trainee.certificate.code;
    const body = suspension();
    const suspended = await action(trainee.sub, 'suspension', body);
    expect(suspended.status).toBe(200);
    expect(await json<Certificate>(suspended)).toMatchObject({
      status: 'suspended',
      suspension: {
        category: 'complaint',
        reason: 'A complaint is being investigated',
        note: body.note,
        reviewOn: body.reviewOn,
        by: { sub: demoPeople.supervisorA.sub, name: demoPeople.supervisorA.name },
      },
    });

    const publicView = await verify(code);
    expect(publicView).toMatchObject({ status: 'suspended', suspendedAt: new Date().toISOString().slice(0, 10) });
    expect(JSON.stringify(publicView)).not.toMatch(/complaint|burn|reviewOn|suspension"/);
    expect((await record(trainee.sub, trainee.authorization)).certificate).toMatchObject({
      status: 'suspended',
      suspension: { note: body.note },
    });
    const roster = await json<Roster>(call(bearer(stack.tokens.clinicAdmin), '/api/organisations/harbour-skin-clinic/roster'));
    expect(roster.people.find((person) => person.sub === trainee.sub)?.certificate?.status).toBe('suspended');
    expect(roster.summary.suspended).toBeGreaterThanOrEqual(1);

    // Not again, not renewed while suspended.
    expect(await json<Problem>(action(trainee.sub, 'suspension', body))).toMatchObject({
      status: 409,
      certificateStatus: 'suspended',
      detail: `Certificate ${code} is suspended, so it cannot be suspended.`,
    });
    expect((await action(trainee.sub, 'renewal', {})).status).toBe(409);

    const reinstated = await action(trainee.sub, 'reinstatement', REINSTATEMENT);
    expect(reinstated.status).toBe(200);
    const back = await json<Certificate>(reinstated);
    expect(back.status).toBe('valid');
    expect(back.suspension).toBeUndefined();
    expect(await verify(code)).toMatchObject({ status: 'valid' });
    expect((await verify(code)).suspendedAt).toBeUndefined();
    expect(await json<Problem>(action(trainee.sub, 'reinstatement', REINSTATEMENT))).toMatchObject({
      status: 409,
      detail: `Certificate ${code} is valid, so it cannot be reinstated.`,
    });

    const { history } = await record(trainee.sub);
    expect(history.slice(0, 2).map((event) => event.action)).toEqual(['certificate-reinstated', 'certificate-suspended']);
    expect(history[1].summary).toBe(
      `Certificate ${code} suspended (A complaint is being investigated; review on ${body.reviewOn}): ${body.note}`,
    );
    expect(history[0].summary).toBe(`Certificate ${code} reinstated: ${REINSTATEMENT.note}`);
  });

  it.each([
    ['a review date in the past', { ...SUSPENSION, reviewOn: '2020-01-01' }, 422, '/reviewOn'],
    ['a review date more than a year ahead', { ...suspension(400) }, 422, '/reviewOn'],
    ['an unknown category', { ...suspension(), category: 'gut-feeling' }, 400, '/category'],
    ['a note too short to say why', { ...suspension(), note: 'because' }, 400, '/note'],
    ['a malformed review date', { ...suspension(), reviewOn: '1/2/2027' }, 400, '/reviewOn'],
  ])('refuses %s and changes nothing', async (_case, body, status, pointer) => {
    const trainee = await certifiedTrainee(stack, 'Not Suspended');
    const response = await action(trainee.sub, 'suspension', body);
    expect(response.status).toBe(status);
    expect((await json<Problem>(response)).errors?.map((error) => error.pointer)).toContain(pointer);
    expect(await verify(trainee.certificate.code)).toMatchObject({ status: 'valid' });
  });

  it('is for the trainee’s supervisor and platform admins: another supervisor gets 404, a clinic admin 403', async () => {
    const trainee = await certifiedTrainee(stack, 'Guarded Practitioner');
    expect((await action(trainee.sub, 'suspension', suspension(), bearer(stack.tokens.supervisorB))).status).toBe(404);
    expect((await action(trainee.sub, 'suspension', suspension(), bearer(stack.tokens.clinicAdmin))).status).toBe(403);
    expect((await action(trainee.sub, 'suspension', suspension(), trainee.authorization)).status).toBe(403);
    expect((await action(trainee.sub, 'suspension', suspension(), platformAdmin)).status).toBe(200);
    expect((await action(trainee.sub, 'reinstatement', REINSTATEMENT, platformAdmin)).status).toBe(200);
  });

  it('a platform admin’s suspension is lifted only by a platform admin, not by the supervisor it overrode', async () => {
    const trainee = await certifiedTrainee(stack, 'Suspended By The Platform');
    expect((await action(trainee.sub, 'suspension', suspension(), platformAdmin)).status).toBe(200);
    expect((await record(trainee.sub)).certificate?.suspension).toMatchObject({ byPlatformAdmin: true });
    const refused = await action(trainee.sub, 'reinstatement', REINSTATEMENT);
    expect(refused.status).toBe(403);
    expect((await json<Problem>(refused)).detail).toMatch(/suspended by a platform admin; only a platform admin can reinstate it/);
    expect(await verify(trainee.certificate.code)).toMatchObject({ status: 'suspended' });
    expect((await action(trainee.sub, 'reinstatement', REINSTATEMENT, platformAdmin)).status).toBe(200);
    // The supervisor's own suspension is theirs to lift, as before.
    expect((await action(trainee.sub, 'suspension', suspension())).status).toBe(200);
    expect((await record(trainee.sub)).certificate?.suspension?.byPlatformAdmin).toBeUndefined();
    expect((await action(trainee.sub, 'reinstatement', REINSTATEMENT)).status).toBe(200);
  });

  it('suspends once of 20 racing requests; the rest get 409 naming the state', async () => {
    const trainee = await certifiedTrainee(stack, 'Raced Suspension');
    const responses = await Promise.all(Array.from({ length: 20 }, () => action(trainee.sub, 'suspension', suspension())));
    expect(responses.map((response) => response.status).sort()).toEqual([200, ...Array(19).fill(409)]);
    for (const loser of responses.filter((response) => response.status === 409))
      expect(await json<Problem>(loser)).toMatchObject({ certificateStatus: 'suspended' });
    const { history } = await record(trainee.sub);
    expect(history.filter((event) => event.action === 'certificate-suspended')).toHaveLength(1);

    const reinstatements = await Promise.all(Array.from({ length: 20 }, () => action(trainee.sub, 'reinstatement', REINSTATEMENT)));
    expect(reinstatements.map((response) => response.status).sort()).toEqual([200, ...Array(19).fill(409)]);
    for (const loser of reinstatements.filter((response) => response.status === 409))
      expect(await json<Problem>(loser)).toMatchObject({ certificateStatus: 'valid' });
    expect((await record(trainee.sub)).history.filter((event) => event.action === 'certificate-reinstated')).toHaveLength(1);
  });
});

describe('revoking', () => {
  it('revokes a suspended certificate for good; it can no longer be reinstated', async () => {
    const trainee = await certifiedTrainee(stack, 'Suspended Then Revoked');
    await action(trainee.sub, 'suspension', suspension());
    const revoked = await json<Certificate>(action(trainee.sub, 'revocation', REVOCATION));
    expect(revoked).toMatchObject({ status: 'revoked', revocation: { category: 'false-evidence', reason: 'Evidence found to be false' } });
    expect(revoked.suspension).toBeUndefined();
    expect(await json<Problem>(action(trainee.sub, 'reinstatement', REINSTATEMENT))).toMatchObject({
      status: 409,
      certificateStatus: 'revoked',
    });
    expect(await verify(trainee.certificate.code)).toMatchObject({ status: 'revoked' });
  });

  it('revokes once of 20 racing requests; the rest get 409 naming the state', async () => {
    const trainee = await certifiedTrainee(stack, 'Raced Revocation');
    const responses = await Promise.all(Array.from({ length: 20 }, () => action(trainee.sub, 'revocation', REVOCATION)));
    expect(responses.map((response) => response.status).sort()).toEqual([200, ...Array(19).fill(409)]);
    for (const loser of responses.filter((response) => response.status === 409))
      expect(await json<Problem>(loser)).toMatchObject({ certificateStatus: 'revoked' });
    expect((await record(trainee.sub)).history.filter((event) => event.action === 'certificate-revoked')).toHaveLength(1);
  });
});

describe('a new certificate after a revocation', () => {
  it('needs every module passed again and new procedures after the revocation; then it is issued once, linked to the revoked one', async () => {
    const trainee = await certifiedTrainee(stack, 'Recertified Practitioner');
    const revokedCode = trainee.certificate.code;
    await action(trainee.sub, 'revocation', { category: 'competence', note: 'Two unsafe passes over the orbital rim were observed.' });

    const standing = await record(trainee.sub);
    expect(standing).toMatchObject({ eligible: false, satisfactoryProcedures: 0, requiredSatisfactoryProcedures: 3 });
    expect(standing.countsFrom).toEqual(expect.any(String));
    expect(standing.unmet[0]).toMatch(/^Modules not yet passed since the revocation on \d{1,2} [A-Z][a-z]+ \d{4}: Mechanism of action/);
    expect(standing.renewal).toBeUndefined();
    expect(standing.nextCertificateBy).toBe('supervisor');
    const early = await issue(trainee.sub);
    expect(early.status).toBe(422);
    expect((await json<Problem>(early)).type).toBe('/problems/not-eligible');

    await passEveryModule(stack, trainee);
    await recordSatisfactory(stack, trainee.sub, 3);
    expect(await record(trainee.sub)).toMatchObject({ eligible: true, unmet: [] });

    const responses = await Promise.all(Array.from({ length: 20 }, () => issue(trainee.sub)));
    expect(responses.map((response) => response.status).sort()).toEqual([201, ...Array(19).fill(409)]);
    const fresh = await json<Certificate>(responses.find((response) => response.status === 201)!);
    expect(fresh).toMatchObject({ status: 'valid', replaces: revokedCode, satisfactoryProcedures: 3 });
    expect(fresh.code).not.toBe(revokedCode);
    for (const loser of responses.filter((response) => response.status === 409))
      expect(await json<Problem>(loser)).toMatchObject({ certificateCode: fresh.code, certificateStatus: 'valid' });

    expect(await verify(revokedCode)).toMatchObject({ status: 'revoked' });
    expect(await verify(fresh.code)).toMatchObject({ status: 'valid', replaces: revokedCode });
    const { history, certificate } = await record(trainee.sub, trainee.authorization);
    expect(certificate?.code).toBe(fresh.code);
    expect(history[0]).toMatchObject({
      action: 'certificate-issued',
      code: fresh.code,
      previousCode: revokedCode,
      summary: expect.stringContaining(`after the revocation of ${revokedCode}`),
    });
  });
});

describe('a new certificate after a revocation that discredits the evidence or overrides the supervisor', () => {
  it.each([
    ['a platform admin revoked it (for any reason)', platformAdmin, { category: 'competence', note: 'Found unsafe on an audit visit.' }],
    ['it was revoked for false evidence (by anyone)', supervisorA, REVOCATION],
  ])('is a platform admin’s to issue when %s, on new evidence', async (_case, revokedBy, revocation) => {
    const trainee = await certifiedTrainee(stack, 'Recertified By The Platform');
    const revokedCode = trainee.certificate.code;
    expect((await action(trainee.sub, 'revocation', revocation, revokedBy)).status).toBe(200);
    await passEveryModule(stack, trainee);
    await recordSatisfactory(stack, trainee.sub, 3);
    const standing = await record(trainee.sub);
    expect(standing).toMatchObject({ eligible: true, nextCertificateBy: 'platform-admin' });

    const bySupervisor = await issue(trainee.sub);
    expect(bySupervisor.status).toBe(403);
    expect((await json<Problem>(bySupervisor)).detail).toMatch(/a platform admin issues the new certificate/);
    expect((await record(trainee.sub)).certificate?.code).toBe(revokedCode);

    const byAdmin = await call(platformAdmin, `/api/trainees/${trainee.sub}/certificate`, ISSUE_BODY);
    expect(byAdmin.status).toBe(201);
    expect(await json<Certificate>(byAdmin)).toMatchObject({ status: 'valid', replaces: revokedCode });
  });

  it('stays a platform admin’s once one has stepped in: the supervisor cannot take it back by revoking themselves', async () => {
    // A platform admin's suspension: the supervisor may neither reinstate it nor revoke it to reset who issues.
    const suspended = await certifiedTrainee(stack, 'Held By The Platform');
    expect((await action(suspended.sub, 'suspension', suspension(), platformAdmin)).status).toBe(200);
    const revokedBySupervisor = await action(suspended.sub, 'revocation', {
      category: 'left-practice',
      note: 'Left the clinic last week.',
    });
    expect(revokedBySupervisor.status).toBe(200);
    await passEveryModule(stack, suspended);
    await recordSatisfactory(stack, suspended.sub, 3);
    expect(await record(suspended.sub)).toMatchObject({ eligible: true, nextCertificateBy: 'platform-admin' });
    expect((await issue(suspended.sub)).status).toBe(403);

    // A certificate a platform admin issued: the supervisor's own revocation of it leaves the next one to a platform admin too.
    const byAdmin = await call(platformAdmin, `/api/trainees/${suspended.sub}/certificate`, ISSUE_BODY);
    expect(byAdmin.status).toBe(201);
    expect((await action(suspended.sub, 'revocation', { category: 'issued-in-error', note: 'Issued on the wrong record.' })).status).toBe(
      200,
    );
    await passEveryModule(stack, suspended);
    await recordSatisfactory(stack, suspended.sub, 3);
    expect(await record(suspended.sub)).toMatchObject({ eligible: true, nextCertificateBy: 'platform-admin' });
    expect((await issue(suspended.sub)).status).toBe(403);
  });

  it('a platform admin does not issue a first certificate, or one after the supervisor’s own revocation: that is the supervisor’s', async () => {
    const eligible = await newTrainee(stack, 'Never Certified');
    await passEveryModule(stack, eligible);
    await recordSatisfactory(stack, eligible.sub, 3);
    expect((await record(eligible.sub)).nextCertificateBy).toBe('supervisor');
    expect((await call(platformAdmin, `/api/trainees/${eligible.sub}/certificate`, ISSUE_BODY)).status).toBe(403);
    expect((await record(eligible.sub)).certificate).toBeUndefined();
  });
});

describe('scope of practice', () => {
  it('is recorded as signed off, in the course’s order of areas, with the unsupervised limit the course allows', async () => {
    const { certificate } = await certifiedTrainee(stack, 'Scoped Practitioner');
    expect(certificate.scope.areas).toEqual([
      expect.objectContaining({ areaId: 'face', maxDepthMm: 1, maxDepthUnsupervisedMm: 1 }),
      expect.objectContaining({ areaId: 'neck', maxDepthMm: 0.5, maxDepthUnsupervisedMm: 0 }),
      // Signed off as unsupervised up to 1.5 mm: the course allows 1.0 mm without a supervisor present.
      expect.objectContaining({ areaId: 'scars', maxDepthMm: 1.5, maxDepthUnsupervisedMm: 1 }),
    ]);
    expect((await verify(certificate.code)).scope.areas.map((area) => area.limits)).toEqual([
      'up to 1.0 mm, may treat unsupervised',
      'up to 0.5 mm, only with a supervisor present',
      'up to 1.0 mm unsupervised; up to 1.5 mm with a supervisor present',
    ]);
  });

  const area = (areaId: string, maxDepthMm: number) => ({ areaId, maxDepthMm, supervision: 'unsupervised' });

  it('is signed off only on evidence: a satisfactory procedure in each area, no deeper than observed there', async () => {
    const trainee = await newTrainee(stack, 'Evidenced Practitioner');
    await passEveryModule(stack, trainee);
    // Three satisfactory procedures: the face at 1.0 mm, acne scars at 1.0 mm, the neck at 0.5 mm.
    for (const where of [
      { areaId: 'face', depthMm: 1 },
      { areaId: 'scars', depthMm: 1 },
      { areaId: 'neck', depthMm: 0.5 },
    ])
      await call(supervisorA, `/api/trainees/${trainee.sub}/observed-procedures`, satisfactoryProcedure('Evidence', where));
    // One not satisfactory on the body: not evidence.
    await call(supervisorA, `/api/trainees/${trainee.sub}/observed-procedures`, {
      ...satisfactoryProcedure('Stretch marks', { areaId: 'body', depthMm: 1 }),
      entrustment: 'observed-only',
    });
    const refused = await issue(trainee.sub, { scope: { areas: [area('face', 1), area('scars', 1.5), area('body', 1)] } });
    expect(refused.status).toBe(422);
    expect((await json<Problem>(refused)).errors).toEqual([
      {
        pointer: '/scope/areas/1/maxDepthMm',
        message: expect.stringMatching(/at most 1\.0 mm, the deepest setting observed satisfactorily there\.$/),
      },
      { pointer: '/scope/areas/2/areaId', message: expect.stringMatching(/no satisfactory observed procedure in this area yet/) },
    ]);
    expect((await record(trainee.sub)).certificate).toBeUndefined();
    const issued = await issue(trainee.sub, { scope: { areas: [area('face', 1), area('scars', 1), area('neck', 0.5)] } });
    expect(issued.status).toBe(201);
  });
  it('is unsupervised only where the trainee performed a procedure independently, and no deeper unsupervised than they did', async () => {
    const trainee = await newTrainee(stack, 'Independently Evidenced');
    await passEveryModule(stack, trainee);
    for (const [areaId, depthMm, entrustment] of [
      ['face', 1, 'independent'],
      ['scars', 1.5, 'minimal-help'],
      ['scars', 0.5, 'independent'],
      ['neck', 0.5, 'direct-help'],
    ] as const)
      expect(
        (
          await call(supervisorA, `/api/trainees/${trainee.sub}/observed-procedures`, {
            ...satisfactoryProcedure('Evidence', { areaId, depthMm }),
            entrustment,
          })
        ).status,
      ).toBe(201);
    const refused = await issue(trainee.sub, { scope: { areas: [area('face', 1), area('scars', 1.5), area('neck', 0.5)] } });
    expect(refused.status).toBe(422);
    expect((await json<Problem>(refused)).errors).toEqual([
      {
        pointer: '/scope/areas/2/supervision',
        message: expect.stringMatching(/^Neck: no procedure there was performed independently yet; sign it off as supervised only/),
      },
    ]);
    const issued = await json<Certificate>(
      issue(trainee.sub, {
        scope: { areas: [area('face', 1), area('scars', 1.5), { ...area('neck', 0.5), supervision: 'supervised-only' }] },
      }),
    );
    // Acne scars: 1.5 mm seen with minimal help, 0.5 mm independently: unsupervised only up to 0.5 mm.
    expect(issued.scope.areas.map((entry) => [entry.areaId, entry.maxDepthMm, entry.maxDepthUnsupervisedMm])).toEqual([
      ['face', 1, 1],
      ['neck', 0.5, 0],
      ['scars', 1.5, 0.5],
    ]);
  });

  it('on renewal, making a supervised-only area unsupervised needs independent evidence there, like adding it', async () => {
    const trainee = await traineeWithAgeingCertificate(stack, 'Renewed Towards Independence');
    const helped = { ...satisfactoryProcedure('Neck, helped', { areaId: 'neck', depthMm: 0.5 }), entrustment: 'direct-help' };
    expect((await call(supervisorA, `/api/trainees/${trainee.sub}/observed-procedures`, helped)).status).toBe(201);
    const widened = { scope: { areas: [area('face', 1), area('scars', 1.5), area('neck', 0.5)] } };
    const refused = await action(trainee.sub, 'renewal', widened);
    expect(refused.status).toBe(422);
    expect((await json<Problem>(refused)).errors?.map((error) => error.pointer)).toEqual(['/scope/areas/2/supervision']);
    const independent = satisfactoryProcedure('Neck, independent', { areaId: 'neck', depthMm: 0.5 });
    expect((await call(supervisorA, `/api/trainees/${trainee.sub}/observed-procedures`, independent)).status).toBe(201);
    const renewed = await json<Certificate>(action(trainee.sub, 'renewal', widened));
    expect(renewed.scope.areas.find((entry) => entry.areaId === 'neck')).toMatchObject({ maxDepthMm: 0.5, maxDepthUnsupervisedMm: 0.5 });
  });

  it('on renewal, evidence from before a revocation never counts again, however the scope is widened', async () => {
    const trainee = await newTrainee(stack, 'Renewed After A Revocation');
    const store = new DynamoCertificationStore(
      createDocumentClient({ tableName: stack.tableName, endpoint: stack.dynamoEndpoint }),
      stack.tableName,
    );
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
    // Procedures observed before the revocation (their evidence was found false), and one recent one.
    const procedure = (areaId: string, depthMm: number, at: Date) => ({
      ...satisfactoryProcedure('Recorded before', { areaId, depthMm }),
      observedOn: at.toISOString().slice(0, 10),
      procedureId: randomUUID(),
      traineeSub: trainee.sub,
      assessorSub: demoPeople.supervisorA.sub,
      assessorName: demoPeople.supervisorA.name,
      satisfactory: true,
      recordedAt: at.toISOString(),
    });
    for (const earlier of [procedure('scars', 1.5, daysAgo(720)), procedure('neck', 0.5, daysAgo(720))])
      await store.addObservedProcedure(earlier, historyEvents.procedureRecorded(earlier));
    // The certificate issued after the revocation, on new evidence in the face only, now in its renewal window.
    const certificate = {
      ...sampleCertificate(daysAgo(700)),
      traineeSub: trainee.sub,
      holderName: 'Renewed After A Revocation',
      orgId: 'harbour-skin-clinic',
      scope: { areas: [{ areaId: 'face', label: 'Face', maxDepthMm: 1, maxDepthUnsupervisedMm: 1 }] },
      evidenceFrom: daysAgo(701).toISOString(),
    };
    expect(await store.issueOnce(certificate, historyEvents.certificateIssued(certificate))).toBe(true);
    const recent = procedure('face', 1, daysAgo(1));
    await store.addObservedProcedure(recent, historyEvents.procedureRecorded(recent));

    const widened = await action(trainee.sub, 'renewal', { scope: { areas: [area('face', 1), area('scars', 1.5), area('neck', 0.5)] } });
    expect(widened.status).toBe(422);
    expect((await json<Problem>(widened)).errors?.map((error) => error.pointer)).toEqual([
      '/scope/areas/1/areaId',
      '/scope/areas/2/areaId',
    ]);
    const renewed = await json<Certificate>(action(trainee.sub, 'renewal', {}));
    expect(renewed.scope.areas.map((entry) => entry.areaId)).toEqual(['face']);
  });

  it.each([
    ['a depth beyond the course’s limit for the area', [area('neck', 1.0)], 422, '/scope/areas/0/maxDepthMm'],
    ['a depth not in steps of 0.05 mm', [area('face', 0.33)], 422, '/scope/areas/0/maxDepthMm'],
    ['an area the course does not have', [area('eyelids', 0.25)], 422, '/scope/areas/0/areaId'],
    ['the same area twice', [area('face', 1.0), area('face', 0.5)], 422, '/scope/areas/1/areaId'],
    ['no area at all', [], 400, '/scope/areas'],
    ['a depth of zero', [area('face', 0)], 400, '/scope/areas/0/maxDepthMm'],
    ['an unknown supervision', [{ ...area('face', 1), supervision: 'sometimes' }], 400, '/scope/areas/0/supervision'],
  ])('refuses %s, and issues nothing', async (_case, areas, status, pointer) => {
    const trainee = await newTrainee(stack, 'Badly Scoped');
    await passEveryModule(stack, trainee);
    await recordSatisfactory(stack, trainee.sub, 3);
    const response = await issue(trainee.sub, { scope: { areas } });
    expect(response.status).toBe(status);
    expect((await json<Problem>(response)).errors?.map((error) => error.pointer)).toContain(pointer);
    expect((await record(trainee.sub)).certificate).toBeUndefined();
  });

  it('is carried over on renewal unless the supervisor changes it, within the same limits', async () => {
    const kept = await traineeWithAgeingCertificate(stack, 'Renewed With Scope');
    await recordSatisfactory(stack, kept.sub, 1);
    const before = (await record(kept.sub)).certificate!.scope;
    const renewed = await json<Certificate>(action(kept.sub, 'renewal', {}));
    expect(renewed.scope).toEqual(before);

    const changed = await traineeWithAgeingCertificate(stack, 'Renewed With New Scope');
    await recordSatisfactory(stack, changed.sub, 1);
    expect((await action(changed.sub, 'renewal', { scope: { areas: [area('hands', 2)] } })).status).toBe(422);
    // What a renewal adds needs evidence now: a satisfactory procedure in the area, at least as deep.
    const unobserved = await action(changed.sub, 'renewal', { scope: { areas: [area('face', 1), area('hands', 0.5)] } });
    expect(unobserved.status).toBe(422);
    expect((await json<Problem>(unobserved)).errors).toEqual([
      { pointer: '/scope/areas/1/areaId', message: expect.stringMatching(/^Backs of the hands: no satisfactory observed procedure/) },
    ]);
    for (const where of [
      { areaId: 'hands', depthMm: 0.5 },
      { areaId: 'body', depthMm: 1.5 },
    ])
      expect(
        (await call(supervisorA, `/api/trainees/${changed.sub}/observed-procedures`, satisfactoryProcedure('Widened', where))).status,
      ).toBe(201);
    const widened = await json<Certificate>(
      action(changed.sub, 'renewal', { scope: { areas: [area('face', 1), area('hands', 0.5), area('body', 1.5)] } }),
    );
    expect(widened.scope.areas.map((entry) => [entry.areaId, entry.maxDepthMm, entry.maxDepthUnsupervisedMm])).toEqual([
      ['face', 1, 1],
      ['hands', 0.5, 0.5],
      ['body', 1.5, 1],
    ]);
  });
});

describe('names on the record', () => {
  it('are the ones the platform holds, not the token’s name claim, which a user can change in the identity provider', async () => {
    const supervisor = demoPeople.supervisorA;
    const key = (await importJWK(stack.signingKey, 'RS256')) as CryptoKey;
    const renamed = await new SignJWT({
      email: supervisor.email,
      name: 'Dr Impostor, Consultant Dermatologist',
      'cognito:groups': ['supervisor'],
      'custom:org': supervisor.orgId,
    })
      .setProtectedHeader({ alg: 'RS256', kid: stack.signingKey.kid })
      .setSubject(supervisor.sub)
      .setIssuer(stack.issuer)
      .setAudience(stack.clientId)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(key);
    const trainee = await eligibleTrainee(stack, 'Named Properly');
    const procedure = await json<ObservedProcedure>(
      call(bearer(renamed), `/api/trainees/${trainee.sub}/observed-procedures`, satisfactoryProcedure('Named procedure')),
    );
    expect(procedure.assessorName).toBe(supervisor.name);
    const certificate = await json<Certificate>(call(bearer(renamed), `/api/trainees/${trainee.sub}/certificate`, ISSUE_BODY));
    expect(certificate.issuedBy).toBe(supervisor.name);
    expect((await action(trainee.sub, 'suspension', suspension(), bearer(renamed))).status).toBe(200);
    const { history } = await record(trainee.sub);
    expect(history.slice(0, 3).map((event) => event.actorName)).toEqual([supervisor.name, supervisor.name, supervisor.name]);
    expect(JSON.stringify(await verify(certificate.code))).not.toContain('Impostor');
  });
});

describe('acknowledging feedback', () => {
  it('is the trainee’s own confirmation, kept once beside the record, which stays as it was', async () => {
    const trainee = await newTrainee(stack, 'Acknowledging Trainee');
    const procedure = await json<ObservedProcedure>(
      call(supervisorA, `/api/trainees/${trainee.sub}/observed-procedures`, satisfactoryProcedure()),
    );
    const path = `/api/me/observed-procedures/${procedure.procedureId}/acknowledgement`;
    const other = await newTrainee(stack, 'Someone Else');
    expect((await call(other.authorization, path, {})).status).toBe(404);
    expect((await call(supervisorA, path, {})).status).toBe(403);

    const answers = await Promise.all(
      Array.from({ length: 10 }, () => call(trainee.authorization, path, { comment: 'Will photograph in the same light.' })),
    );
    expect(answers.map((response) => response.status)).toEqual(Array(10).fill(200));
    const acknowledged = await Promise.all(answers.map((response) => json<ObservedProcedure>(response)));
    expect(new Set(acknowledged.map((entry) => entry.acknowledgement?.at)).size).toBe(1);
    expect(acknowledged[0]).toMatchObject({ ...procedure, acknowledgement: { comment: 'Will photograph in the same light.' } });

    const { observedProcedures, history } = await record(trainee.sub);
    expect(observedProcedures).toHaveLength(1);
    expect(observedProcedures[0]).toEqual(acknowledged[0]);
    expect(history.filter((event) => event.action === 'feedback-acknowledged')).toHaveLength(1);
  });
});
