import { describe, expect, it } from 'vitest';
import { isSatisfactory, DOPS_DOMAIN_IDS, type DopsRatings } from '../../../functions/core/certification/dops';
import type { ObservedProcedureRecord, CertificateRecord } from '../../../functions/core/certification/types';
import { checkEligibility, checkRenewal, expiryAfter, renewedExpiry } from '../../../functions/core/certification/rules';
import { certificateStatus } from '../../../functions/core/certification/status';
import { verificationView } from '../../../functions/core/api/views/certification';
import type { CertificationSettings } from '../../../functions/core/course/types';
import type { AttemptRecord } from '../../../functions/core/quiz/types';

const catalogue = [
  { moduleId: 'a', title: 'Module A', order: 1 },
  { moduleId: 'b', title: 'Module B', order: 2 },
];
const settings: CertificationSettings = {
  qualification: 'Q',
  validityMonths: 24,
  firstCertificate: { satisfactoryProcedures: 3, distinctAssessors: 1, independentProcedures: 1 },
  renewal: { windowDays: 90, satisfactoryProcedures: 1 },
  afterRevocation: { satisfactoryProcedures: 2 },
  reminderDays: [90, 30, 7, 0],
};
const scope = { areas: [] };
const ratings = (rating: 'meets' | 'below') => Object.fromEntries(DOPS_DOMAIN_IDS.map((id) => [id, rating])) as DopsRatings;

function attempt(moduleId: string, submittedAt: string, passed: boolean, attemptId = `${moduleId}-${submittedAt}`): AttemptRecord {
  const submission = { submittedAt, correctCount: 0, questionCount: 10, score: passed ? 1 : 0.5, passed, failedRules: [], answers: [] };
  return {
    attemptId,
    userSub: 'u',
    moduleId,
    contentVersion: 'v',
    passMark: 0.8,
    issuedAt: submittedAt,
    expiresAt: submittedAt,
    served: [],
    submission,
  };
}
const observed = (satisfactory: boolean, overrides: Partial<ObservedProcedureRecord> = {}): ObservedProcedureRecord => ({
  procedureId: crypto.randomUUID(),
  traineeSub: 'u',
  assessorSub: 's',
  assessorName: 'S',
  observedOn: '2026-11-01',
  procedure: 'p',
  areaId: 'face',
  depthMm: 1,
  complexity: 'moderate',
  ratings: ratings(satisfactory ? 'meets' : 'below'),
  entrustment: 'independent',
  satisfactory,
  minutesObserved: 40,
  minutesFeedback: 10,
  doneWell: 'd',
  learningAction: 'l',
  recordedAt: '2026-11-01T00:00:00Z',
  ...overrides,
});

describe('DOPS outcome', () => {
  it('is satisfactory only when every domain meets the standard', () => {
    expect(isSatisfactory(ratings('meets'), 'independent')).toBe(true);
    for (const id of DOPS_DOMAIN_IDS) expect(isSatisfactory({ ...ratings('meets'), [id]: 'below' }, 'independent')).toBe(false);
  });

  it('is not satisfactory when the supervisor had to perform it or take over, whatever the ratings', () => {
    expect(isSatisfactory(ratings('meets'), 'observed-only')).toBe(false);
    expect(isSatisfactory(ratings('meets'), 'direct-help')).toBe(true);
  });
});

