import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, inject, it } from 'vitest';
import type { ObservedProcedure, Certificate, Certification, Problem, Roster, Verification } from '../../functions/core/api/schemas';
import { createDocumentClient } from '../../functions/core/store/document-client';
import { demoPeople } from '../../infra/local/demo-data';
import {
  allRatings,
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

const stack = inject('stack');
const bearer = (token: string) => `Bearer ${token}`;
const supervisorA = bearer(stack.tokens.supervisorA);

const call = apiCaller(stack);
const certificationOf = async (sub: string, authorization = supervisorA) =>
  (await (await call(authorization, `/api/trainees/${sub}/certification`)).json()) as Certification;
const issue = (sub: string, authorization = supervisorA, body: unknown = ISSUE_BODY) =>
  call(authorization, `/api/trainees/${sub}/certificate`, body);
const verify = (code: string) => call(undefined, `/api/certificates/${encodeURIComponent(code)}`);

/** Every stored copy of a trainee's certificates, read straight from DynamoDB Local. */
async function storedCertificates(traineeSub: string) {
  const client = createDocumentClient({ tableName: stack.tableName, endpoint: stack.dynamoEndpoint });
  const { Items = [] } = await client.send(
    new ScanCommand({
      TableName: stack.tableName,
      FilterExpression: '#type = :type AND traineeSub = :sub',
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: { ':type': 'Certificate', ':sub': traineeSub },
    }),
  );
  return Items;
}

describe('observed procedures', () => {
  it('are recorded by the trainee’s supervisor as on a DOPS form; only those at standard in every domain, performed by the trainee, count', async () => {
    const trainee = await newTrainee(stack, 'Assessed Trainee');
    const recorded = await call(supervisorA, `/api/trainees/${trainee.sub}/observed-procedures`, satisfactoryProcedure());
    expect(recorded.status).toBe(201);
    expect((await recorded.json()) as ObservedProcedure).toMatchObject({
      satisfactory: true,
      assessorName: demoPeople.supervisorA.name,
      procedure: 'Atrophic acne scars, both cheeks',
      complexity: 'moderate',
      entrustment: 'independent',
      minutesObserved: 45,
      minutesFeedback: 10,
      doneWell: 'Thorough screening and consent; even, light pressure.',
      learningAction: 'Photograph at the same distance and light each session.',
    });

    const weak = {
      ...satisfactoryProcedure('Stretch marks, abdomen'),
      ratings: { ...allRatings('meets'), 'preparation-and-asepsis': 'below' },
      learningAction: 'Re-glove after touching the phone.',
    };
    expect(
      (await (await call(supervisorA, `/api/trainees/${trainee.sub}/observed-procedures`, weak)).json()) as ObservedProcedure,
    ).toMatchObject({ satisfactory: false });
    // Every domain at standard, but the supervisor took over: shows nothing of the trainee's competence yet.
    const takenOver = { ...satisfactoryProcedure('Fine lines, forehead'), entrustment: 'observed-only' };
    expect(
      (await (await call(supervisorA, `/api/trainees/${trainee.sub}/observed-procedures`, takenOver)).json()) as ObservedProcedure,
    ).toMatchObject({ satisfactory: false });

    const record = await certificationOf(trainee.sub);
    expect(record.observedProcedures.map((procedure) => procedure.procedure)).toEqual([
      'Fine lines, forehead',
      'Stretch marks, abdomen',
      'Atrophic acne scars, both cheeks',
    ]);
    expect(record).toMatchObject({
      satisfactoryProcedures: 1,
      requiredSatisfactoryProcedures: 3,
      independentProcedures: 1,
      distinctAssessors: 1,
      eligible: false,
    });
    // The trainee sees their own record.
    expect((await certificationOf(trainee.sub, trainee.authorization)).observedProcedures).toHaveLength(3);
  });

  it.each([
    ['more feedback than twice the time observed', { minutesObserved: 20, minutesFeedback: 45 }, '/minutesFeedback'],
    ['a date in the future', { observedOn: '2999-01-01' }, '/observedOn'],
    ['a date over a year ago', { observedOn: '2001-01-01' }, '/observedOn'],
    ['an area the course does not have', { areaId: 'eyelids' }, '/areaId'],
    ['a depth beyond the course’s limit for the area', { areaId: 'neck', depthMm: 1 }, '/depthMm'],
  ])('refuses %s with 422 and stores nothing', async (_case, change, pointer) => {
    const trainee = await newTrainee(stack);
    const response = await call(supervisorA, `/api/trainees/${trainee.sub}/observed-procedures`, { ...satisfactoryProcedure(), ...change });
    expect(response.status).toBe(422);
    const problem = (await response.json()) as Problem;
    expect(problem.errors?.map((error) => error.pointer)).toContain(pointer);
    expect((await certificationOf(trainee.sub)).observedProcedures).toEqual([]);
  });

  it.each([
    ['a missing domain', { ratings: { 'screening-and-consent': 'meets' } }, '/ratings'],
    ['an unknown rating', { ratings: { ...allRatings('meets'), aftercare: 'excellent' } }, '/ratings/aftercare'],
    ['a malformed date', { observedOn: '24/11/2026' }, '/observedOn'],
    ['an empty procedure', { procedure: ' ' }, '/procedure'],
    ['no treatment area', { areaId: undefined }, '/areaId'],
    ['no depth', { depthMm: undefined }, '/depthMm'],
    ['no learning action', { learningAction: '' }, '/learningAction'],
    ['an unknown entrustment level', { entrustment: 'expert' }, '/entrustment'],
    ['an unknown complexity', { complexity: 'trivial' }, '/complexity'],
    ['minutes that are not whole', { minutesObserved: 12.5 }, '/minutesObserved'],
    ['no minutes observed', { minutesObserved: 0 }, '/minutesObserved'],
    ['an unknown field', { grade: 'A' }, ''],
  ])('answers 400 for %s', async (_case, change, pointer) => {
    const response = await call(supervisorA, `/api/trainees/${demoPeople.traineeA.sub}/observed-procedures`, {
      ...satisfactoryProcedure(),
      ...change,
    });
    expect(response.status).toBe(400);
    const problem = (await response.json()) as Problem;
    expect(problem.errors?.some((error) => error.pointer.startsWith(pointer))).toBe(true);
  });
});

describe('issuing a certificate', () => {
  it('is refused with 422 and the unmet requirements until every module is passed and three procedures are satisfactory', async () => {
    const trainee = await newTrainee(stack, 'Not Yet Trainee');
    const early = await issue(trainee.sub);
    expect(early.status).toBe(422);
    const problem = (await early.json()) as Problem;
    expect(problem.type).toBe('/problems/not-eligible');
    expect(problem.unmet).toEqual([
      expect.stringContaining('Modules not yet passed: Mechanism of action'),
      'Satisfactory observed procedures: 0 of 3.',
      'Different assessors among them: 0 of 1.',
      'Performed independently (no help needed): 0 of 1.',
    ]);

    await passEveryModule(stack, trainee);
    await recordSatisfactory(stack, trainee.sub, 2);
    expect(((await (await issue(trainee.sub)).json()) as Problem).unmet).toEqual(['Satisfactory observed procedures: 2 of 3.']);
    expect(await storedCertificates(trainee.sub)).toEqual([]);

    await recordSatisfactory(stack, trainee.sub, 1);
    expect((await certificationOf(trainee.sub)).eligible).toBe(true);
  });

  it('issues exactly once, however many requests race: one 201, the rest 409 naming it, one certificate stored', async () => {
    const trainee = await eligibleTrainee(stack, 'Raced Trainee');
    const responses = await Promise.all(Array.from({ length: 20 }, () => issue(trainee.sub)));
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([201, ...Array(19).fill(409)]);
    const certificate = (await responses.find((response) => response.status === 201)!.json()) as Certificate;
    expect(certificate).toMatchObject({
      status: 'valid',
      holderName: 'Raced Trainee',
      organisationName: 'Harbour Skin Clinic',
      issuedBy: demoPeople.supervisorA.name,
      satisfactoryProcedures: 3,
    });
    expect(certificate.code).toMatch(/^CIT-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(certificate.modules).toHaveLength(5);
    // Two copies of one certificate: the trainee's and the public one under its code.
    const stored = await storedCertificates(trainee.sub);
    expect(stored).toHaveLength(2);
    expect(new Set(stored.map((item) => item.code)).size).toBe(1);
    expect((await certificationOf(trainee.sub, trainee.authorization)).certificate?.code).toBe(certificate.code);
    const again = await issue(trainee.sub);
    expect((await again.json()) as Problem).toMatchObject({ certificateCode: certificate.code, certificateStatus: 'valid' });
    for (const loser of responses.filter((response) => response.status === 409))
      expect(((await loser.json()) as Problem).detail).toBe(`This trainee already holds certificate ${certificate.code} (valid).`);
  });

  it('is for the trainee’s own supervisor only: another supervisor gets 404', async () => {
    const trainee = await eligibleTrainee(stack);
    expect((await issue(trainee.sub, bearer(stack.tokens.supervisorB))).status).toBe(404);
    expect(await storedCertificates(trainee.sub)).toEqual([]);
  });
});

describe('public verification', () => {
  it('shows holder, status and what it was issued on, to anyone, however the code is typed', async () => {
    const { certificate } = await certifiedTrainee(stack, 'Verified Practitioner');
    const response = await verify(certificate.code);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const verification = (await response.json()) as Verification;
    expect(verification).toMatchObject({
      code: certificate.code,
      status: 'valid',
      holderName: 'Verified Practitioner',
      organisationName: 'Harbour Skin Clinic',
      satisfactoryProcedures: 3,
    });
    expect(verification.modules.map((module) => module.title)).toEqual([
      'Mechanism of action',
      'Indications',
      'Technique and needle pressure',
      'Complications',
      'Contraindications and patient screening',
    ]);
    // Nothing private: no ids, no evidence references, no reasons.
    expect(JSON.stringify(verification)).not.toMatch(/traineeSub|attemptId|email|revocationReason/);
    // Dates, not timestamps: when each quiz was sat, to the millisecond, is not the public's business.
    const DATE = /^\d{4}-\d{2}-\d{2}$/;
    expect(verification.modules.map((module) => module.passedAt).every((date) => DATE.test(date))).toBe(true);
    expect([verification.issuedAt, verification.expiresAt].every((date) => DATE.test(date))).toBe(true);
    expect(verification.issuedAt).toBe(certificate.issuedAt.slice(0, 10));

    const typed = certificate.code.toLowerCase().replace(/-/g, '').replace(/^cit/, '').replace(/0/g, 'o').replace(/1/g, 'l');
    expect(((await (await verify(typed)).json()) as Verification).code).toBe(certificate.code);
  });

  it('answers 404 for a well-formed code that was never issued, 400 for something that cannot be a code', async () => {
    const unknown = await verify('CIT-0000-0000-0000');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toBe('application/problem+json');
    for (const bad of ['CIT-UUUU-0000-0000', 'CIT-123', 'x'.repeat(41), 'DROP TABLE']) {
      const response = await verify(bad);
      expect(response.status).toBe(400);
      expect(((await response.json()) as Problem).errors?.[0].pointer).toBe('/path/code');
    }
  });
});

describe('revoking a certificate', () => {
  const revocation = (note: string) => ({ category: 'competence', note });

  it('shows as revoked in verification at once; the reason stays with the holder and supervisor; a second revocation is 409', async () => {
    const trainee = await certifiedTrainee(stack, 'Revoked Practitioner');
    const path = `/api/trainees/${trainee.sub}/certificate/revocation`;
    expect((await call(supervisorA, path, revocation('short'))).status).toBe(400);
    expect((await call(supervisorA, path, { category: 'bad-vibes', note: 'Not a category we keep.' })).status).toBe(400);
    expect((await call(bearer(stack.tokens.supervisorB), path, revocation('Not my trainee at all.'))).status).toBe(404);
    expect(((await (await verify(trainee.certificate.code)).json()) as Verification).status).toBe('valid');

    const revoked = await call(supervisorA, path, revocation('Repeated breaches of aseptic technique.'));
    expect(revoked.status).toBe(200);
    expect((await revoked.json()) as Certificate).toMatchObject({
      status: 'revoked',
      revocation: {
        category: 'competence',
        reason: 'Competence is no longer demonstrated',
        note: 'Repeated breaches of aseptic technique.',
        by: { name: demoPeople.supervisorA.name },
      },
    });

    const verification = (await (await verify(trainee.certificate.code)).json()) as Verification;
    expect(verification).toMatchObject({ status: 'revoked', revokedAt: expect.any(String) });
    expect(JSON.stringify(verification)).not.toMatch(/aseptic|competence|revocation"/);
    expect((await certificationOf(trainee.sub, trainee.authorization)).certificate).toMatchObject({
      status: 'revoked',
      revocation: { note: 'Repeated breaches of aseptic technique.' },
    });

    const again = await call(bearer(stack.tokens.platformAdmin), path, revocation('Revoking it a second time.'));
    expect(again.status).toBe(409);
    expect((await again.json()) as Problem).toMatchObject({
      certificateStatus: 'revoked',
      detail: `Certificate ${trainee.certificate.code} has been revoked, so it cannot be revoked.`,
    });
    expect(((await (await verify(trainee.certificate.code)).json()) as Verification).status).toBe('revoked');
  });

  it('answers 404 when the trainee holds no certificate', async () => {
    const trainee = await newTrainee(stack);
    expect(
      (await call(supervisorA, `/api/trainees/${trainee.sub}/certificate/revocation`, revocation('Nothing to revoke here.'))).status,
    ).toBe(404);
  });
});

describe('the staff roster', () => {
  it('lists each trainee of the organisation with their certificate’s status, and the members list still holds only people', async () => {
    const valid = await certifiedTrainee(stack, 'Roster Valid');
    const revoked = await certifiedTrainee(stack, 'Roster Revoked');
    await call(supervisorA, `/api/trainees/${revoked.sub}/certificate/revocation`, {
      category: 'left-practice',
      note: 'Left the profession this month.',
    });
    const uncertified = await newTrainee(stack, 'Roster Uncertified');

    const response = await call(bearer(stack.tokens.clinicAdmin), '/api/organisations/harbour-skin-clinic/roster');
    expect(response.status).toBe(200);
    const roster = (await response.json()) as Roster;
    const entry = (sub: string) => roster.people.find((person) => person.sub === sub);
    expect(roster.organisationName).toBe('Harbour Skin Clinic');
    expect(entry(valid.sub)?.certificate).toMatchObject({ code: valid.certificate.code, status: 'valid', expiringSoon: false });
    expect(entry(valid.sub)?.certificate?.scope.areas.map((area) => [area.areaId, area.limits])).toEqual([
      ['face', 'up to 1.0 mm, may treat unsupervised'],
      ['neck', 'up to 0.5 mm, only with a supervisor present'],
      ['scars', 'up to 1.0 mm unsupervised; up to 1.5 mm with a supervisor present'],
    ]);
    expect(entry(revoked.sub)?.certificate).toMatchObject({ status: 'revoked' });
    expect(entry(uncertified.sub)).toMatchObject({ name: 'Roster Uncertified' });
    expect(entry(uncertified.sub)?.certificate).toBeUndefined();
    // Trainees and practitioners only, in name order; the summary adds up.
    expect(entry(demoPeople.supervisorA.sub)).toBeUndefined();
    expect(roster.people.map((person) => person.name)).toEqual([...roster.people.map((person) => person.name)].sort());
    const { valid: validCount, expired, suspended, revoked: revokedCount, notCertified } = roster.summary;
    expect(validCount + expired + suspended + revokedCount + notCertified).toBe(roster.people.length);

    // Certificates share the organisation's index partition with its people: members are still only people.
    const members = (await (await call(bearer(stack.tokens.clinicAdmin), '/api/organisations/harbour-skin-clinic/members')).json()) as {
      people: { sub: string; role: string }[];
    };
    expect(members.people.every((person) => typeof person.role === 'string' && person.sub)).toBe(true);
    expect(members.people.filter((person) => person.sub === valid.sub)).toHaveLength(1);
  });
});

describe('renewing a certificate', () => {
  const renew = (sub: string) => call(supervisorA, `/api/trainees/${sub}/certificate/renewal`, {});

  it('needs a satisfactory procedure since issue; then issues a new code running on from the old expiry, and the old code verifies as superseded', async () => {
    const trainee = await traineeWithAgeingCertificate(stack, 'Renewing Practitioner');
    const before = await certificationOf(trainee.sub);
    expect(before.renewal).toMatchObject({
      eligible: false,
      satisfactorySinceIssue: 0,
      unmet: ['Satisfactory observed procedures since this certificate was issued: 0 of 1.'],
    });
    const early = await renew(trainee.sub);
    expect(early.status).toBe(422);

    await recordSatisfactory(stack, trainee.sub, 1);
    const renewed = await renew(trainee.sub);
    expect(renewed.status).toBe(201);
    const certificate = (await renewed.json()) as Certificate;
    expect(certificate).toMatchObject({ status: 'valid', renews: trainee.code, satisfactoryProcedures: 1 });
    expect(certificate.code).not.toBe(trainee.code);
    // Renewed early, it runs 24 months from the old expiry.
    expect(new Date(certificate.expiresAt).getUTCFullYear()).toBe(new Date(trainee.expiresAt).getUTCFullYear() + 2);

    expect((await (await verify(trainee.code)).json()) as Verification).toMatchObject({
      status: 'superseded',
      supersededBy: certificate.code,
    });
    expect((await (await verify(certificate.code)).json()) as Verification).toMatchObject({ status: 'valid', renews: trainee.code });
    expect((await certificationOf(trainee.sub)).certificate?.code).toBe(certificate.code);
    // The new certificate is two years from expiry: not renewable again.
    const again = await renew(trainee.sub);
    expect(again.status).toBe(422);
    expect(((await again.json()) as Problem).unmet?.[0]).toMatch(/^Renewal opens on/);
  });

  it('the old code names its renewal and the renewal’s status now: valid, then revoked once the renewal is revoked', async () => {
    const trainee = await traineeWithAgeingCertificate(stack, 'Renewed Then Revoked');
    await recordSatisfactory(stack, trainee.sub, 1);
    const renewed = (await (await renew(trainee.sub)).json()) as Certificate;
    expect((await (await verify(trainee.code)).json()) as Verification).toMatchObject({
      status: 'superseded',
      supersededBy: renewed.code,
      supersededByStatus: 'valid',
    });
    // The renewal itself is not superseded: it says nothing of a successor.
    expect((await (await verify(renewed.code)).json()) as Verification).not.toHaveProperty('supersededByStatus');

    const revoked = await call(supervisorA, `/api/trainees/${trainee.sub}/certificate/revocation`, {
      category: 'competence',
      note: 'Revoked after the renewal.',
    });
    expect(revoked.status).toBe(200);
    const old = (await (await verify(trainee.code)).json()) as Verification;
    expect(old).toMatchObject({ status: 'superseded', supersededBy: renewed.code, supersededByStatus: 'revoked' });
    // Still only the status: why the renewal was revoked stays private.
    expect(JSON.stringify(old)).not.toMatch(/competence|Revoked after/);
  });

  it('renews once, however many requests race: the rest hear it was renewed', async () => {
    const trainee = await traineeWithAgeingCertificate(stack, 'Raced Renewal');
    await recordSatisfactory(stack, trainee.sub, 1);
    const responses = await Promise.all(Array.from({ length: 20 }, () => renew(trainee.sub)));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    // A loser that read the certificate after the winner wrote it finds the new one outside its window (422).
    expect(statuses.filter((status) => status !== 201).every((status) => status === 409 || status === 422)).toBe(true);
    for (const loser of responses.filter((response) => response.status === 409))
      expect((await loser.json()) as Problem).toMatchObject({ certificateCode: trainee.code, certificateStatus: 'superseded' });
    expect(await storedCertificates(trainee.sub)).toHaveLength(3);
  });

  it('refuses a revoked certificate with 409 naming its state', async () => {
    const trainee = await traineeWithAgeingCertificate(stack, 'Revoked Before Renewal');
    await recordSatisfactory(stack, trainee.sub, 1);
    await call(supervisorA, `/api/trainees/${trainee.sub}/certificate/revocation`, {
      category: 'other',
      note: 'Revoked before it could be renewed.',
    });
    const response = await renew(trainee.sub);
    expect(response.status).toBe(409);
    expect((await response.json()) as Problem).toMatchObject({ certificateStatus: 'revoked' });
    expect((await certificationOf(trainee.sub)).renewal).toBeUndefined();
  });
});

describe('certification history', () => {
  it('records every change with who made it, newest first, and nothing for a refused one', async () => {
    const trainee = await certifiedTrainee(stack, 'Audited Practitioner');
    const path = `/api/trainees/${trainee.sub}/certificate/revocation`;
    await call(supervisorA, path, { category: 'conduct', note: 'Audit trail test revocation.' });
    // Refused requests leave no trace: a second revocation, an observed procedure dated in the future.
    expect((await call(supervisorA, path, { category: 'conduct', note: 'Audit trail test revocation.' })).status).toBe(409);
    expect(
      (
        await call(supervisorA, `/api/trainees/${trainee.sub}/observed-procedures`, {
          ...satisfactoryProcedure(),
          observedOn: '2999-01-01',
        })
      ).status,
    ).toBe(422);

    const { history } = await certificationOf(trainee.sub, trainee.authorization);
    expect(history.map((event) => event.action)).toEqual([
      'certificate-revoked',
      'certificate-issued',
      'procedure-recorded',
      'procedure-recorded',
      'procedure-recorded',
    ]);
    expect(history.every((event) => event.actorName === demoPeople.supervisorA.name)).toBe(true);
    expect(history[0]).toMatchObject({
      code: trainee.certificate.code,
      summary: `Certificate ${trainee.certificate.code} revoked (Professional conduct): Audit trail test revocation.`,
    });
  });
});
