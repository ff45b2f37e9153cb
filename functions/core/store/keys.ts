/**
 * Every key shape in the table, in one place, so access patterns can be read off one file.
 *   USER#sub / PROFILE              a person          gsi1: ORG#orgId / PERSON#role#name#sub
 *                                                     gsi2 (trainees): SUPERVISOR#sub / TRAINEE#name#sub
 *   USER#sub / ATTEMPT#id           an attempt, in its trainee's partition (listed with one
 *                                   consistent query)  gsi3 (keys only): ATTEMPT#id / ATTEMPT
 *   USER#sub / LEDGER#moduleId      the trainee's attempt ledger for a module: newest attempt, issue times
 *                                   of the last 24 hours (written with every new attempt, conditionally)
 *   USER#sub / ASSESSMENT#at#id     an observed procedure, in its trainee's partition (append-only)
 *   USER#sub / AUDIT#at#n           the trainee's certification history (append-only, written with each change)
 *   USER#sub / CERTIFICATE          the trainee's certificate (its existence makes issuing exactly-once)
 *                                                     gsi1: ORG#orgId / CERTIFICATE#name#sub (the staff roster)
 *   CERT#code / CERTIFICATE         its public copy, read by verification with one GetItem
 *   ORG#orgId / ORG                 an organisation   gsi1: ORGS / name#orgId
 */
const ATTEMPT_PREFIX = 'ATTEMPT#';
const ASSESSMENT_PREFIX = 'ASSESSMENT#';
const CERTIFICATE_PREFIX = 'CERTIFICATE#';
const AUDIT_PREFIX = 'AUDIT#';
const PERSON_PREFIX = 'PERSON#';

export const keys = {
  attempt: (userSub: string, attemptId: string) => ({ pk: `USER#${userSub}`, sk: `${ATTEMPT_PREFIX}${attemptId}` }),
  attemptsOf: (userSub: string) => ({ pk: `USER#${userSub}`, skPrefix: ATTEMPT_PREFIX }),
  attemptLedger: (userSub: string, moduleId: string) => ({ pk: `USER#${userSub}`, sk: `LEDGER#${moduleId}` }),
  attemptById: (attemptId: string) => ({ gsi3pk: `ATTEMPT#${attemptId}`, gsi3sk: 'ATTEMPT' }),
  assessment: (traineeSub: string, recordedAt: string, assessmentId: string) => ({ pk: `USER#${traineeSub}`, sk: `${ASSESSMENT_PREFIX}${recordedAt}#${assessmentId}` }),
  assessmentsOf: (traineeSub: string) => ({ pk: `USER#${traineeSub}`, skPrefix: ASSESSMENT_PREFIX }),
  auditEvent: (traineeSub: string, at: string, nonce: string) => ({ pk: `USER#${traineeSub}`, sk: `${AUDIT_PREFIX}${at}#${nonce}` }),
  auditOf: (traineeSub: string) => ({ pk: `USER#${traineeSub}`, skPrefix: AUDIT_PREFIX }),
  certificateOf: (traineeSub: string) => ({ pk: `USER#${traineeSub}`, sk: 'CERTIFICATE' }),
  certificateByCode: (code: string) => ({ pk: `CERT#${code}`, sk: 'CERTIFICATE' }),
  /** An organisation's certificates in its gsi1 partition, beside its people (PERSON#…). */
  certificateInOrganisation: (orgId: string, holderName: string, traineeSub: string) => ({ gsi1pk: `ORG#${orgId}`, gsi1sk: `${CERTIFICATE_PREFIX}${holderName}#${traineeSub}` }),
  certificatesOf: (orgId: string) => ({ gsi1pk: `ORG#${orgId}`, skPrefix: CERTIFICATE_PREFIX }),
  person: (sub: string) => ({ pk: `USER#${sub}`, sk: 'PROFILE' }),
  membersOf: (orgId: string) => ({ gsi1pk: `ORG#${orgId}`, skPrefix: PERSON_PREFIX }),
  traineesOf: (supervisorSub: string) => `SUPERVISOR#${supervisorSub}`,
  organisation: (orgId: string) => ({ pk: `ORG#${orgId}`, sk: 'ORG' }),
  allOrganisations: 'ORGS',
};
