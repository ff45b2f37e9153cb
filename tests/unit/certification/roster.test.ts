import { describe, expect, it } from 'vitest';
import type { Organisation, Person } from '../../../functions/core/accounts/types';
import type { Principal } from '../../../functions/core/auth/principal';
import type { CertificateRecord } from '../../../functions/core/certification/types';
import { rosterOf } from '../../../functions/core/certification/roster';
import type { RosterDeps } from '../../../functions/core/certification/roster';

const now = new Date('2026-11-24T12:00:00Z');
const organisation: Organisation = { orgId: 'clinic', name: 'Clinic', kind: 'clinic', createdAt: '2026-01-01T00:00:00Z' };
const person = (sub: string, name: string, role: Person['role'] = 'trainee'): Person => ({
  sub,
  name,
  email: `${sub}@example.test`,
  role,
  orgId: 'clinic',
  invitedAt: '2026-01-01T00:00:00Z',
});
const certificate = (traineeSub: string, expiresAt: string, status: CertificateRecord['status'] = 'active'): CertificateRecord => ({
  code: '7K3MQ9XD2PWA',
  traineeSub,
  holderName: traineeSub,
  orgId: 'clinic',
  qualification: 'Q',
  scope: { areas: [] },
  issuedAt: '2025-01-01T00:00:00Z',
  expiresAt,
  issuedBy: { sub: 's', name: 'S' },
  modules: [],
  procedureIds: [],
  status,
});

function deps(people: Person[], certificates: CertificateRecord[]): RosterDeps {
  return {
    people: { getOrganisation: async (orgId) => (orgId === 'clinic' ? organisation : undefined), listMembers: async () => people },
    certification: { organisationCertificates: async () => certificates },
    now: () => now,
    course: { certification: { renewal: { windowDays: 90, satisfactoryProcedures: 1 } } },
  };
}
const clinicAdmin: Principal = { sub: 'a', email: 'a@example.test', name: 'A', roles: ['clinic-admin'], orgId: 'clinic' };

describe('staff roster', () => {
  it('says valid, in the 90-day renewal window, expired, revoked or not certified, for trainees only, by name', async () => {
    const roster = await rosterOf(
      deps(
        [person('e', 'Eve'), person('d', 'Dan'), person('c', 'Cy'), person('b', 'Bo'), person('a', 'Al'), person('s', 'Sue', 'supervisor')],
        [
          certificate('a', '2028-01-01T00:00:00Z'),
          certificate('b', '2027-01-10T00:00:00Z'),
          certificate('c', '2026-11-01T00:00:00Z'),
          certificate('d', '2028-01-01T00:00:00Z', 'revoked'),
        ],
      ),
      clinicAdmin,
      'clinic',
    );
    expect(
      roster.entries.map((entry) => [entry.person.name, entry.certificate?.status ?? 'none', entry.certificate?.expiringSoon ?? false]),
    ).toEqual([
      ['Al', 'valid', false],
      ['Bo', 'valid', true],
      ['Cy', 'expired', false],
      ['Dan', 'revoked', false],
      ['Eve', 'none', false],
    ]);
    expect(roster.summary).toEqual({ valid: 2, expiringSoon: 1, expired: 1, suspended: 0, revoked: 1, notCertified: 1 });
  });

  it('is not found for another organisation’s admin', async () => {
    await expect(rosterOf(deps([], []), { ...clinicAdmin, orgId: 'other' }, 'clinic')).rejects.toThrow('not found');
  });
});
