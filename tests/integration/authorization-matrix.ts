import type { DemoPerson } from '../../infra/local/demo-data';

/**
 * Every principal the matrix calls as: no token, or a demo account (see infra/local/demo-data.ts).
 * The certified demo practitioner is a trainee of supervisorA like traineeA, so adds no case.
 */
export type Caller = 'anonymous' | Exclude<DemoPerson, 'certified'>;
export const CALLERS: Caller[] = ['anonymous', 'traineeA', 'traineeB', 'supervisorA', 'supervisorB', 'clinicAdmin', 'platformAdmin'];

/**
 * Expected status for every route (by operationId) and caller. traineeA is supervised by
 * supervisorA in the Harbour clinic, where clinicAdmin works; traineeB and supervisorB belong to
 * Northside. Object routes name traineeA, traineeA's attempt or Harbour, so "someone else's" is
 * tried for each caller; a trainee submitting answers submits to an attempt of their own.
 */
export const authorizationMatrix: Record<string, Record<Caller, number>> = {
  getOpenApiDocument: {
    anonymous: 200,
    traineeA: 200,
    traineeB: 200,
    supervisorA: 200,
    supervisorB: 200,
    clinicAdmin: 200,
    platformAdmin: 200,
  },
  issueAttempt: { anonymous: 401, traineeA: 201, traineeB: 201, supervisorA: 403, supervisorB: 403, clinicAdmin: 403, platformAdmin: 403 },
  submitAnswers: { anonymous: 401, traineeA: 201, traineeB: 201, supervisorA: 403, supervisorB: 403, clinicAdmin: 403, platformAdmin: 403 },
  getAttempt: { anonymous: 401, traineeA: 200, traineeB: 404, supervisorA: 200, supervisorB: 404, clinicAdmin: 200, platformAdmin: 200 },
  getMyProgress: { anonymous: 401, traineeA: 200, traineeB: 200, supervisorA: 403, supervisorB: 403, clinicAdmin: 403, platformAdmin: 403 },
  listMyAttempts: {
    anonymous: 401,
    traineeA: 200,
    traineeB: 200,
    supervisorA: 403,
    supervisorB: 403,
    clinicAdmin: 403,
    platformAdmin: 403,
  },
  listTraineeAttempts: {
    anonymous: 401,
    traineeA: 200,
    traineeB: 404,
    supervisorA: 200,
    supervisorB: 404,
    clinicAdmin: 200,
    platformAdmin: 200,
  },
  getMe: { anonymous: 401, traineeA: 200, traineeB: 200, supervisorA: 200, supervisorB: 200, clinicAdmin: 200, platformAdmin: 200 },
  listTrainees: { anonymous: 401, traineeA: 403, traineeB: 403, supervisorA: 200, supervisorB: 200, clinicAdmin: 200, platformAdmin: 200 },
  inviteTrainee: { anonymous: 401, traineeA: 403, traineeB: 403, supervisorA: 201, supervisorB: 201, clinicAdmin: 403, platformAdmin: 403 },
  listOrganisations: {
    anonymous: 401,
    traineeA: 403,
    traineeB: 403,
    supervisorA: 403,
    supervisorB: 403,
    clinicAdmin: 403,
    platformAdmin: 200,
  },
  createOrganisation: {
    anonymous: 401,
    traineeA: 403,
    traineeB: 403,
    supervisorA: 403,
    supervisorB: 403,
    clinicAdmin: 403,
    platformAdmin: 201,
  },
  inviteSupervisor: {
    anonymous: 401,
    traineeA: 403,
    traineeB: 403,
    supervisorA: 403,
    supervisorB: 403,
    clinicAdmin: 403,
    platformAdmin: 201,
  },
  getCertification: {
    anonymous: 401,
    traineeA: 200,
    traineeB: 404,
    supervisorA: 200,
    supervisorB: 404,
    clinicAdmin: 200,
    platformAdmin: 200,
  },
  recordObservedProcedure: {
    anonymous: 401,
    traineeA: 403,
    traineeB: 403,
    supervisorA: 201,
    supervisorB: 404,
    clinicAdmin: 403,
    platformAdmin: 403,
  },
  // traineeA acknowledges feedback on a procedure of their own; traineeB names traineeA's procedure.
  acknowledgeFeedback: {
    anonymous: 401,
    traineeA: 200,
    traineeB: 404,
    supervisorA: 403,
    supervisorB: 403,
    clinicAdmin: 403,
    platformAdmin: 403,
  },
  // traineeA has not passed every module: their supervisor may ask, and is told what is unmet.
  issueCertificate: {
    anonymous: 401,
    traineeA: 403,
    traineeB: 403,
    supervisorA: 422,
    supervisorB: 404,
    clinicAdmin: 403,
    platformAdmin: 403,
  },
  // supervisorA's certified trainee is far from expiry: the supervisor may ask, and is told when renewal opens.
  renewCertificate: {
    anonymous: 401,
    traineeA: 403,
    traineeB: 403,
    supervisorA: 422,
    supervisorB: 404,
    clinicAdmin: 403,
    platformAdmin: 403,
  },
  // Each caller allowed to suspend, reinstate and revoke does so to a certificate of its own, in the
  // contract's order: suspend, then reinstate, then revoke (see the test's set-up).
  suspendCertificate: {
    anonymous: 401,
    traineeA: 403,
    traineeB: 403,
    supervisorA: 200,
    supervisorB: 404,
    clinicAdmin: 403,
    platformAdmin: 200,
  },
  reinstateCertificate: {
    anonymous: 401,
    traineeA: 403,
    traineeB: 403,
    supervisorA: 200,
    supervisorB: 404,
    clinicAdmin: 403,
    platformAdmin: 200,
  },
  revokeCertificate: {
    anonymous: 401,
    traineeA: 403,
    traineeB: 403,
    supervisorA: 200,
    supervisorB: 404,
    clinicAdmin: 403,
    platformAdmin: 200,
  },
  getRoster: { anonymous: 401, traineeA: 403, traineeB: 403, supervisorA: 200, supervisorB: 404, clinicAdmin: 200, platformAdmin: 200 },
  verifyCertificate: {
    anonymous: 200,
    traineeA: 200,
    traineeB: 200,
    supervisorA: 200,
    supervisorB: 200,
    clinicAdmin: 200,
    platformAdmin: 200,
  },
  listMembers: { anonymous: 401, traineeA: 403, traineeB: 403, supervisorA: 200, supervisorB: 404, clinicAdmin: 200, platformAdmin: 200 },
};