describe('certificate eligibility', () => {
  it('needs every module passed and three satisfactory procedures; unsatisfactory ones do not count', () => {
    const attempts = [attempt('a', '2026-11-02T00:00:00Z', true), attempt('b', '2026-11-03T00:00:00Z', false)];
    const result = checkEligibility(catalogue, settings, attempts, [observed(true), observed(true), observed(false), observed(false)]);
    expect(result).toMatchObject({ eligible: false, satisfactoryProcedures: 2 });
    expect(result.unmet).toEqual(['Modules not yet passed: Module B.', 'Satisfactory observed procedures: 2 of 3.']);

    const passedAll = [...attempts, attempt('b', '2026-11-04T00:00:00Z', true)];
    expect(checkEligibility(catalogue, settings, passedAll, [observed(true), observed(true), observed(true)])).toMatchObject({
      eligible: true,
      unmet: [],
    });
  });

  it('records the first pass of each module as the evidence', () => {
    const attempts = [attempt('a', '2026-11-05T00:00:00Z', true, 'later'), attempt('a', '2026-11-02T00:00:00Z', true, 'first')];
    expect(checkEligibility(catalogue, settings, attempts, []).modules[0]).toEqual({
      moduleId: 'a',
      title: 'Module A',
      passed: true,
      passedAt: '2026-11-02T00:00:00Z',
      attemptId: 'first',
    });
  });

  const passedAll = [attempt('a', '2026-11-02T00:00:00Z', true), attempt('b', '2026-11-02T00:00:00Z', true)];

  it('needs the satisfactory procedures from enough different assessors, as the course sets', () => {
    const twoAssessors = { ...settings, firstCertificate: { ...settings.firstCertificate, distinctAssessors: 2 } };
    const fromOne = [observed(true), observed(true), observed(true)];
    expect(checkEligibility(catalogue, twoAssessors, passedAll, fromOne)).toMatchObject({
      eligible: false,
      distinctAssessors: 1,
      requiredDistinctAssessors: 2,
      unmet: ['Different assessors among them: 1 of 2.'],
    });
    const fromTwo = [...fromOne.slice(1), observed(true, { assessorSub: 'other' })];
    expect(checkEligibility(catalogue, twoAssessors, passedAll, fromTwo)).toMatchObject({ eligible: true, distinctAssessors: 2 });
  });

  it('needs at least one procedure performed independently', () => {
    const helped = [1, 2, 3].map(() => observed(true, { entrustment: 'minimal-help' }));
    expect(checkEligibility(catalogue, settings, passedAll, helped)).toMatchObject({
      eligible: false,
      independentProcedures: 0,
      unmet: ['Performed independently (no help needed): 0 of 1.'],
    });
    expect(checkEligibility(catalogue, settings, passedAll, [...helped.slice(1), observed(true)]).eligible).toBe(true);
  });

  it('after a revocation, counts only passes and procedures after it, as many as the course sets', () => {
    const revokedAt = '2026-11-10T12:00:00.000Z';
    const before = [observed(true), observed(true), observed(true)];
    const stale = checkEligibility(catalogue, settings, passedAll, before, revokedAt);
    expect(stale).toMatchObject({ eligible: false, satisfactoryProcedures: 0, requiredSatisfactoryProcedures: 2, countsFrom: revokedAt });
    expect(stale.unmet).toEqual([
      'Modules not yet passed since the revocation on 10 November 2026: Module A, Module B.',
      'Satisfactory observed procedures since the revocation on 10 November 2026: 0 of 2.',
      'Different assessors among them: 0 of 1.',
      'Performed independently (no help needed): 0 of 1.',
    ]);
    const after = [attempt('a', '2026-11-12T00:00:00Z', true), attempt('b', '2026-11-13T00:00:00Z', true)];
    const newer = [1, 2].map(() => observed(true, { observedOn: '2026-11-14', recordedAt: '2026-11-14T09:00:00Z' }));
    // Observed before the revocation but written up after it: not new evidence.
    const backdated = observed(true, { observedOn: '2026-11-01', recordedAt: '2026-11-14T09:00:00Z' });
    const fresh = checkEligibility(catalogue, settings, [...passedAll, ...after], [...before, backdated, ...newer], revokedAt);
    expect(fresh).toMatchObject({ eligible: true, satisfactoryProcedures: 2 });
    expect(fresh.modules.map((module) => module.passedAt)).toEqual(['2026-11-12T00:00:00Z', '2026-11-13T00:00:00Z']);
    expect(fresh.procedureIds).toEqual(newer.map((procedure) => procedure.procedureId));
  });
});

