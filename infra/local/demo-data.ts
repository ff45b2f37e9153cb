import type { Organisation, Person } from '../../functions/core/api/schemas';

/** Every demo account signs in with this password, locally only. */
export const DEMO_PASSWORD = 'Demo-password-2026';

const seededAt = '2026-11-01T09:00:00.000Z';

export const demoOrganisations = {
  harbour: { orgId: 'harbour-skin-clinic', name: 'Harbour Skin Clinic', kind: 'clinic', createdAt: seededAt },
  northside: { orgId: 'northside-aesthetics-academy', name: 'Northside Aesthetics Academy', kind: 'training', createdAt: seededAt },
} satisfies Record<string, Organisation>;

const person = (sub: string, name: string, email: string, role: Person['role'], orgId?: string, supervisorSub?: string): Person => ({
  sub,
  name,
  email,
  role,
  ...(orgId ? { orgId } : {}),
  ...(supervisorSub ? { supervisorSub } : {}),
  invitedAt: seededAt,
});

/**
 * One account per role, plus a second trainee and supervisor in another organisation so that
 * "someone else's" can be tried for every route. Fixed ids keep tests and README stable.
 */
export const demoPeople = {
  supervisorA: person(
    '5a0d8f44-1c1e-4c59-9d0e-2f7a4f1b0a01',
    'Sam Okafor',
    'sam.supervisor@harbour.example',
    'supervisor',
    demoOrganisations.harbour.orgId,
  ),
  traineeA: person(
    '5a0d8f44-1c1e-4c59-9d0e-2f7a4f1b0a02',
    'Alex Rivera',
    'alex.trainee@harbour.example',
    'trainee',
    demoOrganisations.harbour.orgId,
    '5a0d8f44-1c1e-4c59-9d0e-2f7a4f1b0a01',
  ),
  clinicAdmin: person(
    '5a0d8f44-1c1e-4c59-9d0e-2f7a4f1b0a03',
    'Casey Lindqvist',
    'casey.admin@harbour.example',
    'clinic-admin',
    demoOrganisations.harbour.orgId,
  ),
  supervisorB: person(
    '5a0d8f44-1c1e-4c59-9d0e-2f7a4f1b0a04',
    'Morgan Achebe',
    'morgan.supervisor@northside.example',
    'supervisor',
    demoOrganisations.northside.orgId,
  ),
  traineeB: person(
    '5a0d8f44-1c1e-4c59-9d0e-2f7a4f1b0a05',
    'Blake Tanaka',
    'blake.trainee@northside.example',
    'trainee',
    demoOrganisations.northside.orgId,
    '5a0d8f44-1c1e-4c59-9d0e-2f7a4f1b0a04',
  ),
  platformAdmin: person('5a0d8f44-1c1e-4c59-9d0e-2f7a4f1b0a06', 'Pat Nguyen', 'pat.admin@cit-academy.example', 'platform-admin'),
  // Certified at every start (demo-certificate.ts), so a clinic can try verification at once.
  certified: person(
    '5a0d8f44-1c1e-4c59-9d0e-2f7a4f1b0a07',
    'Jordan Ellis',
    'jordan.practitioner@harbour.example',
    'trainee',
    demoOrganisations.harbour.orgId,
    '5a0d8f44-1c1e-4c59-9d0e-2f7a4f1b0a01',
  ),
} satisfies Record<string, Person>;

export type DemoPerson = keyof typeof demoPeople;
