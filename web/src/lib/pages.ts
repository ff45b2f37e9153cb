import { ROLES, type Role } from '$core/auth/principal';

/** How each role reads on screen. The roles themselves are the API's (functions/core/auth/principal.ts). */
export const ROLE_LABELS: Record<Role, string> = {
  trainee: 'Trainee',
  supervisor: 'Supervisor',
  'clinic-admin': 'Clinic admin',
  'platform-admin': 'Platform admin',
};

/** Roles that see trainee records: they are asked to protect their account with two-factor sign-in. */
export const PRIVILEGED_ROLES: readonly Role[] = ['supervisor', 'clinic-admin', 'platform-admin'];

export interface Page {
  href: string;
  label: string;
  /** Who may open it: anyone, or signed-in people with one of these roles. */
  roles: 'everyone' | readonly Role[];
  /** Who sees it in the navigation, when not everyone who may open it (none: not in the navigation). */
  nav?: 'everyone' | readonly Role[];
  /** Said to someone signed out, or without the role: why the page needs an account. */
  purpose: string;
}

/**
 * Every page that needs a role, and every page in the navigation: one table feeds the navigation,
 * each page's role guard, and its sign-in message. The API enforces the same roles on its routes.
 */
export const PAGES = {
  courses: { href: '/', label: 'Courses', roles: 'everyone', nav: 'everyone', purpose: 'The course is open to everyone.' },
  progress: {
    href: '/progress',
    label: 'My progress',
    roles: ['trainee'],
    nav: ['trainee'],
    purpose: 'Your progress is kept with your account.',
  },
  trainees: {
    href: '/trainees',
    label: 'Trainees',
    roles: PRIVILEGED_ROLES,
    nav: PRIVILEGED_ROLES,
    purpose: 'Supervisors and clinics see their trainees here.',
  },
  roster: {
    href: '/roster',
    label: 'Staff roster',
    roles: PRIVILEGED_ROLES,
    // Platform admins reach each organisation's roster from Organisations.
    nav: ['supervisor', 'clinic-admin'],
    purpose: "Clinics and supervisors see their staff's certificates here.",
  },
  organisations: {
    href: '/organisations',
    label: 'Organisations',
    roles: ['platform-admin'],
    nav: ['platform-admin'],
    purpose: 'Platform admins manage organisations here.',
  },
  security: {
    href: '/account/security',
    label: 'Security',
    roles: ROLES,
    nav: PRIVILEGED_ROLES,
    purpose: 'Security settings belong to your account.',
  },
  verify: {
    href: '/verify',
    label: 'Verify a certificate',
    roles: 'everyone',
    nav: 'everyone',
    purpose: 'Anyone can check a certificate.',
  },
  record: {
    href: '/trainees/record',
    label: 'Trainee record',
    roles: PRIVILEGED_ROLES,
    purpose: 'Trainee records are visible to their supervisors and clinic.',
  },
  review: { href: '/attempts/review', label: 'Attempt review', roles: ROLES, purpose: "Attempts are part of a trainee's record." },
  quiz: {
    href: '/courses/[module]/quiz',
    label: 'Quiz',
    roles: ['trainee'],
    purpose: 'Quiz results are recorded against your training record.',
  },
} as const satisfies Record<string, Page>;

/** The navigation, in order. */
export const NAVIGATION: readonly Page[] = Object.values(PAGES).filter((page: Page) => page.nav !== undefined);

/** Whether someone with these roles (none: signed out) may see a page, or its link in the navigation. */
export function allows(who: 'everyone' | readonly Role[] | undefined, roles: readonly Role[] | undefined): boolean {
  if (who === undefined) return false;
  if (who === 'everyone') return true;
  return roles !== undefined && roles.some((role) => who.includes(role));
}