describe('expiry and status', () => {
  it('lasts 24 months to the day, clamped to the end of a shorter month', () => {
    expect(expiryAfter(new Date('2026-11-24T10:00:00Z'), 24).toISOString()).toBe('2028-11-24T10:00:00.000Z');
    expect(expiryAfter(new Date('2028-02-29T10:00:00Z'), 24).toISOString()).toBe('2030-02-28T10:00:00.000Z');
  });

  const record: CertificateRecord = {
    code: '7K3MQ9XD2PWA',
    traineeSub: 'u',
    holderName: 'H',
    qualification: 'Q',
    scope,
    issuedAt: '2026-11-24T00:00:00Z',
    expiresAt: '2028-11-24T00:00:00Z',
    issuedBy: { sub: 's', name: 'S' },
    modules: [],
    procedureIds: ['x', 'y', 'z'],
    status: 'active',
  };

  it('is valid until it expires, and suspended or revoked whatever the date', () => {
    expect(certificateStatus(record, new Date('2028-11-23T23:59:59Z'))).toBe('valid');
    expect(certificateStatus(record, new Date('2028-11-24T00:00:00Z'))).toBe('expired');
    expect(certificateStatus({ ...record, status: 'revoked' }, new Date('2027-01-01T00:00:00Z'))).toBe('revoked');
    expect(certificateStatus({ ...record, status: 'suspended' }, new Date('2029-01-01T00:00:00Z'))).toBe('suspended');
    expect(verificationView(record, new Date('2027-01-01T00:00:00Z'))).toMatchObject({
      code: 'CIT-7K3M-Q9XD-2PWA',
      satisfactoryProcedures: 3,
    });
  });
});

describe('renewal', () => {
  const issued: CertificateRecord = {
    code: '7K3MQ9XD2PWA',
    traineeSub: 'u',
    holderName: 'H',
    qualification: 'Q',
    scope,
    issuedAt: '2026-01-10T00:00:00.000Z',
    expiresAt: '2028-01-10T00:00:00.000Z',
    issuedBy: { sub: 's', name: 'S' },
    modules: [],
    procedureIds: [],
    status: 'active',
  };
  const recorded = (recordedAt: string, satisfactory = true) => ({ ...observed(satisfactory), recordedAt });

  it('opens 90 days before expiry and needs a satisfactory procedure recorded since issue', () => {
    const practice = [recorded('2027-06-01T00:00:00Z')];
    expect(checkRenewal(settings, issued, practice, new Date('2027-10-11T23:59:59Z'))).toMatchObject({
      eligible: false,
      opensAt: '2027-10-12T00:00:00.000Z',
    });
    expect(checkRenewal(settings, issued, practice, new Date('2027-10-12T00:00:00Z'))).toMatchObject({ eligible: true, unmet: [] });
    // After expiry it is still renewable.
    expect(checkRenewal(settings, issued, practice, new Date('2028-03-01T00:00:00Z')).eligible).toBe(true);
    // Procedures before issue, or not satisfactory, are not recent practice.
    const stale = [recorded('2025-12-01T00:00:00Z'), recorded('2027-06-01T00:00:00Z', false)];
    expect(checkRenewal(settings, issued, stale, new Date('2027-12-01T00:00:00Z'))).toMatchObject({
      eligible: false,
      satisfactorySinceIssue: 0,
    });
  });

  it('never renews a revoked certificate', () => {
    const result = checkRenewal(
      settings,
      { ...issued, status: 'revoked' },
      [recorded('2027-06-01T00:00:00Z')],
      new Date('2027-12-01T00:00:00Z'),
    );
    expect(result).toMatchObject({ eligible: false, unmet: ['A revoked certificate cannot be renewed.'] });
  });

  it('does not renew a suspended certificate until it is reinstated', () => {
    const result = checkRenewal(
      settings,
      { ...issued, status: 'suspended' },
      [recorded('2027-06-01T00:00:00Z')],
      new Date('2027-12-01T00:00:00Z'),
    );
    expect(result).toMatchObject({ eligible: false, unmet: ['A suspended certificate cannot be renewed until it is reinstated.'] });
  });

  it('runs on from the old expiry when early, from today when late', () => {
    expect(renewedExpiry(settings, issued, new Date('2027-12-01T00:00:00Z')).toISOString()).toBe('2030-01-10T00:00:00.000Z');
    expect(renewedExpiry(settings, issued, new Date('2028-03-01T00:00:00Z')).toISOString()).toBe('2030-03-01T00:00:00.000Z');
  });

  it('shows a superseded certificate as superseded, naming its successor', () => {
    const superseded = { ...issued, status: 'superseded' as const, supersededBy: '000011112222', supersededAt: '2027-12-01T00:00:00Z' };
    expect(verificationView(superseded, new Date('2027-12-02T00:00:00Z'))).toMatchObject({
      status: 'superseded',
      supersededBy: 'CIT-0000-1111-2222',
    });
  });
});
