/**
 * Every key shape in the table, in one place, so access patterns can be read off one file.
 *   USER#sub / PROFILE              a person          gsi1: ORG#orgId / PERSON#role#name#sub
 *                                                     gsi2 (trainees): SUPERVISOR#sub / TRAINEE#name#sub
 *   USER#sub / ATTEMPT#id           an attempt, in its trainee's partition (listed with one
 *                                   consistent query)  gsi3 (keys only): ATTEMPT#id / ATTEMPT
 *   ORG#orgId / ORG                 an organisation   gsi1: ORGS / name#orgId
 */
const ATTEMPT_PREFIX = 'ATTEMPT#';

export const keys = {
  attempt: (userSub: string, attemptId: string) => ({ pk: `USER#${userSub}`, sk: `${ATTEMPT_PREFIX}${attemptId}` }),
  attemptsOf: (userSub: string) => ({ pk: `USER#${userSub}`, skPrefix: ATTEMPT_PREFIX }),
  attemptById: (attemptId: string) => ({ gsi3pk: `ATTEMPT#${attemptId}`, gsi3sk: 'ATTEMPT' }),
  person: (sub: string) => ({ pk: `USER#${sub}`, sk: 'PROFILE' }),
  membersOf: (orgId: string) => `ORG#${orgId}`,
  traineesOf: (supervisorSub: string) => `SUPERVISOR#${supervisorSub}`,
  organisation: (orgId: string) => ({ pk: `ORG#${orgId}`, sk: 'ORG' }),
  allOrganisations: 'ORGS',
};
