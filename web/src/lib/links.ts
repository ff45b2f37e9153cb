/**
 * Every link the app builds to one of its own pages, in one place: pages that show one record
 * take its id from the query string (the site is prerendered, so there is one page per route).
 * Nothing else goes in a link: a name in a link could say anything.
 */
const query = (path: string, parameters: Record<string, string>) => `${path}?${new URLSearchParams(parameters)}`;

export const links = {
  module: (moduleId: string, section?: string) =>
    `/courses/${encodeURIComponent(moduleId)}${section ? `#${encodeURIComponent(section)}` : ''}`,
  quiz: (moduleId: string) => `/courses/${encodeURIComponent(moduleId)}/quiz`,
  /** A trainee's record, for those who follow them; the trainee's own is /progress. */
  record: (traineeSub: string) => query('/trainees/record', { id: traineeSub }),
  myRecord: () => '/progress',
  review: (attemptId: string) => query('/attempts/review', { id: attemptId }),
  verify: (code: string) => query('/verify', { code }),
  roster: (orgId?: string) => (orgId ? query('/roster', { org: orgId }) : '/roster'),
};
