import { DomainError, type ErrorLocation } from '../errors';
import { formatCertificateCode } from './certificate-code';
import type { CertificateStatus } from './status';

/** The trainee does not meet the certificate's requirements yet; `unmet` says which. */
export class NotEligible extends DomainError {
  readonly kind = 'unprocessable';
  readonly code = 'not-eligible';
  readonly title = 'Not eligible yet';
  constructor(readonly unmet: string[]) {
    super(`Not eligible for a certificate yet. ${unmet.join(' ')}`, { extensions: { unmet } });
  }
}

/** The trainee already holds a certificate that is not revoked: one is issued exactly once. */
export class AlreadyCertified extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'already-certified';
  readonly title = 'Already certified';
  constructor(
    readonly certificateCode: string,
    status: CertificateStatus,
  ) {
    super(`This trainee already holds certificate ${formatCertificateCode(certificateCode)} (${status}).`, {
      extensions: { certificateCode: formatCertificateCode(certificateCode), certificateStatus: status },
    });
  }
}

const STATE_WORDS: Record<CertificateStatus, string> = {
  valid: 'is valid',
  expired: 'has expired',
  suspended: 'is suspended',
  revoked: 'has been revoked',
  superseded: 'has been renewed',
};

/**
 * The certificate is not in a state the action applies to (suspending a revoked one, reinstating
 * one that is not suspended, or it changed a moment ago under a concurrent request): nothing was
 * written. Names the state it is in now, so the caller can reload and decide.
 */
export class CertificateStateConflict extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'certificate-state-conflict';
  readonly title = 'Certificate is not in that state';
  constructor(certificateCode: string, status: CertificateStatus, action: string) {
    super(`Certificate ${formatCertificateCode(certificateCode)} ${STATE_WORDS[status]}, so it cannot be ${action}.`, {
      extensions: { certificateCode: formatCertificateCode(certificateCode), certificateStatus: status },
    });
  }
}

/** A well-formed request that breaks a rule of the domain (a date in the future, a depth beyond the course's limit). */
export class InvalidCertificationRequest extends DomainError {
  readonly kind = 'unprocessable';
  readonly code = 'invalid-certification-request';
  readonly title = 'Request breaks a certification rule';
  constructor(errors: ErrorLocation[]) {
    super(errors.map((error) => error.message).join(' '), { errors });
  }
}
