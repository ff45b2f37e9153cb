/**
 * Every key shape in the table, in one place, so access patterns can be read off one file.
 *   ATTEMPT#id / ATTEMPT            an attempt        gsi1: USER#sub#ATTEMPTS / issuedAt#id
 *   USER#sub / PROFILE              a person          gsi1: ORG#orgId / PERSON#role#name#sub
 *                                                     gsi2 (trainees): SUPERVISOR#sub / TRAINEE#name#sub
 *   ORG#orgId / ORG                 an organisation   gsi1: ORGS / name#orgId
 */
export const keys = {
  attempt: (attemptId: string) => ({ pk: `ATTEMPT#${attemptId}`, sk: 'ATTEMPT' }),
  attemptsOf: (userSub: string) => `USER#${userSub}#ATTEMPTS`,
  person: (sub: string) => ({ pk: `USER#${sub}`, sk: 'PROFILE' }),
  membersOf: (orgId: string) => `ORG#${orgId}`,
  traineesOf: (supervisorSub: string) => `SUPERVISOR#${supervisorSub}`,
  organisation: (orgId: string) => ({ pk: `ORG#${orgId}`, sk: 'ORG' }),
  allOrganisations: 'ORGS',
};
