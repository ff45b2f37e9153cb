import type { AttemptResult, Problem, Quiz, SubmitAttempt } from '$core/api/schemas';

/** An API call that failed; `problem` is the RFC 9457 body when the server sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem?: Problem,
  ) {
    super(problem?.detail ?? (status === 0 ? 'The server could not be reached. Check your connection and try again.' : `Request failed (${status}).`));
    this.name = 'ApiError';
  }
}

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, { ...init, headers: { accept: 'application/json', ...init.headers } });
  } catch {
    throw new ApiError(0);
  }
  if (!response.ok) {
    const problem = response.headers.get('content-type')?.includes('json') ? await response.json().catch(() => undefined) : undefined;
    throw new ApiError(response.status, problem);
  }
  return response.json() as Promise<T>;
}

/** The only place the web app calls the API. Types come from the same zod schemas the API validates with. */
export const api = {
  getQuiz: (moduleId: string) => request<Quiz>(`/modules/${encodeURIComponent(moduleId)}/questions`),
  submitAttempt: (submission: SubmitAttempt) =>
    request<AttemptResult>('/attempts', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(submission),
    }),
};
