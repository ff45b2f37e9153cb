/**
 * Every key shape in the table, in one place, so access patterns can be read off one file.
 *   USER#sub / PROFILE              a person          gsi1: ORG#orgId / PERSON#role#name#sub
 *                                                     gsi2 (trainees): SUPERVISOR#sub / TRAINEE#name#sub
 *   USER#sub / ATTEMPT#id           an attempt, in its trainee's partition (listed with one
 *                                   consistent query)  gsi3 (keys only): ATTEMPT#id / ATTEMPT
 *   USER#sub / LEDGER#moduleId      the trainee's attempt ledger for a module: newest attempt, issue times
 *                                   of the last 24 hours (written with every new attempt, conditionally)
 *   USER#sub / PROCEDURE#at#id      an observed procedure, in its trainee's partition (append-only)
 *   USER#sub / PROCEDURE#at#id#ACK  the trainee's acknowledgement of its feedback (sorts right after it)
 *   USER#sub / HISTORY#at#n         the trainee's certification history (append-only, written with each change)
 *   USER#sub / CERTIFICATE          the trainee's current certificate, in any state (its existence makes issuing
 *                                   exactly-once; after a revocation, a new certificate replaces it conditionally)
 *                                                     gsi1: ORG#orgId / CERTIFICATE#name#sub (the staff roster)
 *                                                     gsi4 while active: REMINDERS / <next tier due, ISO>#sub
 *   USER#sub / REMINDER#code#tier   one reminder tier of one certificate, claimed once (its existence),
 *                                   with its recipients and where each email stands
 *                                                     gsi4 until delivered: REMINDERS / <lease end or retry, ISO>#sub
 *   CERT#code / CERTIFICATE         its public copy, read by verification with one GetItem
 *   ORG#orgId / ORG                 an organisation   gsi1: ORGS / name#orgId
 *
 * Reminders (gsi4, sparse, keys only): one partition, REMINDERS, sorted by when each entry is due.
 * The job's one read of it is `gsi4pk = REMINDERS AND gsi4sk < <now>`: only what is due, oldest
 * first; an entry leaves the index when it has nothing left to send (REMOVE of its keys). One
 * partition is enough: it is written on issue, renewal and each reminder, a few writes a day per
 * hundred certificates, far below a partition's 1,000 writes a second. Their key builders are in
 * reminder-index.ts, so that only the functions that use them bundle them.
 */
const ATTEMPT_PREFIX = 'ATTEMPT#';
const PROCEDURE_PREFIX = 'PROCEDURE#';
const CERTIFICATE_PREFIX = 'CERTIFICATE#';
const HISTORY_PREFIX = 'HISTORY#';
const PERSON_PREFIX = 'PERSON#';

export const keys = {
  attempt: (userSub: string, attemptId: string) => ({ pk: `USER#${userSub}`, sk: `${ATTEMPT_PREFIX}${attemptId}` }),
  attemptsOf: (userSub: string) => ({ pk: `USER#${userSub}`, skPrefix: ATTEMPT_PREFIX }),
  attemptLedger: (userSub: string, moduleId: string) => ({ pk: `USER#${userSub}`, sk: `LEDGER#${moduleId}` }),
  attemptById: (attemptId: string) => ({ gsi3pk: `ATTEMPT#${attemptId}`, gsi3sk: 'ATTEMPT' }),
  observedProcedure: (traineeSub: string, recordedAt: string, procedureId: string) => ({
    pk: `USER#${traineeSub}`,
    sk: `${PROCEDURE_PREFIX}${recordedAt}#${procedureId}`,
  }),
  observedProceduresOf: (traineeSub: string) => ({ pk: `USER#${traineeSub}`, skPrefix: PROCEDURE_PREFIX }),
  feedbackAcknowledgement: (traineeSub: string, recordedAt: string, procedureId: string) => ({
    pk: `USER#${traineeSub}`,
    sk: `${PROCEDURE_PREFIX}${recordedAt}#${procedureId}#ACK`,
  }),
  historyEvent: (traineeSub: string, at: string, nonce: string) => ({ pk: `USER#${traineeSub}`, sk: `${HISTORY_PREFIX}${at}#${nonce}` }),
  historyOf: (traineeSub: string) => ({ pk: `USER#${traineeSub}`, skPrefix: HISTORY_PREFIX }),
  /** The certificate a trainee holds, in their partition: its existence makes issuing exactly-once. */
  traineeCertificate: (traineeSub: string) => ({ pk: `USER#${traineeSub}`, sk: 'CERTIFICATE' }),
  /** A certificate's public copy, under its code: what verification reads. */
  publicCertificate: (code: string) => ({ pk: `CERT#${code}`, sk: 'CERTIFICATE' }),
  /** Where the trainee's copy is filed in its organisation's gsi1 partition, beside its people (PERSON#…), for the roster. */
  rosterCertificate: (orgId: string, holderName: string, traineeSub: string) => ({
    gsi1pk: `ORG#${orgId}`,
    gsi1sk: `${CERTIFICATE_PREFIX}${holderName}#${traineeSub}`,
  }),
  /** All of an organisation's roster certificates. */
  rosterCertificates: (orgId: string) => ({ gsi1pk: `ORG#${orgId}`, skPrefix: CERTIFICATE_PREFIX }),
  person: (sub: string) => ({ pk: `USER#${sub}`, sk: 'PROFILE' }),
  membersOf: (orgId: string) => ({ gsi1pk: `ORG#${orgId}`, skPrefix: PERSON_PREFIX }),
  traineesOf: (supervisorSub: string) => `SUPERVISOR#${supervisorSub}`,
  organisation: (orgId: string) => ({ pk: `ORG#${orgId}`, sk: 'ORG' }),
  allOrganisations: 'ORGS',
};
