/**
 * Why a certificate is suspended or revoked: a category a clinic can count and compare, with the
 * supervisor's note beside it. Neither is shown publicly: verification says only the status.
 */
export const SUSPENSION_REASONS = {
  'practice-concern': 'A concern about practice is being reviewed',
  complaint: 'A complaint is being investigated',
  incident: 'An incident is being investigated',
  'requirements-lapsed': 'Required training or evidence has lapsed',
  'leave-of-absence': 'Leave or absence from practice',
  other: 'Other',
} as const;

export const REVOCATION_REASONS = {
  competence: 'Competence is no longer demonstrated',
  conduct: 'Professional conduct',
  'issued-in-error': 'Issued in error',
  'false-evidence': 'Evidence found to be false',
  'left-practice': 'Left practice',
  other: 'Other',
} as const;

export type SuspensionReason = keyof typeof SUSPENSION_REASONS;
export type RevocationReason = keyof typeof REVOCATION_REASONS;

export const SUSPENSION_REASON_IDS = Object.keys(SUSPENSION_REASONS) as [SuspensionReason, ...SuspensionReason[]];
export const REVOCATION_REASON_IDS = Object.keys(REVOCATION_REASONS) as [RevocationReason, ...RevocationReason[]];
