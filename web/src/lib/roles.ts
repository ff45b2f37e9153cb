import type { Role } from '$core/auth/principal';

export const ROLE_LABELS: Record<Role, string> = {
  trainee: 'Trainee',
  supervisor: 'Supervisor',
  'clinic-admin': 'Clinic admin',
  'platform-admin': 'Platform admin',
};

/** Roles that see trainee records: they are asked to protect their account with two-factor sign-in. */
export const PRIVILEGED_ROLES: Role[] = ['supervisor', 'clinic-admin', 'platform-admin'];

export interface NavLink {
  href: string;
  label: string;
  /** Who sees the link: signed-in people with one of these roles, or everyone (signed in or not). */
  roles: Role[] | 'everyone';
}

/** Navigation per role: each person sees only where they can go. */
export const NAV_LINKS: NavLink[] = [
  { href: '/', label: 'Courses', roles: 'everyone' },
  { href: '/progress', label: 'My progress', roles: ['trainee'] },
  { href: '/trainees', label: 'Trainees', roles: ['supervisor', 'clinic-admin', 'platform-admin'] },
  { href: '/roster', label: 'Staff roster', roles: ['supervisor', 'clinic-admin'] },
  { href: '/organisations', label: 'Organisations', roles: ['platform-admin'] },
  { href: '/account/security', label: 'Security', roles: PRIVILEGED_ROLES },
  { href: '/verify', label: 'Verify a certificate', roles: 'everyone' },
];
