import { describe, expect, it } from 'vitest';
import type { Verification } from '../../../functions/core/api/schemas';
import { printableFromVerification } from '../../../web/src/lib/certification/printable';

const verification: Verification = {
  code: 'CIT-7K3M-Q9XD-2PWA',
  status: 'valid',
  holderName: 'Zoë O’Connor',
  organisationName: 'Harbour Skin Clinic',
  qualification: 'Collagen induction therapy (microneedling) practitioner',
  issuedAt: '2026-11-24',
  expiresAt: '2028-11-24',
  issuedBy: 'Sam Okafor',
  scope: {
    areas: [
      { areaId: 'face', label: 'Face', maxDepthMm: 1, maxDepthUnsupervisedMm: 1, limits: 'up to 1.0 mm, may treat unsupervised' },
      { areaId: 'neck', label: 'Neck', maxDepthMm: 0.5, maxDepthUnsupervisedMm: 0, limits: 'up to 0.5 mm, only with a supervisor present' },
    ],
  },
  modules: [{ title: 'Mechanism of action', passedAt: '2026-11-20' }],
  satisfactoryProcedures: 3,
};

describe('the printable certificate from what the app has today', () => {
  it('names CIT Academy as issuer and the issuing supervisor as signatory, with the scope signed off', () => {
    expect(printableFromVerification(verification)).toEqual({
      code: 'CIT-7K3M-Q9XD-2PWA',
      status: 'valid',
      statusSince: undefined,
      holderName: 'Zoë O’Connor',
      organisationName: 'Harbour Skin Clinic',
      qualification: 'Collagen induction therapy (microneedling) practitioner',
      issuedAt: '2026-11-24',
      expiresAt: '2028-11-24',
      issuer: 'CIT Academy',
      signatory: { name: 'Sam Okafor', role: 'Issuing supervisor' },
      scope: {
        areas: [
          { label: 'Face', maxDepthMm: 1, maxDepthUnsupervisedMm: 1 },
          { label: 'Neck', maxDepthMm: 0.5, maxDepthUnsupervisedMm: 0 },
        ],
      },
      modules: [{ title: 'Mechanism of action', passedAt: '2026-11-20' }],
      satisfactoryProcedures: 3,
    });
  });

  it('carries what it renewed, and a superseded certificate’s renewal with its status now', () => {
    expect(printableFromVerification({ ...verification, renews: 'CIT-AAAA-BBBB-CCCC', satisfactoryProcedures: 1 })).toMatchObject({
      renews: 'CIT-AAAA-BBBB-CCCC',
      satisfactoryProcedures: 1,
    });
    expect(printableFromVerification(verification)).not.toHaveProperty('renews');
    const superseded = { ...verification, status: 'superseded' as const, supersededAt: '2027-04-04', supersededBy: 'CIT-DDDD-EEEE-FFFF' };
    expect(printableFromVerification({ ...superseded, supersededByStatus: 'revoked' }).successor).toEqual({
      code: 'CIT-DDDD-EEEE-FFFF',
      status: 'revoked',
    });
    // Without the renewal's status (an older answer), the copy says only that it was superseded.
    expect(printableFromVerification(superseded)).not.toHaveProperty('successor');
  });

  it('dates the status from the suspension, the revocation, the renewal or the expiry', () => {
    expect(printableFromVerification({ ...verification, status: 'suspended', suspendedAt: '2027-02-02' }).statusSince).toBe('2027-02-02');
    expect(printableFromVerification({ ...verification, status: 'revoked', revokedAt: '2027-03-03' }).statusSince).toBe('2027-03-03');
    expect(
      printableFromVerification({ ...verification, status: 'superseded', supersededAt: '2027-04-04', supersededBy: 'CIT-AAAA-BBBB-CCCC' })
        .statusSince,
    ).toBe('2027-04-04');
    expect(printableFromVerification({ ...verification, status: 'expired' }).statusSince).toBe('2028-11-24');
  });
});
