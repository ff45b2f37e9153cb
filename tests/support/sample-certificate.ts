import { randomBytes, randomUUID } from 'node:crypto';
import { CERTIFICATE_CODE_RANDOM_BYTES, certificateCodeFrom } from '../../functions/core/certification/certificate-code';
import type { CertificateRecord } from '../../functions/core/certification/types';
import { CERTIFICATION_POLICY, expiryAfter } from '../../functions/core/certification/rules';
import { catalogue } from '../../functions/core/course/generated/catalogue';

/** A certificate of the size real ones have: five modules, three procedures, names of usual length. */
export function sampleCertificate(issuedAt = new Date()): CertificateRecord {
  return {
    code: certificateCodeFrom(randomBytes(CERTIFICATE_CODE_RANDOM_BYTES)),
    traineeSub: randomUUID(),
    holderName: 'Alexandra Rivera-Okonkwo',
    organisationName: 'Harbour Skin Clinic',
    qualification: CERTIFICATION_POLICY.qualification,
    issuedAt: issuedAt.toISOString(),
    expiresAt: expiryAfter(issuedAt).toISOString(),
    issuedBy: { sub: randomUUID(), name: 'Sam Okafor' },
    modules: catalogue.map(({ moduleId, title }) => ({ moduleId, title, passedAt: issuedAt.toISOString(), attemptId: randomUUID() })),
    procedureIds: [randomUUID(), randomUUID(), randomUUID()],
    status: 'active',
  };
}
