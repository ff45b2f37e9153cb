import type {
  AcknowledgeFeedback,
  Answer,
  ObservedProcedure,
  AttemptResult,
  AttemptSummary,
  Certificate,
  Certification,
  CreateOrganisation,
  Invitation,
  InvitePerson,
  IssueCertificate,
  IssuedAttempt,
  Me,
  Organisation,
  Person,
  Problem,
  Progress,
  RecordObservedProcedure,
  ReinstateCertificate,
  RenewCertificate,
  RevokeCertificate,
  Roster,
  SubmissionResult,
  SuspendCertificate,
  Verification,
} from '$core/api/schemas';
import { session } from './session.svelte';

/** An API call that failed; `problem` is the RFC 9457 body when the server sent one. */
/** "/minutesFeedback" as a person reads it: "Minutes feedback". */
const fieldName = (pointer: string) => {
  const last =
    pointer
      .split('/')
      .filter((part) => part && !/^\d+$/.test(part))
      .pop() ?? 'Request';
  const words = last.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem?: Problem,
  ) {
    super(
      problem?.errors?.length
        ? // A form's own fields: the API's messages name them ("Email: a full address, …"), not the JSON pointer in the detail.
          problem.errors
            .map((error) => (/^[^:/]{1,40}: /.test(error.message) ? error.message : `${fieldName(error.pointer)}: ${error.message}`))
            .join(' ')
        : (problem?.detail ??
            (status === 0 ? 'The server could not be reached. Check your connection and try again.' : `Request failed (${status}).`)),
    );
    this.name = 'ApiError';
  }
}

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...(init.headers as Record<string, string>) };
  if (session.token) headers.authorization = `Bearer ${session.token}`;
  if (init.body) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`/api${path}`, { ...init, headers });
  } catch {
    throw new ApiError(0);
  }
  if (!response.ok) {
    const problem = response.headers.get('content-type')?.includes('json') ? await response.json().catch(() => undefined) : undefined;
    // An expired or revoked token: forget it, so the page offers to sign in again.
    if (response.status === 401) session.clear();
    throw new ApiError(response.status, problem);
  }
  return response.json() as Promise<T>;
}

const post = <T>(path: string, body: unknown, idempotencyKey?: string) =>
  request<T>(path, {
    method: 'POST',
    body: JSON.stringify(body),
    ...(idempotencyKey ? { headers: { 'idempotency-key': idempotencyKey } } : {}),
  });
const id = encodeURIComponent;

/** The only place the web app calls the API. Types come from the same zod schemas the API validates with. */
export const api = {
  startAttempt: (moduleId: string) => post<IssuedAttempt>(`/modules/${id(moduleId)}/attempts`, {}),
  submitAnswers: (attempt: Pick<IssuedAttempt, 'attemptId' | 'servedToken'>, answers: Answer[]) =>
    post<SubmissionResult>(`/attempts/${id(attempt.attemptId)}/submission`, { servedToken: attempt.servedToken, answers }),
  attempt: (attemptId: string) => request<AttemptResult>(`/attempts/${id(attemptId)}`),
  myProgress: () => request<Progress>('/me/progress'),
  me: () => request<Me>('/me'),
  myAttempts: () => request<{ attempts: AttemptSummary[] }>('/me/attempts'),
  traineeAttempts: (traineeId: string) => request<{ attempts: AttemptSummary[] }>(`/trainees/${id(traineeId)}/attempts`),
  trainees: () => request<{ people: Person[] }>('/trainees'),
  inviteTrainee: (invitee: InvitePerson) => post<Invitation>('/invitations', invitee),
  organisations: () => request<{ organisations: Organisation[] }>('/organisations'),
  createOrganisation: (organisation: CreateOrganisation, idempotencyKey: string) =>
    post<Organisation>('/organisations', organisation, idempotencyKey),
  inviteSupervisor: (orgId: string, invitee: InvitePerson) => post<Invitation>(`/organisations/${id(orgId)}/supervisors`, invitee),
  members: (orgId: string) => request<{ people: Person[] }>(`/organisations/${id(orgId)}/members`),
  certification: (traineeId: string) => request<Certification>(`/trainees/${id(traineeId)}/certification`),
  recordObservedProcedure: (traineeId: string, procedure: RecordObservedProcedure, idempotencyKey: string) =>
    post<ObservedProcedure>(`/trainees/${id(traineeId)}/observed-procedures`, procedure, idempotencyKey),
  acknowledgeFeedback: (procedureId: string, acknowledgement: AcknowledgeFeedback) =>
    post<ObservedProcedure>(`/me/observed-procedures/${id(procedureId)}/acknowledgement`, acknowledgement),
  issueCertificate: (traineeId: string, details: IssueCertificate) => post<Certificate>(`/trainees/${id(traineeId)}/certificate`, details),
  renewCertificate: (traineeId: string, details: RenewCertificate) =>
    post<Certificate>(`/trainees/${id(traineeId)}/certificate/renewal`, details),
  suspendCertificate: (traineeId: string, details: SuspendCertificate) =>
    post<Certificate>(`/trainees/${id(traineeId)}/certificate/suspension`, details),
  reinstateCertificate: (traineeId: string, details: ReinstateCertificate) =>
    post<Certificate>(`/trainees/${id(traineeId)}/certificate/reinstatement`, details),
  revokeCertificate: (traineeId: string, details: RevokeCertificate) =>
    post<Certificate>(`/trainees/${id(traineeId)}/certificate/revocation`, details),
  roster: (orgId: string) => request<Roster>(`/organisations/${id(orgId)}/roster`),
  verifyCertificate: (code: string) => request<Verification>(`/certificates/${id(code)}`),
};
