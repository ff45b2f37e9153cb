import { describe, expect, it } from 'vitest';
import { isSatisfactory, DOPS_DOMAIN_IDS, type DopsRatings } from '../../../functions/core/certification/dops';
import type { ObservedProcedureRecord, CertificateRecord } from '../../../functions/core/certification/types';
import { checkEligibility, checkRenewal, expiryAfter, renewedExpiry } from '../../../functions/core/certification/rules';
import { certificateStatus } from '../../../functions/core/certification/status';
import { verificationView } from '../../../functions/core/api/views/certification';
import type { AttemptRecord } from '../../../functions/core/quiz/types';

const catalogue = [
  { moduleId: 'a', title: 'Module A', order: 1 },
  { moduleId: 'b', title: 'Module B', order: 2 },
];
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
const observed = (satisfactory: boolean): ObservedProcedureRecord => ({
  procedureId: crypto.randomUUID(),
  traineeSub: 'u',
  assessorSub: 's',
  assessorName: 'S',
  observedOn: '2026-11-01',
  procedure: 'p',
  ratings: ratings(satisfactory ? 'meets' : 'below'),
  satisfactory,
  feedback: '',
  recordedAt: '2026-11-01T00:00:00Z',
});

describe('DOPS outcome', () => {
  it('is satisfactory only when every domain meets the standard', () => {
    expect(isSatisfactory(ratings('meets'))).toBe(true);
    for (const id of DOPS_DOMAIN_IDS) expect(isSatisfactory({ ...ratings('meets'), [id]: 'below' })).toBe(false);
  });
});

describe('certificate eligibility', () => {
  it('needs every module passed and three satisfactory procedures; unsatisfactory ones do not count', () => {
    const attempts = [attempt('a', '2026-11-02T00:00:00Z', true), attempt('b', '2026-11-03T00:00:00Z', false)];
    const result = checkEligibility(catalogue, attempts, [observed(true), observed(true), observed(false), observed(false)]);
    expect(result).toMatchObject({ eligible: false, satisfactoryProcedures: 2 });
    expect(result.unmet).toEqual(['Modules not yet passed: Module B.', 'Satisfactory observed procedures: 2 of 3.']);

    const passedAll = [...attempts, attempt('b', '2026-11-04T00:00:00Z', true)];
    expect(checkEligibility(catalogue, passedAll, [observed(true), observed(true), observed(true)])).toMatchObject({
      eligible: true,
      unmet: [],
    });
  });

  it('records the first pass of each module as the evidence', () => {
    const attempts = [attempt('a', '2026-11-05T00:00:00Z', true, 'later'), attempt('a', '2026-11-02T00:00:00Z', true, 'first')];
    expect(checkEligibility(catalogue, attempts, []).modules[0]).toEqual({
      moduleId: 'a',
      title: 'Module A',
      passed: true,
      passedAt: '2026-11-02T00:00:00Z',
      attemptId: 'first',
    });
  });
});

describe('expiry and status', () => {
  it('lasts 24 months to the day, clamped to the end of a shorter month', () => {
    expect(expiryAfter(new Date('2026-11-24T10:00:00Z')).toISOString()).toBe('2028-11-24T10:00:00.000Z');
    expect(expiryAfter(new Date('2028-02-29T10:00:00Z')).toISOString()).toBe('2030-02-28T10:00:00.000Z');
  });

  const record: CertificateRecord = {
    code: '7K3MQ9XD2PWA',
    traineeSub: 'u',
    holderName: 'H',
    qualification: 'Q',
    issuedAt: '2026-11-24T00:00:00Z',
    expiresAt: '2028-11-24T00:00:00Z',
    issuedBy: { sub: 's', name: 'S' },
    modules: [],
    procedureIds: ['x', 'y', 'z'],
    status: 'active',
  };

  it('is valid until it expires, and revoked whatever the date', () => {
    expect(certificateStatus(record, new Date('2028-11-23T23:59:59Z'))).toBe('valid');
    expect(certificateStatus(record, new Date('2028-11-24T00:00:00Z'))).toBe('expired');
    expect(certificateStatus({ ...record, status: 'revoked' }, new Date('2027-01-01T00:00:00Z'))).toBe('revoked');
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
    expect(checkRenewal(issued, practice, new Date('2027-10-11T23:59:59Z'))).toMatchObject({
      eligible: false,
      opensAt: '2027-10-12T00:00:00.000Z',
    });
    expect(checkRenewal(issued, practice, new Date('2027-10-12T00:00:00Z'))).toMatchObject({ eligible: true, unmet: [] });
    // After expiry it is still renewable.
    expect(checkRenewal(issued, practice, new Date('2028-03-01T00:00:00Z')).eligible).toBe(true);
    // Procedures before issue, or not satisfactory, are not recent practice.
    const stale = [recorded('2025-12-01T00:00:00Z'), recorded('2027-06-01T00:00:00Z', false)];
    expect(checkRenewal(issued, stale, new Date('2027-12-01T00:00:00Z'))).toMatchObject({ eligible: false, satisfactorySinceIssue: 0 });
  });

  it('never renews a revoked certificate', () => {
    const result = checkRenewal({ ...issued, status: 'revoked' }, [recorded('2027-06-01T00:00:00Z')], new Date('2027-12-01T00:00:00Z'));
    expect(result).toMatchObject({ eligible: false, unmet: ['A revoked certificate cannot be renewed.'] });
  });

  it('runs on from the old expiry when early, from today when late', () => {
    expect(renewedExpiry(issued, new Date('2027-12-01T00:00:00Z')).toISOString()).toBe('2030-01-10T00:00:00.000Z');
    expect(renewedExpiry(issued, new Date('2028-03-01T00:00:00Z')).toISOString()).toBe('2030-03-01T00:00:00.000Z');
  });

  it('shows a superseded certificate as superseded, naming its successor', () => {
    const superseded = { ...issued, status: 'superseded' as const, supersededBy: '000011112222', supersededAt: '2027-12-01T00:00:00Z' };
    expect(verificationView(superseded, new Date('2027-12-02T00:00:00Z'))).toMatchObject({
      status: 'superseded',
      supersededBy: 'CIT-0000-1111-2222',
    });
  });
});
